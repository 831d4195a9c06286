package dev.masthead.comments.spam;

import dev.masthead.comments.Comment;
import java.util.List;

/**
 * Holds a comment with too many links, as WordPress's "Hold a comment in the queue if it contains N or more
 * links" ({@code comment_max_links}, default 2).
 *
 * <p>Links are counted as {@link Comment#links()} lists them: every http or https anchor and every bare URL in
 * the text (on any top-level domain of the public suffix list), each distinct link once; emoticons and email
 * addresses are not links. This is the same count the learned classifier weighs. At the limit or above, the
 * signal {@code links.too_many} sets a {@link Decision#HOLD} floor and adds nothing to the score: a person
 * decides, and how much links mean spam is the classifier's to weigh, not a hand-set score.
 *
 * <p>Immutable and thread-safe.
 */
final class LinkCheck implements SpamCheck {
  /** The default limit: 2, as WordPress's {@code comment_max_links}. */
  public static final int DEFAULT_LIMIT = 2;

  private final int limit;

  private LinkCheck(int limit) {
    this.limit = limit;
  }

  /**
   * Returns the check with WordPress's default: hold at {@value #DEFAULT_LIMIT} links or more.
   *
   * @return the check
   */
  public static LinkCheck create() {
    return new LinkCheck(DEFAULT_LIMIT);
  }

  /**
   * Returns a check that holds comments with {@code limit} links or more.
   *
   * @param limit from 1 to 1,000
   * @return the check
   * @throws IllegalArgumentException if out of range
   */
  public static LinkCheck holdingAt(int limit) {
    if (limit < 1 || limit > 1000) {
      throw new IllegalArgumentException("limit must be in [1, 1000], was " + limit);
    }
    return new LinkCheck(limit);
  }

  @Override
  public String name() {
    return "links";
  }

  @Override
  public List<Signal> check(Comment comment, SpamContext context) {
    int links = comment.links().size();
    if (links < limit) {
      return List.of();
    }
    return List.of(Signal.floor(name(), "links.too_many", Decision.HOLD,
        "Contains " + links + " links; comments with " + limit + " or more are held"));
  }

  @Override
  public String toString() {
    return "LinkCheck[holdingAt=" + limit + "]";
  }
}
