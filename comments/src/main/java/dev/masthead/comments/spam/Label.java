package dev.masthead.comments.spam;

/**
 * What a moderator, or a labelled data set, says a comment is: the label of moderator feedback
 * ({@link SpamFilter#feedback}, {@link SpamCheck#feedback}) and of training examples
 * ({@link SpamClassifier.Example}, {@link SpamClassifier#learn}).
 */
public enum Label {
  /** Unwanted: advertising, scams, link farming, bots. */
  SPAM,
  /** A real reply, whatever its tone: the opposite of spam. */
  HAM
}
