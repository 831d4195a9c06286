package dev.masthead.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArticleLookupTest {

  @Test
  void findsEveryArticleOfTheCatalogByIdAndNothingElse() {
    Article bridge = SampleArticles.bridgeVote().build();
    Article other = SampleArticles.bridgeVote().id("a2").build();
    ArticleLookup lookup = ArticleLookup.of(List.of(bridge, other));

    assertThat(lookup.find(new ArticleId("a1"))).contains(bridge);
    assertThat(lookup.find(new ArticleId("a2"))).contains(other);
    assertThat(lookup.find(new ArticleId("a3"))).isEmpty();
  }

  @Test
  void keepsEveryArticleOpenForCommentsUnlessTheHostSaysOtherwise() {
    Article bridge = SampleArticles.bridgeVote().build();
    assertThat(ArticleLookup.of(List.of(bridge)).commentsOpen(bridge)).isTrue();
    ArticleLookup lambda = id -> java.util.Optional.empty();
    assertThat(lambda.commentsOpen(bridge)).isTrue();
  }

  @Test
  void copiesTheCatalogSoLaterChangesAreNotSeen() {
    List<Article> catalog = new ArrayList<>(List.of(SampleArticles.bridgeVote().build()));
    ArticleLookup lookup = ArticleLookup.of(catalog);
    catalog.add(SampleArticles.bridgeVote().id("a2").build());

    assertThat(lookup.find(new ArticleId("a2"))).isEmpty();
  }

  @Test
  void refusesTwoArticlesWithOneIdNamingIt() {
    Article bridge = SampleArticles.bridgeVote().build();
    Article sameId = SampleArticles.bridgeVote().headline("Another story").build();

    assertThatThrownBy(() -> ArticleLookup.of(List.of(bridge, sameId)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("a1");
  }
}
