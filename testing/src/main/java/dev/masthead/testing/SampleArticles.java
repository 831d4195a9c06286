package dev.masthead.testing;

import dev.masthead.core.Article;
import dev.masthead.core.ArticleStatus;
import dev.masthead.core.Author;
import dev.masthead.core.LeadImage;
import java.net.URI;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * Articles for tests, written for the project (no real person or event). Each method returns a new builder, so a
 * test changes what it needs ({@code SampleArticles.bridgeVote().id("a2").build()}).
 *
 * <p>Thread-safe (stateless).
 */
public final class SampleArticles {
  /** When {@link #bridgeVote()} was published: Sunday 7 December 2025, 08:05 in New York. */
  public static final Instant BRIDGE_VOTE_PUBLISHED = Instant.parse("2025-12-07T13:05:00Z");

  private SampleArticles() {}

  /**
   * Returns a local-news story with every field set: id {@code a1}, a headline of 64 chars, a dek, a two-paragraph
   * body with a quotation, two authors (one with a profile URL), section Local, two tags, published at
   * {@link #BRIDGE_VOTE_PUBLISHED} and updated an hour later, a canonical URL, a lead image, US English.
   *
   * @return a new builder holding the story
   */
  public static Article.Builder bridgeVote() {
    return Article.builder()
        .id("a1")
        .headline("City Council Approves Harbor Bridge Repairs After Two-Year Delay")
        .dek("The $84 million plan closes one lane at a time.")
        .bodyHtml("<p>The council voted 7 to 2 on Sunday.</p>"
            + "<p>&ldquo;We could not wait,&rdquo; said Ruth Okafor.</p>")
        .author(new Author("Dana Whitfield", URI.create("https://news.example.com/staff/dana-whitfield")))
        .author("Luis Ortega")
        .section("Local")
        .tag("Infrastructure")
        .tag("City Council")
        .status(ArticleStatus.PUBLISHED)
        .publishedAt(BRIDGE_VOTE_PUBLISHED)
        .updatedAt(BRIDGE_VOTE_PUBLISHED.plusSeconds(3600))
        .canonicalUrl("https://news.example.com/local/harbor-bridge-vote")
        .leadImage(new LeadImage(URI.create("https://img.example.com/bridge.jpg"), "The Harbor Bridge at dusk",
            "Ana Lima"))
        .language(Locale.US);
  }

  /**
   * Returns the smallest visible article: an id, a headline, {@link ArticleStatus#PUBLISHED} at a time; empty
   * body, no byline, section or tags.
   *
   * @param id the article id
   * @param headline the headline
   * @param publishedAt when it went live (visible from then on)
   * @return a new builder holding the article
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code id} or {@code headline} is not a valid id or headline
   */
  public static Article.Builder published(String id, String headline, Instant publishedAt) {
    return Article.builder()
        .id(id)
        .headline(headline)
        .status(ArticleStatus.PUBLISHED)
        .publishedAt(Objects.requireNonNull(publishedAt, "publishedAt"));
  }
}
