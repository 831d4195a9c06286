package dev.masthead.ranking;

import dev.masthead.core.ArticleId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The result of {@link RankingEngine#top(RankingQuery)}: the top articles in order, the span actually counted
 * and when it was computed.
 *
 * <p>Order: score descending, then the most recent event in the window descending, then article id
 * ascending ({@link ArticleId#compareTo}); the same state and query give the same order every time.
 *
 * <p>Immutable and thread-safe.
 *
 * @param entries the articles, ranks 1, 2, …; fewer than the limit when fewer articles qualify
 * @param coveredFrom the first instant counted (the window's start rounded down to its resolution)
 * @param coveredTo the first instant not counted: the window's end rounded up to its resolution; for a rolling
 *     window the end is now plus the engine's clock-skew allowance (5 minutes by default), since events stamped
 *     that far ahead are accepted
 * @param computedAt the engine's time when the ranking was computed; older than now if served from the cache
 * @param stale true if the store failed or timed out and this is the last good ranking of the same query (or
 *     an empty one if there was none): its entries are as of {@code computedAt}
 */
public record Ranking(
    List<RankingEntry> entries, Instant coveredFrom, Instant coveredTo, Instant computedAt, boolean stale) {
  /**
   * Validates and copies the values.
   *
   * @throws NullPointerException if an argument or an entry is null
   */
  public Ranking {
    entries = List.copyOf(entries);
    Objects.requireNonNull(coveredFrom, "coveredFrom");
    Objects.requireNonNull(coveredTo, "coveredTo");
    Objects.requireNonNull(computedAt, "computedAt");
  }

  /**
   * Returns the ranked article ids in order.
   *
   * @return the ids, first ranked first
   */
  public List<ArticleId> articleIds() {
    return entries.stream().map(RankingEntry::articleId).toList();
  }

  /**
   * Creates a fresh (not stale) ranking.
   *
   * @param entries the articles, ranks 1, 2, …
   * @param coveredFrom the first instant counted
   * @param coveredTo the first instant not counted
   * @param computedAt the engine's time when the ranking was computed
   * @throws NullPointerException if an argument or an entry is null
   */
  public Ranking(List<RankingEntry> entries, Instant coveredFrom, Instant coveredTo, Instant computedAt) {
    this(entries, coveredFrom, coveredTo, computedAt, false);
  }

  /**
   * Returns this ranking marked stale.
   *
   * @return a copy with {@link #stale()} true
   */
  public Ranking asStale() {
    return stale ? this : new Ranking(entries, coveredFrom, coveredTo, computedAt, true);
  }
}
