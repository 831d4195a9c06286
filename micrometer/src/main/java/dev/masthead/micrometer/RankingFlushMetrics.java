package dev.masthead.micrometer;

import dev.masthead.ranking.RankingEngine;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;

/**
 * Times a {@code RankingEngine}'s flushes and store batches: give it to the engine's builder
 * ({@code RankingEngine.builder().listener(metrics)}), then bind it.
 *
 * <ul>
 *   <li>{@code masthead.ranking.flushes{result=complete|incomplete}} (timer): flushes, incomplete when the store
 *       failed part-way (the rest is sent at the next flush);</li>
 *   <li>{@code masthead.ranking.store.batches{result=delivered|failed}} (timer): batches sent to the counter
 *       store (Redis: one round trip per 500-cell chunk), and the time to the store's answer or timeout;</li>
 *   <li>{@code masthead.ranking.store.batch.cells} (summary): the cells per batch sent.</li>
 * </ul>
 * Dropped counts are {@link RankingMetrics}' {@code masthead.ranking.events.dropped}.
 *
 * <p>Thread-safe.
 */
public final class RankingFlushMetrics implements RankingEngine.Listener, MeterBinder {
  private final Registries<Meters> registries = new Registries<>(Meters::new);

  /** Creates the binder, bound to no registry yet. */
  public RankingFlushMetrics() {}

  private static final class Meters {
    final Timer complete;
    final Timer incomplete;
    final Timer delivered;
    final Timer failed;
    final DistributionSummary cells;

    Meters(MeterRegistry registry) {
      complete = flushes(registry, "complete");
      incomplete = flushes(registry, "incomplete");
      delivered = batches(registry, "delivered");
      failed = batches(registry, "failed");
      cells = DistributionSummary.builder("masthead.ranking.store.batch.cells").baseUnit("cells")
          .description("Cells per batch sent to the counter store").register(registry);
    }

    private static Timer flushes(MeterRegistry registry, String result) {
      return Timer.builder("masthead.ranking.flushes").description("Ranking flushes of buffered counts to the store")
          .tag("result", result).register(registry);
    }

    private static Timer batches(MeterRegistry registry, String result) {
      return Timer.builder("masthead.ranking.store.batches").description("Batches sent to the counter store")
          .tag("result", result).register(registry);
    }
  }

  @Override
  public void batchSent(int cells, long events, Duration elapsed, boolean delivered) {
    registries.each(m -> {
      (delivered ? m.delivered : m.failed).record(elapsed);
      m.cells.record(cells);
    });
  }

  @Override
  public void flushCompleted(Duration elapsed, boolean complete) {
    registries.each(m -> (complete ? m.complete : m.incomplete).record(elapsed));
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    registries.bind(registry);
  }
}
