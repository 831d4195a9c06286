package dev.masthead.ranking;

import dev.masthead.core.BackendUnavailableException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A test store in front of an in-memory one that can be told to fail: every call failing, every call
 * hanging, batches applied but their reply lost (as a dropped connection after the store executed it), or
 * every top-N answered correctly but only after {@link #slowMillis}.
 */
final class FlakyStore implements CounterStore {
  enum Mode { UP, DOWN, HANG, LOSE_REPLY, SLOW }

  private final InMemoryCounterStore inner;
  volatile Mode mode = Mode.UP;
  final AtomicInteger addCalls = new AtomicInteger();
  final AtomicInteger topCalls = new AtomicInteger();
  volatile long slowMillis = 150;

  FlakyStore(StoreLayout layout) {
    this.inner = InMemoryCounterStore.create(layout);
  }

  private <T> CompletionStage<T> fail() {
    return mode == Mode.HANG ? new CompletableFuture<>()
        : CompletableFuture.failedFuture(new BackendUnavailableException("test store is down", null));
  }

  @Override
  public StoreLayout layout() {
    return inner.layout();
  }

  @Override
  public CompletionStage<Void> add(Batch batch, long nowEpochMillis) {
    addCalls.incrementAndGet();
    if (mode == Mode.LOSE_REPLY) {
      inner.add(batch, nowEpochMillis);
      return CompletableFuture.failedFuture(new BackendUnavailableException("reply lost", null));
    }
    return mode == Mode.UP ? inner.add(batch, nowEpochMillis) : fail();
  }

  @Override
  public CompletionStage<List<Tally>> top(Duration window, long[] kindWeights, int limit, long nowEpochMillis) {
    topCalls.incrementAndGet();
    if (mode == Mode.SLOW) {
      List<Tally> answer = inner.top(window, kindWeights, limit, nowEpochMillis).toCompletableFuture().join();
      return CompletableFuture.supplyAsync(() -> answer,
          CompletableFuture.delayedExecutor(slowMillis, java.util.concurrent.TimeUnit.MILLISECONDS));
    }
    return mode == Mode.UP || mode == Mode.LOSE_REPLY ? inner.top(window, kindWeights, limit, nowEpochMillis) : fail();
  }

  @Override
  public CompletionStage<List<Tally>> union(List<Bucket> buckets, double[] bucketWeights, long nowEpochMillis) {
    return mode == Mode.UP || mode == Mode.LOSE_REPLY ? inner.union(buckets, bucketWeights, nowEpochMillis) : fail();
  }

  @Override
  public CompletionStage<Void> maintain(long nowEpochMillis) {
    return mode == Mode.UP ? inner.maintain(nowEpochMillis) : fail();
  }

  @Override
  public CompletionStage<Stats> stats() {
    return mode == Mode.UP ? inner.stats() : fail();
  }

  @Override
  public void close() {}
}
