package dev.masthead.micrometer;

import dev.masthead.ranking.RankingEngine;
import dev.masthead.ranking.RankingStats;
import dev.masthead.ranking.RecordResult;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.BaseUnits;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;
import java.util.function.ToDoubleFunction;
import org.jspecify.annotations.Nullable;

/**
 * A {@code RankingEngine}'s counters ({@link RankingEngine#stats()}) as meters:
 *
 * <ul>
 *   <li>{@code masthead.ranking.events{outcome=accepted,reason=none}} and
 *       {@code {outcome=rejected,reason=too_late|too_far_in_future|crawler|repeat_visitor|unknown_kind}}: events
 *       recorded;</li>
 *   <li>{@code masthead.ranking.events.delivered}, {@code .dropped} (the buffer cap reached while the store was
 *       down, or a batch undelivered past the resend window), {@code .unverified} (counted without a
 *       unique-visitor check because the shared memory failed): counters; {@code masthead.ranking.events.buffered}:
 *       a gauge;</li>
 *   <li>{@code masthead.ranking.store.cells}, {@code .articles}, {@code .size} (bytes): what the counter store
 *       holds, NaN when it did not answer; {@code masthead.ranking.store.available}: 1 or 0.</li>
 * </ul>
 *
 * <p>Reading the stats asks the store for its size (with Redis, one call bounded by the store timeout), so one
 * snapshot serves every meter for {@link #DEFAULT_SNAPSHOT_TTL}. Flush timers are {@link RankingFlushMetrics}'.
 *
 * <p>Thread-safe.
 */
public final class RankingMetrics implements MeterBinder {
  /** How long one stats snapshot serves every meter: 1 second, shorter than any scrape interval. */
  public static final Duration DEFAULT_SNAPSHOT_TTL = Duration.ofSeconds(1);

  private final RankingEngine engine;
  private final LongSupplier nanoTime;
  private final long ttlNanos;
  private @Nullable RankingStats last;
  private long lastAt;

  /**
   * Creates the binder for an engine.
   *
   * @param engine the engine whose stats to expose
   * @throws NullPointerException if {@code engine} is null
   */
  public RankingMetrics(RankingEngine engine) {
    this(engine, System::nanoTime, DEFAULT_SNAPSHOT_TTL);
  }

  RankingMetrics(RankingEngine engine, LongSupplier nanoTime, Duration ttl) {
    this.engine = Objects.requireNonNull(engine, "engine");
    this.nanoTime = nanoTime;
    this.ttlNanos = ttl.toNanos();
  }

  private synchronized RankingStats stats() {
    long now = nanoTime.getAsLong();
    RankingStats s = last;
    if (s == null || now - lastAt >= ttlNanos) {
      s = engine.stats();
      last = s;
      lastAt = now;
    }
    return s;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    counter(registry, "masthead.ranking.events", "Engagement events recorded", RankingStats::accepted)
        .tag("outcome", "accepted").tag("reason", "none").register(registry);
    for (RecordResult r : RecordResult.values()) {
      if (r != RecordResult.ACCEPTED) {
        counter(registry, "masthead.ranking.events", "Engagement events recorded", s -> s.rejected().get(r))
            .tag("outcome", "rejected").tag("reason", TagValues.of(r)).register(registry);
      }
    }
    counter(registry, "masthead.ranking.events.delivered", "Accepted events the counter store has counted",
        RankingStats::deliveredEvents).register(registry);
    counter(registry, "masthead.ranking.events.dropped",
        "Accepted events given up: buffer cap reached while the store was down, or undelivered past the resend window",
        RankingStats::droppedEvents).register(registry);
    counter(registry, "masthead.ranking.events.unverified",
        "Events counted without a unique-visitor check because the shared visitor memory failed",
        RankingStats::unverifiedVisitorEvents).register(registry);
    gauge("masthead.ranking.events.buffered", "Accepted events waiting for the store", s -> s.bufferedEvents())
        .baseUnit(BaseUnits.EVENTS).register(registry);
    gauge("masthead.ranking.store.cells", "Cells the counter store holds over all bucket tiers",
        s -> orNaN(s.liveCells())).baseUnit("cells").register(registry);
    gauge("masthead.ranking.store.articles", "Distinct articles the counter store holds",
        s -> orNaN(s.articles())).baseUnit("articles").register(registry);
    gauge("masthead.ranking.store.size", "The counter store's estimate of the memory its counts hold",
        s -> orNaN(s.estimatedBytes())).baseUnit(BaseUnits.BYTES).register(registry);
    gauge("masthead.ranking.store.available", "1 while the counter store answers, 0 during an outage",
        s -> s.storeAvailable() ? 1 : 0).register(registry);
  }

  private static double orNaN(long value) {
    return value < 0 ? Double.NaN : value;
  }

  private FunctionCounter.Builder<RankingMetrics> counter(MeterRegistry registry, String name, String description,
      ToDoubleFunction<RankingStats> read) {
    return FunctionCounter.builder(name, this, m -> read.applyAsDouble(m.stats())).description(description)
        .baseUnit(BaseUnits.EVENTS);
  }

  private Gauge.Builder<RankingMetrics> gauge(String name, String description, ToDoubleFunction<RankingStats> read) {
    return Gauge.builder(name, this, m -> read.applyAsDouble(m.stats())).description(description);
  }
}
