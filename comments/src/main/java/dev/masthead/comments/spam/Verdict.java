package dev.masthead.comments.spam;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of {@link SpamFilter#check}: what to do with the comment and why.
 *
 * <p>Immutable and thread-safe.
 *
 * @param decision what the host should do; the harsher of the score's decision and every signal's floor
 * @param score the sum of every signal's score contribution; positive leans spam
 * @param signals every signal found, in the order the checks ran; empty for a clean comment
 * @param skipped the names of the checks that did not run because the outcome was settled before them
 * @param refusal why the comment was refused outright, or {@code null}
 */
public record Verdict(Decision decision, double score, List<Signal> signals, List<String> skipped,
    @Nullable Refusal refusal) {
  /**
   * Validates the verdict.
   *
   * @throws NullPointerException if a component that is not {@code @Nullable} is null
   * @throws IllegalArgumentException if a refused verdict's decision is not {@link Decision#DISCARD}
   */
  public Verdict {
    Objects.requireNonNull(decision, "decision");
    signals = List.copyOf(signals);
    skipped = List.copyOf(skipped);
    if (refusal != null && decision != Decision.DISCARD) {
      throw new IllegalArgumentException("a refused comment's decision must be DISCARD, was " + decision);
    }
  }

  /**
   * Returns why the comment was refused outright, if it was.
   *
   * @return the refusal, or empty
   */
  public Optional<Refusal> refused() {
    return Optional.ofNullable(refusal);
  }

  /**
   * Returns whether a signal with the given code was found.
   *
   * @param code a signal code such as {@code "links.too_many"}
   * @return whether one of the signals has that code
   */
  public boolean has(String code) {
    return signals.stream().anyMatch(s -> s.code().equals(code));
  }

  /**
   * Returns whether the comment counts as spam: {@link Decision#SPAM} or {@link Decision#DISCARD}.
   *
   * @return whether the decision is SPAM or DISCARD
   */
  public boolean isSpam() {
    return decision == Decision.SPAM || decision == Decision.DISCARD;
  }
}
