package dev.masthead.related;

import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How a {@link RelatedArticles} scores and caches: field boosts, signal weights, time proximity, the minimum
 * score, the query size and the result cache. Given to {@link RelatedArticles.Builder#config(RelatedConfig)}.
 *
 * <p>A score is {@code (textWeight × cosine + tagWeight × tag overlap + sectionWeight × same section +
 * bylineWeight × byline overlap) × (1 + timeProximityWeight × 0.5^(gap / timeProximityHalfLife))}, over terms
 * weighted by the field boosts (see {@link RelatedArticles}). Every default is a {@code DEFAULT_} constant
 * here, with where it comes from: Lucene MoreLikeThis for the query size, and otherwise the HuffPost
 * evaluation in the README ({@code mvn -B -q -Prelated-evaluation -DskipTests package}), which chose the
 * weights on 9,998 articles with sections hidden (precision@5 0.603 with the defaults).
 *
 * <p>Immutable and thread-safe; built with {@link #builder()}, or {@link #defaults()}. The builder checks each
 * value at once ({@link IllegalArgumentException}) and the combination in {@link Builder#build()}
 * ({@link IllegalStateException}).
 */
public final class RelatedConfig {
  /** One headline occurrence of a term counts 3 body occurrences: the headline is what a story is about. */
  public static final double DEFAULT_HEADLINE_BOOST = 3.0;
  /** One dek occurrence counts 1.5 body occurrences: the dek is a summary. */
  public static final double DEFAULT_DEK_BOOST = 1.5;
  /** One body occurrence of a term: the unit the other boosts are measured in. */
  public static final double DEFAULT_BODY_BOOST = 1.0;
  /** The weight of the text similarity (a cosine, 0 to 1): the unit the other weights are measured in. */
  public static final double DEFAULT_TEXT_WEIGHT = 1.0;
  /** The weight of the tag overlap: editors choose tags, so one shared tag of one counts half a perfect text match. */
  public static final double DEFAULT_TAG_WEIGHT = 0.5;
  /**
   * The score of sharing a section: half the default minimum score, so the section breaks near ties but never
   * makes an article related by itself (same-section articles come in as the fallback instead).
   */
  public static final double DEFAULT_SECTION_WEIGHT = 0.05;
  /** The weight of the byline overlap: the best of 0.1 to 0.5 on the HuffPost evaluation. */
  public static final double DEFAULT_BYLINE_WEIGHT = 0.2;
  /**
   * The largest extra factor for being published close in time: an article of the same day scores up to 1.5
   * times as much; the best of 0.5 and 1 on the HuffPost evaluation, where it adds about three points of
   * precision@5.
   */
  public static final double DEFAULT_TIME_PROXIMITY_WEIGHT = 0.5;
  /** The publication gap that halves the time-proximity factor: 60 days, better than 30 on the HuffPost evaluation. */
  public static final Duration DEFAULT_TIME_PROXIMITY_HALF_LIFE = Duration.ofDays(60);
  /** The least score of a related (not fallback) article. */
  public static final double DEFAULT_MIN_SCORE = 0.1;
  /** The most terms of the subject used to find candidates: 25, as Lucene MoreLikeThis's {@code DEFAULT_MAX_QUERY_TERMS}. */
  public static final int DEFAULT_MAX_QUERY_TERMS = 25;
  /** The most cached results, in queries. */
  public static final long DEFAULT_CACHE_MAXIMUM_SIZE = 10_000;
  /** How long a cached result lives when the index does not change: scheduled articles show within a minute. */
  public static final Duration DEFAULT_CACHE_EXPIRE_AFTER_WRITE = Duration.ofMinutes(1);

  /** The largest {@link Builder#maxQueryTerms(int)}. */
  public static final int MAX_QUERY_TERMS_LIMIT = 1_000;

  private static final RelatedConfig DEFAULTS = builder().build();

  private final double headlineBoost;
  private final double dekBoost;
  private final double bodyBoost;
  private final double textWeight;
  private final double tagWeight;
  private final double sectionWeight;
  private final double bylineWeight;
  private final double timeProximityWeight;
  private final Duration timeProximityHalfLife;
  private final double minScore;
  private final int maxQueryTerms;
  private final long cacheMaximumSize;
  private final Duration cacheExpireAfterWrite;

  private RelatedConfig(Builder b) {
    this.headlineBoost = b.headlineBoost;
    this.dekBoost = b.dekBoost;
    this.bodyBoost = b.bodyBoost;
    this.textWeight = b.textWeight;
    this.tagWeight = b.tagWeight;
    this.sectionWeight = b.sectionWeight;
    this.bylineWeight = b.bylineWeight;
    this.timeProximityWeight = b.timeProximityWeight;
    this.timeProximityHalfLife = b.timeProximityHalfLife;
    this.minScore = b.minScore;
    this.maxQueryTerms = b.maxQueryTerms;
    this.cacheMaximumSize = b.cacheMaximumSize;
    this.cacheExpireAfterWrite = b.cacheExpireAfterWrite;
  }

  /**
   * Returns the configuration with every default.
   *
   * @return the defaults, the {@code DEFAULT_} constants
   */
  public static RelatedConfig defaults() {
    return DEFAULTS;
  }

  /**
   * Returns a builder holding the defaults.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a builder holding this configuration's values, to make a changed copy.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.headlineBoost = headlineBoost;
    b.dekBoost = dekBoost;
    b.bodyBoost = bodyBoost;
    b.textWeight = textWeight;
    b.tagWeight = tagWeight;
    b.sectionWeight = sectionWeight;
    b.bylineWeight = bylineWeight;
    b.timeProximityWeight = timeProximityWeight;
    b.timeProximityHalfLife = timeProximityHalfLife;
    b.minScore = minScore;
    b.maxQueryTerms = maxQueryTerms;
    b.cacheMaximumSize = cacheMaximumSize;
    b.cacheExpireAfterWrite = cacheExpireAfterWrite;
    return b;
  }

  /**
   * Returns the weight of one headline occurrence of a term, against one body occurrence.
   *
   * @return at least 0; default {@value #DEFAULT_HEADLINE_BOOST}
   */
  public double headlineBoost() {
    return headlineBoost;
  }

  /**
   * Returns the weight of one dek occurrence of a term.
   *
   * @return at least 0; default {@value #DEFAULT_DEK_BOOST}
   */
  public double dekBoost() {
    return dekBoost;
  }

  /**
   * Returns the weight of one body occurrence of a term.
   *
   * @return at least 0; default {@value #DEFAULT_BODY_BOOST}
   */
  public double bodyBoost() {
    return bodyBoost;
  }

  /**
   * Returns the weight of the text similarity (cosine of tf-idf vectors, 0 to 1) in the score.
   *
   * @return at least 0; default {@value #DEFAULT_TEXT_WEIGHT}
   */
  public double textWeight() {
    return textWeight;
  }

  /**
   * Returns the weight of the tag overlap (shared tags over the geometric mean of the two tag counts, 0 to 1).
   *
   * @return at least 0; default {@value #DEFAULT_TAG_WEIGHT}
   */
  public double tagWeight() {
    return tagWeight;
  }

  /**
   * Returns the score added when both articles run in the same section. When it is at least
   * {@link #minScore()}, every article of the section is a candidate, which costs a walk over the section.
   *
   * @return at least 0; default {@value #DEFAULT_SECTION_WEIGHT}
   */
  public double sectionWeight() {
    return sectionWeight;
  }

  /**
   * Returns the weight of the byline overlap (shared authors over the geometric mean of the two byline lengths,
   * 0 to 1).
   *
   * @return at least 0; default {@value #DEFAULT_BYLINE_WEIGHT}
   */
  public double bylineWeight() {
    return bylineWeight;
  }

  /**
   * Returns the weight of time proximity: the score is multiplied by {@code 1 + weight × 0.5^(gap / halfLife)},
   * the gap being the time between the two publications. A factor, not a sum: it reorders related articles but
   * never makes an unrelated one related.
   *
   * @return at least 0, where 0 turns it off; default {@value #DEFAULT_TIME_PROXIMITY_WEIGHT}
   */
  public double timeProximityWeight() {
    return timeProximityWeight;
  }

  /**
   * Returns the publication gap that halves the time-proximity factor.
   *
   * @return at least one second; default {@link #DEFAULT_TIME_PROXIMITY_HALF_LIFE} (60 days)
   */
  public Duration timeProximityHalfLife() {
    return timeProximityHalfLife;
  }

  /**
   * Returns the least score of a related article; below it, an article is shown only as a fallback.
   *
   * @return at least 0 (a score of zero never counts as related); default {@value #DEFAULT_MIN_SCORE}
   */
  public double minScore() {
    return minScore;
  }

  /**
   * Returns the most terms of the subject used to find candidates, the heaviest by tf-idf.
   *
   * @return 1 to {@value #MAX_QUERY_TERMS_LIMIT}; default {@value #DEFAULT_MAX_QUERY_TERMS}
   */
  public int maxQueryTerms() {
    return maxQueryTerms;
  }

  /**
   * Returns the most cached results, in queries.
   *
   * @return at least 0, where 0 disables the cache; default {@value #DEFAULT_CACHE_MAXIMUM_SIZE}
   */
  public long cacheMaximumSize() {
    return cacheMaximumSize;
  }

  /**
   * Returns how long a cached result lives by the engine's clock when the index does not change.
   *
   * @return positive; default {@link #DEFAULT_CACHE_EXPIRE_AFTER_WRITE} (1 minute)
   */
  public Duration cacheExpireAfterWrite() {
    return cacheExpireAfterWrite;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof RelatedConfig c
        && Double.compare(headlineBoost, c.headlineBoost) == 0
        && Double.compare(dekBoost, c.dekBoost) == 0
        && Double.compare(bodyBoost, c.bodyBoost) == 0
        && Double.compare(textWeight, c.textWeight) == 0
        && Double.compare(tagWeight, c.tagWeight) == 0
        && Double.compare(sectionWeight, c.sectionWeight) == 0
        && Double.compare(bylineWeight, c.bylineWeight) == 0
        && Double.compare(timeProximityWeight, c.timeProximityWeight) == 0
        && timeProximityHalfLife.equals(c.timeProximityHalfLife)
        && Double.compare(minScore, c.minScore) == 0
        && maxQueryTerms == c.maxQueryTerms
        && cacheMaximumSize == c.cacheMaximumSize
        && cacheExpireAfterWrite.equals(c.cacheExpireAfterWrite);
  }

  @Override
  public int hashCode() {
    return Objects.hash(headlineBoost, dekBoost, bodyBoost, textWeight, tagWeight, sectionWeight, bylineWeight,
        timeProximityWeight, timeProximityHalfLife, minScore, maxQueryTerms, cacheMaximumSize,
        cacheExpireAfterWrite);
  }

  @Override
  public String toString() {
    return "RelatedConfig[headlineBoost=" + headlineBoost + ", dekBoost=" + dekBoost + ", bodyBoost=" + bodyBoost
        + ", textWeight=" + textWeight + ", tagWeight=" + tagWeight + ", sectionWeight=" + sectionWeight
        + ", bylineWeight=" + bylineWeight + ", timeProximityWeight=" + timeProximityWeight
        + ", timeProximityHalfLife=" + timeProximityHalfLife + ", minScore=" + minScore
        + ", maxQueryTerms=" + maxQueryTerms + ", cacheMaximumSize=" + cacheMaximumSize
        + ", cacheExpireAfterWrite=" + cacheExpireAfterWrite + "]";
  }

  /**
   * Builds a {@link RelatedConfig}, starting from the defaults. Each setter checks its value at once.
   *
   * <p>Not thread-safe: use a builder from one thread.
   */
  public static final class Builder {
    private double headlineBoost = DEFAULT_HEADLINE_BOOST;
    private double dekBoost = DEFAULT_DEK_BOOST;
    private double bodyBoost = DEFAULT_BODY_BOOST;
    private double textWeight = DEFAULT_TEXT_WEIGHT;
    private double tagWeight = DEFAULT_TAG_WEIGHT;
    private double sectionWeight = DEFAULT_SECTION_WEIGHT;
    private double bylineWeight = DEFAULT_BYLINE_WEIGHT;
    private double timeProximityWeight = DEFAULT_TIME_PROXIMITY_WEIGHT;
    private Duration timeProximityHalfLife = DEFAULT_TIME_PROXIMITY_HALF_LIFE;
    private double minScore = DEFAULT_MIN_SCORE;
    private int maxQueryTerms = DEFAULT_MAX_QUERY_TERMS;
    private long cacheMaximumSize = DEFAULT_CACHE_MAXIMUM_SIZE;
    private Duration cacheExpireAfterWrite = DEFAULT_CACHE_EXPIRE_AFTER_WRITE;

    private Builder() {}

    /**
     * Sets the weight of one headline occurrence of a term (default {@value RelatedConfig#DEFAULT_HEADLINE_BOOST}).
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
     * Sets the weight of one dek occurrence of a term (default {@value RelatedConfig#DEFAULT_DEK_BOOST}).
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
     * Sets the weight of one body occurrence of a term (default {@value RelatedConfig#DEFAULT_BODY_BOOST}).
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
     * Sets the weight of the text similarity (default {@value RelatedConfig#DEFAULT_TEXT_WEIGHT}).
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
     * Sets the weight of the tag overlap (default {@value RelatedConfig#DEFAULT_TAG_WEIGHT}).
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
     * Sets the score added for a shared section (default {@value RelatedConfig#DEFAULT_SECTION_WEIGHT}).
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
     * Sets the weight of the byline overlap (default {@value RelatedConfig#DEFAULT_BYLINE_WEIGHT}).
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
     * Sets the weight of time proximity (default {@value RelatedConfig#DEFAULT_TIME_PROXIMITY_WEIGHT}); 0 turns it off.
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
     * Sets the publication gap that halves the time-proximity factor (default 60 days).
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
     * Sets the least score of a related article (default {@value RelatedConfig#DEFAULT_MIN_SCORE}).
     *
     * @param minScore at least 0 and finite
     * @return this builder
     * @throws IllegalArgumentException if {@code minScore} is negative or not finite
     */
    public Builder minScore(double minScore) {
      this.minScore = nonNegative("minScore", minScore);
      return this;
    }

    /**
     * Sets the most terms of the subject used to find candidates (default {@value RelatedConfig#DEFAULT_MAX_QUERY_TERMS}).
     *
     * @param maxQueryTerms 1 to {@value RelatedConfig#MAX_QUERY_TERMS_LIMIT}
     * @return this builder
     * @throws IllegalArgumentException if {@code maxQueryTerms} is out of range
     */
    public Builder maxQueryTerms(int maxQueryTerms) {
      if (maxQueryTerms < 1 || maxQueryTerms > MAX_QUERY_TERMS_LIMIT) {
        throw new IllegalArgumentException(
            "maxQueryTerms must be 1 to " + MAX_QUERY_TERMS_LIMIT + ", was " + maxQueryTerms);
      }
      this.maxQueryTerms = maxQueryTerms;
      return this;
    }

    /**
     * Sets the most cached results (default {@value RelatedConfig#DEFAULT_CACHE_MAXIMUM_SIZE} queries); 0 disables the cache.
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
     * Sets how long a cached result lives when the index does not change (default 1 minute).
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
     * Returns the configuration.
     *
     * @return a new immutable configuration
     * @throws IllegalStateException if every weight is zero (nothing could ever be related), or every boost is
     *     zero while the text weight is not
     */
    public RelatedConfig build() {
      if (textWeight + tagWeight + sectionWeight + bylineWeight == 0) {
        throw new IllegalStateException("at least one of textWeight, tagWeight, sectionWeight, bylineWeight must be"
            + " positive");
      }
      if (textWeight > 0 && headlineBoost + dekBoost + bodyBoost == 0) {
        throw new IllegalStateException("textWeight is " + textWeight
            + " but headlineBoost, dekBoost and bodyBoost are all 0");
      }
      return new RelatedConfig(this);
    }

    private static double nonNegative(String name, double value) {
      if (!(value >= 0) || Double.isInfinite(value)) {
        throw new IllegalArgumentException(name + " must be finite and not negative, was " + value);
      }
      return value;
    }
  }
}
