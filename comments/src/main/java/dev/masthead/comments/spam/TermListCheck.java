package dev.masthead.comments.spam;

import dev.masthead.comments.Comment;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Disallowed terms (the comment goes to SPAM) and moderation terms (it is HELD), as WordPress's
 * "Disallowed Comment Keys" and "Comment Moderation" lists, with stricter matching ({@link TermList} gives the
 * syntax and the folding). Word and substring terms are matched against the author's name, email and website,
 * the content (as sanitized HTML and as plain text) and the user agent; IP entries against the client's
 * address.
 *
 * <p>Signals: {@code terms.disallowed} with a {@link Decision#SPAM} floor, or {@code terms.moderation} with a
 * {@link Decision#HOLD} floor, naming the term and the field (never the commenter's data). Both lists are empty
 * by default, as in WordPress.
 *
 * <p>Immutable and thread-safe.
 */
final class TermListCheck implements SpamCheck {
  private final TermList disallowed;
  private final TermList moderation;

  private TermListCheck(TermList disallowed, TermList moderation) {
    this.disallowed = disallowed;
    this.moderation = moderation;
  }

  /** A check with the given lists. */
  static TermListCheck of(TermList disallowed, TermList moderation) {
    return new TermListCheck(Objects.requireNonNull(disallowed, "disallowed"),
        Objects.requireNonNull(moderation, "moderation"));
  }

  /** A check with the lists parsed from text, folding look-alikes. */
  static TermListCheck of(String disallowedTerms, String moderationTerms) {
    return of(TermList.parse(disallowedTerms), TermList.parse(moderationTerms));
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
        {"content", comment.contentHtml().html()},
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
