package dev.masthead.comments.spam;

import dev.masthead.comments.Comment;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One spam check: looks at a comment and returns what it found as {@link Signal}s. The SPI of
 * {@link SpamFilter}: the built-in checks come from {@link SpamChecks}, and hosts may implement their own.
 *
 * <p>A networked implementation (a remote service, a shared store) may fail, time out or retry inside
 * {@link #checkAsync}; it should complete the future within the filter's check timeout and must not block the
 * calling thread of {@link #checkAsync}. Whatever it does, a failure or a timeout only holds the comment.
 *
 * <p>Contract, checked for every built-in check by the project's contract test: an implementation must be
 * safe for concurrent calls; for the same comment, context, state and clock it must return the same signals;
 * and it should not throw on any valid comment (if it does, or its future fails or times out, the filter
 * records a {@code check.failed} signal that holds the comment: a broken check never approves a comment and
 * never marks it spam by itself).
 */
public interface SpamCheck {

  /** How costly a check is; the filter runs cheaper checks first. */
  enum Cost {
    /** A few field comparisons: honeypot, form token. */
    TRIVIAL,
    /** Reads the whole text: links, term lists, heuristics, the learned classifier. */
    LOCAL,
    /**
     * Asks a store that may be shared over the network: flood, duplicate and approved-author memory. One round
     * trip, bounded by the check's own store timeout; runs after the local checks.
     */
    STORE,
    /** Calls a remote service: Akismet. Runs last, and only if the outcome is not settled. */
    NETWORK
  }

  /**
   * Returns the check's name, used in signals and logs.
   *
   * @return a short, stable, lower-case name such as {@code "links"}
   */
  String name();

  /**
   * Returns how costly the check is (default {@link Cost#LOCAL}).
   *
   * @return the cost class
   */
  default Cost cost() {
    return Cost.LOCAL;
  }

  /**
   * Checks a comment.
   *
   * @param comment the valid comment
   * @param context the form extras and page facts
   * @return the signals found; empty if nothing was
   */
  List<Signal> check(Comment comment, SpamContext context);

  /**
   * Checks a comment without blocking the caller. The default runs {@link #check} in the calling thread and
   * returns a completed future; network checks override it.
   *
   * @param comment the valid comment
   * @param context the form extras and page facts
   * @return the signals, when found
   */
  default CompletableFuture<List<Signal>> checkAsync(Comment comment, SpamContext context) {
    try {
      return CompletableFuture.completedFuture(check(comment, context));
    } catch (OutOfMemoryError e) {
      throw e;
    } catch (RuntimeException | Error e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  /**
   * Returns the code of the signal the filter records when this check fails, its future fails, or it does not
   * answer within the filter's check timeout (default {@code "check.failed"}). Whatever the code, that signal
   * has a HOLD floor and no score, and its reason says whether the check failed or timed out. A check that
   * reports its own unavailability under one code (Akismet's {@code akismet.unavailable}) returns that code,
   * so that hosts see one code however it became unavailable.
   *
   * @return a stable, dotted, lower-case code
   */
  default String failureCode() {
    return "check.failed";
  }

  /**
   * Learns from a moderator's decision; checks that do not learn ignore it (the default).
   *
   * @param comment the comment the moderator judged
   * @param context its context, as it was checked
   * @param label what the moderator said it is: spam or ham
   */
  default void feedback(Comment comment, SpamContext context, Label label) {}
}
