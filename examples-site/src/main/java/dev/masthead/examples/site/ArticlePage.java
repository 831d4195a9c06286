package dev.masthead.examples.site;

import dev.masthead.comments.Field;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What the article template shows, computed by {@link ArticleController}; plain values, no logic in the
 * template beyond loops and conditions.
 *
 * @param articleId the article's id
 * @param path the article page's path
 * @param section the section's name, or {@code null}
 * @param headline the headline
 * @param dek the dek, or {@code null}
 * @param dateline the dateline, or {@code null}
 * @param byline "By A and B · 4 min read"
 * @param bodyHtml the body, cleaned with jsoup's relaxed safelist
 * @param jsonLd the NewsArticle JSON-LD
 * @param topWeek the "Top 5 This Week" box
 * @param popular the "Popular Articles" box
 * @param related the "Related Posts" box
 * @param commentCount the number of approved comments
 * @param comments the comments of this page of the thread, in display order
 * @param pagination the thread's pages
 * @param form the reply form
 */
public record ArticlePage(String articleId, String path, @Nullable String section, String headline,
    @Nullable String dek, @Nullable String dateline, String byline, String bodyHtml, String jsonLd,
    List<BoxItem> topWeek, List<BoxItem> popular, List<BoxItem> related, long commentCount,
    List<CommentView> comments, Pagination pagination, ReplyForm form) {

  /**
   * One line of a box.
   *
   * @param headline the linked headline
   * @param href the article's path
   * @param note a count, or why it is related, in words a reader understands
   */
  public record BoxItem(String headline, String href, String note) {}

  /**
   * One comment as shown.
   *
   * @param id its id, the anchor {@code comment-<id>}
   * @param depth 1 for top level; the template indents by it
   * @param authorName the author's name (escaped by the template)
   * @param authorUrl the author's website, or {@code null}
   * @param isoTime the time for {@code <time datetime>}
   * @param time the time as the reader reads it
   * @param html the sanitized comment
   * @param awaitingModeration whether it is held (shown to its author only)
   * @param replyHref the reply link, or {@code null} where no reply is possible (too deep, held)
   */
  public record CommentView(String id, int depth, String authorName, @Nullable String authorUrl, String isoTime,
      String time, String html, boolean awaitingModeration, @Nullable String replyHref) {
    /**
     * Returns the indentation class, capped so that a deep thread still fits a phone.
     *
     * @return {@code depth-1} to {@code depth-5}
     */
    public String depthClass() {
      return "depth-" + Math.min(depth, 5);
    }
  }

  /**
   * The pages of the comment thread.
   *
   * @param page the page shown, from 1
   * @param pages how many pages there are, at least 1
   * @param previousHref the previous page's link, or {@code null}
   * @param nextHref the next page's link, or {@code null}
   */
  public record Pagination(int page, int pages, @Nullable String previousHref, @Nullable String nextHref) {}

  /**
   * The reply form as it is shown.
   *
   * @param values what the reader typed, by field, to fill in again
   * @param messages the messages next to the fields
   * @param notice the notice above the form, or {@code null}
   * @param noticeKind {@code ok}, {@code pending} or {@code error}, for its style
   * @param formToken the form token
   * @param parentId the comment replied to, or {@code "0"}
   * @param replyingTo the name of the author replied to, or {@code null}
   * @param cancelReplyHref the link that drops the reply target, or {@code null}
   */
  public record ReplyForm(Map<Field, String> values, Map<Field, List<String>> messages, @Nullable String notice,
      String noticeKind, String formToken, String parentId, @Nullable String replyingTo,
      @Nullable String cancelReplyHref) {

    /**
     * Returns what the reader typed into a field.
     *
     * @param parameterName the field's form name
     * @return the value, or empty
     */
    public String value(String parameterName) {
      return values.getOrDefault(byName(parameterName), "");
    }

    /**
     * Returns the messages of a field, joined.
     *
     * @param parameterName the field's form name
     * @return the messages, or {@code null} if the field has none
     */
    public @Nullable String error(String parameterName) {
      List<String> m = messages.get(byName(parameterName));
      return m == null || m.isEmpty() ? null : String.join(" ", m);
    }

    private static Field byName(String parameterName) {
      for (Field f : Field.values()) {
        if (f.parameterName().equals(parameterName)) {
          return f;
        }
      }
      throw new IllegalArgumentException("no form field " + parameterName);
    }
  }
}
