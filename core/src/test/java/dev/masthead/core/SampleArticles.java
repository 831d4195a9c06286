package dev.masthead.core;

import java.net.URI;
import java.time.Instant;
import java.util.Locale;

/** Articles for tests, written for the project. */
final class SampleArticles {
  private SampleArticles() {}

  static final Instant PUBLISHED = Instant.parse("2025-12-07T13:05:00Z");

  static Article.Builder bridgeVote() {
    return Article.builder()
        .id("a1")
        .headline("City Council Approves Harbor Bridge Repairs After Two-Year Delay")
        .dek("The $84 million plan closes one lane at a time.")
        .bodyHtml("<p>The council voted 7 to 2 on Sunday.</p><p>&ldquo;We could not wait,&rdquo; said Ruth Okafor.</p>")
        .author(new Author("Dana Whitfield", URI.create("https://news.example.com/staff/dana-whitfield")))
        .author("Luis Ortega")
        .section("Local")
        .tag("Infrastructure")
        .tag("City Council")
        .status(ArticleStatus.PUBLISHED)
        .publishedAt(PUBLISHED)
        .updatedAt(PUBLISHED.plusSeconds(3600))
        .canonicalUrl("https://news.example.com/local/harbor-bridge-vote")
        .leadImage(new LeadImage(URI.create("https://img.example.com/bridge.jpg"), "The Harbor Bridge at dusk", "Ana Lima"))
        .language(Locale.US);
  }
}
