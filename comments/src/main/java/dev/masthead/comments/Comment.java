package dev.masthead.comments;

import dev.masthead.core.ArticleId;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A valid reply, ready to store: every field normalized, the content as safe HTML and as plain text. Produced
 * by {@link CommentValidator#validate}; the host stores it with the moderation status its spam checks decide.
 *
 * <p>Serializable with Jackson: with {@link dev.masthead.core.json.MastheadModule} registered on the mapper,
 * a comment round-trips as a JSON object with the component names below ({@code articleId} as a string,
 * {@code submittedAt} as an ISO-8601 string, {@code authorUrl} and {@code contentHtml} as strings). Reading
 * checks the HTML again ({@link SafeHtml#parse}): a document whose HTML is not in the sanitizer's output form
 * is refused, so HTML read from JSON is as safe to insert as HTML from the validator.
 *
 * <p>Immutable and thread-safe. {@link #toString()} reveals no personal data.
 *
 * @param articleId the article commented on
 * @param parentId the comment replied to, trimmed, or {@code null} for a top-level comment
 * @param authorName the name: NFC, control and invisible format characters removed, runs of white space
 *     collapsed to one space, trimmed; empty only when the policy does not require a name and none was given.
 *     Plain text: escape it before putting it in HTML
 * @param authorEmail the email address with its domain lower-cased and in ASCII (punycode) form; empty only
 *     when the policy does not require an email and none was given
 * @param authorUrl the website, an absolute http or https URL in ASCII form (host lower-cased, path case
 *     kept), or {@code null} if none was given
 * @param contentHtml the comment as sanitized HTML, a type only the sanitizer makes, safe to insert in a page as
 *     it is ({@link SafeHtml#html()}): only the policy's allowed tags and attributes, links with {@code rel="nofollow ugc noopener"}, text escaped, paragraphs in
 *     {@code <p>} and single line breaks as {@code <br>}
 * @param contentText the comment as plain text (tags removed, entities decoded, line breaks kept as
 *     {@code \n}), for spam checks and excerpts; escape it before putting it in HTML
 * @param links the comment's web links, each distinct link once: the {@code href} of every http or https
 *     anchor in {@code contentHtml} in document order, then every bare URL of {@code contentText} as written
 *     ({@code https://…}, {@code www.…}, or a host name on any top-level domain of the public suffix list, such
 *     as {@code shop.example.pl/offer}); two links are the same when their host (lower case, ASCII, without
 *     {@code www.}) and path (without trailing slashes) are. {@code mailto:} anchors are contacts, not links,
 *     and are not listed. This is the one count the spam filter's link check and classifier use
 * @param client the client's normalized IP address, user agent and referrer
 * @param submittedAt when the form was received
 */
public record Comment(
    ArticleId articleId,
    @Nullable String parentId,
    String authorName,
    String authorEmail,
    @Nullable URI authorUrl,
    SafeHtml contentHtml,
    String contentText,
    List<String> links,
    ClientInfo client,
    Instant submittedAt) {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component that is not {@code @Nullable} is null, or {@code links}
   *     holds a null
   */
  public Comment {
    Objects.requireNonNull(articleId, "Comment.articleId");
    Objects.requireNonNull(authorName, "Comment.authorName");
    Objects.requireNonNull(authorEmail, "Comment.authorEmail");
    Objects.requireNonNull(contentHtml, "Comment.contentHtml");
    Objects.requireNonNull(contentText, "Comment.contentText");
    links = List.copyOf(links);
    Objects.requireNonNull(client, "Comment.client");
    Objects.requireNonNull(submittedAt, "Comment.submittedAt");
  }

  /**
   * Returns the id of the comment replied to.
   *
   * @return the parent's id, or empty for a top-level comment
   */
  public Optional<String> parent() {
    return Optional.ofNullable(parentId);
  }

  /**
   * Returns the author's website.
   *
   * @return the website, or empty if none was given
   */
  public Optional<URI> website() {
    return Optional.ofNullable(authorUrl);
  }

  /**
   * Describes the comment without personal data (no name, email, URL, client info or text).
   *
   * @return a description with the article, parent, time, content length and link count
   */
  @Override
  public String toString() {
    return "Comment[articleId=" + articleId + ", parentId=" + parentId + ", submittedAt=" + submittedAt
        + ", contentText=" + contentText.length() + " chars, links=" + links.size() + "]";
  }
}
