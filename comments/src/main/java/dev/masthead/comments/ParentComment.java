package dev.masthead.comments;

import dev.masthead.core.ArticleId;
import java.util.Objects;

/**
 * A comment as far as a reply to it cares.
 *
 * <p>Immutable and thread-safe.
 *
 * @param articleId the article the comment belongs to; a reply must be on the same article
 * @param approved whether the comment is approved (visible to readers); a reply to a held comment is refused
 * @param depth the comment's nesting level: 1 for a top-level comment, 2 for a reply to it, and so on
 */
public record ParentComment(ArticleId articleId, boolean approved, int depth) {
  /**
   * Checks the components.
   *
   * @throws NullPointerException if {@code articleId} is null
   * @throws IllegalArgumentException if {@code depth} is less than 1
   */
  public ParentComment {
    Objects.requireNonNull(articleId, "ParentComment.articleId");
    if (depth < 1) {
      throw new IllegalArgumentException("ParentComment.depth must be at least 1, was " + depth);
    }
  }
}
