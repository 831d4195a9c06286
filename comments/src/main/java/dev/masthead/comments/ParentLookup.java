package dev.masthead.comments;

import java.util.Optional;

/**
 * What the host knows about the comment a reader replies to. The host implements it over its comment store.
 *
 * <p>Implementations must be safe for concurrent use; {@link CommentValidator} calls them from any thread.
 * An exception thrown by an implementation propagates out of {@link CommentValidator#validate} unchanged.
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
  Optional<ParentComment> find(String id);
}
