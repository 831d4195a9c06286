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
 */
public record Ranking(List<RankingEntry> entries, Instant coveredFrom, Instant coveredTo, Instant computedAt) {
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
}
