package dev.masthead.related;

import static dev.masthead.related.Articles.NOW;
import static dev.masthead.related.Articles.published;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.masthead.core.Article;
import dev.masthead.core.ArticleId;
import dev.masthead.core.ArticleStatus;
import dev.masthead.core.Tag;
import dev.masthead.related.RelatedArticle.Basis;
import dev.masthead.testing.TestClock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class RelatedArticlesTest {
  private final TestClock clock = new TestClock(NOW);
  private final RelatedArticles related = RelatedArticles.builder().clock(clock).build();

  private static ArticleId id(String value) {
    return ArticleId.of(value);
  }

  private List<String> ids(List<RelatedArticle> results) {
    return results.stream().map(r -> r.article().id().value()).toList();
  }

  @Test
  void ranksTheArticleSharingHeadlineTermsFirstAndExplainsTheMatch() {
    related.put(published("budget", "City council passes the harbour budget", 1)
        .dek("Councillors voted nine to two for the harbour plan.").build());
    related.put(published("budget-2", "Harbour budget vote splits the city council", 3).build());
    related.put(published("match", "United win the derby in extra time", 2).build());
    related.put(published("weather", "Storm warning for the coast this weekend", 2).build());

    List<RelatedArticle> results = related.related(id("budget"), 5);

    assertThat(results.get(0).article().id()).isEqualTo(id("budget-2"));
    assertThat(results.get(0).basis()).isEqualTo(Basis.CONTENT);
    assertThat(results.get(0).matchingTerms()).contains("harbour", "budget", "council", "city");
    assertThat(results.get(0).explanation()).contains("matching terms: ");
    assertThat(results.subList(1, results.size())).allSatisfy(r -> assertThat(r.basis()).isNotEqualTo(Basis.CONTENT));
  }

  @Test
  void matchesInflectedFormsThroughStemming() {
    related.put(published("a", "Elections in the north", 1).language(Locale.ENGLISH).build());
    related.put(published("b", "An election nobody expected", 2).language(Locale.ENGLISH).build());
    related.put(published("c", "Gardening tips for spring", 2).language(Locale.ENGLISH).build());

    RelatedArticle first = related.related(id("a"), 1).get(0);

    assertThat(first.article().id()).isEqualTo(id("b"));
    assertThat(first.basis()).isEqualTo(Basis.CONTENT);
    assertThat(first.matchingTerms()).containsExactly("election");
  }

  @Test
  void relatesChineseArticlesThroughCharacterBigrams() {
    Locale zh = Locale.CHINESE;
    related.put(published("zh-1", "北京举行马拉松比赛", 1).language(zh).build());
    related.put(published("zh-2", "上海马拉松比赛报名开始", 2).language(zh).build());
    related.put(published("zh-3", "股市今天大幅上涨", 3).language(zh).build());

    RelatedArticle first = related.related(id("zh-1"), 1).get(0);

    assertThat(first.article().id()).isEqualTo(id("zh-2"));
    assertThat(first.basis()).isEqualTo(Basis.CONTENT);
    assertThat(first.matchingTerms()).contains("马拉", "拉松", "比赛");
  }

  @Test
  void sharedTagsRaiseTheScoreAndAreExplained() {
    related.put(published("s", "Museum reopens after renovation", 1).tag("Arts").tag("Heritage").build());
    related.put(published("t", "New opera season announced", 2).tag("Heritage").build());
    related.put(published("u", "Transit fares rise in April", 2).build());

    RelatedArticle first = related.related(id("s"), 2).get(0);

    assertThat(first.article().id()).isEqualTo(id("t"));
    assertThat(first.basis()).isEqualTo(Basis.CONTENT);
    assertThat(first.sharedTags()).containsExactly(Tag.of("Heritage"));
    // one shared tag out of 2 and 1: 0.5 × 1 / sqrt(2); no text in common; a day apart: × (1 + 0.5 × 0.5^(1/60))
    assertThat(first.score()).isCloseTo(0.5 / Math.sqrt(2) * (1 + 0.5 * Math.pow(0.5, 1 / 60.0)),
        org.assertj.core.data.Offset.offset(1e-9));
    assertThat(first.explanation()).isEqualTo("shared tags: Heritage");
  }

  @Test
  void sameSectionBreaksAnEqualTextMatch() {
    related.put(published("p", "Bridge repairs delayed again", 1).section("Local").build());
    related.put(published("q", "Bridge repairs begin", 2).section("Local").build());
    related.put(published("r", "Bridge repairs begin", 2).section("Business").build());

    List<RelatedArticle> results = related.related(id("p"), 2);

    assertThat(ids(results)).containsExactly("q", "r"); // r would win the tie on id, but q is in the same section
    assertThat(results.get(0).sameSection()).isTrue();
    double proximity = 1 + 0.5 * Math.pow(0.5, 1 / 60.0); // both a day from the subject
    assertThat(results.get(0).score() - results.get(1).score())
        .isCloseTo(0.05 * proximity, org.assertj.core.data.Offset.offset(1e-9));
  }

  @Test
  void prefersTheArticlePublishedCloserToTheSubject() {
    related.put(published("subject", "Dam inspection finds cracks", 100).build());
    related.put(published("then", "Dam inspection finds cracks", 101).build());
    related.put(published("now", "Dam inspection finds cracks", 1).build());

    List<RelatedArticle> results = related.related(id("subject"), 2);

    assertThat(ids(results)).containsExactly("then", "now"); // "now" would win a tie: it is newer
    assertThat(results.get(0).score()).isGreaterThan(results.get(1).score());
  }

  @Test
  void breaksTiesByNewerThenById() {
    RelatedArticles related = RelatedArticles.builder().clock(clock)
        .config(RelatedConfig.builder().timeProximityWeight(0).build()).build();
    related.put(published("subject", "Library extends opening hours", 1).build());
    related.put(published("b-old", "Library extends opening hours", 9).build());
    related.put(published("c-new", "Library extends opening hours", 3).build());
    related.put(published("a-new", "Library extends opening hours", 3).build());

    List<RelatedArticle> results = related.related(id("subject"), 3);

    assertThat(ids(results)).containsExactly("a-new", "c-new", "b-old");
    assertThat(results.get(0).score()).isEqualTo(results.get(2).score());
  }

  @Test
  void neverReturnsTheSubjectAnExcludedOrAnInvisibleArticle() {
    related.put(published("subject", "Ferry strike ends", 1).build());
    related.put(published("excluded", "Ferry strike ends after talks", 1).build());
    related.put(published("draft", "Ferry strike ends", 1).status(ArticleStatus.DRAFT).build());
    related.put(published("unpublished", "Ferry strike ends", 1).status(ArticleStatus.UNPUBLISHED).build());
    related.put(published("future", "Ferry strike ends", -1).build());
    related.put(published("ok", "Ferry timetable changes", 4).build());

    List<RelatedArticle> results = related.related(
        RelatedQuery.forArticle(id("subject")).limit(10).exclude(id("excluded")).build());

    assertThat(ids(results)).containsExactly("ok");
  }

  @Test
  void showsAScheduledArticleOnceItsTimeHasComeAndTheCacheHasExpired() {
    related.put(published("subject", "Harvest festival programme", 1).build());
    related.put(published("scheduled", "Harvest festival programme unveiled", 0)
        .status(ArticleStatus.SCHEDULED).publishedAt(NOW.plus(Duration.ofHours(1))).build());

    assertThat(related.related(id("subject"), 5)).isEmpty();

    clock.advance(Duration.ofHours(2));

    assertThat(ids(related.related(id("subject"), 5))).containsExactly("scheduled");
  }

  @Test
  void fallsBackToRecentArticlesOfTheSectionThenOfTheIndex() {
    related.put(published("subject", "Quantum sensors map underground rivers", 1).section("Science").build());
    related.put(published("sci-old", "Telescope time awarded", 20).section("Science").build());
    related.put(published("sci-new", "Bird migration arrives early", 5).section("Science").build());
    related.put(published("pol-newest", "Mayor announces cabinet", 0).section("Politics").build());
    related.put(published("pol-old", "Parliament recess begins", 30).section("Politics").build());

    List<RelatedArticle> results = related.related(id("subject"), 4);

    assertThat(ids(results)).containsExactly("sci-new", "sci-old", "pol-newest", "pol-old");
    assertThat(results).extracting(RelatedArticle::basis).containsExactly(
        Basis.RECENT_IN_SECTION, Basis.RECENT_IN_SECTION, Basis.RECENT, Basis.RECENT);
    assertThat(results.get(0).explanation()).isEqualTo("recent in the same section");
  }

  @Test
  void fillsTheBoxAfterTheContentMatches() {
    related.put(published("subject", "Rail strike called off", 1).section("Transport").build());
    related.put(published("match", "Rail strike talks resume", 10).section("Business").build());
    related.put(published("recent", "Cycle lanes open downtown", 2).section("Transport").build());

    List<RelatedArticle> results = related.related(id("subject"), 5);

    assertThat(ids(results)).containsExactly("match", "recent");
    assertThat(results).extracting(RelatedArticle::basis).containsExactly(Basis.CONTENT, Basis.RECENT_IN_SECTION);
  }

  @Test
  void returnsOnlyContentMatchesWithoutFallback() {
    related.put(published("subject", "Rail strike called off", 1).section("Transport").build());
    related.put(published("recent", "Cycle lanes open downtown", 2).section("Transport").build());

    assertThat(related.related(RelatedQuery.forArticle(id("subject")).fallback(false).build())).isEmpty();
  }

  @Test
  void isEmptyOnlyWhenNoOtherArticleIsVisible() {
    related.put(published("subject", "Only story today", 1).build());
    assertThat(related.related(id("subject"), 5)).isEmpty();

    related.put(published("other", "Unrelated words entirely", 400).build());
    assertThat(ids(related.related(id("subject"), 5))).containsExactly("other");
  }

  @Test
  void returnsNothingForAnArticleTheIndexDoesNotHold() {
    related.put(published("a", "Some story", 1).build());

    assertThat(related.related(id("missing"), 5)).isEmpty();
  }

  @Test
  void answersForAnArticleGivenWholeThatIsNotIndexed() {
    related.put(published("a", "Wildfire smoke closes schools", 1).build());
    related.put(published("b", "Ballet premiere sells out", 1).build());
    Article draft = Article.builder().id("draft-1").headline("Schools reopen as wildfire smoke clears").build();

    List<RelatedArticle> results = related.related(RelatedQuery.forArticle(draft).limit(1).build());

    assertThat(ids(results)).containsExactly("a");
  }

  @Test
  void keepsOnlyArticlesInsideTheWindow() {
    related.put(published("subject", "Drought hits wheat harvest", 0).build());
    related.put(published("old", "Drought hits wheat harvest hard", 40).build());
    related.put(published("recent", "Wheat prices climb", 5).build());

    List<RelatedArticle> results = related.related(
        RelatedQuery.forArticle(id("subject")).maxAge(Duration.ofDays(30)).build());

    assertThat(ids(results)).containsExactly("recent");
  }

  @Test
  void decaysOlderArticlesByHalfLife() {
    related.put(published("subject", "Drought hits wheat harvest", 0).build());
    related.put(published("old", "Drought hits wheat harvest hard", 40).build());
    related.put(published("recent", "Wheat harvest report", 1).build());

    List<RelatedArticle> plain = related.related(RelatedQuery.forArticle(id("subject")).build());
    List<RelatedArticle> decayed = related.related(
        RelatedQuery.forArticle(id("subject")).halfLife(Duration.ofDays(7)).build());

    assertThat(ids(plain)).containsExactly("old", "recent");
    assertThat(ids(decayed).get(0)).isEqualTo("recent");
    assertThat(decayed.get(0).score()).isLessThan(plain.get(1).score());
  }

  @Test
  void seesAnUpdateAtOnceDespiteTheCache() {
    related.put(published("subject", "Tram line extension approved", 1).build());
    related.put(published("other", "Concert review", 1).build());
    assertThat(related.related(id("subject"), 1).get(0).basis()).isEqualTo(Basis.RECENT);

    related.put(published("other", "Tram line extension costs rise", 1).build());

    RelatedArticle first = related.related(id("subject"), 1).get(0);
    assertThat(first.basis()).isEqualTo(Basis.CONTENT);
    assertThat(first.article().headline()).isEqualTo("Tram line extension costs rise");
    assertThat(related.size()).isEqualTo(2);
  }

  @Test
  void forgetsARemovedArticleAtOnceDespiteTheCache() {
    related.put(published("subject", "Tram line extension approved", 1).build());
    related.put(published("other", "Tram line extension costs rise", 1).build());
    assertThat(ids(related.related(id("subject"), 5))).containsExactly("other");

    assertThat(related.remove(id("other"))).isTrue();

    assertThat(related.related(id("subject"), 5)).isEmpty();
    assertThat(related.remove(id("other"))).isFalse();
    assertThat(related.get(id("other"))).isEmpty();
  }

  @Test
  void reusesTheSlotOfARemovedArticle() {
    related.put(published("subject", "Tram line extension approved", 1).build());
    related.put(published("gone", "Tram line extension costs rise", 1).build());
    related.remove(id("gone"));
    related.put(published("new", "Unrelated recipe for soup", 1).build());

    List<RelatedArticle> results = related.related(id("subject"), 5);

    assertThat(ids(results)).containsExactly("new");
    assertThat(results.get(0).basis()).isEqualTo(Basis.RECENT);
    assertThat(results.get(0).matchingTerms()).isEmpty();
  }

  @Test
  void indexesAVeryLongBodyAndAnyUnicode() {
    String body = "<p>" + "flood barrier ".repeat(50_000) + "</p>";
    related.put(published("long", "Barrier \u0000-free? 🌊 Überschwemmung ﷽", 1).bodyHtml(body).build());
    related.put(published("short", "Flood barrier tested", 2).build());

    List<RelatedArticle> results = related.related(id("short"), 5);

    assertThat(ids(results)).containsExactly("long");
    assertThat(results.get(0).matchingTerms()).contains("flood", "barrier");
  }

  @Test
  void usesTheConfigurationItWasGiven() {
    RelatedConfig config = RelatedConfig.builder().minScore(0.3).build();
    assertThat(RelatedArticles.builder().config(config).build().config()).isEqualTo(config);
    assertThat(RelatedArticles.builder().build().config()).isEqualTo(RelatedConfig.defaults());
    assertThatThrownBy(() -> RelatedArticles.builder().config(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void rejectsBadQueriesAtOnce() {
    assertThatThrownBy(() -> related.related(id("a"), 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("limit");
    assertThatThrownBy(() -> RelatedQuery.forArticle(id("a")).limit(RelatedQuery.MAX_LIMIT + 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("limit");
    assertThatThrownBy(() -> RelatedQuery.forArticle(id("a")).maxAge(Duration.ofDays(-1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxAge");
    assertThatThrownBy(() -> RelatedQuery.forArticle(id("a")).halfLife(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("halfLife");
  }
}
