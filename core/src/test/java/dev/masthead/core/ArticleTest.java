package dev.masthead.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class ArticleTest {

  @Test
  void buildsArticleWithEveryField() {
    Article a = SampleArticles.bridgeVote().build();
    assertThat(a.id()).isEqualTo(ArticleId.of("a1"));
    assertThat(a.slug()).isEqualTo("city-council-approves-harbor-bridge-repairs-after-two-year-delay");
    assertThat(a.authors()).extracting(Author::name).containsExactly("Dana Whitfield", "Luis Ortega");
    assertThat(a.section()).isEqualTo(new Section("local", "Local"));
    assertThat(a.tags()).extracting(Tag::slug).containsExactly("infrastructure", "city-council");
    assertThat(a.leadImage().credit()).isEqualTo("Ana Lima");
    assertThat(a.language()).isEqualTo(Locale.US);
  }

  @Test
  void derivesSlugFromHeadlineUnlessSet() {
    assertThat(SampleArticles.bridgeVote().slug("bridge").build().slug()).isEqualTo("bridge");
  }

  @Test
  void reportsMissingIdByName() {
    assertThatThrownBy(() -> Article.builder().headline("x").build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("Article.id");
  }

  @Test
  void reportsMissingHeadlineByName() {
    assertThatThrownBy(() -> Article.builder().id("a").build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("Article.headline");
  }

  @Test
  void rejectsBadValuesAtOnceNamingThem() {
    Article.Builder b = Article.builder();
    assertThatThrownBy(() -> b.headline("   ")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("headline");
    assertThatThrownBy(() -> b.headline("x".repeat(501))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("headline");
    assertThatThrownBy(() -> b.dek("x".repeat(2001))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dek");
    assertThatThrownBy(() -> b.slug("Not A Slug")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("slug");
    assertThatThrownBy(() -> b.slug("double--hyphen")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.canonicalUrl("javascript:alert(1)")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("canonicalUrl");
    assertThatThrownBy(() -> b.canonicalUrl("/relative/path")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("canonicalUrl");
    assertThatThrownBy(() -> b.canonicalUrl("http://bad host/")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("canonicalUrl");
    assertThatThrownBy(() -> b.id("")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ArticleId");
    assertThatThrownBy(() -> b.id("a\u0000b")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("control");
    assertThatThrownBy(() -> b.status(null)).isInstanceOf(NullPointerException.class).hasMessageContaining("status");
    assertThatThrownBy(() -> b.author("")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Author.name");
    assertThatThrownBy(() -> new LeadImage(URI.create("ftp://x.example/a.jpg"), "", null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("LeadImage.url");
  }

  @Test
  void refusesPublishedArticleWithoutPublicationTime() {
    assertThatThrownBy(() -> SampleArticles.bridgeVote().publishedAt(null).updatedAt(null).build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("publishedAt");
  }

  @Test
  void refusesUpdateBeforePublication() {
    assertThatThrownBy(() -> SampleArticles.bridgeVote().updatedAt(SampleArticles.PUBLISHED.minusSeconds(1)).build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("updatedAt");
  }

  @Test
  void keepsFirstOfTagsWithTheSameSlug() {
    Article a = SampleArticles.bridgeVote().tags(List.of(Tag.of("Climate Change"), Tag.of("climate change"))).build();
    assertThat(a.tags()).containsExactly(Tag.of("Climate Change"));
  }

  @Test
  void copiesCollectionsSoCallersCannotChangeThem() {
    List<Tag> tags = new java.util.ArrayList<>(List.of(Tag.of("A")));
    Article a = SampleArticles.bridgeVote().tags(tags).build();
    tags.add(Tag.of("B"));
    assertThat(a.tags()).hasSize(1);
    assertThatThrownBy(() -> a.tags().add(Tag.of("C"))).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void publishedArticleIsVisibleFromItsPublicationTimeOn() {
    Article a = SampleArticles.bridgeVote().build();
    assertThat(a.isVisibleAt(SampleArticles.PUBLISHED.minusNanos(1))).isFalse();
    assertThat(a.isVisibleAt(SampleArticles.PUBLISHED)).isTrue();
    assertThat(a.isVisibleAt(SampleArticles.PUBLISHED.plus(Duration.ofDays(3650)))).isTrue();
  }

  @Test
  void scheduledArticleBecomesVisibleWhenItsTimeComes() {
    Article a = SampleArticles.bridgeVote().status(ArticleStatus.SCHEDULED).build();
    assertThat(a.isVisibleAt(SampleArticles.PUBLISHED.minusSeconds(1))).isFalse();
    assertThat(a.isVisibleAt(SampleArticles.PUBLISHED)).isTrue();
  }

  @Test
  void draftsAndUnpublishedArticlesAreNeverVisible() {
    Instant later = SampleArticles.PUBLISHED.plusSeconds(10);
    assertThat(SampleArticles.bridgeVote().status(ArticleStatus.DRAFT).build().isVisibleAt(later)).isFalse();
    assertThat(SampleArticles.bridgeVote().status(ArticleStatus.UNPUBLISHED).build().isVisibleAt(later)).isFalse();
    assertThat(SampleArticles.bridgeVote().status(ArticleStatus.DRAFT).publishedAt(null).updatedAt(null).build()
        .isVisibleAt(later)).isFalse();
  }

  @Test
  void toBuilderMakesAnEqualCopy() {
    Article a = SampleArticles.bridgeVote().build();
    assertThat(a.toBuilder().build()).isEqualTo(a);
    assertThat(a.toBuilder().headline("New").build().headline()).isEqualTo("New");
  }

  @Test
  void printsDatelineInTheArticleLanguageAndNewsroomZone() {
    Article a = SampleArticles.bridgeVote().publishedAt(Instant.parse("2025-12-08T03:00:00Z")).updatedAt(null).build();
    assertThat(a.dateline(ZoneId.of("America/New_York"))).contains("Sunday, December 7, 2025");
    assertThat(a.dateline(ZoneId.of("Europe/Berlin"))).contains("Monday, December 8, 2025");
    assertThat(SampleArticles.bridgeVote().status(ArticleStatus.DRAFT).publishedAt(null).updatedAt(null).build()
        .dateline(ZoneId.of("UTC"))).isEmpty();
  }

  @Test
  void toStringLeavesOutTheBody() {
    Article a = SampleArticles.bridgeVote().bodyHtml("<p>secret draft text</p>").build();
    assertThat(a.toString()).contains("a1").doesNotContain("secret draft text");
  }

  @Test
  void rejectsAHeadlineOfInvisibleCharactersOnly() {
    assertThatThrownBy(() -> Article.builder().headline("\u200b\u2800\u0301"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("blank");
  }

  @Test
  void regressionRejectsTimesNoDatelineCanPrint() {
    assertThatThrownBy(() -> Article.builder().publishedAt(Instant.MAX)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("publishedAt");
    assertThatThrownBy(() -> Article.builder().updatedAt(Instant.MIN)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("updatedAt");
    Article far = SampleArticles.bridgeVote().publishedAt(Instant.parse("9999-12-31T00:00:00Z")).updatedAt(null).build();
    assertThat(far.dateline(ZoneId.of("UTC"))).contains("Friday, December 31, 9999");
  }
}
