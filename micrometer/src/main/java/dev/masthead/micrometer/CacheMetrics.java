package dev.masthead.micrometer;

import com.github.benmanes.caffeine.cache.stats.StatsCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.cache.CaffeineStatsCounter;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Masthead's result caches through Micrometer's Caffeine binder ({@link CaffeineStatsCounter}): hand the supplier
 * to the module's builder, which records into it as Caffeine does.
 *
 * <pre>{@code
 * RankingEngine engine = RankingEngine.builder()
 *     .recordCacheStats(CacheMetrics.statsCounter(registry, CacheMetrics.RANKING_RESULTS))
 *     .build();
 * }</pre>
 *
 * <p>The meters are Micrometer's cache meters, tagged {@code cache=<name>}: {@code cache.gets{result=hit|miss}},
 * {@code cache.puts}, {@code cache.evictions}, {@code cache.load.duration}. The registry is needed when the module
 * is built, unlike the listener binders.
 *
 * <p>Thread-safe (stateless).
 */
public final class CacheMetrics {
  /** The cache name of the ranking result cache: {@value}. */
  public static final String RANKING_RESULTS = "masthead.ranking.results";
  /** The cache name of the related-posts result cache: {@value}. */
  public static final String RELATED_RESULTS = "masthead.related.results";

  private CacheMetrics() {}

  /**
   * Returns a supplier of Micrometer's stats counter for one cache.
   *
   * @param registry where the cache meters go
   * @param cacheName the {@code cache} tag, for example {@link #RANKING_RESULTS}
   * @return a supplier; each call makes a counter on the same meters
   * @throws NullPointerException if an argument is null
   */
  public static Supplier<StatsCounter> statsCounter(MeterRegistry registry, String cacheName) {
    Objects.requireNonNull(registry, "registry");
    Objects.requireNonNull(cacheName, "cacheName");
    return () -> new CaffeineStatsCounter(registry, cacheName, Tags.empty());
  }
}
