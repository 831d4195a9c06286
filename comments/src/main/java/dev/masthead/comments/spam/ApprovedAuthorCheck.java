package dev.masthead.comments.spam;

import dev.masthead.comments.Comment;
import java.util.List;
import java.util.Objects;

/**
 * Trusts authors who have been approved before, as WordPress's "Comment author must have a previously
 * approved comment" ({@code comment_previously_approved}), turned into a score: a comment whose name and email
 * match an approved author gets {@code author.previously_approved} with a score of -1.5 (default), enough to
 * outweigh a borderline classifier score but not a floor set by another check (too many links, a disallowed
 * term). A moderator's ham feedback approves the author.
 *
 * <p>Thread-safe if its store is.
 */
final class ApprovedAuthorCheck implements SpamCheck {
  /** The default score of an approved author: -1.5. */
  public static final double DEFAULT_SCORE = -1.5;

  private final ApprovedAuthors authors;
  private final double score;

  private ApprovedAuthorCheck(ApprovedAuthors authors, double score) {
    this.authors = authors;
    this.score = score;
  }

  /**
   * Returns the check with the default score.
   *
   * @param authors the store of approved authors
   * @return the check
   * @throws NullPointerException if {@code authors} is null
   */
  public static ApprovedAuthorCheck of(ApprovedAuthors authors) {
    return of(authors, DEFAULT_SCORE);
  }

  /**
   * Returns the check with the given score.
   *
   * @param authors the store of approved authors
   * @param score the score of an approved author, from -10 to 0
   * @return the check
   * @throws NullPointerException if {@code authors} is null
   * @throws IllegalArgumentException if {@code score} is out of range
   */
  public static ApprovedAuthorCheck of(ApprovedAuthors authors, double score) {
    Objects.requireNonNull(authors, "authors");
    if (!(score >= -10 && score <= 0)) {
      throw new IllegalArgumentException("score must be in [-10, 0], was " + score);
    }
    return new ApprovedAuthorCheck(authors, score);
  }

  @Override
  public String name() {
    return "author";
  }

  @Override
  public Cost cost() {
    return Cost.TRIVIAL;
  }

  @Override
  public List<Signal> check(Comment comment, SpamContext context) {
    if (comment.authorEmail().isBlank() || !authors.isApproved(comment.authorName(), comment.authorEmail())) {
      return List.of();
    }
    return List.of(Signal.score(name(), "author.previously_approved", score,
        "The author has had a comment approved before"));
  }

  @Override
  public void feedback(Comment comment, SpamContext context, Label label) {
    if (label == Label.HAM && !comment.authorEmail().isBlank()) {
      authors.approve(comment.authorName(), comment.authorEmail());
    }
  }

  @Override
  public String toString() {
    return "ApprovedAuthorCheck[score=" + score + "]";
  }
}
