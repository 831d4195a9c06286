package dev.masthead.comments.spam;

import dev.masthead.comments.Comment;
import java.util.List;

/**
 * A built-in check that reads a comment's cues. {@link SpamFilter} scans them once per verdict
 * ({@link CommentCues#of}) and passes the scan to every such check; called on its own, as any
 * {@link SpamCheck}, the check scans the comment itself. Either way the signals are the same.
 */
interface CueCheck extends SpamCheck {
  /**
   * Checks a comment whose cues are already scanned.
   *
   * @param comment the valid comment
   * @param context its form extras and page facts
   * @param cues the comment's cues, as {@link CommentCues#of} scans them
   * @return the signals, as {@link #check(Comment, SpamContext)} returns them
   */
  List<Signal> check(Comment comment, SpamContext context, CommentCues cues);

  @Override
  default List<Signal> check(Comment comment, SpamContext context) {
    return check(comment, context, CommentCues.of(comment));
  }
}
