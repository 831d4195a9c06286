package dev.masthead.related;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class RelatedArticlesListenerTest {
  @Test
  void theListenerHearsEachQueryWithItsResultsAndWhetherItWasCached() {
    List<String> heard = new CopyOnWriteArrayList<>();
    RelatedArticles related = RelatedArticles.builder().clock(InstantSource.fixed(Articles.NOW))
        .listener((elapsed, results, cached) -> heard.add(results + (cached ? " cached" : " computed"))).build();
    related.put(Articles.published("a1", "Harbor bridge repairs approved", 2).build());
    related.put(Articles.published("a2", "Harbor bridge lane closures begin", 1).build());
    int first = related.related(dev.masthead.core.ArticleId.of("a1"), 5).size();
    related.related(dev.masthead.core.ArticleId.of("a1"), 5);
    assertThat(heard).containsExactly(first + " computed", first + " cached");
  }

  @Test
  void aThrowingListenerChangesNoResult() {
    RelatedArticles.Listener broken = new RelatedArticles.Listener() {
      @Override
      public void queried(Duration elapsed, int results, boolean cached) {
        throw new IllegalStateException("metrics down");
      }
    };
    RelatedArticles related = RelatedArticles.builder().clock(InstantSource.fixed(Articles.NOW)).listener(broken)
        .build();
    related.put(Articles.published("a1", "Harbor bridge repairs approved", 2).build());
    related.put(Articles.published("a2", "Harbor bridge lane closures begin", 1).build());
    assertThat(related.related(dev.masthead.core.ArticleId.of("a1"), 5)).extracting(r -> r.article().id().value())
        .containsExactly("a2");
  }
}
