package dev.masthead.comments.spam;

import dev.masthead.comments.Comment;
import java.util.List;
import java.util.Set;

/**
 * Holds a comment with too many links, as WordPress's "Hold a comment in the queue if it contains N or more
 * links" ({@code comment_max_links}, default 2).
 *
 * <p>Links are counted as {@link Links} finds them: every anchor and every bare URL in the text, each distinct
 * link once; emoticons are not links. At the limit or above, the signal {@code links.too_many} sets a
 * {@link Decision#HOLD} floor and adds 0.5 per link.
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
    Set<String> links = Links.of(comment);
    if (links.size() < limit) {
      return List.of();
    }
    return List.of(new Signal(name(), "links.too_many", 0.5 * links.size(), Decision.HOLD,
        "Contains " + links.size() + " links; comments with " + limit + " or more are held"));
  }

  @Override
  public String toString() {
    return "LinkCheck[holdingAt=" + limit + "]";
  }
}
