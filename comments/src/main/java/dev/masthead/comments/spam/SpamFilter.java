package dev.masthead.comments.spam;

import dev.masthead.comments.Comment;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides what happens to a valid comment: runs the configured {@link SpamCheck}s (the built-in ones come from
 * {@link SpamChecks}) and returns a {@link Verdict} with every reason.
 *
 * <pre>{@code
 * SpamFilter filter = SpamFilter.builder()
 *     .check(SpamChecks.honeypot())
 *     .check(SpamChecks.links())
 *     .check(SpamChecks.classifier(classifier))
 *     .build();
 * Verdict verdict = filter.check(comment, SpamContext.of(submission));
 * }</pre>
 *
 * <p><b>Order and early stop.</b> Checks run one after another, cheapest first by {@link SpamCheck.Cost} and
 * in the order added within a cost. The outcome is settled, and the remaining checks skipped (listed in
 * {@link Verdict#skipped()}), as soon as a signal sets a floor of {@link Decision#SPAM} or harsher, or a
 * signal refuses the comment ({@link Signal#refusal()}: flood, duplicate): no later signal can make the decision milder, so a network check is
 * not paid for.
 *
 * <p><b>Decision.</b> The total score is the sum of the signals' scores, in log-odds of spam
 * ({@code ln(p / (1 - p))}). With the built-in checks only the learned classifier scores: its signal is its
 * calibrated probability as log-odds, and it weighs links, contact channels, calls to action and the other
 * heuristics as features, so the decision rests on one calibrated probability; the other built-in checks only
 * set floors or refuse. The score maps to a decision by the thresholds (defaults: HOLD above
 * {@value #DEFAULT_HOLD_THRESHOLD}, that is p above 50%; SPAM from {@value #DEFAULT_SPAM_THRESHOLD}, p from
 * about 65%; DISCARD from {@value #DEFAULT_DISCARD_THRESHOLD}, which the classifier alone, clamped at 8, never
 * reaches). The SPAM default is the median of the thresholds (0.1 to 1.5) that nested cross-validation on the
 * YouTube Spam Collection chose in each training fold, for the best MCC with at most 0.5% of that fold's ham
 * judged spam (see the README). The verdict's decision is the harsher of that and every signal's floor.
 *
 * <p><b>Failures.</b> A check that throws, whose future fails, or that does not answer within the check timeout
 * (default 3 seconds, for asynchronous checks) adds a signal with a HOLD floor and no score, coded
 * {@code check.failed} or the check's own {@link SpamCheck#failureCode()} ({@code akismet.unavailable}): it never approves a comment and never marks it spam by itself. The failure is logged at WARN with the
 * check's name and the exception's class only, never the commenter's email, IP or text.
 *
 * <p><b>Store-backed checks</b> ({@link SpamCheck.Cost#STORE}: flood, duplicate, approved authors) answer
 * asynchronously and bound their own store call by a shorter store timeout (default 250 ms): a store that is
 * down or slow gives {@code store.unavailable} with a HOLD floor, logged once per outage, and the calling
 * thread waits at most that long per store check, never for the store itself. {@link #check} runs every check
 * in the calling thread; with {@link #checkAsync}, the checks after an asynchronous one run in the thread that
 * completed it (a store client's I/O thread, or the JDK's timeout thread), so they must not block.
 *
 * <p><b>Feedback.</b> {@link #markSpam} and {@link #markHam} reach every check, so the learning ones
 * (classifier, approved authors, Akismet) learn from moderators.
 *
 * <p>Immutable and thread-safe, if its checks are (the built-in ones are).
 */
public final class SpamFilter {
  /** The default score from which a comment is held: {@value}. */
  public static final double DEFAULT_HOLD_THRESHOLD = 0.0;
  /** The default score from which a comment is spam: {@value}. */
  public static final double DEFAULT_SPAM_THRESHOLD = 0.6;
  /** The default score from which a comment is discarded: {@value}. */
  public static final double DEFAULT_DISCARD_THRESHOLD = 12.0;

  private static final Logger LOG = LoggerFactory.getLogger(SpamFilter.class);

  private final List<SpamCheck> checks;
  private final double holdThreshold;
  private final double spamThreshold;
  private final double discardThreshold;
  private final Duration checkTimeout;
  private final @Nullable Listener listener;
  private final AtomicBoolean listenerWarned = new AtomicBoolean();

  /**
   * What a check came to, as a {@link Listener} is told: a bounded set, fit for a metric tag.
   */
  public enum CheckOutcome {
    /** The check answered with no signal. */
    CLEAN,
    /** The check answered with at least one signal. */
    SIGNAL,
    /** The check threw, completed exceptionally or answered null; the comment is held. */
    FAILED,
    /** The check did not answer within the filter's check timeout; the comment is held. */
    TIMED_OUT
  }

  /**
   * Told of each check a filter runs and of each verdict, for metrics such as {@code masthead-micrometer}'s
   * ({@link Builder#listener}). Both methods are called on the thread that ran the check (the caller's, or for
   * {@link #checkAsync} the thread that completed an asynchronous check), outside any lock, so they must be quick
   * and must not block. What they throw is logged at WARN once per filter (the exception's class only) and
   * changes no verdict. The comment is not passed: a listener records the check's name, the outcome and the
   * decision, bounded values, never the text, email or address.
   *
   * <p>Implementations must be safe for concurrent use.
   */
  public interface Listener {
    /**
     * A check finished. Checks not run because an earlier one settled the comment are not reported here (they
     * are in {@link Verdict#skipped()}).
     *
     * @param check the check's {@link SpamCheck#name()}
     * @param outcome what it came to
     * @param elapsed from the call of the check to its answer (or to the timeout), on the JVM's monotonic clock
     */
    default void checkCompleted(String check, CheckOutcome outcome, Duration elapsed) {}

    /**
     * A verdict was reached.
     *
     * @param verdict the verdict the caller gets
     * @param elapsed from the call of {@link #check} or {@link #checkAsync} to the verdict
     */
    default void verdictReached(Verdict verdict, Duration elapsed) {}
  }

  /** A check's signals and what they came to. */
  private record Answer(List<Signal> signals, CheckOutcome outcome) {}

  private SpamFilter(Builder b) {
    List<SpamCheck> sorted = new ArrayList<>(b.checks);
    sorted.sort(Comparator.comparing(SpamCheck::cost)); // stable: keeps the order added within a cost
    this.checks = List.copyOf(sorted);
    this.holdThreshold = b.holdThreshold;
    this.spamThreshold = b.spamThreshold;
    this.discardThreshold = b.discardThreshold;
    this.checkTimeout = b.checkTimeout;
    this.listener = b.listener;
  }

  /**
   * Returns a new builder.
   *
   * @return a builder with no checks and the default thresholds
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the checks in the order they run.
   *
   * @return the checks, cheapest first
   */
  public List<SpamCheck> checks() {
    return checks;
  }

  /**
   * Checks a comment, blocking until every check that runs has answered (asynchronous checks at most the check
   * timeout each; store checks at most their store timeout). Every check runs in the calling thread.
   *
   * @param comment the valid comment
   * @param context its form extras and page facts
   * @return the verdict
   * @throws NullPointerException if an argument is null
   */
  public Verdict check(Comment comment, SpamContext context) {
    Objects.requireNonNull(comment, "comment");
    Objects.requireNonNull(context, "context");
    return run(0, new Progress(), comment, context, true).join();
  }

  /**
   * Checks a comment without blocking: local checks run in the calling thread, and the future completes when
   * the network checks have answered. The future never completes exceptionally: failures become
   * {@code check.failed} signals.
   *
   * @param comment the valid comment
   * @param context its form extras and page facts
   * @return the verdict, when known
   * @throws NullPointerException if an argument is null
   */
  public CompletableFuture<Verdict> checkAsync(Comment comment, SpamContext context) {
    Objects.requireNonNull(comment, "comment");
    Objects.requireNonNull(context, "context");
    return run(0, new Progress(), comment, context, false);
  }

  /**
   * Runs the checks from {@code index}. Blocking ({@link #check}), every check runs in the calling thread, which
   * waits for an asynchronous one at most the check timeout; otherwise the remaining checks run in the thread
   * that completes the pending one.
   */
  private CompletableFuture<Verdict> run(int index, Progress progress, Comment comment, SpamContext context,
      boolean blocking) {
    for (int i = index; i < checks.size(); i++) {
      if (progress.settled()) {
        for (int j = i; j < checks.size(); j++) {
          progress.skipped.add(checks.get(j).name());
        }
        break;
      }
      SpamCheck check = checks.get(i);
      long started = System.nanoTime();
      CompletableFuture<List<Signal>> future;
      try {
        future = check instanceof CueCheck cueCheck // the built-in checks share one scan of the cues
            ? CompletableFuture.completedFuture(cueCheck.check(comment, context, progress.cues(comment)))
            : check.checkAsync(comment, context);
      } catch (OutOfMemoryError e) {
        throw e;
      } catch (RuntimeException | Error e) { // a StackOverflowError or AssertionError of one check holds the comment
        future = CompletableFuture.failedFuture(e);
      }
      if (future.isDone()) {
        progress.add(check, outcome(check, future), started);
        continue;
      }
      if (blocking) {
        progress.add(check, await(check, future), started);
        continue;
      }
      int next = i + 1;
      return future
          .orTimeout(checkTimeout.toMillis(), TimeUnit.MILLISECONDS)
          .handle((signals, error) -> {
            progress.add(check, error != null ? failed(check, error) : sanitize(check, signals), started);
            return progress;
          })
          .thenCompose(p -> run(next, p, comment, context, false));
    }
    Verdict verdict = progress.verdict();
    Listener l = listener;
    if (l != null) {
      Duration elapsed = Duration.ofNanos(System.nanoTime() - progress.startedNanos);
      tell(() -> l.verdictReached(verdict, elapsed));
    }
    return CompletableFuture.completedFuture(verdict);
  }

  private void tell(Runnable call) {
    try {
      call.run();
    } catch (RuntimeException e) {
      if (!listenerWarned.getAndSet(true)) {
        LOG.warn("spam filter listener failed ({}); verdicts are unchanged, and later failures are not logged",
            e.getClass().getName());
      }
    }
  }

  private Answer await(SpamCheck check, CompletableFuture<List<Signal>> pending) {
    try {
      return sanitize(check, pending.get(checkTimeout.toNanos(), TimeUnit.NANOSECONDS));
    } catch (TimeoutException e) {
      pending.cancel(false);
      return failed(check, e);
    } catch (java.util.concurrent.ExecutionException e) {
      return failed(check, e.getCause() != null ? e.getCause() : e);
    } catch (java.util.concurrent.CancellationException e) {
      return failed(check, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // the caller is being stopped: hold, and let it see the interrupt
      return failed(check, e);
    }
  }

  private Answer outcome(SpamCheck check, CompletableFuture<List<Signal>> done) {
    try {
      return sanitize(check, done.join());
    } catch (CompletionException | java.util.concurrent.CancellationException e) {
      return failed(check, e.getCause() != null ? e.getCause() : e);
    }
  }

  private Answer sanitize(SpamCheck check, @Nullable List<Signal> signals) {
    if (signals == null) {
      return failed(check, new NullPointerException("check returned null"));
    }
    for (Signal s : signals) {
      if (s == null) {
        return failed(check, new NullPointerException("check returned a null signal"));
      }
    }
    return new Answer(signals, signals.isEmpty() ? CheckOutcome.CLEAN : CheckOutcome.SIGNAL);
  }

  private Answer failed(SpamCheck check, Throwable error) {
    Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    boolean timeout = cause instanceof TimeoutException;
    LOG.warn("spam check '{}' {} ({}); the comment is held for moderation", check.name(),
        timeout ? "timed out" : "failed", cause.getClass().getName());
    String code;
    try {
      code = check.failureCode();
    } catch (RuntimeException e) {
      code = null;
    }
    if (code == null || code.isBlank()) {
      code = "check.failed";
    }
    return new Answer(List.of(Signal.floor(check.name(), code, Decision.HOLD,
        "The " + check.name() + " check " + (timeout ? "timed out (no answer within the filter's check timeout of "
            + checkTimeout.toMillis() + " ms)" : "failed") + "; held for a person to decide")),
        timeout ? CheckOutcome.TIMED_OUT : CheckOutcome.FAILED);
  }

  /**
   * Tells every check that a moderator marked a comment as spam.
   *
   * @param comment the comment
   * @param context its context as checked
   * @throws NullPointerException if an argument is null
   */
  public void markSpam(Comment comment, SpamContext context) {
    feedback(comment, context, Label.SPAM);
  }

  /**
   * Tells every check that a moderator marked a comment as ham (approved it).
   *
   * @param comment the comment
   * @param context its context as checked
   * @throws NullPointerException if an argument is null
   */
  public void markHam(Comment comment, SpamContext context) {
    feedback(comment, context, Label.HAM);
  }

  /**
   * Tells every check what a moderator decided about a comment; {@link #markSpam} and {@link #markHam} are
   * this with the label fixed. A check whose feedback throws is logged at WARN (its name and the exception's
   * class only) and the others still learn.
   *
   * @param comment the comment
   * @param context its context as checked
   * @param label what the moderator said it is
   * @throws NullPointerException if an argument is null
   */
  public void feedback(Comment comment, SpamContext context, Label label) {
    Objects.requireNonNull(comment, "comment");
    Objects.requireNonNull(context, "context");
    Objects.requireNonNull(label, "label");
    for (SpamCheck check : checks) {
      try {
        check.feedback(comment, context, label);
      } catch (RuntimeException e) {
        LOG.warn("spam check '{}' failed to learn from feedback ({})", check.name(), e.getClass().getName());
      }
    }
  }

  Decision decisionFor(double score) {
    if (score >= discardThreshold) {
      return Decision.DISCARD;
    }
    if (score >= spamThreshold) {
      return Decision.SPAM;
    }
    if (score > holdThreshold) {
      return Decision.HOLD;
    }
    return Decision.APPROVE;
  }

  /** The signals gathered so far while checking one comment. */
  private final class Progress {
    final List<Signal> signals = new ArrayList<>();
    final List<String> skipped = new ArrayList<>();
    final long startedNanos = System.nanoTime();
    Decision floor = Decision.APPROVE;
    double score;
    @Nullable Refusal refusal;
    private @Nullable CommentCues cues;

    /** The comment's cues, scanned at the first check that reads them. */
    CommentCues cues(Comment comment) {
      CommentCues c = cues;
      if (c == null) {
        c = CommentCues.of(comment);
        cues = c;
      }
      return c;
    }

    void add(SpamCheck check, Answer answer, long checkStartedNanos) {
      Listener l = listener;
      if (l != null) {
        Duration elapsed = Duration.ofNanos(System.nanoTime() - checkStartedNanos);
        tell(() -> l.checkCompleted(check.name(), answer.outcome(), elapsed));
      }
      for (Signal s : answer.signals()) {
        signals.add(s);
        score += s.score();
        if (s.floor() != null) {
          floor = floor.atLeast(s.floor());
        }
        if (refusal == null && s.refusal() != null) {
          refusal = s.refusal();
        }
      }
    }

    boolean settled() {
      return refusal != null || floor.compareTo(Decision.SPAM) >= 0;
    }

    Verdict verdict() {
      Decision decision = refusal != null ? Decision.DISCARD : decisionFor(score).atLeast(floor);
      return new Verdict(decision, score, signals, skipped, refusal);
    }
  }

  /**
   * Builds a {@link SpamFilter}. Not thread-safe.
   */
  public static final class Builder {
    private final List<SpamCheck> checks = new ArrayList<>();
    private final Set<String> names = new HashSet<>();
    private double holdThreshold = DEFAULT_HOLD_THRESHOLD;
    private double spamThreshold = DEFAULT_SPAM_THRESHOLD;
    private double discardThreshold = DEFAULT_DISCARD_THRESHOLD;
    private Duration checkTimeout = Duration.ofSeconds(3);
    private @Nullable Listener listener;

    private Builder() {}

    /**
     * Sets the listener told of each check and verdict (default none), for example {@code masthead-micrometer}'s
     * {@code SpamFilterMetrics}. See {@link Listener} for the threads it is called on.
     *
     * @param listener the listener, safe for concurrent use
     * @return this builder
     * @throws NullPointerException if {@code listener} is null
     */
    public Builder listener(Listener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /**
     * Adds a check.
     *
     * @param check the check; its name must differ from every check added before
     * @return this builder
     * @throws NullPointerException if {@code check} is null
     * @throws IllegalArgumentException if a check of the same name was added
     */
    public Builder check(SpamCheck check) {
      Objects.requireNonNull(check, "check");
      if (!names.add(check.name())) {
        throw new IllegalArgumentException("a check named '" + check.name() + "' was already added");
      }
      checks.add(check);
      return this;
    }

    /**
     * Sets the score thresholds. A score above {@code hold} holds the comment, from {@code spam} marks it spam,
     * from {@code discard} discards it.
     *
     * @param hold the hold threshold (default {@value SpamFilter#DEFAULT_HOLD_THRESHOLD})
     * @param spam the spam threshold (default {@value SpamFilter#DEFAULT_SPAM_THRESHOLD})
     * @param discard the discard threshold (default {@value SpamFilter#DEFAULT_DISCARD_THRESHOLD})
     * @return this builder
     * @throws IllegalArgumentException if a threshold is not finite or they are not in increasing order
     */
    public Builder thresholds(double hold, double spam, double discard) {
      if (!Double.isFinite(hold) || !Double.isFinite(spam) || !Double.isFinite(discard)) {
        throw new IllegalArgumentException("thresholds must be finite");
      }
      if (!(hold < spam && spam < discard)) {
        throw new IllegalArgumentException(
            "thresholds must increase: hold " + hold + " < spam " + spam + " < discard " + discard);
      }
      this.holdThreshold = hold;
      this.spamThreshold = spam;
      this.discardThreshold = discard;
      return this;
    }

    /**
     * Sets how long an asynchronous check may take before it counts as failed (default 3 seconds, above
     * the Akismet client's own 2-second timeout).
     *
     * @param checkTimeout from 1 millisecond to 1 minute
     * @return this builder
     * @throws IllegalArgumentException if out of range
     */
    public Builder checkTimeout(Duration checkTimeout) {
      Objects.requireNonNull(checkTimeout, "checkTimeout");
      if (checkTimeout.toMillis() < 1 || checkTimeout.compareTo(Duration.ofMinutes(1)) > 0) {
        throw new IllegalArgumentException("checkTimeout must be in [1 ms, 1 min], was " + checkTimeout);
      }
      this.checkTimeout = checkTimeout;
      return this;
    }

    /**
     * Builds the filter.
     *
     * @return an immutable, thread-safe filter
     */
    public SpamFilter build() {
      return new SpamFilter(this);
    }
  }
}
