package dev.masthead.comments.spam;

import dev.masthead.comments.Comment;
import java.util.List;
import java.util.Objects;

/**
 * Checks the form token posted with a comment ({@link FormTokens}): a form posted faster than a person could
 * write a reply is SPAM ({@code token.too_fast}); a forged, malformed, expired, future or missing token HOLDS
 * the comment ({@code token.forged}, {@code token.malformed}, {@code token.expired}, {@code token.future},
 * {@code token.missing}), since a real reader can meet those (an old tab, a cached page).
 *
 * <p>Immutable and thread-safe.
 */
final class FormTokenCheck implements SpamCheck {
  private final FormTokens tokens;

  private FormTokenCheck(FormTokens tokens) {
    this.tokens = tokens;
  }

  /**
   * Returns the check.
   *
   * @param tokens the token maker whose key issued the tokens
   * @return the check
   * @throws NullPointerException if {@code tokens} is null
   */
  public static FormTokenCheck of(FormTokens tokens) {
    return new FormTokenCheck(Objects.requireNonNull(tokens, "tokens"));
  }

  @Override
  public String name() {
    return "token";
  }

  @Override
  public Cost cost() {
    return Cost.TRIVIAL;
  }

  @Override
  public List<Signal> check(Comment comment, SpamContext context) {
    FormTokens.Verification v = tokens.verify(context.formToken(), comment.articleId(), context.sessionId());
    return switch (v.status()) {
      case VALID -> List.of();
      case TOO_FAST -> List.of(Signal.floor(name(), "token.too_fast", Decision.SPAM,
          "Posted " + v.age().toMillis() + " ms after the form was rendered; a person needs at least "
              + tokens.minAge().toSeconds() + " seconds"));
      case EXPIRED -> List.of(hold("token.expired", "The form token has expired"));
      case FROM_THE_FUTURE -> List.of(hold("token.future", "The form token was issued in the future (clock skew?)"));
      case FORGED -> List.of(hold("token.forged", "The form token was not issued for this article and session"));
      case MALFORMED -> List.of(hold("token.malformed", "The form token is malformed"));
      case MISSING -> List.of(hold("token.missing", "No form token was posted"));
    };
  }

  private Signal hold(String code, String reason) {
    return Signal.floor(name(), code, Decision.HOLD, reason);
  }

  @Override
  public String toString() {
    return "FormTokenCheck[" + tokens + "]";
  }
}
