package dev.masthead.comments;

import static org.assertj.core.api.Assertions.assertThat;

import dev.masthead.core.Article;
import dev.masthead.core.ArticleStatus;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ArticleStateTest {
  private static final Instant NOW = Instant.parse("2026-03-14T09:00:00Z");

  private static Article article(ArticleStatus status, Instant publishedAt) {
    return Article.builder().id("a-1").headline("Council passes the budget").bodyHtml("<p>Body.</p>")
        .status(status).publishedAt(publishedAt).build();
  }

  @Test
  void openForAPublishedArticleTheHostOpens() {
    Instant published = NOW.minus(Duration.ofDays(1));
    ArticleState state = ArticleState.of(article(ArticleStatus.PUBLISHED, published), true, NOW);
    assertThat(state.commentsOpen()).isTrue();
    assertThat(state.published()).contains(published);
  }

  @Test
  void closedWhenTheHostClosesIt() {
    assertThat(ArticleState.of(article(ArticleStatus.PUBLISHED, NOW.minusSeconds(60)), false, NOW).commentsOpen())
        .isFalse();
  }

  @Test
  void closedUntilAScheduledArticleGoesLive() {
    Article scheduled = article(ArticleStatus.SCHEDULED, NOW.plus(Duration.ofHours(2)));
    assertThat(ArticleState.of(scheduled, true, NOW).commentsOpen()).isFalse();
    assertThat(ArticleState.of(scheduled, true, NOW.plus(Duration.ofHours(3))).commentsOpen()).isTrue();
  }
}
