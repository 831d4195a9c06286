package dev.masthead.comments;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A "Leave a reply" form as the host received it: every value raw, exactly as posted. Any content and any
 * length is accepted here (empty, megabytes, NUL, lone surrogates, bidi overrides); deciding is
 * {@link CommentValidator#validate}'s job, which answers with field errors, never an exception.
 *
 * <p>A {@code null} text value means the form did not send the field and is treated as empty.
 *
 * <p>Immutable and thread-safe. {@link #toString()} reveals lengths only, never personal data.
 *
 * @param articleId the article commented on, as posted (WordPress's {@code comment_post_ID}); must name an
 *     {@link dev.masthead.core.ArticleId} that the host's {@link dev.masthead.core.ArticleLookup} finds
 * @param parentId the comment replied to (WordPress's {@code comment_parent}); {@code null}, blank or
 *     {@code "0"} for a top-level comment
 * @param authorName the name field ({@code author})
 * @param authorEmail the email field ({@code email})
 * @param authorUrl the website field ({@code url})
 * @param content the comment field ({@code comment}), plain text with optional HTML
 * @param client the client's IP address, user agent and referrer; {@code null} means {@link ClientInfo#UNKNOWN}
 * @param submittedAt when the host received the form, or {@code null} to let the validator read its clock
 * @param honeypot the value of the form's hidden honeypot field (empty when a human filled the form), or
 *     {@code null} if the form has none; read by the spam checks
 * @param formToken the token the host put in the form when it rendered it (for replay and timing checks), or
 *     {@code null}; read by the spam checks
 */
public record CommentSubmission(
    @Nullable String articleId,
    @Nullable String parentId,
    @Nullable String authorName,
    @Nullable String authorEmail,
    @Nullable String authorUrl,
    @Nullable String content,
    ClientInfo client,
    @Nullable Instant submittedAt,
    @Nullable String honeypot,
    @Nullable String formToken) {

  /**
   * Creates a submission; never rejects a value.
   *
   * @param articleId see the record's description
   * @param parentId see the record's description
   * @param authorName see the record's description
   * @param authorEmail see the record's description
   * @param authorUrl see the record's description
   * @param content see the record's description
   * @param client see the record's description; {@code null} becomes {@link ClientInfo#UNKNOWN}
   * @param submittedAt see the record's description
   * @param honeypot see the record's description
   * @param formToken see the record's description
   */
  public CommentSubmission {
    if (client == null) {
      client = ClientInfo.UNKNOWN;
    }
  }

  /**
   * Returns a builder with every field unset.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Describes the submission by field lengths (in UTF-16 chars), without revealing any value.
   *
   * @return a description such as {@code CommentSubmission[articleId=4, authorName=9, content=120, ...]}
   */
  @Override
  public String toString() {
    return "CommentSubmission[articleId=" + length(articleId) + ", parentId=" + length(parentId)
        + ", authorName=" + length(authorName) + ", authorEmail=" + length(authorEmail)
        + ", authorUrl=" + length(authorUrl) + ", content=" + length(content) + ", client=" + client
        + ", submittedAt=" + submittedAt + ", honeypot=" + length(honeypot)
        + ", formToken=" + length(formToken) + "]";
  }

  private static String length(@Nullable String value) {
    return value == null ? "null" : Integer.toString(value.length());
  }

  /**
   * Collects the fields of a {@link CommentSubmission}. Every setter accepts any value, including
   * {@code null}.
   *
   * <p>Not thread-safe; use one builder per request.
   */
  public static final class Builder {
    private @Nullable String articleId;
    private @Nullable String parentId;
    private @Nullable String authorName;
    private @Nullable String authorEmail;
    private @Nullable String authorUrl;
    private @Nullable String content;
    private @Nullable String ipAddress;
    private @Nullable String userAgent;
    private @Nullable String referrer;
    private @Nullable Instant submittedAt;
    private @Nullable String honeypot;
    private @Nullable String formToken;

    private Builder() {}

    /**
     * Sets the article id as posted.
     *
     * @param value the raw value
     * @return this builder
     */
    public Builder articleId(@Nullable String value) {
      this.articleId = value;
      return this;
    }

    /**
     * Sets the id of the comment replied to, as posted.
     *
     * @param value the raw value; {@code null}, blank or {@code "0"} for a top-level comment
     * @return this builder
     */
    public Builder parentId(@Nullable String value) {
      this.parentId = value;
      return this;
    }

    /**
     * Sets the name field.
     *
     * @param value the raw value
     * @return this builder
     */
    public Builder authorName(@Nullable String value) {
      this.authorName = value;
      return this;
    }

    /**
     * Sets the email field.
     *
     * @param value the raw value
     * @return this builder
     */
    public Builder authorEmail(@Nullable String value) {
      this.authorEmail = value;
      return this;
    }

    /**
     * Sets the website field.
     *
     * @param value the raw value
     * @return this builder
     */
    public Builder authorUrl(@Nullable String value) {
      this.authorUrl = value;
      return this;
    }

    /**
     * Sets the comment field.
     *
     * @param value the raw value
     * @return this builder
     */
    public Builder content(@Nullable String value) {
      this.content = value;
      return this;
    }

    /**
     * Sets the client's IP address.
     *
     * @param value the raw value, for example the servlet's {@code getRemoteAddr()}
     * @return this builder
     */
    public Builder ipAddress(@Nullable String value) {
      this.ipAddress = value;
      return this;
    }

    /**
     * Sets the {@code User-Agent} header.
     *
     * @param value the raw value
     * @return this builder
     */
    public Builder userAgent(@Nullable String value) {
      this.userAgent = value;
      return this;
    }

    /**
     * Sets the {@code Referer} header.
     *
     * @param value the raw value
     * @return this builder
     */
    public Builder referrer(@Nullable String value) {
      this.referrer = value;
      return this;
    }

    /**
     * Sets when the host received the form.
     *
     * @param value the moment, or {@code null} to use the validator's clock
     * @return this builder
     */
    public Builder submittedAt(@Nullable Instant value) {
      this.submittedAt = value;
      return this;
    }

    /**
     * Sets the value of the hidden honeypot field.
     *
     * @param value the raw value, or {@code null} if the form has no honeypot
     * @return this builder
     */
    public Builder honeypot(@Nullable String value) {
      this.honeypot = value;
      return this;
    }

    /**
     * Sets the form token.
     *
     * @param value the raw value, or {@code null}
     * @return this builder
     */
    public Builder formToken(@Nullable String value) {
      this.formToken = value;
      return this;
    }

    /**
     * Returns the submission.
     *
     * @return a new immutable submission; never throws
     */
    public CommentSubmission build() {
      return new CommentSubmission(articleId, parentId, authorName, authorEmail, authorUrl, content,
          new ClientInfo(ipAddress, userAgent, referrer), submittedAt, honeypot, formToken);
    }
  }
}
