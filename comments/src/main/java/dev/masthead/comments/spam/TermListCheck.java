package dev.masthead.comments.spam;

import dev.masthead.comments.Comment;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Disallowed terms (the comment goes to SPAM) and moderation terms (it is HELD), as WordPress's
 * "Disallowed Comment Keys" and "Comment Moderation" lists, with stricter matching.
 *
 * <p><b>Syntax</b>, one term per line: blank lines and lines starting with {@code #} are ignored; surrounding
 * white space is trimmed.
 * <ul>
 *   <li>An IPv4 or IPv6 address, or a CIDR range ({@code 203.0.113.7}, {@code 198.51.100.0/24},
 *       {@code 2001:db8::/32}), matches the client's IP address only, as a whole address: {@code 10.0.0.1}
 *       never matches {@code 10.0.0.12}.</li>
 *   <li>A line starting with {@code ~} is a substring term: {@code ~casino} matches {@code onlinecasinos}.</li>
 *   <li>Any other line is a whole-word term of one or more words: {@code cheap pills} matches the two words
 *       side by side, not {@code cheapest}; a {@code *} inside a word stands for any run of letters and
 *       digits ({@code v*agra} matches {@code viagra} and {@code v1agra}).</li>
 * </ul>
 *
 * <p><b>Matching</b> is case-insensitive and runs on folded text ({@link TextFolding}: HTML entities decoded,
 * NFKC, invisible characters and accents removed, common Cyrillic and Greek look-alikes mapped to Latin), so
 * {@code ｃａｓｉｎｏ}, {@code c&#97;sino}, {@code ca\u200Bsino} and {@code саsino} (Cyrillic а) all match
 * {@code casino}. Word and substring terms are matched against the author's name, email and website, the
 * content (as sanitized HTML and as plain text) and the user agent.
 *
 * <p>Signals: {@code terms.disallowed} with a {@link Decision#SPAM} floor, or {@code terms.moderation} with a
 * {@link Decision#HOLD} floor, naming the term and the field (never the commenter's data). Both lists are empty
 * by default, as in WordPress.
 *
 * <p>Immutable and thread-safe.
 */
public final class TermListCheck implements SpamCheck {
  private final TermList disallowed;
  private final TermList moderation;

  private TermListCheck(TermList disallowed, TermList moderation) {
    this.disallowed = disallowed;
    this.moderation = moderation;
  }

  /**
   * Returns a check with the given lists.
   *
   * @param disallowedTerms the disallowed terms, one per line (may be empty)
   * @param moderationTerms the moderation terms, one per line (may be empty)
   * @return the check
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if a term has more than 64 words
   */
  public static TermListCheck of(String disallowedTerms, String moderationTerms) {
    return new TermListCheck(TermList.parse(Objects.requireNonNull(disallowedTerms, "disallowedTerms")),
        TermList.parse(Objects.requireNonNull(moderationTerms, "moderationTerms")));
  }

  @Override
  public String name() {
    return "terms";
  }

  @Override
  public List<Signal> check(Comment comment, SpamContext context) {
    Optional<Signal> spam = match(disallowed, comment, "terms.disallowed", Decision.SPAM, "disallowed");
    if (spam.isPresent()) {
      return List.of(spam.get());
    }
    return match(moderation, comment, "terms.moderation", Decision.HOLD, "moderation").map(List::of).orElse(List.of());
  }

  private Optional<Signal> match(TermList list, Comment comment, String code, Decision floor, String kind) {
    if (list.size() == 0) {
      return Optional.empty();
    }
    Optional<TermList.Term> ip = list.matchIp(comment.client().ipAddress());
    if (ip.isPresent()) {
      return Optional.of(signal(code, floor, kind, ip.get(), "IP address"));
    }
    String[][] fields = {
        {"name", comment.authorName()},
        {"email", comment.authorEmail()},
        {"website", comment.authorUrl() == null ? "" : comment.authorUrl().toString()},
        {"content", comment.contentText()},
        {"content", comment.contentHtml()},
        {"user agent", comment.client().userAgent() == null ? "" : comment.client().userAgent()},
    };
    for (String[] field : fields) {
      Optional<TermList.Term> term = list.matchText(field[1]);
      if (term.isPresent()) {
        return Optional.of(signal(code, floor, kind, term.get(), field[0]));
      }
    }
    return Optional.empty();
  }

  private Signal signal(String code, Decision floor, String kind, TermList.Term term, String field) {
    String what = term.ip() != null ? "a " + kind + " IP entry" : "the " + kind + " term \"" + term.line() + "\"";
    return Signal.floor(name(), code, floor, "The " + field + " matches " + what);
  }

  @Override
  public String toString() {
    return "TermListCheck[disallowed=" + disallowed.size() + " terms, moderation=" + moderation.size() + " terms]";
  }
}
