package dev.masthead.comments.spam;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a store-backed check calls its store: never longer than the store timeout, a failure or a late answer
 * becomes a {@code store.unavailable} signal that holds the comment, and an outage is logged once (WARN when the
 * first call fails, INFO when a call succeeds again, with the number of failed calls), never once per comment.
 * Logs name the store and the exception's class only.
 *
 * <p>Thread-safe.
 */
final class StoreGuard {
  /** The code of the signal given when a store fails or is late. */
  static final String UNAVAILABLE = "store.unavailable";
  /** The code of the score-free signal given when a check decided on server memory because its store failed. */
  static final String FALLBACK = "store.fallback";
  /** The default store timeout: 250 ms, far above a healthy Redis round trip (well under 1 ms on a LAN). */
  static final Duration DEFAULT_TIMEOUT = Duration.ofMillis(250);

  private static final Logger LOG = LoggerFactory.getLogger(StoreGuard.class);

  private final String check;
  private final Duration timeout;
  private final boolean fallback;
  private final AtomicBoolean healthy = new AtomicBoolean(true);
  private final AtomicLong failuresInOutage = new AtomicLong();

  StoreGuard(String check, Duration timeout, boolean fallback) {
    this.check = check;
    this.timeout = checkTimeout(timeout);
    this.fallback = fallback;
  }

  /**
   * Checks a store timeout.
   *
   * @throws NullPointerException if null
   * @throws IllegalArgumentException if not in [1 ms, 10 s]
   */
  static Duration checkTimeout(Duration timeout) {
    java.util.Objects.requireNonNull(timeout, "storeTimeout");
    if (timeout.toNanos() < 1_000_000 || timeout.compareTo(Duration.ofSeconds(10)) > 0) {
      throw new IllegalArgumentException("storeTimeout must be in [1 ms, 10 s], was " + timeout);
    }
    return timeout;
  }

  Duration timeout() {
    return timeout;
  }

  /**
   * Calls the store. The returned future completes normally with the store's answer, or exceptionally (with a
   * {@link TimeoutException} when late) no later than the timeout; it never throws.
   */
  <T> CompletableFuture<T> call(Supplier<? extends CompletionStage<T>> operation) {
    CompletionStage<T> stage;
    try {
      stage = operation.get();
    } catch (RuntimeException e) {
      failed(e);
      return CompletableFuture.failedFuture(e);
    }
    if (stage == null) {
      NullPointerException e = new NullPointerException("the store returned no stage");
      failed(e);
      return CompletableFuture.failedFuture(e);
    }
    CompletableFuture<T> bounded = new CompletableFuture<>();
    stage.whenComplete((value, error) -> {
      if (error != null) {
        bounded.completeExceptionally(error);
      } else if (value == null) {
        bounded.completeExceptionally(new NullPointerException("the store answered null"));
      } else {
        bounded.complete(value);
      }
    });
    if (!bounded.isDone()) {
      bounded.orTimeout(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }
    return bounded.whenComplete((value, error) -> {
      if (error == null) {
        succeeded();
        return;
      }
      failed(error);
      if (unwrap(error) instanceof TimeoutException) {
        cancel(stage); // a client that queues commands while disconnected drops this one
      }
    });
  }

  /** The signal that holds a comment whose store failed. */
  Signal unavailable(Throwable error) {
    String what = unwrap(error) instanceof TimeoutException
        ? "did not answer within " + timeout.toMillis() + " ms" : "failed";
    return Signal.floor(check, UNAVAILABLE, Decision.HOLD,
        "The " + check + " store " + what + "; held for a person to decide");
  }

  /** The score-free signal of a decision taken on server memory because the store failed. */
  Signal fallback() {
    return Signal.score(check, FALLBACK, 0.0,
        "The shared " + check + " store did not answer; decided on this server's memory alone");
  }

  static Throwable unwrap(Throwable error) {
    return error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
  }

  private void succeeded() {
    if (!healthy.get() && healthy.compareAndSet(false, true)) {
      LOG.info("the {} store answers again, after {} failed calls", check, failuresInOutage.getAndSet(0));
    }
  }

  private void failed(Throwable error) {
    failuresInOutage.incrementAndGet();
    if (healthy.compareAndSet(true, false)) {
      LOG.warn("the {} store failed ({}); {} until it answers again", check, unwrap(error).getClass().getName(),
          fallback ? "this server decides on its own memory" : "comments are held for moderation");
    }
  }

  private static void cancel(CompletionStage<?> stage) {
    try {
      stage.toCompletableFuture().cancel(false);
    } catch (UnsupportedOperationException e) {
      // a stage that cannot be cancelled finishes on its own; its answer is ignored
    }
  }
}
