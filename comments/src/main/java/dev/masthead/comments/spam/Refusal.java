package dev.masthead.comments.spam;

/**
 * Why a comment was refused outright, whatever its content: the host should tell the commenter, not the
 * moderator. A refused comment's decision is {@link Decision#DISCARD}.
 */
public enum Refusal {
  /**
   * A second comment from the same IP address or email within the flood interval (15 seconds by default,
   * as WordPress's {@code comment_flood_filter}). An HTTP host answers 429 Too Many Requests.
   */
  FLOOD,
  /**
   * The same author said the same thing under the same parent of the same article within the retention
   * window, as WordPress's duplicate comment check. An HTTP host answers 409 Conflict.
   */
  DUPLICATE
}
