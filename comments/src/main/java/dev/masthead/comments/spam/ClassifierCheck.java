package dev.masthead.comments.spam;

import dev.masthead.comments.Comment;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Weighs a comment with a learned {@link SpamClassifier} and teaches it from moderators' feedback.
 *
 * <p>The signal's score is the classifier's calibrated log-odds of spam, {@code ln(p / (1 - p))}, clamped to
 * [-8, 8] (p from 0.03% to 99.97%) so that no single model can outvote every other check:
 * {@code classifier.spam} when positive, {@code classifier.ham} when negative. The classifier weighs the
 * comment's text and its cues (links as {@link Comment#links()} lists them, contact channels, calls to action;
 * see {@link ContentHeuristicsCheck}), so the filter's decision rests on this probability. An untrained
 * classifier (no spam or no ham seen yet) gives no signal. {@link #feedback} teaches the classifier the
 * comment, as {@link SpamClassifier#learn(String, Label)} does its text.
 *
 * <p>Thread-safe: the classifier is.
 */
final class ClassifierCheck implements CueCheck {
  static final double CLAMP = 8.0;

  private final SpamClassifier classifier;

  private ClassifierCheck(SpamClassifier classifier) {
    this.classifier = classifier;
  }

  /**
   * Returns the check.
   *
   * @param classifier the classifier to consult and teach
   * @return the check
   * @throws NullPointerException if {@code classifier} is null
   */
  public static ClassifierCheck of(SpamClassifier classifier) {
    return new ClassifierCheck(Objects.requireNonNull(classifier, "classifier"));
  }

  @Override
  public String name() {
    return "classifier";
  }

  @Override
  public List<Signal> check(Comment comment, SpamContext context, CommentCues cues) {
    if (classifier.spamExamples() == 0 || classifier.hamExamples() == 0) {
      return List.of();
    }
    double logOdds = Math.max(-CLAMP, Math.min(CLAMP, classifier.logOdds(comment, cues)));
    double probability = 1.0 / (1.0 + Math.exp(-logOdds));
    String percent = String.format(Locale.ROOT, "%.1f%%", probability * 100);
    return List.of(Signal.score(name(), logOdds > 0 ? "classifier.spam" : "classifier.ham", logOdds,
        "The learned classifier gives a spam probability of " + percent));
  }

  @Override
  public void feedback(Comment comment, SpamContext context, Label label) {
    classifier.learn(comment, label);
  }

  @Override
  public String toString() {
    return "ClassifierCheck[" + classifier + "]";
  }
}
