package dev.masthead.comments.spam;

import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One piece of evidence a {@link SpamCheck} found: a score contribution, an optional decision floor, an
 * optional refusal, and the reason, both as a stable code for programs and as readable text for moderators.
 *
 * <p>Whether a signal refuses the comment is its {@link #refusal()} component, never its code: a host check
 * that emits the code {@code "flood"} refuses nothing unless it says so with {@link #refusal(String, String,
 * Refusal, String)}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param check the name of the check that found it, for example {@code "links"}
 * @param code a stable, dotted, lower-case code, for example {@code "links.too_many"}; hosts may match on it
 * @param score the contribution to the verdict's total score: positive leans spam, negative leans ham; finite
 * @param floor the mildest decision the verdict may have because of this signal, or {@code null} for none
 *     (for example {@link Decision#HOLD} for a comment with too many links, as WordPress's
 *     {@code comment_max_links}); {@link Decision#DISCARD} when {@code refusal} is set
 * @param reason what was found, in English, for moderators; never contains the commenter's email or IP
 * @param refusal why the comment is refused outright ({@link Verdict#refused()}), or {@code null} if this
 *     signal refuses nothing
 */
public record Signal(String check, String code, double score, @Nullable Decision floor, String reason,
    @Nullable Refusal refusal) {
  /**
   * Validates the signal.
   *
   * @throws NullPointerException if {@code check}, {@code code} or {@code reason} is null
   * @throws IllegalArgumentException if {@code score} is not finite, {@code code} is blank, or a refusal comes
   *     with a floor other than {@link Decision#DISCARD}
   */
  public Signal {
    Objects.requireNonNull(check, "check");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(reason, "reason");
    if (code.isBlank()) {
      throw new IllegalArgumentException("code must not be blank");
    }
    if (!Double.isFinite(score)) {
      throw new IllegalArgumentException("score must be finite, was " + score);
    }
    if (refusal != null && floor != Decision.DISCARD) {
      throw new IllegalArgumentException("a refusal's floor must be DISCARD, was " + floor);
    }
  }

  /**
   * Returns a signal that refuses nothing.
   *
   * @param check the check's name
   * @param code the stable code
   * @param score the contribution, finite
   * @param floor the mildest decision allowed, or {@code null} for none
   * @param reason the readable reason
   * @throws NullPointerException if {@code check}, {@code code} or {@code reason} is null
   * @throws IllegalArgumentException if {@code score} is not finite or {@code code} is blank
   */
  public Signal(String check, String code, double score, @Nullable Decision floor, String reason) {
    this(check, code, score, floor, reason, null);
  }

  /**
   * Returns a signal that only adds to the score.
   *
   * @param check the check's name
   * @param code the stable code
   * @param score the contribution
   * @param reason the readable reason
   * @return the signal
   */
  public static Signal score(String check, String code, double score, String reason) {
    return new Signal(check, code, score, null, reason, null);
  }

  /**
   * Returns a signal that sets a decision floor and adds nothing to the score.
   *
   * @param check the check's name
   * @param code the stable code
   * @param floor the mildest decision allowed
   * @param reason the readable reason
   * @return the signal
   */
  public static Signal floor(String check, String code, Decision floor, String reason) {
    return new Signal(check, code, 0.0, Objects.requireNonNull(floor, "floor"), reason, null);
  }

  /**
   * Returns a signal that refuses the comment outright: a {@link Decision#DISCARD} floor, no score, and the
   * refusal the verdict reports, so that the host can tell the commenter (429 for a flood, 409 for a
   * duplicate).
   *
   * @param check the check's name
   * @param code the stable code
   * @param refusal why the comment is refused
   * @param reason the readable reason
   * @return the signal
   * @throws NullPointerException if an argument is null
   */
  public static Signal refusal(String check, String code, Refusal refusal, String reason) {
    return new Signal(check, code, 0.0, Decision.DISCARD, reason, Objects.requireNonNull(refusal, "refusal"));
  }

  /**
   * Returns the decision floor, if any.
   *
   * @return the floor, or empty
   */
  public Optional<Decision> minimumDecision() {
    return Optional.ofNullable(floor);
  }

  /**
   * Returns why this signal refuses the comment, if it does.
   *
   * @return the refusal, or empty
   */
  public Optional<Refusal> refuses() {
    return Optional.ofNullable(refusal);
  }
}
