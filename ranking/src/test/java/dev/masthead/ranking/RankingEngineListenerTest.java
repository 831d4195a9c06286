package dev.masthead.ranking;

import static org.assertj.core.api.Assertions.assertThat;

import dev.masthead.core.ArticleId;
import dev.masthead.testing.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class RankingEngineListenerTest {
  private static final Instant NOW = Instant.parse("2026-06-17T12:00:00Z");
  private final TestClock clock = new TestClock(NOW);

  /** What a listener heard. */
  static final class Heard implements RankingEngine.Listener {
    final List<String> events = new CopyOnWriteArrayList<>();

    @Override
    public void batchSent(int cells, long events, Duration elapsed, boolean delivered) {
      this.events.add("batch " + cells + " cells " + events + " events " + (delivered ? "delivered" : "failed"));
    }

    @Override
    public void flushCompleted(Duration elapsed, boolean complete) {
      events.add("flush " + (complete ? "complete" : "incomplete"));
    }
  }

  /** The in-memory store, failing while {@code down} is set. */
  static CounterStore failingWhile(AtomicBoolean down) {
    InMemoryCounterStore real = InMemoryCounterStore.create(RankingConfig.defaults().layout());
    return new CounterStore() {
      @Override
      public StoreLayout layout() {
        return real.layout();
      }

      @Override
      public CompletionStage<Void> add(Batch batch, long nowEpochMillis) {
        return down.get() ? CompletableFuture.failedFuture(new IllegalStateException("down"))
            : real.add(batch, nowEpochMillis);
      }

      @Override
      public CompletionStage<List<Tally>> top(Duration window, long[] kindWeights, int limit, long nowEpochMillis) {
        return real.top(window, kindWeights, limit, nowEpochMillis);
      }

      @Override
      public CompletionStage<List<Tally>> union(List<Bucket> buckets, double[] bucketWeights, long nowEpochMillis) {
        return real.union(buckets, bucketWeights, nowEpochMillis);
      }

      @Override
      public CompletionStage<Void> maintain(long nowEpochMillis) {
        return real.maintain(nowEpochMillis);
      }

      @Override
      public CompletionStage<Stats> stats() {
        return real.stats();
      }

      @Override
      public void close() {}
    };
  }

  @Test
  void theListenerHearsEachBatchAndFlushWithTheirOutcome() {
    Heard heard = new Heard();
    AtomicBoolean down = new AtomicBoolean(true);
    try (RankingEngine engine = RankingEngine.builder().clock(clock).flushInterval(Duration.ofMinutes(1))
        .counterStore(failingWhile(down)).listener(heard).build()) {
      engine.record(EngagementEvent.view(ArticleId.of("a"), NOW));
      engine.record(EngagementEvent.view(ArticleId.of("a"), NOW));
      engine.record(EngagementEvent.view(ArticleId.of("b"), NOW));
      assertThat(engine.flush()).isFalse();
      down.set(false);
      assertThat(engine.flush()).isTrue();
      assertThat(heard.events).containsExactly("batch 2 cells 3 events failed", "flush incomplete",
          "batch 2 cells 3 events delivered", "flush complete");
    }
  }

  @Test
  void aThrowingListenerStopsNoCount() {
    RankingEngine.Listener broken = new RankingEngine.Listener() {
      @Override
      public void batchSent(int cells, long events, Duration elapsed, boolean delivered) {
        throw new IllegalStateException("metrics down");
      }

      @Override
      public void flushCompleted(Duration elapsed, boolean complete) {
        throw new IllegalStateException("metrics down");
      }
    };
    try (RankingEngine engine = RankingEngine.builder().clock(clock).flushInterval(Duration.ofMinutes(1))
        .resultCacheTtl(Duration.ZERO).listener(broken).build()) {
      engine.record(EngagementEvent.view(ArticleId.of("a"), NOW));
      assertThat(engine.flush()).isTrue();
      assertThat(engine.flush()).isTrue();
      assertThat(engine.top(RankingQuery.top(RankingQuery.Window.lastHours(1), 5)).articleIds())
          .containsExactly(ArticleId.of("a"));
      assertThat(engine.stats().deliveredEvents()).isEqualTo(1);
    }
  }
}
