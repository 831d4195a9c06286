package dev.masthead.comments;

/**
 * A field of the "Leave a reply" form, the place where a {@link FieldError} is shown.
 *
 * <p>Thread-safe (an enum).
 */
public enum Field {
  /** The article commented on (a hidden field). */
  ARTICLE("comment_post_ID"),
  /** The comment replied to (a hidden field). */
  PARENT("comment_parent"),
  /** The name field. */
  AUTHOR("author"),
  /** The email field. */
  EMAIL("email"),
  /** The website field. */
  URL("url"),
  /** The comment field. */
  CONTENT("comment");

  private final String parameterName;

  Field(String parameterName) {
    this.parameterName = parameterName;
  }

  /**
   * Returns the name of the form parameter that carries this field in WordPress's comment form, which many
   * themes and hosts reuse.
   *
   * @return the parameter name, for example {@code "author"} or {@code "comment"}
   */
  public String parameterName() {
    return parameterName;
  }
}
