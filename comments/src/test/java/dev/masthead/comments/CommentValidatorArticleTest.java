package dev.masthead.comments;

import static org.assertj.core.api.Assertions.assertThat;

import dev.masthead.core.Article;
import dev.masthead.core.ArticleId;
import dev.masthead.core.ArticleLookup;
import dev.masthead.core.ArticleStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How the validator reads the core {@link ArticleLookup}: visibility, the host's comment status, age. */
class CommentValidatorArticleTest {
  private static final Instant NOW = Instant.parse("2026-03-14T09:00:00Z");

  private static Article article(String id, ArticleStatus status, Instant publishedAt) {
    return Article.builder().id(id).headline("Council passes the budget").bodyHtml("<p>Body.</p>")
        .status(status).publishedAt(publishedAt).build();
  }

  private static List<ErrorCode> codes(CommentValidator validator, String articleId, Instant at) {
    ValidationResult result = validator.validate(Fixtures.valid().articleId(articleId).submittedAt(at).build());
    return result instanceof ValidationResult.Invalid invalid
        ? invalid.errors().stream().map(FieldError::code).toList()
        : List.of();
  }

  @Test
  void acceptsAReplyOnAPublishedArticleOfAnInMemoryCatalog() {
    CommentValidator validator = CommentValidator.builder()
        .articles(ArticleLookup.of(List.of(article("a-1", ArticleStatus.PUBLISHED, NOW.minusSeconds(60)))))
        .build();
    assertThat(codes(validator, "a-1", NOW)).isEmpty();
  }

  @Test
  void treatsAScheduledArticleAsNotFoundUntilItGoesLive() {
    Article scheduled = article("a-1", ArticleStatus.SCHEDULED, NOW.plus(Duration.ofHours(2)));
    CommentValidator validator = CommentValidator.builder().articles(ArticleLookup.of(List.of(scheduled))).build();

    assertThat(codes(validator, "a-1", NOW)).containsExactly(ErrorCode.ARTICLE_NOT_FOUND);
    assertThat(codes(validator, "a-1", NOW.plus(Duration.ofHours(3)))).isEmpty();
  }

  @Test
  void treatsADraftAsNotFound() {
    Article draft = Article.builder().id("a-1").headline("Not yet").build();
    CommentValidator validator = CommentValidator.builder().articles(ArticleLookup.of(List.of(draft))).build();
    assertThat(codes(validator, "a-1", NOW)).containsExactly(ErrorCode.ARTICLE_NOT_FOUND);
  }

  @Test
  void refusesAReplyWhenTheHostClosedCommentsOnAVisibleArticle() {
    Article open = article("a-1", ArticleStatus.PUBLISHED, NOW.minusSeconds(60));
    Article closed = article("a-2", ArticleStatus.PUBLISHED, NOW.minusSeconds(60));
    ArticleLookup catalog = ArticleLookup.of(List.of(open, closed));
    CommentValidator validator = CommentValidator.builder()
        .articles(new ArticleLookup() {
          @Override
          public Optional<Article> find(ArticleId id) {
            return catalog.find(id);
          }

          @Override
          public boolean commentsOpen(Article article) {
            return !article.equals(closed);
          }
        })
        .build();

    assertThat(codes(validator, "a-1", NOW)).isEmpty();
    assertThat(codes(validator, "a-2", NOW)).containsExactly(ErrorCode.ARTICLE_CLOSED);
  }
}
