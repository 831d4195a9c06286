package dev.masthead.ranking;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Every setting of a {@link RankingEngine}, as one value: what {@link RankingEngine.Builder} builds from its
 * setters, what {@link RankingEngine.Builder#config(RankingConfig)} takes whole, and what a Spring Boot
 * starter binds properties to. Each default is a constant of this class with its source;
 * {@link #defaults()} holds them all. The clock, the article lookup and the stores are not settings: they
 * are objects given to the builder.
 *
 * <p>Immutable and thread-safe.
 *
 * @param bucketResolution the finest bucket length, the precision of window edges within the last day:
 *     1 second to 1 hour, dividing an hour evenly, a whole number of milliseconds
 * @param retention how long counts are kept, 1 hour to 3,660 days; {@link RankingQuery.Window#allTime()}
 *     means this span
 * @param allowedLateness how late an event may arrive, zero to the retention
 * @param clockSkewAllowance how far ahead of the engine's time an event may be, zero to 1 day
 * @param scoring the default scoring; its weights' kinds are the kinds the engine counts
 * @param resultCacheTtl how long a ranking is cached, zero (no cache) to 1 hour
 * @param uniqueVisitorPeriod the period within which a visitor counts once per article and kind, zero
 *     (disabled) to 1 day
 * @param maxVisitorEntries how many entries the per-server visitor memory keeps, at least 16
 * @param trackedWindows rolling window lengths kept as running totals in the store, each at least the
 *     bucket resolution and at most the retention; {@code null} for {@link #DEFAULT_TRACKED_WINDOWS} cut to
 *     those within the retention
 * @param crawlerPatterns regular expressions ({@link java.util.regex.Pattern} syntax) for user agents to
 *     reject as crawlers, each matched case-insensitively at a word boundary; {@code null} for the list
 *     Masthead ships (see {@link RankingEngine.Builder#crawlerPatterns}); empty to count crawlers too
 * @param flushInterval how often buffered counts are handed to the store, 10 milliseconds to 1 minute
 * @param bufferCells distinct (article, kind, bucket) cells a recording buffer may grow to hold before it is
 *     handed to the flusher early, 16 to 2^20
 * @param maxBufferedCells the most cells waiting for the store (full buffers and undelivered batches);
 *     beyond it new counts are dropped and counted; at least {@code bufferCells}
 * @param storeTimeout the longest wait for a {@link CounterStore} or shared {@link VisitorMemory} call,
 *     1 millisecond to 1 minute
 */
public record RankingConfig(
    Duration bucketResolution,
    Duration retention,
    Duration allowedLateness,
    Duration clockSkewAllowance,
    Scoring scoring,
    Duration resultCacheTtl,
    Duration uniqueVisitorPeriod,
    long maxVisitorEntries,
    @Nullable List<Duration> trackedWindows,
    @Nullable List<String> crawlerPatterns,
    Duration flushInterval,
    int bufferCells,
    long maxBufferedCells,
    Duration storeTimeout) {

  /** 1 minute: "the last 24 hours" exact to the minute, at 1,440 buckets a day. Masthead's choice. */
  public static final Duration DEFAULT_BUCKET_RESOLUTION = Duration.ofMinutes(1);
  /** 35 days: "this month" and the 30-day window, plus a margin. Masthead's choice. */
  public static final Duration DEFAULT_RETENTION = Duration.ofDays(35);
  /** 1 hour: a page view queued in a host's log pipeline for up to an hour still counts. Masthead's choice. */
  public static final Duration DEFAULT_ALLOWED_LATENESS = Duration.ofHours(1);
  /** 5 minutes: the clock skew MIT Kerberos tolerates by default ({@code clockskew}, 300 s). */
  public static final Duration DEFAULT_CLOCK_SKEW_ALLOWANCE = Duration.ofMinutes(5);
  /** 30 seconds: a "Top 5" box may lag half a minute. Masthead's choice. */
  public static final Duration DEFAULT_RESULT_CACHE_TTL = Duration.ofSeconds(30);
  /** 30 minutes: the usual web-analytics session timeout (Google Analytics' default). */
  public static final Duration DEFAULT_UNIQUE_VISITOR_PERIOD = Duration.ofMinutes(30);
  /** 1,000,000 entries: about 150 MB at most. Masthead's choice. */
  public static final long DEFAULT_MAX_VISITOR_ENTRIES = 1_000_000;
  /** The last 24 hours, 7 days and 30 days: the windows of "Popular Articles" and "Top 5 This Week" boxes. */
  public static final List<Duration> DEFAULT_TRACKED_WINDOWS =
      List.of(Duration.ofHours(24), Duration.ofDays(7), Duration.ofDays(30));
  /** 1 second: the staleness bound of the port (issue 11). */
  public static final Duration DEFAULT_FLUSH_INTERVAL = Duration.ofSeconds(1);
  /**
   * 393,216 cells: a recording buffer grows as needed up to 524,288 slots at a load of 3/4 (about 19 MB at most
   * per recording stripe), enough for every (article, kind, minute) a busy site sees in a flush interval.
   * Masthead's choice.
   */
  public static final int DEFAULT_BUFFER_CELLS = 393_216;
  /** 1,000,000 cells waiting (about 100 MB at most) before counts are dropped. Masthead's choice. */
  public static final long DEFAULT_MAX_BUFFERED_CELLS = 1_000_000;
  /** 500 milliseconds: a request thread never waits longer for the store. Masthead's choice. */
  public static final Duration DEFAULT_STORE_TIMEOUT = Duration.ofMillis(500);

  /**
   * Validates the values and resolves {@code trackedWindows}.
   *
   * @throws NullPointerException if a non-nullable value (or an element) is null
   * @throws IllegalArgumentException if a value is out of its range, or values conflict (the lateness or a
   *     tracked window longer than the retention, {@code maxBufferedCells} below {@code bufferCells})
   */
  public RankingConfig {
    checkBucketResolution(bucketResolution);
    checkRetention(retention);
    checkAllowedLateness(allowedLateness);
    checkClockSkewAllowance(clockSkewAllowance);
    Objects.requireNonNull(scoring, "scoring");
    checkResultCacheTtl(resultCacheTtl);
    checkUniqueVisitorPeriod(uniqueVisitorPeriod);
    checkMaxVisitorEntries(maxVisitorEntries);
    checkFlushInterval(flushInterval);
    checkBufferCells(bufferCells);
    checkStoreTimeout(storeTimeout);
    if (crawlerPatterns != null) {
      crawlerPatterns = CrawlerUserAgents.checkPatterns(crawlerPatterns);
    }
    String conflict = conflict(retention, allowedLateness, trackedWindows, bufferCells, maxBufferedCells);
    if (conflict != null) {
      throw new IllegalArgumentException(conflict);
    }
    trackedWindows = resolveTracked(trackedWindows, retention);
  }

  /**
   * Returns the defaults: every {@code DEFAULT_*} constant, {@link Scoring#defaults()} and the shipped crawler
   * list.
   *
   * @return the default configuration
   */
  public static RankingConfig defaults() {
    return new RankingConfig(DEFAULT_BUCKET_RESOLUTION, DEFAULT_RETENTION, DEFAULT_ALLOWED_LATENESS,
        DEFAULT_CLOCK_SKEW_ALLOWANCE, Scoring.defaults(), DEFAULT_RESULT_CACHE_TTL, DEFAULT_UNIQUE_VISITOR_PERIOD,
        DEFAULT_MAX_VISITOR_ENTRIES, null, null, DEFAULT_FLUSH_INTERVAL, DEFAULT_BUFFER_CELLS,
        DEFAULT_MAX_BUFFERED_CELLS, DEFAULT_STORE_TIMEOUT);
  }

  /**
   * Returns what a {@link CounterStore} for this configuration must hold. With the defaults (resolution
   * 1 minute, retention 35 days) the tiers are 1-minute buckets kept for 1 day and 1-hour buckets kept for
   * the retention; a resolution of 1 hour has no minute tier; a retention beyond 90 days adds 1-day buckets
   * (hourly buckets then stop at 90 days).
   *
   * @return the layout: tiers, the scoring's kinds in name order, the tracked windows and the skew allowance
   */
  public StoreLayout layout() {
    List<BucketTier> tiers = new ArrayList<>();
    Duration hour = Duration.ofHours(1);
    Duration day = Duration.ofDays(1);
    Duration ninety = Duration.ofDays(90);
    if (bucketResolution.compareTo(hour) < 0) {
      tiers.add(new BucketTier(bucketResolution, min(day, retention)));
    }
    if (tiers.isEmpty() || retention.compareTo(day) > 0) {
      tiers.add(new BucketTier(hour, min(ninety, retention)));
    }
    if (retention.compareTo(ninety) > 0) {
      tiers.add(new BucketTier(day, retention));
    }
    List<EngagementKind> kinds = new ArrayList<>(scoring.weights().keySet());
    return new StoreLayout(tiers, kinds, Objects.requireNonNull(trackedWindows), clockSkewAllowance);
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  static List<Duration> resolveTracked(@Nullable List<Duration> tracked, Duration retention) {
    if (tracked != null) {
      return checkTrackedWindows(tracked);
    }
    List<Duration> fit = new ArrayList<>();
    for (Duration d : DEFAULT_TRACKED_WINDOWS) {
      if (d.compareTo(retention) <= 0) {
        fit.add(d);
      }
    }
    return List.copyOf(fit);
  }

  /** Returns what conflicts between the values, or null. */
  static @Nullable String conflict(Duration retention, Duration lateness, @Nullable List<Duration> tracked,
      int bufferCells, long maxBufferedCells) {
    if (lateness.compareTo(retention) > 0) {
      return "allowedLateness (" + lateness + ") must not be longer than retention (" + retention + ")";
    }
    if (tracked != null) {
      for (Duration d : tracked) {
        if (d.compareTo(retention) > 0) {
          return "tracked window " + d + " is longer than retention " + retention;
        }
      }
    }
    if (maxBufferedCells < bufferCells) {
      return "maxBufferedCells (" + maxBufferedCells + ") must be at least bufferCells (" + bufferCells + ")";
    }
    return null;
  }

  private static Duration positive(String name, Duration d) {
    Objects.requireNonNull(d, name);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, was " + d);
    }
    return d;
  }

  private static Duration nonNegative(String name, Duration d) {
    Objects.requireNonNull(d, name);
    if (d.isNegative()) {
      throw new IllegalArgumentException(name + " must not be negative, was " + d);
    }
    return d;
  }

  private static Duration atMost(String name, Duration d, Duration max) {
    if (d.compareTo(max) > 0) {
      throw new IllegalArgumentException(name + " must be at most " + max + ", was " + d);
    }
    return d;
  }

  static Duration checkBucketResolution(Duration resolution) {
    positive("bucketResolution", resolution);
    long ms = resolution.toMillis();
    if (ms < 1_000 || ms > 3_600_000 || 3_600_000 % ms != 0 || resolution.toNanos() % 1_000_000 != 0) {
      throw new IllegalArgumentException(
          "bucketResolution must be 1 s to 1 h and divide 1 hour evenly, was " + resolution);
    }
    return resolution;
  }

  static Duration checkRetention(Duration retention) {
    positive("retention", retention);
    if (retention.compareTo(Duration.ofHours(1)) < 0 || retention.compareTo(Duration.ofDays(3_660)) > 0) {
      throw new IllegalArgumentException("retention must be 1 hour to 3,660 days, was " + retention);
    }
    return retention;
  }

  static Duration checkAllowedLateness(Duration lateness) {
    return nonNegative("allowedLateness", lateness);
  }

  static Duration checkClockSkewAllowance(Duration skew) {
    return atMost("clockSkewAllowance", nonNegative("clockSkewAllowance", skew), Duration.ofDays(1));
  }

  static Duration checkResultCacheTtl(Duration ttl) {
    return atMost("resultCacheTtl", nonNegative("resultCacheTtl", ttl), Duration.ofHours(1));
  }

  static Duration checkUniqueVisitorPeriod(Duration period) {
    nonNegative("uniqueVisitorPeriod", period);
    if (!period.isZero() && period.toMillis() < 1) {
      throw new IllegalArgumentException("uniqueVisitorPeriod must be zero or at least 1 ms, was " + period);
    }
    return atMost("uniqueVisitorPeriod", period, Duration.ofDays(1));
  }

  static long checkMaxVisitorEntries(long maxEntries) {
    if (maxEntries < PerServerVisitorMemory.SEGMENTS) {
      throw new IllegalArgumentException("maxVisitorEntries must be at least " + PerServerVisitorMemory.SEGMENTS
          + ", was " + maxEntries);
    }
    return maxEntries;
  }

  static List<Duration> checkTrackedWindows(List<Duration> windows) {
    List<Duration> copy = List.copyOf(windows);
    for (Duration d : copy) {
      positive("trackedWindows element", d);
      if (d.toNanos() % 1_000_000 != 0) {
        throw new IllegalArgumentException("trackedWindows element must be whole milliseconds, was " + d);
      }
    }
    if (copy.stream().distinct().count() != copy.size()) {
      throw new IllegalArgumentException("trackedWindows must not repeat a window: " + copy);
    }
    return copy;
  }

  static Duration checkFlushInterval(Duration interval) {
    positive("flushInterval", interval);
    if (interval.toMillis() < 10) {
      throw new IllegalArgumentException("flushInterval must be at least 10 ms, was " + interval);
    }
    return atMost("flushInterval", interval, Duration.ofMinutes(1));
  }

  static int checkBufferCells(int cells) {
    if (cells < 16 || cells > 1 << 20) {
      throw new IllegalArgumentException("bufferCells must be 16 to 1,048,576, was " + cells);
    }
    return cells;
  }

  static Duration checkStoreTimeout(Duration timeout) {
    positive("storeTimeout", timeout);
    if (timeout.toMillis() < 1) {
      throw new IllegalArgumentException("storeTimeout must be at least 1 ms, was " + timeout);
    }
    return atMost("storeTimeout", timeout, Duration.ofMinutes(1));
  }
}
