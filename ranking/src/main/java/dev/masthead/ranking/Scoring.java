package dev.masthead.ranking;

import dev.masthead.core.ArticleLookup;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * How a ranking turns counts into a score. Every scoring starts from the weighted sum
 * {@code P = Σ weight(kind) × count(kind)} over the window's events; the kinds an engine counts are the keys
 * of its default scoring's weights ({@link RankingEngine.Builder#scoring(Scoring)}).
 *
 * <ul>
 *   <li>{@link Weighted}: the score is {@code P}, exact in {@code long} arithmetic (saturating at
 *       {@link Long#MAX_VALUE}). For "Top 5 This Week" and "Popular Articles".</li>
 *   <li>{@link HalfLife}: each bucket's weighted count is multiplied by {@code 2^(-age / halfLife)}, where
 *       age is the time from the start of the bucket to the query's time; the window is read in the finest
 *       buckets still held (with the default layout 1 minute within the last day, 1 hour before), so decay
 *       is exact to that step. Computed by merging buckets at query time, never from running totals. For
 *       "Trending".</li>
 *   <li>{@link Gravity}: Hacker News' {@code (P - 1) / (T + 2)^G}, where {@code T} is the article's age in
 *       hours since its {@code publishedAt} (from the {@link ArticleLookup}, so an engine without a lookup
 *       refuses it) and {@code G} the gravity (1.8, as Hacker News).</li>
 * </ul>
 *
 * <p>All implementations are immutable and thread-safe records; weight maps are sorted by kind name.
 */
public sealed interface Scoring permits Scoring.Weighted, Scoring.HalfLife, Scoring.Gravity {

  /**
   * The default weights: a view 1, a share 5, a comment 10. Masthead's choice: a comment costs a reader
   * far more effort than a view and signals more interest; a share sits between.
   */
  Map<EngagementKind, Long> DEFAULT_WEIGHTS = Collections.unmodifiableMap(new TreeMap<>(Map.of(
      EngagementKind.VIEW, 1L, EngagementKind.SHARE, 5L, EngagementKind.COMMENT, 10L)));

  /**
   * Returns the weight of each counted kind.
   *
   * @return an unmodifiable map sorted by kind name; weights are at least 0
   */
  Map<EngagementKind, Long> weights();

  /**
   * Returns the weighted sum with {@link #DEFAULT_WEIGHTS}.
   *
   * @return the default scoring
   */
  static Weighted defaults() {
    return new Weighted(DEFAULT_WEIGHTS);
  }

  /**
   * Returns a weighted sum.
   *
   * @param weights the weight of each kind to count, at least 0 each; not empty
   * @return the scoring
   * @throws IllegalArgumentException as {@link Weighted}
   */
  static Weighted weighted(Map<EngagementKind, Long> weights) {
    return new Weighted(weights);
  }

  /**
   * Returns an exponentially decayed weighted sum with the default weights.
   *
   * @param halfLife the time after which a count is worth half; positive, at least one millisecond
   * @return the scoring
   * @throws IllegalArgumentException as {@link HalfLife}
   */
  static HalfLife halfLife(Duration halfLife) {
    return new HalfLife(DEFAULT_WEIGHTS, halfLife);
  }

  /**
   * Returns Hacker News gravity with the default weights and {@code G} = 1.8.
   *
   * @return the scoring
   */
  static Gravity hackerNews() {
    return new Gravity(DEFAULT_WEIGHTS, Gravity.HACKER_NEWS_GRAVITY);
  }

  private static Map<EngagementKind, Long> checkWeights(Map<EngagementKind, Long> weights) {
    Objects.requireNonNull(weights, "weights");
    if (weights.isEmpty()) {
      throw new IllegalArgumentException("Scoring.weights must not be empty");
    }
    TreeMap<EngagementKind, Long> sorted = new TreeMap<>();
    weights.forEach((k, v) -> {
      Objects.requireNonNull(k, "Scoring.weights key");
      Objects.requireNonNull(v, "Scoring.weights value");
      if (v < 0) {
        throw new IllegalArgumentException("Scoring.weights[" + k + "] must be at least 0, was " + v);
      }
      sorted.put(k, v);
    });
    return Collections.unmodifiableMap(sorted);
  }

  /**
   * A weighted sum of counts.
   *
   * @param weights the weight of each kind, at least 0 each; not empty
   */
  record Weighted(Map<EngagementKind, Long> weights) implements Scoring {
    /**
     * Validates and copies the weights.
     *
     * @throws NullPointerException if {@code weights} or an entry is null
     * @throws IllegalArgumentException if {@code weights} is empty or a weight is negative
     */
    public Weighted {
      weights = checkWeights(weights);
    }
  }

  /**
   * A weighted sum whose buckets decay exponentially with age.
   *
   * @param weights the weight of each kind, at least 0 each; not empty
   * @param halfLife the time after which a count is worth half, at least 1 millisecond
   */
  record HalfLife(Map<EngagementKind, Long> weights, Duration halfLife) implements Scoring {
    /**
     * Validates the values.
     *
     * @throws NullPointerException if an argument or an entry is null
     * @throws IllegalArgumentException if {@code weights} is empty, a weight is negative or
     *     {@code halfLife} is shorter than 1 millisecond
     */
    public HalfLife {
      weights = checkWeights(weights);
      Objects.requireNonNull(halfLife, "halfLife");
      if (halfLife.toMillis() < 1) {
        throw new IllegalArgumentException("HalfLife.halfLife must be at least 1 ms, was " + halfLife);
      }
    }
  }

  /**
   * Hacker News gravity over article age.
   *
   * @param weights the weight of each kind, at least 0 each; not empty
   * @param gravity the exponent {@code G}: finite and positive; 1.8 on Hacker News
   */
  record Gravity(Map<EngagementKind, Long> weights, double gravity) implements Scoring {
    /** Hacker News' gravity, 1.8. */
    public static final double HACKER_NEWS_GRAVITY = 1.8;

    /**
     * Validates the values.
     *
     * @throws NullPointerException if {@code weights} or an entry is null
     * @throws IllegalArgumentException if {@code weights} is empty, a weight is negative or
     *     {@code gravity} is not finite and positive
     */
    public Gravity {
      weights = checkWeights(weights);
      if (!(gravity > 0) || Double.isInfinite(gravity)) {
        throw new IllegalArgumentException("Gravity.gravity must be finite and positive, was " + gravity);
      }
    }
  }
}
