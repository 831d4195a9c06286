package dev.masthead.comments;

import dev.masthead.core.ArticleId;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.Optional;

/** Shared test fixtures: a small catalog, a comment store and a well-formed submission. */
final class Fixtures {
  static final Instant NOW = Instant.parse("2026-03-14T09:26:53Z");
  static final InstantSource CLOCK = InstantSource.fixed(NOW);

  static final String OPEN_ARTICLE = "open-1";
  static final String CLOSED_ARTICLE = "closed-1";
  static final String OLD_ARTICLE = "old-1";

  static final Map<String, ArticleState> ARTICLES = Map.of(
      OPEN_ARTICLE, new ArticleState(true, NOW.minus(Duration.ofDays(2))),
      CLOSED_ARTICLE, new ArticleState(false, NOW.minus(Duration.ofDays(2))),
      OLD_ARTICLE, new ArticleState(true, NOW.minus(Duration.ofDays(30))));

  static final Map<String, ParentLookup.Parent> PARENTS = Map.of(
      "c1", new ParentLookup.Parent(ArticleId.of(OPEN_ARTICLE), true, 1),
      "c-held", new ParentLookup.Parent(ArticleId.of(OPEN_ARTICLE), false, 1),
      "c-deep", new ParentLookup.Parent(ArticleId.of(OPEN_ARTICLE), true, 5),
      "c-other", new ParentLookup.Parent(ArticleId.of(OLD_ARTICLE), true, 1));

  static final ArticleLookup ARTICLE_LOOKUP = id -> Optional.ofNullable(ARTICLES.get(id.value()));
  static final ParentLookup PARENT_LOOKUP = id -> Optional.ofNullable(PARENTS.get(id));

  private Fixtures() {}

  static CommentValidator validator() {
    return validator(CommentPolicy.defaults());
  }

  static CommentValidator validator(CommentPolicy policy) {
    return CommentValidator.builder()
        .policy(policy)
        .articles(ARTICLE_LOOKUP)
        .parents(PARENT_LOOKUP)
        .clock(CLOCK)
        .build();
  }

  /** A submission every default rule accepts. */
  static CommentSubmission.Builder valid() {
    return CommentSubmission.builder()
        .articleId(OPEN_ARTICLE)
        .authorName("Ada Lovelace")
        .authorEmail("ada@example.org")
        .authorUrl("https://example.org/ada")
        .content("A fine report, thank you.")
        .ipAddress("203.0.113.7")
        .userAgent("Mozilla/5.0 (X11; Linux x86_64)")
        .referrer("https://news.example.com/2026/03/a-story");
  }
}
