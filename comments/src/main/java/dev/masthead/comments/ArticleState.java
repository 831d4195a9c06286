package dev.masthead.comments;

import dev.masthead.core.Article;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * An article as far as its reply form cares: does it take comments, and since when is it published (for
 * {@link CommentPolicy#closeCommentsAfter()}).
 *
 * <p>Immutable and thread-safe.
 *
 * @param commentsOpen whether the host takes comments on the article (WordPress's {@code comment_status}
 *     {@code "open"})
 * @param publishedAt when the article went live, or {@code null} if unknown (then only {@code commentsOpen}
 *     decides)
 */
public record ArticleState(boolean commentsOpen, @Nullable Instant publishedAt) {

  /**
   * Returns the state of a core {@link Article}: open for comments if the host says so and the article is
   * visible at {@code now} ({@link Article#isVisibleAt(Instant)}), with its publication time.
   *
   * @param article the article
   * @param commentsOpen whether the host takes comments on it
   * @param now the current time
   * @return the state
   * @throws NullPointerException if {@code article} or {@code now} is null
   */
  public static ArticleState of(Article article, boolean commentsOpen, Instant now) {
    Objects.requireNonNull(article, "article");
    Objects.requireNonNull(now, "now");
    return new ArticleState(commentsOpen && article.isVisibleAt(now), article.publishedAt());
  }

  /**
   * Returns the publication time, if known.
   *
   * @return when the article went live
   */
  public Optional<Instant> published() {
    return Optional.ofNullable(publishedAt);
  }
}
