package dev.masthead.ranking;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.masthead.core.ArticleId;
import java.time.Duration;

/**
 * Remembers, per (article, kind, visitor), the time of the last counted event, so a visitor counts once per
 * period. Entries live for the period plus the allowed lateness and skew, and at most
 * {@code maxEntries} are kept (least recently used go first, then the visitor may count again). Thread-safe.
 */
final class VisitorMemory {
  private record Key(ArticleId articleId, int kind, String visitorId) {}

  private final long periodMillis;
  private final Cache<Key, Long> lastCounted;

  VisitorMemory(Duration period, Duration extra, long maxEntries, Ticker ticker) {
    this.periodMillis = period.toMillis();
    this.lastCounted = Caffeine.newBuilder()
        .ticker(ticker)
        .expireAfterWrite(period.plus(extra))
        .maximumSize(maxEntries)
        .build();
  }

  /** Returns whether the event counts, and if so remembers it, atomically. */
  boolean count(ArticleId articleId, int kind, String visitorId, long occurredAt) {
    boolean[] counted = {false};
    lastCounted.asMap().compute(new Key(articleId, kind, visitorId), (k, prev) -> {
      if (prev == null || Math.abs(occurredAt - prev) >= periodMillis) {
        counted[0] = true;
        return occurredAt;
      }
      return prev;
    });
    return counted[0];
  }
}
