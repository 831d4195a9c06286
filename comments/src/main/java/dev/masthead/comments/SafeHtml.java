package dev.masthead.comments;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.masthead.core.InvalidDataException;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A comment's HTML that Masthead's sanitizer made, safe to insert in a page as it is: only tags a
 * {@link CommentPolicy} may allow (never {@code script}, {@code style}, {@code iframe}, forms and the others
 * the policy forbids), only harmless attributes, URL attributes with absolute http or https URLs
 * ({@code mailto:} for {@code href}), {@code rel="nofollow ugc noopener"} on every link, text escaped.
 *
 * <p>There is no public constructor: a value comes from the validator ({@link Comment#contentHtml()}), from
 * {@link #sanitize(String)}, which cleans any HTML, or from {@link #parse(String)} and JSON reading, which
 * accept only HTML that already is in the sanitizer's output form and refuse anything else. So a
 * {@code SafeHtml} in a {@link Comment} was made safe whatever path it took.
 *
 * <p>JSON: written as a string, its HTML; read through {@link #parse(String)}, so a stored document whose HTML
 * was altered is refused ({@link InvalidDataException}, wrapped by Jackson), never inserted.
 *
 * <p>Immutable and thread-safe.
 */
public final class SafeHtml {
  private static final ContentSanitizer DEFAULT_SANITIZER =
      new ContentSanitizer(CommentPolicy.DEFAULT_ALLOWED_HTML);

  private final String html;

  private SafeHtml(String html) {
    this.html = html;
  }

  /** HTML the sanitizer just produced. */
  static SafeHtml sanitized(String html) {
    return new SafeHtml(html);
  }

  /**
   * Cleans any HTML as the validator cleans a comment under {@link CommentPolicy#defaults()}: WordPress's
   * comment tags, safe URLs only, {@code rel="nofollow ugc noopener"} on links, paragraphs and line breaks as
   * markup. For comments that did not come through the form (an import from another system).
   *
   * @param untrustedHtml any string: HTML, text, or both; control characters, lone surrogates and U+FEFF are
   *     removed first
   * @return the clean HTML
   * @throws NullPointerException if {@code untrustedHtml} is null
   */
  public static SafeHtml sanitize(String untrustedHtml) {
    String normalized = FieldText.contentChars(Objects.requireNonNull(untrustedHtml, "untrustedHtml")).strip();
    return new SafeHtml(DEFAULT_SANITIZER.sanitize(normalized).html());
  }

  /**
   * Accepts HTML that is already in the sanitizer's output form (as written by {@link #html()}, under any
   * policy), and refuses anything else: a tag a policy can never allow, an attribute outside the permitted
   * ones, an unsafe URL, a link without {@code rel="nofollow ugc noopener"}, an HTML comment, or markup a parser
   * would read differently from how it is written. Used when JSON is read.
   *
   * @param html the HTML, as stored
   * @return the same HTML as a {@code SafeHtml}
   * @throws NullPointerException if {@code html} is null
   * @throws InvalidDataException if the HTML is not safe as it is, naming why (never the text itself)
   */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static SafeHtml parse(String html) {
    Objects.requireNonNull(html, "html");
    String problem = ContentSanitizer.whyNotSanitized(html);
    if (problem != null) {
      throw new InvalidDataException("comment HTML refused: " + problem + "; it was not made by Masthead's "
          + "sanitizer (sanitize it again with SafeHtml.sanitize)");
    }
    return new SafeHtml(html);
  }

  /**
   * Returns the HTML.
   *
   * @return the HTML, safe to insert in a page as it is
   */
  @JsonValue
  public String html() {
    return html;
  }

  /**
   * Returns the HTML, as {@link #html()}.
   *
   * @return the HTML
   */
  @Override
  public String toString() {
    return html;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof SafeHtml other && html.equals(other.html);
  }

  @Override
  public int hashCode() {
    return html.hashCode();
  }
}
