package dev.masthead.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.masthead.core.Article;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SampleArticlesTest {

  @Test
  void bridgeVoteHasEveryFieldAndIsVisibleFromItsPublication() {
    Article a = SampleArticles.bridgeVote().build();
    assertThat(a.dek()).isNotNull();
    assertThat(a.authors()).hasSize(2);
    assertThat(a.section()).isNotNull();
    assertThat(a.tags()).hasSize(2);
    assertThat(a.canonicalUrl()).isNotNull();
    assertThat(a.leadImage()).isNotNull();
    assertThat(a.updatedAt()).isAfter(a.publishedAt());
    assertThat(a.isVisibleAt(SampleArticles.BRIDGE_VOTE_PUBLISHED)).isTrue();
    assertThat(a.isVisibleAt(SampleArticles.BRIDGE_VOTE_PUBLISHED.minusSeconds(1))).isFalse();
  }

  @Test
  void publishedArticleIsVisibleFromItsTime() {
    Instant at = Instant.parse("2026-03-02T12:00:00Z");
    Article a = SampleArticles.published("b7", "Ferry strike ends", at).build();
    assertThat(a.id().value()).isEqualTo("b7");
    assertThat(a.slug()).isEqualTo("ferry-strike-ends");
    assertThat(a.isVisibleAt(at)).isTrue();
    assertThat(a.isVisibleAt(at.minusMillis(1))).isFalse();
  }
}
