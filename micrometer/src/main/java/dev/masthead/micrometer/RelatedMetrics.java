package dev.masthead.micrometer;

import dev.masthead.related.RelatedArticles;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;

/**
 * Times related-posts queries: give it to the index's builder ({@code RelatedArticles.builder().listener(metrics)}),
 * then bind it.
 *
 * <ul>
 *   <li>{@code masthead.related.queries{cache=hit|miss}} (timer): queries answered, from the result cache or
 *       computed;</li>
 *   <li>{@code masthead.related.results} (summary): articles per answer (a box with fewer than asked for shows
 *       an index too small or a minimum score too high).</li>
 * </ul>
 *
 * <p>Thread-safe.
 */
public final class RelatedMetrics implements RelatedArticles.Listener, MeterBinder {
  private final Registries<Meters> registries = new Registries<>(Meters::new);

  /** Creates the binder, bound to no registry yet. */
  public RelatedMetrics() {}

  private static final class Meters {
    final Timer hit;
    final Timer miss;
    final DistributionSummary results;

    Meters(MeterRegistry registry) {
      hit = queries(registry, "hit");
      miss = queries(registry, "miss");
      results = DistributionSummary.builder("masthead.related.results").baseUnit("articles")
          .description("Related articles per answer").register(registry);
    }

    private static Timer queries(MeterRegistry registry, String cache) {
      return Timer.builder("masthead.related.queries").description("Related-posts queries answered")
          .tag("cache", cache).register(registry);
    }
  }

  @Override
  public void queried(Duration elapsed, int results, boolean cached) {
    registries.each(m -> {
      (cached ? m.hit : m.miss).record(elapsed);
      m.results.record(results);
    });
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    registries.bind(registry);
  }
}
