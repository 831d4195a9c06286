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
    if (disallowed.size() == 0 && moderation.size() == 0) {
      return List.of();
    }
    String[] values = {
        comment.authorName(),
        comment.authorEmail(),
        comment.authorUrl() == null ? "" : comment.authorUrl().toString(),
        comment.contentText(),
        comment.contentHtml().html(),
        comment.client().userAgent() == null ? "" : comment.client().userAgent(),
    };
    // each field folded once for both lists when they fold alike (the usual case)
    TermList.Forms[] forms = new TermList.Forms[FIELDS.length];
    Optional<Signal> spam = match(disallowed, comment, values, forms, "terms.disallowed", Decision.SPAM, "disallowed");
    if (spam.isPresent()) {
      return List.of(spam.get());
    }
    if (moderation.lookAlikes() != disallowed.lookAlikes()) {
      forms = new TermList.Forms[FIELDS.length];
    }
    return match(moderation, comment, values, forms, "terms.moderation", Decision.HOLD, "moderation")
        .map(List::of).orElse(List.of());
  }

  /** The fields matched, in order, as named in signals. */
  private static final String[] FIELDS = {"name", "email", "website", "content", "content", "user agent"};

  private Optional<Signal> match(TermList list, Comment comment, String[] values, TermList.Forms[] forms, String code,
      Decision floor, String kind) {
    if (list.size() == 0) {
      return Optional.empty();
    }
    Optional<TermList.Term> ip = list.matchIp(comment.client().ipAddress());
    if (ip.isPresent()) {
      return Optional.of(signal(code, floor, kind, ip.get(), "IP address"));
    }
    for (int f = 0; f < FIELDS.length; f++) {
      if (forms[f] == null) {
        forms[f] = new TermList.Forms(values[f], list.lookAlikes());
      }
      Optional<TermList.Term> term = list.matchText(forms[f]);
      if (term.isPresent()) {
        return Optional.of(signal(code, floor, kind, term.get(), FIELDS[f]));
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
