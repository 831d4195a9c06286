package dev.masthead.related;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
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
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The "Related Posts" engine: an in-memory index of articles that the host keeps current, and the articles most
 * related to one of them.
 *
 * <p>Relatedness is computed as Lucene's MoreLikeThis and the related-posts plugins do: the text of the headline,
 * the dek and the body is analysed with Lucene (see {@link Builder} for the analysis), each term weighted by
 * {@code ln(1 + boosted tf) × ln(1 + N / df)}; the subject's heaviest terms (at most
 * {@link Builder#maxQueryTerms(int)}) find the candidates, which are scored by {@code (textWeight × cosine +
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
 * {@link Builder#cacheExpireAfterWrite(Duration)} by the injected clock, so that scheduled articles that go live
 * and recency windows are seen within that time. Visibility only grows with time, so a cached result never holds
 * an article that became invisible without an index change.
 *
 * <p>Thread-safe: queries run concurrently under a read lock; changes take a write lock for the time it takes to
 * update the postings of one article (analysis is done before, outside the lock).
 */
public final class RelatedArticles {
  private static final Logger LOG = LoggerFactory.getLogger(RelatedArticles.class);

  private final Settings settings;
  private final InstantSource clock;
  private final TextAnalysis analysis = new TextAnalysis();
  private final ArticleIndex index = new ArticleIndex();
  private final ReadWriteLock lock = new ReentrantReadWriteLock();
  private final Cache<CacheKey, List<RelatedArticle>> cache;

  private record CacheKey(long version, RelatedQuery query) {}

  private RelatedArticles(Builder b) {
    this.settings = new Settings(b.headlineBoost, b.dekBoost, b.bodyBoost, b.textWeight, b.tagWeight,
        b.sectionWeight, b.bylineWeight, b.timeProximityWeight, (double) b.timeProximityHalfLife.toSeconds(),
        b.minScore, b.maxQueryTerms);
    this.clock = b.clock;
    InstantSource source = b.clock;
    Ticker ticker = () -> {
      Instant now = source.instant();
      return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    };
    this.cache = Caffeine.newBuilder()
        .maximumSize(b.cacheMaximumSize)
        .expireAfterWrite(b.cacheExpireAfterWrite)
        .ticker(ticker)
        .executor(Runnable::run)
        .build();
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
    Article given = query.subject();
    IndexedArticle transientSubject = given == null ? null : analyse(given);
    lock.readLock().lock();
    try {
      CacheKey key = new CacheKey(index.version(), query);
      List<RelatedArticle> cached = cache.getIfPresent(key);
      if (cached != null) {
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
   * Builds a {@link RelatedArticles}. Each setter checks its value at once.
   *
   * <p>The text analysis is fixed: Lucene's {@code StandardTokenizer} (Unicode word boundaries), width folding,
   * lower case, bigrams for Chinese, Japanese and Korean; then stop words and a stemmer by
   * {@link Article#language()} (English, the Porter stemmer, also for undetermined languages; German, French,
   * Spanish, Italian, Portuguese, Dutch, Russian and Swedish with Snowball), then accents folded to ASCII. Each
   * field is read up to its first 5,000 tokens, as MoreLikeThis.
   *
   * <p>The default weights were chosen on the HuffPost evaluation (see the README): the headline is what a
   * news article is about, so it counts three times a body word; the dek, a summary, one and a half times.
   *
   * <p>Not thread-safe: use a builder from one thread.
   */
  public static final class Builder {
    private InstantSource clock = InstantSource.system();
    private double headlineBoost = 3.0;
    private double dekBoost = 1.5;
    private double bodyBoost = 1.0;
    private double textWeight = 1.0;
    private double tagWeight = 0.5;
    private double sectionWeight = 0.05;
    private double bylineWeight = 0.2;
    private double timeProximityWeight = 0.5;
    private Duration timeProximityHalfLife = Duration.ofDays(60);
    private double minScore = 0.1;
    private int maxQueryTerms = 25;
    private long cacheMaximumSize = 10_000;
    private Duration cacheExpireAfterWrite = Duration.ofMinutes(1);

    private Builder() {}

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
     * Sets the weight of one headline occurrence of a term, against one body occurrence (default 3.0).
     *
     * @param boost at least 0 and finite; 0 ignores headlines
     * @return this builder
     * @throws IllegalArgumentException if {@code boost} is negative or not finite
     */
    public Builder headlineBoost(double boost) {
      this.headlineBoost = nonNegative("headlineBoost", boost);
      return this;
    }

    /**
     * Sets the weight of one dek occurrence of a term (default 1.5).
     *
     * @param boost at least 0 and finite; 0 ignores deks
     * @return this builder
     * @throws IllegalArgumentException if {@code boost} is negative or not finite
     */
    public Builder dekBoost(double boost) {
      this.dekBoost = nonNegative("dekBoost", boost);
      return this;
    }

    /**
     * Sets the weight of one body occurrence of a term (default 1.0).
     *
     * @param boost at least 0 and finite; 0 ignores bodies
     * @return this builder
     * @throws IllegalArgumentException if {@code boost} is negative or not finite
     */
    public Builder bodyBoost(double boost) {
      this.bodyBoost = nonNegative("bodyBoost", boost);
      return this;
    }

    /**
     * Sets the weight of the text similarity (cosine of tf-idf vectors, 0 to 1) in the score (default 1.0).
     *
     * @param weight at least 0 and finite
     * @return this builder
     * @throws IllegalArgumentException if {@code weight} is negative or not finite
     */
    public Builder textWeight(double weight) {
      this.textWeight = nonNegative("textWeight", weight);
      return this;
    }

    /**
     * Sets the weight of the tag overlap (shared tags over the geometric mean of the two tag counts, 0 to 1) in
     * the score (default 0.5: tags are chosen by editors, so one shared tag of one counts half a perfect text
     * match).
     *
     * @param weight at least 0 and finite
     * @return this builder
     * @throws IllegalArgumentException if {@code weight} is negative or not finite
     */
    public Builder tagWeight(double weight) {
      this.tagWeight = nonNegative("tagWeight", weight);
      return this;
    }

    /**
     * Sets the score added when both articles run in the same section (default 0.05, half the default minimum
     * score: the section breaks near ties between text matches but never makes an article related by itself;
     * articles of the same section come in as the fallback instead). When it is at least the minimum score, every
     * article of the section is a candidate, which costs a walk over the section.
     *
     * @param weight at least 0 and finite
     * @return this builder
     * @throws IllegalArgumentException if {@code weight} is negative or not finite
     */
    public Builder sectionWeight(double weight) {
      this.sectionWeight = nonNegative("sectionWeight", weight);
      return this;
    }

    /**
     * Sets the weight of the byline overlap (shared authors over the geometric mean of the two byline lengths,
     * 0 to 1) in the score (default 0.2, the best of 0.1 to 0.5 on the HuffPost evaluation: a reporter's beat
     * is a hint of the same story).
     *
     * @param weight at least 0 and finite
     * @return this builder
     * @throws IllegalArgumentException if {@code weight} is negative or not finite
     */
    public Builder bylineWeight(double weight) {
      this.bylineWeight = nonNegative("bylineWeight", weight);
      return this;
    }

    /**
     * Sets the weight of time proximity: the score is multiplied by {@code 1 + weight × 0.5^(gap / halfLife)}, the
     * gap being the time between the two articles' publication (default 0.5, so an article of the same day scores
     * up to one and a half times as much; the best of 0.5 and 1 on the HuffPost evaluation, where it raises
     * precision@5 by about three points). The same story is reported over days and weeks, and a page from the
     * archive is best served by articles of its own time. A factor, not a sum: it reorders related articles but
     * never makes an unrelated one related. 0 turns it off.
     *
     * @param weight at least 0 and finite
     * @return this builder
     * @throws IllegalArgumentException if {@code weight} is negative or not finite
     */
    public Builder timeProximityWeight(double weight) {
      this.timeProximityWeight = nonNegative("timeProximityWeight", weight);
      return this;
    }

    /**
     * Sets the publication gap that halves the time-proximity weight (default 60 days, better than 30 on the
     * HuffPost evaluation).
     *
     * @param halfLife at least one second
     * @return this builder
     * @throws NullPointerException if {@code halfLife} is null
     * @throws IllegalArgumentException if {@code halfLife} is shorter than one second
     */
    public Builder timeProximityHalfLife(Duration halfLife) {
      Objects.requireNonNull(halfLife, "halfLife");
      if (halfLife.toSeconds() < 1) {
        throw new IllegalArgumentException("timeProximityHalfLife must be at least one second, was " + halfLife);
      }
      this.timeProximityHalfLife = halfLife;
      return this;
    }

    /**
     * Sets the least score of a related article (default 0.1); below it, an article is shown only as a fallback.
     *
     * @param minScore at least 0 and finite; a score of zero never counts as related
     * @return this builder
     * @throws IllegalArgumentException if {@code minScore} is negative or not finite
     */
    public Builder minScore(double minScore) {
      this.minScore = nonNegative("minScore", minScore);
      return this;
    }

    /**
     * Sets the most terms of the subject used to find candidates, the heaviest by tf-idf (default 25, as Lucene
     * MoreLikeThis's {@code DEFAULT_MAX_QUERY_TERMS}).
     *
     * @param maxQueryTerms 1 to 1,000
     * @return this builder
     * @throws IllegalArgumentException if {@code maxQueryTerms} is out of range
     */
    public Builder maxQueryTerms(int maxQueryTerms) {
      if (maxQueryTerms < 1 || maxQueryTerms > 1_000) {
        throw new IllegalArgumentException("maxQueryTerms must be 1 to 1000, was " + maxQueryTerms);
      }
      this.maxQueryTerms = maxQueryTerms;
      return this;
    }

    /**
     * Sets the most cached results (default 10,000 queries); 0 disables the cache.
     *
     * @param maximumSize at least 0
     * @return this builder
     * @throws IllegalArgumentException if {@code maximumSize} is negative
     */
    public Builder cacheMaximumSize(long maximumSize) {
      if (maximumSize < 0) {
        throw new IllegalArgumentException("cacheMaximumSize must not be negative, was " + maximumSize);
      }
      this.cacheMaximumSize = maximumSize;
      return this;
    }

    /**
     * Sets how long a cached result lives by the clock when the index does not change (default 1 minute).
     *
     * @param expiry a positive duration
     * @return this builder
     * @throws NullPointerException if {@code expiry} is null
     * @throws IllegalArgumentException if {@code expiry} is zero or negative
     */
    public Builder cacheExpireAfterWrite(Duration expiry) {
      Objects.requireNonNull(expiry, "expiry");
      if (expiry.isZero() || expiry.isNegative()) {
        throw new IllegalArgumentException("cacheExpireAfterWrite must be positive, was " + expiry);
      }
      this.cacheExpireAfterWrite = expiry;
      return this;
    }

    /**
     * Builds the engine, with an empty index.
     *
     * @return a new thread-safe engine
     * @throws IllegalStateException if every weight is zero (nothing could ever be related) or every boost is
     *     zero while the text weight is not
     */
    public RelatedArticles build() {
      if (textWeight + tagWeight + sectionWeight + bylineWeight == 0) {
        throw new IllegalStateException("at least one of textWeight, tagWeight, sectionWeight, bylineWeight must be"
            + " positive");
      }
      if (textWeight > 0 && headlineBoost + dekBoost + bodyBoost == 0) {
        throw new IllegalStateException("textWeight is " + textWeight
            + " but headlineBoost, dekBoost and bodyBoost are all 0");
      }
      return new RelatedArticles(this);
    }

    private static double nonNegative(String name, double value) {
      if (!(value >= 0) || Double.isInfinite(value)) {
        throw new IllegalArgumentException(name + " must be finite and not negative, was " + value);
      }
      return value;
    }
  }
}
