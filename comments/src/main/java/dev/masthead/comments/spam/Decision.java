package dev.masthead.comments.spam;

/**
 * What the host does with a comment, from mildest to harshest. The order of the constants is their
 * severity: a verdict's decision is never milder than the harshest floor any signal set.
 */
public enum Decision {
  /** Publish the comment. */
  APPROVE,
  /** Keep it in the moderation queue for a person to decide. */
  HOLD,
  /** Store it in the spam folder, unpublished; a moderator may still rescue it. */
  SPAM,
  /** Blatant: drop it without storing it. */
  DISCARD;

  /**
   * Returns the harsher of two decisions.
   *
   * @param other the other decision
   * @return this or {@code other}, whichever is harsher
   */
  public Decision atLeast(Decision other) {
    return compareTo(other) >= 0 ? this : other;
  }
}
