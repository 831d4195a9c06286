package dev.masthead.ranking;

import dev.masthead.core.BackendUnavailableException;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Waits for store and visitor-memory calls with a bound, and logs an outage once: one WARN when the first call
 * fails, one INFO when a call succeeds again. Messages name the call and the exception's type and message,
 * never an event's visitor id or user agent. Thread-safe.
 */
final class StoreHealth {
  private static final Logger LOG = LoggerFactory.getLogger(RankingEngine.class);

  private final long timeoutNanos;
  private final AtomicBoolean down = new AtomicBoolean();

  StoreHealth(Duration timeout) {
    this.timeoutNanos = timeout.toNanos();
  }

  /**
   * Calls and waits at most the timeout; any failure (thrown by the call, completed exceptionally, late) comes
   * out as a {@link BackendUnavailableException} naming {@code what}.
   */
  <T> T await(String what, Supplier<? extends CompletionStage<T>> call) {
    return await(what, call, deadline());
  }

  /** The {@link System#nanoTime()} one timeout from now: for several calls that answer one request together. */
  long deadline() {
    return System.nanoTime() + timeoutNanos;
  }

  /**
   * Calls and waits until a {@linkplain #deadline() deadline} shared with other calls, so that a request making
   * several store calls waits at most one timeout in all; failures as for {@link #await(String, Supplier)}.
   */
  <T> T await(String what, Supplier<? extends CompletionStage<T>> call, long deadlineNanos) {
    try {
      long left = deadlineNanos - System.nanoTime();
      if (left <= 0) {
        throw new TimeoutException();
      }
      CompletionStage<T> stage = call.get();
      if (stage == null) {
        throw new BackendUnavailableException("ranking " + what + ": the store returned no result", null);
      }
      return stage.toCompletableFuture().get(Math.max(1, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BackendUnavailableException("ranking " + what + ": interrupted while waiting for the store", e);
    } catch (TimeoutException e) {
      throw new BackendUnavailableException("ranking " + what + ": no answer within "
          + Duration.ofNanos(timeoutNanos), e);
    } catch (ExecutionException | CompletionException e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      throw new BackendUnavailableException("ranking " + what + " failed: " + cause, cause);
    } catch (BackendUnavailableException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new BackendUnavailableException("ranking " + what + " failed: " + e, e);
    }
  }

  void failed(BackendUnavailableException e) {
    if (down.compareAndSet(false, true)) {
      LOG.warn("ranking store unavailable: {}; rankings are served stale and counts buffered until it answers",
          e.getMessage());
    } else {
      LOG.debug("ranking store still unavailable: {}", e.getMessage());
    }
  }

  void succeeded() {
    if (down.get() && down.compareAndSet(true, false)) {
      LOG.info("ranking store answers again");
    }
  }

  boolean available() {
    return !down.get();
  }
}
