package dev.masthead.ranking;

import dev.masthead.core.ArticleLookup;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import com.github.benmanes.caffeine.cache.stats.StatsCounter;
import dev.masthead.core.Article;
import dev.masthead.core.ArticleId;
import dev.masthead.core.BackendUnavailableException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The time-windowed top-N engine: records engagement events and answers "the top N articles of this window".
 *
 * <p><b>Event time.</b> An event counts in the buckets of its {@code occurredAt}. The engine's time is the
 * injected clock, never going backward (a clock that steps back is held at its latest value). An event
 * earlier than that time minus the allowed lateness is rejected as {@link RecordResult#TOO_LATE}; one later
 * than the time plus the skew allowance as {@link RecordResult#TOO_FAR_IN_FUTURE}. A late event within the
 * allowance lands in its own bucket.
 *
 * <p><b>Recording.</b> {@link #record} checks an event and adds it to a buffer that coalesces counts per
 * (article, kind, bucket of the finest tier): no I/O, no global lock, one hash-table probe.
 * {@link RecordResult#ACCEPTED} means accepted into that buffer. A flusher thread hands the buffers to the
 * {@link CounterStore} as batches every flush interval (default 1 second) and whenever a buffer fills;
 * {@link #flush()} does it at once and {@link #close()} does it a last time. <b>Staleness bound:</b> while the store answers, an accepted event is
 * in the store within one flush interval plus the time of one flush, so a ranking computed after that shows
 * it; a cached ranking may be older by up to the result-cache TTL (default 30 seconds), and never outlives the
 * end of its calendar window.
 *
 * <p><b>Buckets.</b> Every event is counted in one bucket per tier. With the defaults (resolution 1 minute,
 * retention 35 days) the tiers are 1-minute buckets kept for 1 day and 1-hour buckets kept for the retention;
 * a retention beyond 90 days adds 1-day buckets (hourly buckets then stop at 90 days). A window is read at the
 * resolution of the finest tier that reaches back to its edges: a rolling window of up to a day is exact to
 * the minute, up to 90 days to the hour, beyond to the day. See {@link RankingQuery.Window}.
 *
 * <p><b>Reading.</b> A tracked rolling window (by default the last 24 hours, 7 days and 30 days) is asked of
 * the store as a top-K from its running totals; other windows (calendar, custom, untracked rolling, and any
 * window under half-life scoring) are the union of their buckets, merged coarsest first. Results are cached
 * (default 30 seconds), so each query reaches the store at most once per TTL.
 *
 * <p><b>When the store fails.</b> Every store call is waited for at most the store timeout (default 500 ms),
 * on the request thread for {@link #top} and on the flusher's thread for writes. While the store fails,
 * {@link #top} serves the last good ranking of the same query marked {@linkplain Ranking#stale() stale} (an
 * empty stale ranking if there is none) and one WARN is logged per outage; buffered counts are kept, and
 * resent as the same batches (counted once by the store), up to {@link RankingConfig#maxBufferedCells()}
 * cells; beyond it, or past {@link CounterStore.Batch#RESEND_WINDOW}, counts are dropped and counted in
 * {@link RankingStats#droppedEvents()}. With a store that {@linkplain CounterStore#appliesInProcess() applies in
 * process} (the in-memory one) nothing is dropped: when ingest outruns the flusher, the recording thread that
 * fills a buffer past the cap counts it in the store itself.
 *
 * <p>Thread-safe: any number of threads may record and query at once. Build one with {@link #builder()};
 * {@link #close()} it when the host stops.
 */
public final class RankingEngine implements AutoCloseable {
  private static final long MAX_EPOCH_SECOND = Long.MAX_VALUE / 4 / 1000;

  /**
   * Told of the flusher's work, for metrics such as {@code masthead-micrometer}'s ({@link Builder#listener}).
   * Called on the thread that flushes (the engine's flusher, or a caller of {@link RankingEngine#flush()} or
   * {@link RankingEngine#close()}), after the store answered and outside the flusher's lock, so it must be
   * quick and must not block. What it throws is logged at WARN once per engine (the exception's class only) and
   * changes nothing. Dropped and delivered event counts are in {@link RankingEngine#stats()}.
   *
   * <p>Implementations must be safe for concurrent use.
   */
  public interface Listener {
    /**
     * A batch went to the {@link CounterStore}.
     *
     * @param cells the batch's cells, 1 to 8,192
     * @param events the events it counts
     * @param elapsed from sending it to the store's answer or the store timeout, on the JVM's monotonic clock
     * @param delivered true if the store counted it; false if the store failed or timed out (the batch is sent
     *     again at the next flush, with the same id)
     */
    default void batchSent(int cells, long events, Duration elapsed, boolean delivered) {}

    /**
     * A flush ended.
     *
     * @param elapsed its duration: draining the buffers, the visitor check, the batches and the store's
     *     maintenance
     * @param complete true if every count buffered when it started reached the store (or was dropped); false if
     *     it stopped at a store failure
     */
    default void flushCompleted(Duration elapsed, boolean complete) {}
  }

  /** A cached ranking and the engine time from which it must not be served (a calendar window's end). */
  private record Cached(Ranking ranking, long validUntilMillis) {}

  private final InstantSource clock;
  private final RankingConfig config;
  private final StoreLayout layout;
  private final CounterStore store;
  private final Scoring defaultScoring;
  private final EngagementKind[] kinds;
  private final long latenessMillis;
  private final long skewMillis;
  private final long cacheTtlMillis;
  private final @Nullable ArticleLookup lookup;
  private final @Nullable CrawlerUserAgents crawlers;
  private final @Nullable PerServerVisitorMemory localVisitors;
  /** A host's memory that {@linkplain VisitorMemory#answersInProcess() answers in process}: asked in record. */
  private final @Nullable VisitorMemory inProcessVisitors;
  private final Duration visitorPeriod;
  private final Duration visitorRemember;
  private final boolean deferVisitors;
  private final long visitorPeriodMillis;
  private final long visitorRememberMillis;
  private final @Nullable Cache<RankingQuery, Cached> cache;
  private final Cache<RankingQuery, Ranking> lastGood;
  private final StoreHealth health;
  private final IngestBuffers buffers;
  private final Flusher flusher;

  private final AtomicLong highWater = new AtomicLong(Long.MIN_VALUE);
  private final EnumMap<RecordResult, LongAdder> rejected = new EnumMap<>(RecordResult.class);
  private volatile boolean closed;

  private RankingEngine(Builder b, RankingConfig config, StoreLayout layout, CounterStore store,
      @Nullable VisitorMemory visitors) {
    this.clock = b.clock;
    this.config = config;
    this.layout = layout;
    this.store = store;
    this.defaultScoring = config.scoring();
    this.kinds = layout.kinds().toArray(new EngagementKind[0]);
    this.latenessMillis = config.allowedLateness().toMillis();
    this.skewMillis = config.clockSkewAllowance().toMillis();
    this.cacheTtlMillis = config.resultCacheTtl().toMillis();
    this.lookup = b.lookup;
    List<String> patterns = config.crawlerPatterns();
    CrawlerUserAgents c = patterns == null ? CrawlerUserAgents.shipped() : new CrawlerUserAgents(patterns);
    this.crawlers = c.isEmpty() ? null : c;
    Duration period = config.uniqueVisitorPeriod();
    Duration remember = period.plus(config.allowedLateness()).plus(config.clockSkewAllowance());
    this.visitorPeriodMillis = period.toMillis();
    this.visitorRememberMillis = remember.toMillis();
    VisitorMemory v = period.isZero() ? null : visitors;
    this.localVisitors = v instanceof PerServerVisitorMemory p ? p : null;
    this.inProcessVisitors = v != null && localVisitors == null && v.answersInProcess() ? v : null;
    this.visitorPeriod = period;
    this.visitorRemember = remember;
    this.deferVisitors = v != null && localVisitors == null && inProcessVisitors == null;
    Ticker ticker = () -> now() * 1_000_000L;
    Caffeine<Object, Object> cacheBuilder = Caffeine.newBuilder().ticker(ticker)
        .expireAfterWrite(config.resultCacheTtl()).maximumSize(10_000);
    if (b.cacheStats != null) {
      cacheBuilder.recordStats(b.cacheStats);
    }
    this.cache = config.resultCacheTtl().isZero() ? null : cacheBuilder.build();
    this.lastGood = Caffeine.newBuilder().maximumSize(10_000).build();
    for (RecordResult r : RecordResult.values()) {
      if (r != RecordResult.ACCEPTED) {
        rejected.put(r, new LongAdder());
      }
    }
    this.health = new StoreHealth(config.storeTimeout());
    long finest = layout.tiers().get(0).resolution().toMillis();
    this.buffers = new IngestBuffers(config.bufferCells(), config.maxBufferedCells(), finest);
    this.flusher = new Flusher(buffers, store, deferVisitors ? v : null, period, remember, layout, health,
        this::observedNow, config.flushInterval(), b.listener);
    flusher.start();
  }

  /**
   * Returns a new builder with the defaults of {@link RankingConfig#defaults()}.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  private long now() {
    long c = clock.millis();
    long h = highWater.get();
    while (c > h) {
      if (highWater.compareAndSet(h, c)) {
        return c;
      }
      h = highWater.get();
    }
    return h;
  }

  /**
   * The engine's time as {@link #record} and {@link #top} last saw it, without reading the clock: the flusher
   * stamps batches with it, so that the engine's time only ever comes from calls a host made.
   */
  private long observedNow() {
    long h = highWater.get();
    return h == Long.MIN_VALUE ? clock.millis() : h;
  }

  /**
   * Returns the bucket tiers, counted kinds and tracked windows this engine was built with.
   *
   * @return the layout, equal to the store's
   */
  public StoreLayout layout() {
    return layout;
  }

  /**
   * Returns the settings this engine was built with.
   *
   * @return the configuration
   */
  public RankingConfig config() {
    return config;
  }

  /**
   * Returns the store this engine counts in: the one given to the builder, or the in-memory store it made.
   *
   * @return the store
   */
  public CounterStore counterStore() {
    return store;
  }

  /**
   * Records one event. Checks, in order: the kind is counted ({@link RecordResult#UNKNOWN_KIND}), the time is
   * within lateness and skew ({@link RecordResult#TOO_LATE}, {@link RecordResult#TOO_FAR_IN_FUTURE}), the user
   * agent is not a crawler's ({@link RecordResult#CRAWLER}), the visitor has not counted for this article and
   * kind within the unique-visitor period ({@link RecordResult#REPEAT_VISITOR}, decided here with the
   * per-server memory, at the next flush with a shared one); then adds it to the buffer. No I/O, no global
   * lock; see the class documentation for when the count reaches the store.
   *
   * @param event the event
   * @return {@link RecordResult#ACCEPTED} (into the buffer), or the rejection; never throws on a bad event
   * @throws NullPointerException if {@code event} is null
   * @throws IllegalStateException if the engine is closed
   */
  public RecordResult record(EngagementEvent event) {
    Objects.requireNonNull(event, "event");
    if (closed) {
      throw new IllegalStateException("the ranking engine is closed");
    }
    long now = now();
    int kind = kindIndex(event.kind());
    if (kind < 0) {
      return reject(RecordResult.UNKNOWN_KIND);
    }
    Instant at = event.occurredAt();
    long seconds = at.getEpochSecond();
    if (seconds < -MAX_EPOCH_SECOND) {
      return reject(RecordResult.TOO_LATE);
    }
    if (seconds > MAX_EPOCH_SECOND) {
      return reject(RecordResult.TOO_FAR_IN_FUTURE);
    }
    long t = at.toEpochMilli();
    if (t < now - latenessMillis) {
      return reject(RecordResult.TOO_LATE);
    }
    if (t > now + skewMillis) {
      return reject(RecordResult.TOO_FAR_IN_FUTURE);
    }
    String ua = event.userAgent();
    if (ua != null && crawlers != null && crawlers.isCrawler(ua)) {
      return reject(RecordResult.CRAWLER);
    }
    String visitor = event.visitorId();
    if (visitor != null) {
      if (localVisitors != null) {
        if (!localVisitors.first(event.articleId(), event.kind(), visitor, t, visitorPeriodMillis,
            visitorRememberMillis, now)) {
          return reject(RecordResult.REPEAT_VISITOR);
        }
      } else if (inProcessVisitors != null) {
        if (!firstInProcess(inProcessVisitors, event, visitor, t, now)) {
          return reject(RecordResult.REPEAT_VISITOR);
        }
      } else if (deferVisitors) {
        buffers.addDeferred(new IngestBuffers.Deferred(event.articleId(), kind, t, event.count(), visitor));
        return RecordResult.ACCEPTED;
      }
    }
    buffers.add(event.articleId(), kind, t, event.count());
    return RecordResult.ACCEPTED;
  }

  /**
   * Asks an in-process memory about one sighting; an answer that is not ready at once, or a failure, counts the
   * event (a failure never hides a reader) and is counted as unverified.
   */
  private boolean firstInProcess(VisitorMemory memory, EngagementEvent event, String visitor, long t, long now) {
    try {
      boolean[] first = memory.firstSightings(List.of(new VisitorMemory.Sighting(event.articleId(), event.kind(),
          visitor, t)), visitorPeriod, visitorRemember, now).toCompletableFuture().getNow(null);
      if (first != null && first.length == 1) {
        return first[0];
      }
    } catch (RuntimeException e) {
      // counted below, as an unanswered check
    }
    flusher.unverifiedVisitorEvents.add(event.count());
    return true;
  }

  private int kindIndex(EngagementKind kind) {
    EngagementKind[] k = kinds;
    for (int i = 0; i < k.length; i++) {
      if (k[i] == kind) {
        return i;
      }
    }
    for (int i = 0; i < k.length; i++) {
      if (k[i].equals(kind)) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Records events in order, as {@link #record(EngagementEvent)} each.
   *
   * @param events the events
   * @return one result per event, in order
   * @throws NullPointerException if {@code events} or an element is null
   * @throws IllegalStateException if the engine is closed
   */
  public List<RecordResult> recordAll(Iterable<EngagementEvent> events) {
    List<RecordResult> results = new ArrayList<>();
    for (EngagementEvent e : events) {
      results.add(record(e));
    }
    return results;
  }

  private RecordResult reject(RecordResult reason) {
    rejected.get(reason).increment();
    return reason;
  }

  /**
   * Hands every buffered count to the store now, on the calling thread, waiting for each batch at most the
   * store timeout; then lets the store maintain itself. Tests call it to see their events in the next
   * ranking; hosts rarely need to (the flusher does it every flush interval).
   *
   * @return true if every count buffered before the call reached the store (or was dropped); false if the
   *     store failed or timed out, in which case the counts stay buffered for the next flush
   */
  public boolean flush() {
    return flusher.flush();
  }

  /**
   * Stops the flusher thread and flushes a last time (bounded by the store timeout per batch). Events
   * recorded while {@code close} runs may be lost; after it, {@link #record} throws. Rankings can still be
   * read. The engine does not close a store or visitor memory it was given. Idempotent.
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    flusher.stop(config.storeTimeout().multipliedBy(4));
    flusher.flush();
  }

  /**
   * Returns the top articles of a window.
   *
   * <p>A cached result (same query, younger than the cache TTL, and not past the end of its calendar window)
   * is returned if every article in it is still visible; otherwise the ranking is recomputed from the store.
   * Articles are left out, and the list backfilled from lower ranks, when they are excluded by the query or,
   * with a lookup, unknown to it, not {@linkplain Article#isVisibleAt visible} at the engine's time, or outside
   * the query's section or tag. If the store fails or does not answer within the store timeout (one timeout in
   * all, however often the engine asks again for more candidates to backfill filtered ones), the last good
   * ranking of the query is returned marked {@linkplain Ranking#stale() stale} (an empty stale ranking if
   * there is none).
   *
   * @param query what to rank
   * @return the ranking; empty entries when nothing was counted in the window
   * @throws NullPointerException if {@code query} is null
   * @throws IllegalArgumentException if the query's scoring weighs a kind this engine does not count, or
   *     needs an {@link ArticleLookup} (gravity scoring, a section or tag filter) and the engine has none
   */
  public Ranking top(RankingQuery query) {
    Objects.requireNonNull(query, "query");
    long now = now();
    if (cache != null) {
      Cached hit = cache.getIfPresent(query); // only valid queries are ever cached
      if (hit != null) {
        if (now < hit.validUntilMillis() && allVisible(hit.ranking(), now)) {
          return hit.ranking();
        }
        cache.invalidate(query);
      }
    }
    Scoring scoring = query.scoringOverride().orElse(defaultScoring);
    long[] kindWeights = new long[kinds.length];
    for (Map.Entry<EngagementKind, Long> e : scoring.weights().entrySet()) {
      int k = kindIndex(e.getKey());
      if (k < 0) {
        throw new IllegalArgumentException("the query's scoring weighs " + e.getKey()
            + ", which this engine does not count; it counts " + layout.kinds());
      }
      kindWeights[k] = e.getValue();
    }
    if (lookup == null && (scoring instanceof Scoring.Gravity || query.sectionSlug() != null
        || query.tagSlug() != null)) {
      throw new IllegalArgumentException("gravity scoring and section or tag filters need an ArticleLookup; "
          + "set one with RankingEngine.Builder.articles");
    }
    long[] raw = WindowPlan.rawSpan(query.window(), now, skewMillis);
    WindowPlan plan = WindowPlan.plan(layout, raw[0], raw[1], now, scoring instanceof Scoring.HalfLife);
    Ranking ranking;
    try {
      ranking = compute(query, plan, scoring, kindWeights, now);
      health.succeeded();
    } catch (BackendUnavailableException e) {
      health.failed(e);
      Ranking last = lastGood.getIfPresent(query);
      return last != null ? last.asStale() : new Ranking(List.of(), Instant.ofEpochMilli(plan.fromMillis),
          Instant.ofEpochMilli(plan.toMillis), Instant.ofEpochMilli(now), true);
    }
    lastGood.put(query, ranking);
    if (cache != null && !ranking.entries().isEmpty()) {
      long validUntil = now + cacheTtlMillis;
      if (query.window() instanceof RankingQuery.CalendarWindow) {
        validUntil = Math.min(validUntil, raw[1]); // never serve "today" after midnight
      }
      cache.put(query, new Cached(ranking, validUntil)); // an empty result is not cached
    }
    return ranking;
  }

  private boolean allVisible(Ranking ranking, long now) {
    if (lookup == null) {
      return true;
    }
    Instant at = Instant.ofEpochMilli(now);
    for (RankingEntry e : ranking.entries()) {
      Optional<Article> a = lookup.find(e.articleId());
      if (a.isEmpty() || !a.get().isVisibleAt(at)) {
        return false;
      }
    }
    return true;
  }

  private Ranking compute(RankingQuery query, WindowPlan plan, Scoring scoring, long[] kindWeights, long now) {
    Instant computedAt = Instant.ofEpochMilli(now);
    Instant from = Instant.ofEpochMilli(plan.fromMillis);
    Instant to = Instant.ofEpochMilli(plan.toMillis);
    if (plan.isEmpty()) {
      return new Ranking(List.of(), from, to, computedAt);
    }
    boolean tracked = query.window() instanceof RankingQuery.Rolling r && !(scoring instanceof Scoring.HalfLife)
        && layout.trackedWindows().contains(r.length());
    List<CounterStore.Tally> unionTallies = null;
    long deadline = health.deadline(); // one timeout for the whole query, however many times it widens
    long capacity = (long) query.limit() + query.excluded().size();
    while (true) {
      TopCandidates top = new TopCandidates(scoring, kindWeights, (int) Math.min(capacity, Integer.MAX_VALUE));
      boolean overflowed;
      if (tracked) {
        Duration length = ((RankingQuery.Rolling) query.window()).length();
        int limit = scoring instanceof Scoring.Gravity ? Integer.MAX_VALUE : (int) Math.min(capacity, Integer.MAX_VALUE);
        List<CounterStore.Tally> best = health.await("top", () -> store.top(length, kindWeights, limit, now),
            deadline);
        for (CounterStore.Tally t : best) {
          top.offer(t);
        }
        overflowed = scoring instanceof Scoring.Gravity ? top.overflowed() : best.size() >= limit;
      } else {
        if (unionTallies == null) {
          double[] bucketWeights = new double[plan.buckets.size()];
          for (int i = 0; i < bucketWeights.length; i++) {
            bucketWeights[i] = scoring instanceof Scoring.HalfLife h
                ? decay(now, plan.buckets.get(i).start().toEpochMilli(), h.halfLife().toMillis())
                : 1.0;
          }
          unionTallies = health.await("union", () -> store.union(plan.buckets, bucketWeights, now), deadline);
        }
        for (CounterStore.Tally t : unionTallies) {
          top.offer(t);
        }
        overflowed = top.overflowed();
      }
      if (scoring instanceof Scoring.Gravity) {
        top.applyGravity(Objects.requireNonNull(lookup), now);
      }
      List<RankingEntry> entries = select(top, query, computedAt);
      if (entries.size() >= query.limit() || !overflowed || capacity >= Integer.MAX_VALUE) {
        return new Ranking(entries, from, to, computedAt);
      }
      capacity *= 4; // filters removed too many: widen and select again
    }
  }

  /** The weight of a bucket starting at {@code start} under a half-life: {@code 2^(-(now - start) / h)}. */
  static double decay(long now, long start, long halfLifeMillis) {
    return Math.pow(2.0, -(double) (now - start) / halfLifeMillis);
  }

  private List<RankingEntry> select(TopCandidates top, RankingQuery query, Instant at) {
    List<RankingEntry> entries = new ArrayList<>(query.limit());
    for (TopCandidates.Candidate c : top.bestFirst()) {
      if (query.excluded().contains(c.id) || !passesLookup(c.id, query, at)) {
        continue;
      }
      Map<EngagementKind, Long> counts = new HashMap<>();
      for (int k = 0; k < c.counts.length; k++) {
        counts.put(kinds[k], c.counts[k]);
      }
      double score = top.exact() ? (double) c.exactScore : c.score;
      entries.add(new RankingEntry(c.id, entries.size() + 1, score, counts, Instant.ofEpochMilli(c.lastEventMillis)));
      if (entries.size() == query.limit()) {
        break;
      }
    }
    return entries;
  }

  private boolean passesLookup(ArticleId id, RankingQuery query, Instant at) {
    if (lookup == null) {
      return true;
    }
    Optional<Article> found = lookup.find(id);
    if (found.isEmpty() || !found.get().isVisibleAt(at)) {
      return false;
    }
    Article a = found.get();
    if (query.sectionSlug() != null && (a.section() == null || !a.section().slug().equals(query.sectionSlug()))) {
      return false;
    }
    return query.tagSlug() == null || a.tags().stream().anyMatch(t -> t.slug().equals(query.tagSlug()));
  }

  /**
   * Returns the engine's counters and the store's size. Asks the store for its size, waiting at most the
   * store timeout; if it does not answer, the size figures are -1.
   *
   * @return the counters, as of now
   */
  public RankingStats stats() {
    Map<RecordResult, Long> r = new EnumMap<>(RecordResult.class);
    rejected.forEach((k, v) -> r.put(k, v.sum()));
    r.merge(RecordResult.REPEAT_VISITOR, flusher.repeatVisitors.sum(), Long::sum);
    CounterStore.Stats s;
    try {
      s = health.await("stats", store::stats);
    } catch (BackendUnavailableException e) {
      s = new CounterStore.Stats(-1, -1, -1);
    }
    long buffered = buffers.waitingEvents.get() + buffers.unqueuedEvents();
    return new RankingStats(buffers.accepted(), r, buffered, flusher.delivered.sum(), buffers.dropped.sum(),
        flusher.unverifiedVisitorEvents.sum(), health.available(), s.liveCells(), s.estimatedBytes(), s.articles());
  }

  /**
   * Builds a {@link RankingEngine}. Every setter checks its value at once ({@link IllegalArgumentException}
   * naming it); {@link #build()} checks values that conflict ({@link IllegalStateException}). The defaults are
   * {@link RankingConfig#defaults()}.
   *
   * <p>Not thread-safe: use a builder from one thread.
   */
  public static final class Builder {
    private InstantSource clock = InstantSource.system();
    private Duration bucketResolution = RankingConfig.DEFAULT_BUCKET_RESOLUTION;
    private Duration retention = RankingConfig.DEFAULT_RETENTION;
    private Duration allowedLateness = RankingConfig.DEFAULT_ALLOWED_LATENESS;
    private Duration clockSkewAllowance = RankingConfig.DEFAULT_CLOCK_SKEW_ALLOWANCE;
    private Scoring scoring = Scoring.defaults();
    private Duration resultCacheTtl = RankingConfig.DEFAULT_RESULT_CACHE_TTL;
    private @Nullable ArticleLookup lookup;
    private Duration uniqueVisitorPeriod = RankingConfig.DEFAULT_UNIQUE_VISITOR_PERIOD;
    private long maxVisitorEntries = RankingConfig.DEFAULT_MAX_VISITOR_ENTRIES;
    private @Nullable List<String> crawlerPatterns;
    private @Nullable List<Duration> trackedWindows;
    private Duration flushInterval = RankingConfig.DEFAULT_FLUSH_INTERVAL;
    private int bufferCells = RankingConfig.DEFAULT_BUFFER_CELLS;
    private long maxBufferedCells = RankingConfig.DEFAULT_MAX_BUFFERED_CELLS;
    private Duration storeTimeout = RankingConfig.DEFAULT_STORE_TIMEOUT;
    private @Nullable CounterStore counterStore;
    private @Nullable VisitorMemory visitorMemory;
    private @Nullable Listener listener;
    private @Nullable Supplier<? extends StatsCounter> cacheStats;

    private Builder() {}

    /**
     * Sets the listener told of each batch sent to the store and each flush (default none), for example
     * {@code masthead-micrometer}'s {@code RankingMetrics}.
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
     * Records hits, misses and evictions of the ranking result cache in a Caffeine {@link StatsCounter} (default
     * none), for example Micrometer's {@code CaffeineStatsCounter}. Without a result cache (TTL zero) it is
     * never called.
     *
     * @param statsCounter makes the counter, called once when the engine is built
     * @return this builder
     * @throws NullPointerException if {@code statsCounter} is null
     */
    public Builder recordCacheStats(Supplier<? extends StatsCounter> statsCounter) {
      this.cacheStats = Objects.requireNonNull(statsCounter, "statsCounter");
      return this;
    }

    /**
     * Takes every setting of a configuration (for example one a Spring Boot starter bound), replacing what
     * earlier setters set; later setters change single values again.
     *
     * @param config the settings
     * @return this builder
     * @throws NullPointerException if {@code config} is null
     */
    public Builder config(RankingConfig config) {
      Objects.requireNonNull(config, "config");
      bucketResolution = config.bucketResolution();
      retention = config.retention();
      allowedLateness = config.allowedLateness();
      clockSkewAllowance = config.clockSkewAllowance();
      scoring = config.scoring();
      resultCacheTtl = config.resultCacheTtl();
      uniqueVisitorPeriod = config.uniqueVisitorPeriod();
      maxVisitorEntries = config.maxVisitorEntries();
      crawlerPatterns = config.crawlerPatterns();
      trackedWindows = config.trackedWindows();
      flushInterval = config.flushInterval();
      bufferCells = config.bufferCells();
      maxBufferedCells = config.maxBufferedCells();
      storeTimeout = config.storeTimeout();
      return this;
    }

    /**
     * Sets the clock (default {@link InstantSource#system()}). Tests pass a clock they move.
     *
     * @param clock the source of the engine's time
     * @return this builder
     * @throws NullPointerException if {@code clock} is null
     */
    public Builder clock(InstantSource clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Sets the finest bucket resolution (default {@link RankingConfig#DEFAULT_BUCKET_RESOLUTION}, 1 minute),
     * the precision of the edges of windows within the last day. Coarser tiers of 1 hour and 1 day are added
     * above it (see {@link RankingConfig#layout()}).
     *
     * @param resolution 1 second to 1 hour, dividing 1 hour evenly, a whole number of milliseconds
     * @return this builder
     * @throws IllegalArgumentException if {@code resolution} is out of range or does not divide an hour
     */
    public Builder bucketResolution(Duration resolution) {
      this.bucketResolution = RankingConfig.checkBucketResolution(resolution);
      return this;
    }

    /**
     * Sets how long counts are kept (default {@link RankingConfig#DEFAULT_RETENTION}, 35 days: "this month"
     * plus a margin, and the 30-day window). {@link RankingQuery.Window#allTime()} means this span.
     *
     * @param retention 1 hour to 3,660 days
     * @return this builder
     * @throws IllegalArgumentException if {@code retention} is out of range
     */
    public Builder retention(Duration retention) {
      this.retention = RankingConfig.checkRetention(retention);
      return this;
    }

    /**
     * Sets how late an event may arrive (default {@link RankingConfig#DEFAULT_ALLOWED_LATENESS}, 1 hour):
     * events earlier than the engine's time minus this are rejected as {@link RecordResult#TOO_LATE}.
     *
     * @param lateness zero or more; at most the retention (checked by {@link #build()})
     * @return this builder
     * @throws IllegalArgumentException if {@code lateness} is negative
     */
    public Builder allowedLateness(Duration lateness) {
      this.allowedLateness = RankingConfig.checkAllowedLateness(lateness);
      return this;
    }

    /**
     * Sets how far ahead of the engine's time an event may be (default
     * {@link RankingConfig#DEFAULT_CLOCK_SKEW_ALLOWANCE}, 5 minutes), for hosts whose clocks differ a little;
     * later events are rejected as {@link RecordResult#TOO_FAR_IN_FUTURE}.
     *
     * @param skew zero to 1 day
     * @return this builder
     * @throws IllegalArgumentException if {@code skew} is negative or longer than a day
     */
    public Builder clockSkewAllowance(Duration skew) {
      this.clockSkewAllowance = RankingConfig.checkClockSkewAllowance(skew);
      return this;
    }

    /**
     * Sets the default scoring (default {@link Scoring#defaults()}: view 1, share 5, comment 10). Its weights'
     * kinds are the kinds the engine counts; a query may override the scoring but not add kinds.
     *
     * @param scoring the scoring
     * @return this builder
     * @throws NullPointerException if {@code scoring} is null
     */
    public Builder scoring(Scoring scoring) {
      this.scoring = Objects.requireNonNull(scoring, "scoring");
      return this;
    }

    /**
     * Sets how long a ranking is cached (default {@link RankingConfig#DEFAULT_RESULT_CACHE_TTL}, 30 seconds);
     * {@link Duration#ZERO} disables the cache. Empty rankings are never cached, a cached ranking is re-checked
     * for visibility on every hit, and a calendar window's ranking is never served after the window's end.
     *
     * @param ttl zero to 1 hour
     * @return this builder
     * @throws IllegalArgumentException if {@code ttl} is negative or longer than an hour
     */
    public Builder resultCacheTtl(Duration ttl) {
      this.resultCacheTtl = RankingConfig.checkResultCacheTtl(ttl);
      return this;
    }

    /**
     * Sets the host's article catalog (default none: every counted article is shown, and section and tag
     * filters and gravity scoring are refused). {@link RankingEngine#top(RankingQuery)} asks it about the
     * candidates it is about to show (about every counted article under {@link Scoring.Gravity}), also on a
     * cache hit to re-check visibility; an article it does not find or that is not visible is never shown.
     *
     * @param articles the host's article lookup, safe for concurrent use; should answer from memory
     * @return this builder
     * @throws NullPointerException if {@code articles} is null
     */
    public Builder articles(ArticleLookup articles) {
      this.lookup = Objects.requireNonNull(articles, "articles");
      return this;
    }

    /**
     * Sets the unique-visitor period (default {@link RankingConfig#DEFAULT_UNIQUE_VISITOR_PERIOD}, 30
     * minutes, the usual web-analytics session timeout): an event with a visitor id counts only if the same
     * visitor has no counted event of the same kind for the same article within this period of it (see
     * {@link VisitorMemory} for what that means per server and shared). {@link Duration#ZERO} disables it.
     * Events without a visitor id always count.
     *
     * @param period zero to 1 day
     * @return this builder
     * @throws IllegalArgumentException if {@code period} is negative or longer than a day
     */
    public Builder uniqueVisitorPeriod(Duration period) {
      this.uniqueVisitorPeriod = RankingConfig.checkUniqueVisitorPeriod(period);
      return this;
    }

    /**
     * Sets how many (article, kind, visitor) entries the per-server unique-visitor memory keeps (default
     * {@link RankingConfig#DEFAULT_MAX_VISITOR_ENTRIES}, 1,000,000); when it is full, the entry written
     * longest ago is forgotten first (see {@link VisitorMemory#perServer(long)}), and that visitor may count
     * again. Not used with a shared {@link #visitorMemory}.
     *
     * @param maxEntries at least 16
     * @return this builder
     * @throws IllegalArgumentException if {@code maxEntries} is less than 16
     */
    public Builder maxVisitorEntries(long maxEntries) {
      this.maxVisitorEntries = RankingConfig.checkMaxVisitorEntries(maxEntries);
      return this;
    }

    /**
     * Sets a shared unique-visitor memory (default: a per-server one, {@link VisitorMemory#perServer(long)}),
     * so that a visitor counts once per period across every server of a site. The engine asks it from the
     * flusher, in batches, never from {@link RankingEngine#record}; it does not close it.
     *
     * @param memory the memory
     * @return this builder
     * @throws NullPointerException if {@code memory} is null
     */
    public Builder visitorMemory(VisitorMemory memory) {
      this.visitorMemory = Objects.requireNonNull(memory, "memory");
      return this;
    }

    /**
     * Replaces the crawler patterns: an event whose user agent matches one is rejected as
     * {@link RecordResult#CRAWLER}. Each is a regular expression ({@link java.util.regex.Pattern} syntax),
     * matched case-insensitively and only at a word boundary (at the start, after a character that is not a
     * letter or digit, or where the pattern itself starts with such a character), so {@code bot} matches
     * "Some bot/1.0" but not the phone "CUBOT X30". The default is Monperrus' maintained list
     * crawler-user-agents (1,500 patterns, MIT, shipped in the jar with its licence). An empty list counts
     * crawlers too.
     *
     * @param patterns the regular expressions, each not blank
     * @return this builder
     * @throws IllegalArgumentException if a pattern is blank or not a valid regular expression
     * @throws NullPointerException if {@code patterns} or a pattern is null
     */
    public Builder crawlerPatterns(List<String> patterns) {
      this.crawlerPatterns = CrawlerUserAgents.checkPatterns(patterns);
      return this;
    }

    /**
     * Sets the rolling windows kept as running totals in the store and answered as a top-K from them, instead
     * of by merging buckets (default {@link RankingConfig#DEFAULT_TRACKED_WINDOWS}, the last 24 hours, 7 days
     * and 30 days, those within the retention). In memory each costs {@code 8 × (kinds + 1)} bytes per
     * article and a little work per flushed cell.
     *
     * @param windows the window lengths, each positive, whole milliseconds, no repeats; may be empty
     * @return this builder
     * @throws NullPointerException if {@code windows} or an element is null
     * @throws IllegalArgumentException if a window is not positive or repeats
     */
    public Builder trackedWindows(List<Duration> windows) {
      this.trackedWindows = RankingConfig.checkTrackedWindows(windows);
      return this;
    }

    /**
     * Sets how often buffered counts are handed to the store (default
     * {@link RankingConfig#DEFAULT_FLUSH_INTERVAL}, 1 second): the staleness bound while the store answers.
     *
     * @param interval 10 milliseconds to 1 minute
     * @return this builder
     * @throws IllegalArgumentException if {@code interval} is out of range
     */
    public Builder flushInterval(Duration interval) {
      this.flushInterval = RankingConfig.checkFlushInterval(interval);
      return this;
    }

    /**
     * Sets how many distinct (article, kind, bucket) cells one recording buffer may grow to hold before it is
     * handed to the flusher early (default {@link RankingConfig#DEFAULT_BUFFER_CELLS}, 393,216, about 19 MB
     * at most; a buffer starts at 1,024 slots and doubles as the traffic of one flush interval needs).
     *
     * @param cells 16 to 1,048,576
     * @return this builder
     * @throws IllegalArgumentException if {@code cells} is out of range
     */
    public Builder bufferCells(int cells) {
      this.bufferCells = RankingConfig.checkBufferCells(cells);
      return this;
    }

    /**
     * Sets the most cells that may wait for the store (default {@link RankingConfig#DEFAULT_MAX_BUFFERED_CELLS},
     * 1,000,000); while a networked store is down or slower than ingest, counts beyond it are dropped and
     * counted in {@link RankingStats#droppedEvents()} (with an in-process store the recording thread counts a
     * full buffer itself instead).
     *
     * @param cells at least the buffer's cells (checked by {@link #build()})
     * @return this builder
     */
    public Builder maxBufferedCells(long cells) {
      this.maxBufferedCells = cells;
      return this;
    }

    /**
     * Sets the longest wait for one store or shared visitor-memory call (default
     * {@link RankingConfig#DEFAULT_STORE_TIMEOUT}, 500 ms); {@link RankingEngine#top} never waits longer for
     * the store on a request thread.
     *
     * @param timeout 1 millisecond to 1 minute
     * @return this builder
     * @throws IllegalArgumentException if {@code timeout} is out of range
     */
    public Builder storeTimeout(Duration timeout) {
      this.storeTimeout = RankingConfig.checkStoreTimeout(timeout);
      return this;
    }

    /**
     * Sets where counts are kept (default: a new {@link InMemoryCounterStore} for the engine's layout). The
     * store must be attached for the engine's layout ({@link RankingConfig#layout()}); the engine does not
     * close it.
     *
     * @param store the store
     * @return this builder
     * @throws NullPointerException if {@code store} is null
     */
    public Builder counterStore(CounterStore store) {
      this.counterStore = Objects.requireNonNull(store, "store");
      return this;
    }

    /**
     * Returns the settings as set so far.
     *
     * @return the configuration
     * @throws IllegalStateException if values conflict, as {@link #build()}
     */
    public RankingConfig config() {
      String conflict = RankingConfig.conflict(retention, allowedLateness, trackedWindows, bufferCells,
          maxBufferedCells);
      if (conflict != null) {
        throw new IllegalStateException(conflict);
      }
      return new RankingConfig(bucketResolution, retention, allowedLateness, clockSkewAllowance, scoring,
          resultCacheTtl, uniqueVisitorPeriod, maxVisitorEntries, trackedWindows, crawlerPatterns, flushInterval,
          bufferCells, maxBufferedCells, storeTimeout);
    }

    /**
     * Builds the engine and starts its flusher thread (a daemon, named {@code masthead-ranking-flusher-…}).
     *
     * @return a new engine, thread-safe
     * @throws IllegalStateException if the allowed lateness or a tracked window is longer than the retention,
     *     the buffer cap is below the buffer's cells, or the counter store holds another layout (the message
     *     names the differences)
     */
    public RankingEngine build() {
      RankingConfig config = config();
      StoreLayout layout = config.layout();
      CounterStore store = counterStore != null ? counterStore : InMemoryCounterStore.create(layout);
      if (!store.layout().equals(layout)) {
        throw new IllegalStateException("the counter store holds another layout than this engine's: "
            + String.join("; ", layout.differencesFrom(store.layout())));
      }
      VisitorMemory visitors = visitorMemory != null ? visitorMemory : VisitorMemory.perServer(maxVisitorEntries);
      return new RankingEngine(this, config, layout, store, visitors);
    }
  }
}
