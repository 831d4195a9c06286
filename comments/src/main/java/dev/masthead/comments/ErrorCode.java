package dev.masthead.comments;

/**
 * Why a field was refused: a stable code, safe to store, to send to a browser and to test against.
 *
 * <p>The code strings ({@link #code()}, such as {@code "content.required"}) are part of the API: they do not
 * change between versions. Each code is also the key of its message in the resource bundle
 * {@code dev.masthead.comments.messages}.
 *
 * <p>Thread-safe (an enum).
 */
public enum ErrorCode {
  /**
   * The article id is malformed, or the host's {@link dev.masthead.core.ArticleLookup} does not find it, or
   * readers may not see it yet.
   */
  ARTICLE_NOT_FOUND(Field.ARTICLE, "article.not_found"),
  /**
   * The article does not take comments: the host closed them, or the policy's
   * {@link CommentPolicy#closeCommentsAfter()} has passed since publication.
   */
  ARTICLE_CLOSED(Field.ARTICLE, "article.closed"),
  /** The parent comment is unknown, malformed, or belongs to another article. */
  PARENT_NOT_FOUND(Field.PARENT, "parent.not_found"),
  /** The parent comment is not approved (held for moderation, spam or trash). */
  PARENT_NOT_APPROVED(Field.PARENT, "parent.not_approved"),
  /** The reply would be nested deeper than {@link CommentPolicy#maxReplyDepth()}; the limit is the depth. */
  PARENT_TOO_DEEP(Field.PARENT, "parent.too_deep"),
  /** The name is empty (after normalization) and the policy requires it. */
  AUTHOR_REQUIRED(Field.AUTHOR, "author.required"),
  /** The name is longer than the policy allows; the limit is in code points. */
  AUTHOR_TOO_LONG(Field.AUTHOR, "author.too_long"),
  /** The email is empty (after normalization) and the policy requires it. */
  EMAIL_REQUIRED(Field.EMAIL, "email.required"),
  /** The email is longer than the policy allows; the limit is in code points. */
  EMAIL_TOO_LONG(Field.EMAIL, "email.too_long"),
  /** The email is not an address of the accepted form (see {@link CommentValidator}). */
  EMAIL_INVALID(Field.EMAIL, "email.invalid"),
  /** The website is longer than the policy allows; the limit is in code points. */
  URL_TOO_LONG(Field.URL, "url.too_long"),
  /** The website is not an http or https URL of the accepted form (see {@link CommentValidator}). */
  URL_INVALID(Field.URL, "url.invalid"),
  /** The comment has no visible text (after normalization and sanitizing). */
  CONTENT_REQUIRED(Field.CONTENT, "content.required"),
  /** The comment's text is shorter than the policy's minimum; the limit is in code points. */
  CONTENT_TOO_SHORT(Field.CONTENT, "content.too_short"),
  /** The comment is longer than the policy allows; the limit is in code points. */
  CONTENT_TOO_LONG(Field.CONTENT, "content.too_long");

  private final Field field;
  private final String code;

  ErrorCode(Field field, String code) {
    this.field = field;
    this.code = code;
  }

  /**
   * Returns the field this error is shown next to.
   *
   * @return the field
   */
  public Field field() {
    return field;
  }

  /**
   * Returns the stable code string.
   *
   * @return the code, {@code "<field>.<reason>"}, for example {@code "email.invalid"}
   */
  public String code() {
    return code;
  }

  /**
   * Returns the code string.
   *
   * @return {@link #code()}
   */
  @Override
  public String toString() {
    return code;
  }
}
