package dev.masthead.ranking;

import dev.masthead.core.ArticleId;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One line of a {@link Ranking}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param articleId the article
 * @param rank its place, 1 for the first
 * @param score its score under the query's {@link Scoring}; for {@link Scoring.Weighted} an exact integer
 *     up to 2^53 (the ordering itself uses exact {@code long} arithmetic)
 * @param counts events counted in the window, per kind the engine counts (zero included), sorted by kind
 *     name; each saturates at {@link Long#MAX_VALUE}
 * @param lastEventAt the time of the article's most recent event in the window, to the millisecond
 */
public record RankingEntry(
    ArticleId articleId, int rank, double score, Map<EngagementKind, Long> counts, Instant lastEventAt) {

  /**
   * Validates and copies the values.
   *
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code rank} is less than 1
   */
  public RankingEntry {
    Objects.requireNonNull(articleId, "articleId");
    Objects.requireNonNull(lastEventAt, "lastEventAt");
    if (rank < 1) {
      throw new IllegalArgumentException("RankingEntry.rank must be at least 1, was " + rank);
    }
    TreeMap<EngagementKind, Long> sorted = new TreeMap<>();
    sorted.putAll(Objects.requireNonNull(counts, "counts"));
    counts = Collections.unmodifiableMap(sorted);
  }

  /**
   * Returns the count of one kind.
   *
   * @param kind the kind
   * @return the count, zero if the kind is not counted
   */
  public long count(EngagementKind kind) {
    Long c = counts.get(kind);
    return c == null ? 0 : c;
  }
}
