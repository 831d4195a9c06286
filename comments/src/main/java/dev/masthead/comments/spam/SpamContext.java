package dev.masthead.comments.spam;

import dev.masthead.comments.CommentSubmission;
import java.net.URI;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What the spam checks need besides the {@link dev.masthead.comments.Comment} itself: the form extras that
 * validation does not keep, and what the host knows about the page.
 *
 * <p>Immutable and thread-safe.
 *
 * @param honeypot the value of the hidden honeypot field as posted ({@code null} or empty when untouched)
 * @param formToken the form token posted with the form (see {@link FormTokens}), or {@code null}
 * @param sessionId the session the form token was issued for, or {@code null} if tokens are not bound to a
 *     session
 * @param permalink the article's public URL, sent to Akismet as {@code permalink}, or {@code null}
 */
public record SpamContext(@Nullable String honeypot, @Nullable String formToken, @Nullable String sessionId,
    @Nullable URI permalink) {

  /** A context with nothing in it: no honeypot value, no form token, no session, no permalink. */
  public static final SpamContext EMPTY = new SpamContext(null, null, null, null);

  /**
   * Returns the context of a submitted form: its honeypot value and form token.
   *
   * @param submission the submission that validation turned into the comment
   * @return a context with the submission's honeypot and form token
   * @throws NullPointerException if {@code submission} is null
   */
  public static SpamContext of(CommentSubmission submission) {
    Objects.requireNonNull(submission, "submission");
    return new SpamContext(submission.honeypot(), submission.formToken(), null, null);
  }

  /**
   * Returns a copy bound to a session.
   *
   * @param sessionId the session id the form token was issued for, or {@code null}
   * @return the new context
   */
  public SpamContext withSessionId(@Nullable String sessionId) {
    return new SpamContext(honeypot, formToken, sessionId, permalink);
  }

  /**
   * Returns a copy with the article's public URL.
   *
   * @param permalink the article's URL, or {@code null}
   * @return the new context
   */
  public SpamContext withPermalink(@Nullable URI permalink) {
    return new SpamContext(honeypot, formToken, sessionId, permalink);
  }

  /** Leaves the values out: a honeypot value or a token may be evidence, but is no one's business in logs. */
  @Override
  public String toString() {
    return "SpamContext[honeypot=" + (honeypot == null || honeypot.isEmpty() ? "empty" : "filled")
        + ", formToken=" + (formToken == null ? "absent" : "present") + ", sessionId="
        + (sessionId == null ? "absent" : "present") + ", permalink=" + permalink + "]";
  }
}
