package dev.masthead.related;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import com.github.benmanes.caffeine.cache.stats.StatsCounter;
import dev.masthead.core.Article;
import dev.masthead.core.ArticleId;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The "Related Posts" engine: an in-memory index of articles that the host keeps current, and the articles most
 * related to one of them.
 *
 * <p>Relatedness is computed as Lucene's MoreLikeThis and the related-posts plugins do: the text of the headline,
 * the dek and the body is analysed with Lucene (see {@link Builder} for the analysis), each term weighted by
 * {@code ln(1 + boosted tf) × ln(1 + N / df)}; the subject's heaviest terms (at most
 * {@link RelatedConfig#maxQueryTerms()}) find the candidates, which are scored by {@code (textWeight × cosine +
 * tagWeight × tag overlap + sectionWeight × same section + bylineWeight × byline overlap) × (1 +
 * timeProximityWeight × time proximity)} (see {@link RelatedArticle}). Only scores that reach the minimum score
 * count as related; when fewer than the limit do, the box is filled with the newest articles of the subject's
 * section, then of the whole index, so that it is empty only when no other visible article is eligible. Ties are
 * broken by newer {@code publishedAt}, then by {@link ArticleId} order, so that equal inputs always give the same
 * list, whatever the order in which articles were put.
 *
 * <p>A result never holds the subject, an excluded id, or an article that is not visible
 * ({@link Article#isVisibleAt(Instant)} false at the clock's instant: drafts, unpublished, deleted,
 * future-dated).
 *
 * <p>Results are cached (Caffeine) per query and index version: any {@link #put}, {@link #putAll} or
 * {@link #remove} makes every cached result stale at once. A cached result lives at most
 * {@link RelatedConfig#cacheExpireAfterWrite()} by the injected clock, so that scheduled articles that go live
 * and recency windows are seen within that time. Visibility only grows with time, so a cached result never holds
 * an article that became invisible without an index change.
 *
 * <p>Thread-safe: queries run concurrently under a read lock; changes take a write lock for the time it takes to
 * update the postings of one article (analysis is done before, outside the lock).
 */
public final class RelatedArticles {
  private static final Logger LOG = LoggerFactory.getLogger(RelatedArticles.class);

  private final RelatedConfig config;
  private final Settings settings;
  private final InstantSource clock;
  private final TextAnalysis analysis = new TextAnalysis();
  private final ArticleIndex index = new ArticleIndex();
  private final ReadWriteLock lock = new ReentrantReadWriteLock();
  private final Cache<CacheKey, List<RelatedArticle>> cache;

  private record CacheKey(long version, RelatedQuery query) {}

  private final @Nullable Listener listener;
  private final AtomicBoolean listenerWarned = new AtomicBoolean();

  /**
   * Told of each query, for metrics such as {@code masthead-micrometer}'s ({@link Builder#listener}). Called on
   * the querying thread after the result is made, outside the index lock, so it must be quick and must not
   * block; what it throws is logged at WARN once per index (the exception's class only) and the result is
   * returned all the same.
   *
   * <p>Implementations must be safe for concurrent use.
   */
  @FunctionalInterface
  public interface Listener {
    /**
     * A query was answered.
     *
     * @param elapsed from the call to the answer, on the JVM's monotonic clock
     * @param results the number of articles returned
     * @param cached whether the answer came from the result cache
     */
    void queried(Duration elapsed, int results, boolean cached);
  }

  private RelatedArticles(Builder b) {
    RelatedConfig c = b.config;
    this.config = c;
    this.settings = new Settings(c.headlineBoost(), c.dekBoost(), c.bodyBoost(), c.textWeight(), c.tagWeight(),
        c.sectionWeight(), c.bylineWeight(), c.timeProximityWeight(), (double) c.timeProximityHalfLife().toSeconds(),
        c.minScore(), c.maxQueryTerms());
    this.clock = b.clock;
    InstantSource source = b.clock;
    Ticker ticker = () -> {
      Instant now = source.instant();
      return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    };
    Caffeine<Object, Object> cacheBuilder = Caffeine.newBuilder()
        .maximumSize(c.cacheMaximumSize())
        .expireAfterWrite(c.cacheExpireAfterWrite())
        .ticker(ticker)
        .executor(Runnable::run);
    if (b.cacheStats != null) {
      cacheBuilder.recordStats(b.cacheStats);
    }
    this.cache = cacheBuilder.build();
    this.listener = b.listener;
  }

  /**
   * Returns a new builder.
   *
   * @return a builder with the documented defaults
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the configuration this engine scores and caches with.
   *
   * @return the configuration given to the builder
   */
  public RelatedConfig config() {
    return config;
  }

  /**
   * Adds an article, or replaces the indexed article with the same id. Any article may be put, visible or not;
   * only visible articles are returned, at the time of each query.
   *
   * @param article the article
   * @throws NullPointerException if {@code article} is null
   */
  public void put(Article article) {
    Objects.requireNonNull(article, "article");
    IndexedArticle doc = analyse(article);
    lock.writeLock().lock();
    try {
      index.put(doc);
    } finally {
      lock.writeLock().unlock();
    }
    cache.invalidateAll();
    LOG.debug("indexed article {}", article.id());
  }

  /**
   * Adds or replaces several articles, as {@link #put(Article)} for each, under one write lock.
   *
   * @param articles the articles; a later one replaces an earlier one with the same id
   * @throws NullPointerException if {@code articles} or one of them is null
   */
  public void putAll(Collection<Article> articles) {
    List<IndexedArticle> docs = new ArrayList<>(articles.size());
    for (Article article : articles) {
      docs.add(analyse(Objects.requireNonNull(article, "articles element")));
    }
    lock.writeLock().lock();
    try {
      for (IndexedArticle doc : docs) {
        index.put(doc);
      }
    } finally {
      lock.writeLock().unlock();
    }
    cache.invalidateAll();
    LOG.debug("indexed {} articles", docs.size());
  }

  /**
   * Removes an article.
   *
   * @param id the article's id
   * @return whether the index held it
   * @throws NullPointerException if {@code id} is null
   */
  public boolean remove(ArticleId id) {
    Objects.requireNonNull(id, "id");
    boolean removed;
    lock.writeLock().lock();
    try {
      removed = index.remove(id);
    } finally {
      lock.writeLock().unlock();
    }
    if (removed) {
      cache.invalidateAll();
      LOG.debug("removed article {}", id);
    }
    return removed;
  }

  /**
   * Returns the indexed article with an id.
   *
   * @param id the article's id
   * @return the article as last put, or empty if the index does not hold it
   * @throws NullPointerException if {@code id} is null
   */
  public Optional<Article> get(ArticleId id) {
    Objects.requireNonNull(id, "id");
    lock.readLock().lock();
    try {
      IndexedArticle doc = index.get(id);
      return doc == null ? Optional.empty() : Optional.of(doc.article);
    } finally {
      lock.readLock().unlock();
    }
  }

  /**
   * Returns the number of indexed articles, visible or not.
   *
   * @return the count
   */
  public int size() {
    lock.readLock().lock();
    try {
      return index.size();
    } finally {
      lock.readLock().unlock();
    }
  }

  /**
   * Returns the articles most related to an indexed article, as
   * {@code related(RelatedQuery.of(subjectId, limit))}: with fallback, no exclusion, no recency.
   *
   * @param subjectId the article the box sits under
   * @param limit the most results, 1 to {@value RelatedQuery#MAX_LIMIT}
   * @return at most {@code limit} related articles, best first; empty if the index does not hold
   *     {@code subjectId} or holds no other visible article
   * @throws NullPointerException if {@code subjectId} is null
   * @throws IllegalArgumentException if {@code limit} is out of range
   */
  public List<RelatedArticle> related(ArticleId subjectId, int limit) {
    return related(RelatedQuery.of(Objects.requireNonNull(subjectId, "subjectId"), limit));
  }

  /**
   * Returns the articles most related to the query's subject: first those whose score reaches the minimum score,
   * best first (score, then newer, then id); then, if the query allows fallback and the box is not full, the
   * newest eligible articles of the subject's section, then of the whole index.
   *
   * <p>Cost: the postings of the subject's query terms and the candidates they find: 0.15 ms (median) for 10,000
   * short articles, see the README. The first query after a change also recomputes every article's vector norm,
   * linear in the total number of terms (about 2 ms for those 10,000 articles). A cached result costs a hash
   * lookup.
   *
   * @param query the subject and the options
   * @return at most {@code query.limit()} related articles, best first, never the subject, an excluded id or an
   *     invisible article; empty if the subject is given by id and the index does not hold it, or if no other
   *     visible article is eligible
   * @throws NullPointerException if {@code query} is null
   */
  public List<RelatedArticle> related(RelatedQuery query) {
    Objects.requireNonNull(query, "query");
    long started = System.nanoTime();
    boolean[] cached = new boolean[1];
    List<RelatedArticle> results = search(query, cached);
    Listener l = listener;
    if (l != null) {
      try {
        l.queried(Duration.ofNanos(System.nanoTime() - started), results.size(), cached[0]);
      } catch (RuntimeException e) {
        if (!listenerWarned.getAndSet(true)) {
          LOG.warn("related-articles listener failed ({}); results are unchanged, and later failures are not "
              + "logged", e.getClass().getName());
        }
      }
    }
    return results;
  }

  private List<RelatedArticle> search(RelatedQuery query, boolean[] cachedOut) {
    Article given = query.subject();
    IndexedArticle transientSubject = given == null ? null : analyse(given);
    lock.readLock().lock();
    try {
      CacheKey key = new CacheKey(index.version(), query);
      List<RelatedArticle> cached = cache.getIfPresent(key);
      if (cached != null) {
        cachedOut[0] = true;
        return cached;
      }
      IndexedArticle subject = transientSubject != null ? transientSubject : index.get(query.subjectId());
      if (subject == null) {
        return List.of();
      }
      List<RelatedArticle> results =
          List.copyOf(new RelatedSearch(index, settings, query, subject, clock.instant()).run());
      cache.put(key, results);
      return results;
    } finally {
      lock.readLock().unlock();
    }
  }

  private IndexedArticle analyse(Article article) {
    return new IndexedArticle(article, analysis.analyze(article,
        (float) settings.headlineBoost(), (float) settings.dekBoost(), (float) settings.bodyBoost()));
  }

  /**
   * Builds a {@link RelatedArticles}.
   *
   * <p>The text analysis is fixed: Lucene's {@code StandardTokenizer} (Unicode word boundaries), width folding,
   * lower case, bigrams for Chinese, Japanese and Korean; then stop words and a stemmer by
   * {@link Article#language()} (English, the Porter stemmer, also for undetermined languages; German, French,
   * Spanish, Italian, Portuguese, Dutch, Russian and Swedish with Snowball), then accents folded to ASCII. Each
   * field is read up to its first 5,000 tokens, as MoreLikeThis. The weights are a {@link RelatedConfig}.
   *
   * <p>Not thread-safe: use a builder from one thread.
   */
  public static final class Builder {
    private InstantSource clock = InstantSource.system();
    private RelatedConfig config = RelatedConfig.defaults();
    private @Nullable Listener listener;
    private @Nullable Supplier<? extends StatsCounter> cacheStats;

    private Builder() {}

    /**
     * Sets the listener told of each query (default none), for example {@code masthead-micrometer}'s
     * {@code RelatedMetrics}.
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
     * Records hits, misses and evictions of the result cache in a Caffeine {@link StatsCounter} (default none),
     * for example Micrometer's {@code CaffeineStatsCounter}.
     *
     * @param statsCounter makes the counter, called once when the index is built
     * @return this builder
     * @throws NullPointerException if {@code statsCounter} is null
     */
    public Builder recordCacheStats(Supplier<? extends StatsCounter> statsCounter) {
      this.cacheStats = Objects.requireNonNull(statsCounter, "statsCounter");
      return this;
    }

    /**
     * Sets the clock that decides visibility, recency windows, decay and cache expiry (default
     * {@link InstantSource#system()}).
     *
     * @param clock the clock
     * @return this builder
     * @throws NullPointerException if {@code clock} is null
     */
    public Builder clock(InstantSource clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Sets the scoring and cache configuration (default {@link RelatedConfig#defaults()}).
     *
     * @param config the configuration
     * @return this builder
     * @throws NullPointerException if {@code config} is null
     */
    public Builder config(RelatedConfig config) {
      this.config = Objects.requireNonNull(config, "config");
      return this;
    }

    /**
     * Builds the engine, with an empty index.
     *
     * @return a new thread-safe engine
     */
    public RelatedArticles build() {
      return new RelatedArticles(this);
    }
  }
}
