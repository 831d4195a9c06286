package dev.masthead.ranking;

import dev.masthead.core.ArticleLookup;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.masthead.core.Article;
import dev.masthead.core.ArticleId;
import dev.masthead.core.InvalidDataException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The time-windowed top-N engine: records engagement events and answers "the top N articles of this window".
 *
 * <p><b>Event time.</b> An event counts in the buckets of its {@code occurredAt}. The engine's time is the
 * injected clock, never going backward (a clock that steps back is held at its latest value). An event
 * earlier than that time minus the allowed lateness is rejected as {@link Rejection#TOO_LATE}; one later
 * than the time plus the skew allowance as {@link Rejection#TOO_FAR_IN_FUTURE}. A late event within the
 * allowance lands in its own bucket.
 *
 * <p><b>Buckets.</b> Every event is counted in one bucket per tier. With the defaults (resolution 1 minute,
 * retention 35 days) the tiers are 1-minute buckets kept for 1 day and 1-hour buckets kept for the retention;
 * a retention beyond 90 days adds 1-day buckets (hourly buckets then stop at 90 days). A window is read at the
 * resolution of the finest tier that reaches back to its edges: a rolling window of up to a day is exact to
 * the minute, up to 90 days to the hour, beyond to the day. See {@link RankingQuery.Window}.
 *
 * <p><b>Speed.</b> Recording takes one lock out of 64 (striped by article) and touches one cell per tier and
 * one running total per tracked rolling window. A tracked rolling window (by default the last 24 hours, 7
 * days and 30 days) is answered from running totals in O(articles); other windows merge their buckets,
 * coarsest first, in O(cells read). Results are cached (default 30 seconds).
 *
 * <p><b>Memory.</b> Bounded by the retention: buckets older than their tier's horizon are freed as time
 * moves. The table of article ids (about 60 bytes an article) is not trimmed while the engine runs; a
 * snapshot and restore drops the ids of expired articles.
 *
 * <p>Thread-safe: any number of threads may record and query at once. Build one with {@link #builder()}.
 */
public final class RankingEngine {
  private static final Logger LOG = LoggerFactory.getLogger(RankingEngine.class);
  private static final long MAX_EPOCH_SECOND = Long.MAX_VALUE / 4 / 1000;

  private final InstantSource clock;
  private final StoreLayout layout;
  private final CounterStore.Factory storeFactory;
  private final Scoring defaultScoring;
  private final Map<EngagementKind, Integer> kindIndex;
  private final long latenessMillis;
  private final long skewMillis;
  private final @Nullable ArticleLookup lookup;
  private final UserAgents bots;
  private final @Nullable VisitorMemory visitors;
  private final @Nullable Cache<RankingQuery, Ranking> cache;
  private final long finestMillis;

  private volatile CounterStore store;
  private final AtomicLong highWater = new AtomicLong(Long.MIN_VALUE);
  private final AtomicLong lastExpiry = new AtomicLong(Long.MIN_VALUE);
  private final LongAdder accepted = new LongAdder();
  private final EnumMap<Rejection, LongAdder> rejected = new EnumMap<>(Rejection.class);

  private RankingEngine(Builder b, StoreLayout layout) {
    this.clock = b.clock;
    this.layout = layout;
    this.storeFactory = b.storeFactory;
    this.defaultScoring = b.scoring;
    this.kindIndex = new HashMap<>();
    for (int i = 0; i < layout.kinds().size(); i++) {
      kindIndex.put(layout.kinds().get(i), i);
    }
    this.latenessMillis = b.allowedLateness.toMillis();
    this.skewMillis = b.clockSkewAllowance.toMillis();
    this.lookup = b.lookup;
    this.bots = new UserAgents(b.botTokens);
    Ticker ticker = () -> now() * 1_000_000L;
    this.visitors = b.uniqueVisitorPeriod.isZero() ? null
        : new VisitorMemory(b.uniqueVisitorPeriod, b.allowedLateness.plus(b.clockSkewAllowance),
            b.maxVisitorEntries, ticker);
    this.cache = b.resultCacheTtl.isZero() ? null
        : Caffeine.newBuilder().ticker(ticker).expireAfterWrite(b.resultCacheTtl).maximumSize(10_000).build();
    this.finestMillis = layout.tiers().get(0).resolution().toMillis();
    for (Rejection r : Rejection.values()) {
      rejected.put(r, new LongAdder());
    }
    this.store = Objects.requireNonNull(storeFactory.create(layout), "CounterStore.Factory returned null");
  }

  /**
   * Returns a new builder with the defaults documented on its setters.
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
   * Returns the bucket tiers, counted kinds and tracked windows this engine was built with.
   *
   * @return the layout
   */
  public StoreLayout layout() {
    return layout;
  }

  /**
   * Records one event. Checks, in order: the kind is counted ({@link Rejection#UNKNOWN_KIND}), the time is
   * within lateness and skew ({@link Rejection#TOO_LATE}, {@link Rejection#TOO_FAR_IN_FUTURE}), the user
   * agent is not a crawler ({@link Rejection#BOT}), the visitor has not counted for this article and kind
   * within the unique-visitor period ({@link Rejection#REPEAT_VISITOR}); then counts it.
   *
   * @param event the event
   * @return {@link RecordResult#ACCEPTED}, or the rejection; never throws on a bad event
   * @throws NullPointerException if {@code event} is null
   */
  public RecordResult record(EngagementEvent event) {
    Objects.requireNonNull(event, "event");
    long now = now();
    Integer kind = kindIndex.get(event.kind());
    if (kind == null) {
      return reject(Rejection.UNKNOWN_KIND);
    }
    Instant at = event.occurredAt();
    if (at.getEpochSecond() < -MAX_EPOCH_SECOND) {
      return reject(Rejection.TOO_LATE);
    }
    if (at.getEpochSecond() > MAX_EPOCH_SECOND) {
      return reject(Rejection.TOO_FAR_IN_FUTURE);
    }
    long t = at.toEpochMilli();
    if (t < now - latenessMillis) {
      return reject(Rejection.TOO_LATE);
    }
    if (t > now + skewMillis) {
      return reject(Rejection.TOO_FAR_IN_FUTURE);
    }
    String ua = event.userAgent();
    if (ua != null && !bots.isEmpty() && bots.isBot(ua)) {
      return reject(Rejection.BOT);
    }
    String visitor = event.visitorId();
    if (visitor != null && visitors != null && !visitors.count(event.articleId(), kind, visitor, t)) {
      return reject(Rejection.REPEAT_VISITOR);
    }
    store.add(event.articleId(), kind, event.weight(), t, now);
    accepted.increment();
    maybeExpire(now);
    return RecordResult.ACCEPTED;
  }

  /**
   * Records events in order, as {@link #record(EngagementEvent)} each.
   *
   * @param events the events
   * @return one result per event, in order
   * @throws NullPointerException if {@code events} or an element is null
   */
  public List<RecordResult> recordAll(Iterable<EngagementEvent> events) {
    List<RecordResult> results = new ArrayList<>();
    for (EngagementEvent e : events) {
      results.add(record(e));
    }
    return results;
  }

  private RecordResult reject(Rejection reason) {
    rejected.get(reason).increment();
    return RecordResult.rejected(reason);
  }

  private void maybeExpire(long now) {
    long bucket = Math.floorDiv(now, finestMillis);
    long last = lastExpiry.get();
    if (bucket > last && lastExpiry.compareAndSet(last, bucket)) {
      store.expire(now);
    }
  }

  /**
   * Returns the top articles of a window.
   *
   * <p>A cached result (same query, younger than the cache TTL) is returned if every article in it is still
   * visible; otherwise the ranking is recomputed. Articles are left out, and the list backfilled from lower
   * ranks, when they are excluded by the query or, with a lookup, unknown to it, not
   * {@linkplain Article#isVisibleAt visible} at the engine's time, or outside the query's section or tag.
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
    maybeExpire(now);
    if (cache != null) {
      Ranking hit = cache.getIfPresent(query); // only valid queries are ever cached
      if (hit != null) {
        if (allVisible(hit, now)) {
          return hit;
        }
        cache.invalidate(query);
      }
    }
    Scoring scoring = query.scoringOverride().orElse(defaultScoring);
    long[] kindWeights = new long[kindIndex.size()];
    for (Map.Entry<EngagementKind, Long> e : scoring.weights().entrySet()) {
      Integer k = kindIndex.get(e.getKey());
      if (k == null) {
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
    Ranking ranking = compute(query, scoring, kindWeights, now);
    if (cache != null && !ranking.entries().isEmpty()) {
      cache.put(query, ranking); // an empty result is not cached, so the first counted event shows at once
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

  private Ranking compute(RankingQuery query, Scoring scoring, long[] kindWeights, long now) {
    long[] raw = WindowPlan.rawSpan(query.window(), now, skewMillis);
    WindowPlan plan = WindowPlan.plan(layout, raw[0], raw[1], now, scoring instanceof Scoring.HalfLife);
    Instant computedAt = Instant.ofEpochMilli(now);
    if (plan.isEmpty()) {
      return new Ranking(List.of(), Instant.ofEpochMilli(plan.fromMillis), Instant.ofEpochMilli(plan.toMillis),
          computedAt);
    }
    double[] bucketWeights = new double[plan.buckets.size()];
    for (int i = 0; i < bucketWeights.length; i++) {
      bucketWeights[i] = scoring instanceof Scoring.HalfLife h
          ? decay(now, plan.buckets.get(i).start().toEpochMilli(), h.halfLife().toMillis())
          : 1.0;
    }
    CounterStore current = store;
    long capacity = (long) query.limit() + query.excluded().size();
    while (true) {
      TopCandidates top = new TopCandidates(scoring, kindWeights, (int) Math.min(capacity, Integer.MAX_VALUE));
      boolean done = false;
      if (query.window() instanceof RankingQuery.Rolling r && !(scoring instanceof Scoring.HalfLife)) {
        done = current.rollingTotals(r.length(), now, top);
      }
      if (!done) {
        current.union(plan.buckets, bucketWeights, now, top);
      }
      if (scoring instanceof Scoring.Gravity) {
        top.applyGravity(Objects.requireNonNull(lookup), now);
      }
      List<RankingEntry> entries = select(top, query, computedAt);
      if (entries.size() >= query.limit() || !top.overflowed() || capacity >= Integer.MAX_VALUE) {
        return new Ranking(entries, Instant.ofEpochMilli(plan.fromMillis), Instant.ofEpochMilli(plan.toMillis),
            computedAt);
      }
      capacity *= 4; // filters removed too many: widen and scan again
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
        counts.put(layout.kinds().get(k), c.counts[k]);
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
   * Returns the engine's counters.
   *
   * @return events accepted, rejected by reason, live cells and estimated bytes, as of now
   */
  public RankingStats stats() {
    Map<Rejection, Long> r = new EnumMap<>(Rejection.class);
    rejected.forEach((k, v) -> r.put(k, v.sum()));
    CounterStore s = store;
    return new RankingStats(accepted.sum(), r, s.liveCells(), s.estimatedBytes(), s.articles());
  }

  /**
   * Writes every count to a stream, in the versioned format described in {@code docs/ranking.md}
   * (magic, version, layout, counters, cells, CRC32C checksum). Each article's cells are copied under its
   * stripe's lock, so each event is in the snapshot whole or not at all; events recorded while the snapshot
   * runs may or may not be in it. The snapshot is built in memory, then written; the stream is flushed, not
   * closed. The unique-visitor memory is not saved.
   *
   * @param out where to write
   * @throws IOException if writing fails
   * @throws NullPointerException if {@code out} is null
   */
  public void snapshot(OutputStream out) throws IOException {
    Objects.requireNonNull(out, "out");
    Map<Rejection, Long> r = new EnumMap<>(Rejection.class);
    rejected.forEach((k, v) -> r.put(k, v.sum()));
    byte[] bytes = SnapshotFormat.write(layout, store, now(), accepted.sum(), r);
    out.write(bytes);
    out.flush();
    LOG.debug("ranking snapshot written: {} bytes", bytes.length);
  }

  /**
   * Replaces every count with those of a snapshot written by {@link #snapshot(OutputStream)} from an engine
   * with the same bucket tiers. The whole stream is read and checked (length, magic, version, checksum,
   * every field) before anything changes: a truncated or corrupted snapshot is refused whole and the engine
   * keeps its counts. Cells the retention no longer covers at the engine's time are dropped. The engine's
   * time becomes the later of its clock and the snapshot's time. Meant for start-up: events recorded while
   * a restore runs are lost. The result cache is cleared.
   *
   * @param in the snapshot; read to its end, not closed
   * @throws IOException if reading fails
   * @throws InvalidDataException if the snapshot is truncated, corrupted, of another version, written with
   *     other bucket tiers or kinds this engine does not count, or written more than a day after this engine's
   *     clock; nothing was loaded
   * @throws NullPointerException if {@code in} is null
   */
  public void restore(InputStream in) throws IOException {
    Objects.requireNonNull(in, "in");
    SnapshotFormat.Parsed parsed = SnapshotFormat.read(in.readAllBytes(), layout);
    long clockMillis = clock.instant().toEpochMilli();
    if (parsed.nowMillis() > clockMillis + Duration.ofDays(1).toMillis()) {
      // A checksum proves the bytes are as written, not that the writer's clock was sane: a snapshot from the
      // future would move the engine's time forward and make every new event too late.
      throw new InvalidDataException("ranking snapshot: written at " + Instant.ofEpochMilli(parsed.nowMillis())
          + ", more than a day after this engine's clock (" + Instant.ofEpochMilli(clockMillis) + "); refused");
    }
    highWater.accumulateAndGet(parsed.nowMillis(), Math::max);
    long now = now();
    CounterStore fresh = Objects.requireNonNull(storeFactory.create(layout), "CounterStore.Factory returned null");
    long kept = 0;
    for (SnapshotFormat.Cell c : parsed.cells()) {
      long res = layout.tiers().get(c.tier()).resolution().toMillis();
      if (c.bucketIndex() >= layout.keepStart(c.tier(), now)
          && c.bucketIndex() <= Math.floorDiv(now + skewMillis, res)) {
        fresh.putCell(c.tier(), c.bucketIndex(), c.articleId(), c.counts(), c.lastEventMillis());
        kept++;
      }
    }
    fresh.expire(now);
    store = fresh;
    accepted.reset();
    accepted.add(parsed.accepted());
    for (Rejection r : Rejection.values()) {
      rejected.get(r).reset();
      rejected.get(r).add(parsed.rejected().getOrDefault(r, 0L));
    }
    if (cache != null) {
      cache.invalidateAll();
    }
    LOG.debug("ranking snapshot restored: {} of {} cells kept", kept, parsed.cells().size());
  }

  /**
   * Builds a {@link RankingEngine}. Every setter checks its value at once ({@link IllegalArgumentException}
   * naming it); {@link #build()} checks values that conflict ({@link IllegalStateException}).
   *
   * <p>Not thread-safe: use a builder from one thread.
   */
  public static final class Builder {
    private InstantSource clock = InstantSource.system();
    private Duration bucketResolution = Duration.ofMinutes(1);
    private Duration retention = Duration.ofDays(35);
    private Duration allowedLateness = Duration.ofHours(1);
    private Duration clockSkewAllowance = Duration.ofMinutes(5);
    private Scoring scoring = Scoring.defaults();
    private Duration resultCacheTtl = Duration.ofSeconds(30);
    private @Nullable ArticleLookup lookup;
    private Duration uniqueVisitorPeriod = Duration.ofMinutes(30);
    private long maxVisitorEntries = 1_000_000;
    private Set<String> botTokens = new LinkedHashSet<>(UserAgents.DEFAULT_TOKENS);
    private @Nullable List<Duration> trackedWindows;
    private CounterStore.Factory storeFactory = InMemoryCounterStore::new;

    private Builder() {}

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
     * Sets the finest bucket resolution (default 1 minute), the precision of the edges of windows within the
     * last day. Coarser tiers of 1 hour and 1 day are added above it (see the class documentation).
     *
     * @param resolution 1 second to 1 hour, dividing 1 hour evenly, a whole number of milliseconds
     * @return this builder
     * @throws IllegalArgumentException if {@code resolution} is out of range or does not divide an hour
     */
    public Builder bucketResolution(Duration resolution) {
      positive("bucketResolution", resolution);
      long ms = resolution.toMillis();
      if (ms < 1_000 || ms > 3_600_000 || 3_600_000 % ms != 0 || resolution.toNanos() % 1_000_000 != 0) {
        throw new IllegalArgumentException(
            "bucketResolution must be 1 s to 1 h and divide 1 hour evenly, was " + resolution);
      }
      this.bucketResolution = resolution;
      return this;
    }

    /**
     * Sets how long counts are kept (default 35 days: "this month" plus a margin, and the 30-day window).
     * {@link RankingQuery.Window#allTime()} means this span.
     *
     * @param retention 1 hour to 3,660 days
     * @return this builder
     * @throws IllegalArgumentException if {@code retention} is out of range
     */
    public Builder retention(Duration retention) {
      positive("retention", retention);
      if (retention.compareTo(Duration.ofHours(1)) < 0 || retention.compareTo(Duration.ofDays(3_660)) > 0) {
        throw new IllegalArgumentException("retention must be 1 hour to 3,660 days, was " + retention);
      }
      this.retention = retention;
      return this;
    }

    /**
     * Sets how late an event may arrive (default 1 hour): events earlier than the engine's time minus this
     * are rejected as {@link Rejection#TOO_LATE}.
     *
     * @param lateness zero or more; at most the retention (checked by {@link #build()})
     * @return this builder
     * @throws IllegalArgumentException if {@code lateness} is negative
     */
    public Builder allowedLateness(Duration lateness) {
      this.allowedLateness = nonNegative("allowedLateness", lateness);
      return this;
    }

    /**
     * Sets how far ahead of the engine's time an event may be (default 5 minutes), for hosts whose clocks
     * differ a little; later events are rejected as {@link Rejection#TOO_FAR_IN_FUTURE}.
     *
     * @param skew zero to 1 day
     * @return this builder
     * @throws IllegalArgumentException if {@code skew} is negative or longer than a day
     */
    public Builder clockSkewAllowance(Duration skew) {
      nonNegative("clockSkewAllowance", skew);
      if (skew.compareTo(Duration.ofDays(1)) > 0) {
        throw new IllegalArgumentException("clockSkewAllowance must be at most 1 day, was " + skew);
      }
      this.clockSkewAllowance = skew;
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
     * Sets how long a ranking is cached (default 30 seconds); {@link Duration#ZERO} disables the cache. Empty
     * rankings are never cached, and a cached ranking is re-checked for visibility on every hit.
     *
     * @param ttl zero to 1 hour
     * @return this builder
     * @throws IllegalArgumentException if {@code ttl} is negative or longer than an hour
     */
    public Builder resultCacheTtl(Duration ttl) {
      nonNegative("resultCacheTtl", ttl);
      if (ttl.compareTo(Duration.ofHours(1)) > 0) {
        throw new IllegalArgumentException("resultCacheTtl must be at most 1 hour, was " + ttl);
      }
      this.resultCacheTtl = ttl;
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
     * Sets the unique-visitor period (default 30 minutes, the usual web-analytics session timeout): an event
     * with a visitor id counts only if the same visitor has no counted event of the same kind for the same
     * article within this period of it. {@link Duration#ZERO} disables it. Events without a visitor id always
     * count.
     *
     * @param period zero to 1 day
     * @return this builder
     * @throws IllegalArgumentException if {@code period} is negative or longer than a day
     */
    public Builder uniqueVisitorPeriod(Duration period) {
      nonNegative("uniqueVisitorPeriod", period);
      if (period.compareTo(Duration.ofDays(1)) > 0) {
        throw new IllegalArgumentException("uniqueVisitorPeriod must be at most 1 day, was " + period);
      }
      this.uniqueVisitorPeriod = period;
      return this;
    }

    /**
     * Sets how many (article, kind, visitor) entries the unique-visitor memory keeps (default 1,000,000);
     * beyond it, the least recently used are forgotten and may count again.
     *
     * @param maxEntries at least 1
     * @return this builder
     * @throws IllegalArgumentException if {@code maxEntries} is less than 1
     */
    public Builder maxVisitorEntries(long maxEntries) {
      if (maxEntries < 1) {
        throw new IllegalArgumentException("maxVisitorEntries must be at least 1, was " + maxEntries);
      }
      this.maxVisitorEntries = maxEntries;
      return this;
    }

    /**
     * Replaces the crawler tokens: an event whose user agent contains one (ignoring case) is rejected as
     * {@link Rejection#BOT}. The default list holds the generic {@code bot}, {@code crawl}, {@code spider},
     * {@code slurp}, social link-preview fetchers ({@code facebookexternalhit}, {@code embedly},
     * {@code bingpreview}), {@code mediapartners-google}, {@code feedfetcher}, headless browsers
     * ({@code headlesschrome}, {@code phantomjs}, {@code lighthouse}), {@code pingdom}, and HTTP libraries
     * ({@code python-requests}, {@code python-urllib}, {@code curl/}, {@code wget/}, {@code go-http-client},
     * {@code java/}, {@code okhttp}, {@code apache-httpclient}, {@code libwww-perl}, {@code scrapy}). An
     * empty set disables the check.
     *
     * @param tokens the tokens, each not blank
     * @return this builder
     * @throws IllegalArgumentException if a token is blank
     * @throws NullPointerException if {@code tokens} or a token is null
     */
    public Builder botUserAgentTokens(Set<String> tokens) {
      Set<String> copy = new LinkedHashSet<>();
      for (String t : tokens) {
        if (Objects.requireNonNull(t, "token").isBlank()) {
          throw new IllegalArgumentException("botUserAgentTokens must not hold a blank token");
        }
        copy.add(t);
      }
      this.botTokens = copy;
      return this;
    }

    /**
     * Sets the rolling windows kept as running totals, answered in O(articles) instead of by merging buckets
     * (default the last 24 hours, 7 days and 30 days, those within the retention). Each costs
     * {@code 8 × (kinds + 1)} bytes per article and a little work per event.
     *
     * @param windows the window lengths, each at least the bucket resolution; may be empty
     * @return this builder
     * @throws NullPointerException if {@code windows} or an element is null
     * @throws IllegalArgumentException if a window is not positive
     */
    public Builder trackedWindows(List<Duration> windows) {
      List<Duration> copy = List.copyOf(windows);
      for (Duration d : copy) {
        positive("trackedWindows element", d);
      }
      this.trackedWindows = copy;
      return this;
    }

    /**
     * Sets where counts are kept (default: in memory, exact).
     *
     * @param factory creates a store for the engine's layout
     * @return this builder
     * @throws NullPointerException if {@code factory} is null
     */
    public Builder counterStore(CounterStore.Factory factory) {
      this.storeFactory = Objects.requireNonNull(factory, "factory");
      return this;
    }

    /**
     * Builds the engine.
     *
     * @return a new engine, thread-safe
     * @throws IllegalStateException if the allowed lateness is longer than the retention, or a tracked window
     *     is longer than the retention
     */
    public RankingEngine build() {
      if (allowedLateness.compareTo(retention) > 0) {
        throw new IllegalStateException("allowedLateness (" + allowedLateness + ") must not be longer than "
            + "retention (" + retention + ")");
      }
      List<Duration> tracked;
      if (trackedWindows == null) {
        tracked = new ArrayList<>();
        for (Duration d : List.of(Duration.ofHours(24), Duration.ofDays(7), Duration.ofDays(30))) {
          if (d.compareTo(retention) <= 0) {
            tracked.add(d);
          }
        }
      } else {
        tracked = trackedWindows;
        for (Duration d : tracked) {
          if (d.compareTo(retention) > 0) {
            throw new IllegalStateException("tracked window " + d + " is longer than retention " + retention);
          }
        }
      }
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
      StoreLayout layout = new StoreLayout(tiers, kinds, tracked, clockSkewAllowance);
      return new RankingEngine(this, layout);
    }

    private static Duration min(Duration a, Duration b) {
      return a.compareTo(b) <= 0 ? a : b;
    }
  }
}
