package dev.masthead.related;

import dev.masthead.core.Article;
import dev.masthead.testing.SampleArticles;
import java.time.Duration;
import java.time.Instant;

/** Sample articles written for these tests. */
final class Articles {
  static final Instant NOW = Instant.parse("2026-03-02T12:00:00Z");

  private Articles() {}

  /** A published article, {@code daysAgo} days before {@link #NOW}. */
  static Article.Builder published(String id, String headline, int daysAgo) {
    return SampleArticles.published(id, headline, NOW.minus(Duration.ofDays(daysAgo)));
  }
}
