package dev.masthead.comments;

import dev.masthead.core.Article;
import dev.masthead.core.ArticleId;
import dev.masthead.core.ArticleLookup;
import dev.masthead.testing.SampleArticles;
import dev.masthead.testing.SampleComments;
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

  static final Map<String, Article> ARTICLES = Map.of(
      OPEN_ARTICLE, published(OPEN_ARTICLE, NOW.minus(Duration.ofDays(2))),
      CLOSED_ARTICLE, published(CLOSED_ARTICLE, NOW.minus(Duration.ofDays(2))),
      OLD_ARTICLE, published(OLD_ARTICLE, NOW.minus(Duration.ofDays(30))));

  static final Map<String, ParentLookup.Parent> PARENTS = Map.of(
      "c1", new ParentLookup.Parent(ArticleId.of(OPEN_ARTICLE), true, 1),
      "c-held", new ParentLookup.Parent(ArticleId.of(OPEN_ARTICLE), false, 1),
      "c-deep", new ParentLookup.Parent(ArticleId.of(OPEN_ARTICLE), true, 5),
      "c-other", new ParentLookup.Parent(ArticleId.of(OLD_ARTICLE), true, 1));

  /** The catalog; the host has closed comments on {@link #CLOSED_ARTICLE}. */
  static final ArticleLookup ARTICLE_LOOKUP = new ArticleLookup() {
    @Override
    public Optional<Article> find(ArticleId id) {
      return Optional.ofNullable(ARTICLES.get(id.value()));
    }

    @Override
    public boolean commentsOpen(Article article) {
      return !article.id().value().equals(CLOSED_ARTICLE);
    }
  };
  static final ParentLookup PARENT_LOOKUP = id -> Optional.ofNullable(PARENTS.get(id));

  private Fixtures() {}

  static Article published(String id, Instant publishedAt) {
    return SampleArticles.published(id, "Story " + id, publishedAt).build();
  }

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

  /** A submission every default rule accepts: {@link SampleComments#reply()} on the open article. */
  static CommentSubmission.Builder valid() {
    SampleComments.Reply reply = SampleComments.reply();
    return CommentSubmission.builder()
        .articleId(OPEN_ARTICLE)
        .authorName(reply.authorName())
        .authorEmail(reply.authorEmail())
        .authorUrl(reply.authorUrl())
        .content(reply.content())
        .ipAddress(reply.ipAddress())
        .userAgent(reply.userAgent())
        .referrer(reply.referrer());
  }
}
