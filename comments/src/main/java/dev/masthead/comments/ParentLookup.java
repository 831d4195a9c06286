package dev.masthead.comments;

import dev.masthead.core.ArticleId;
import java.util.Objects;
import java.util.Optional;

/**
 * What the host knows about the comment a reader replies to. The host implements it over its comment store.
 *
 * <p>Implementations must be safe for concurrent use; {@link CommentValidator} calls them from any thread, once
 * per reply, on the request thread. An implementation over a database or a remote service may fail or time out:
 * it should answer within the host's own request budget, and whatever it throws propagates out of
 * {@link CommentValidator#validate} unchanged (the reply is not accepted; nothing is stored).
 */
@FunctionalInterface
public interface ParentLookup {
  /** A lookup that knows no comments: every reply is answered with {@link ErrorCode#PARENT_NOT_FOUND}. */
  ParentLookup NONE = id -> Optional.empty();

  /**
   * Finds a comment.
   *
   * @param id the parent id from the submission: trimmed, not blank, not {@code "0"}, at most
   *     {@value CommentValidator#MAX_PARENT_ID_LENGTH} chars, without control or invisible format characters
   * @return the comment, or empty if the host has no such comment
   */
  Optional<Parent> find(String id);

  /**
   * A comment as far as a reply to it cares.
   *
   * <p>Immutable and thread-safe.
   *
   * @param articleId the article the comment belongs to; a reply must be on the same article
   * @param approved whether the comment is approved (visible to readers); a reply to a held comment is refused
   * @param depth the comment's nesting level: 1 for a top-level comment, 2 for a reply to it, and so on
   */
  record Parent(ArticleId articleId, boolean approved, int depth) {
    /**
     * Checks the components.
     *
     * @throws NullPointerException if {@code articleId} is null
     * @throws IllegalArgumentException if {@code depth} is less than 1
     */
    public Parent {
      Objects.requireNonNull(articleId, "Parent.articleId");
      if (depth < 1) {
        throw new IllegalArgumentException("Parent.depth must be at least 1, was " + depth);
      }
    }
  }
}
