package dev.masthead.related;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RelatedConfigTest {

  @Test
  void defaultsAreTheDocumentedConstants() {
    RelatedConfig d = RelatedConfig.defaults();
    assertThat(d.headlineBoost()).isEqualTo(RelatedConfig.DEFAULT_HEADLINE_BOOST).isEqualTo(3.0);
    assertThat(d.dekBoost()).isEqualTo(RelatedConfig.DEFAULT_DEK_BOOST).isEqualTo(1.5);
    assertThat(d.bodyBoost()).isEqualTo(RelatedConfig.DEFAULT_BODY_BOOST).isEqualTo(1.0);
    assertThat(d.textWeight()).isEqualTo(RelatedConfig.DEFAULT_TEXT_WEIGHT).isEqualTo(1.0);
    assertThat(d.tagWeight()).isEqualTo(RelatedConfig.DEFAULT_TAG_WEIGHT).isEqualTo(0.5);
    assertThat(d.sectionWeight()).isEqualTo(RelatedConfig.DEFAULT_SECTION_WEIGHT).isEqualTo(0.05);
    assertThat(d.bylineWeight()).isEqualTo(RelatedConfig.DEFAULT_BYLINE_WEIGHT).isEqualTo(0.2);
    assertThat(d.timeProximityWeight()).isEqualTo(RelatedConfig.DEFAULT_TIME_PROXIMITY_WEIGHT).isEqualTo(0.5);
    assertThat(d.timeProximityHalfLife()).isEqualTo(RelatedConfig.DEFAULT_TIME_PROXIMITY_HALF_LIFE)
        .isEqualTo(Duration.ofDays(60));
    assertThat(d.minScore()).isEqualTo(RelatedConfig.DEFAULT_MIN_SCORE).isEqualTo(0.1);
    assertThat(d.maxQueryTerms()).isEqualTo(RelatedConfig.DEFAULT_MAX_QUERY_TERMS).isEqualTo(25);
    assertThat(d.cacheMaximumSize()).isEqualTo(RelatedConfig.DEFAULT_CACHE_MAXIMUM_SIZE).isEqualTo(10_000);
    assertThat(d.cacheExpireAfterWrite()).isEqualTo(RelatedConfig.DEFAULT_CACHE_EXPIRE_AFTER_WRITE)
        .isEqualTo(Duration.ofMinutes(1));
    assertThat(RelatedConfig.builder().build()).isEqualTo(d).hasSameHashCodeAs(d);
  }

  @Test
  void toBuilderCopiesEveryValue() {
    RelatedConfig c = RelatedConfig.builder().headlineBoost(2).dekBoost(1).bodyBoost(0.5).textWeight(0.8)
        .tagWeight(0.4).sectionWeight(0.02).bylineWeight(0.1).timeProximityWeight(1)
        .timeProximityHalfLife(Duration.ofDays(30)).minScore(0.2).maxQueryTerms(40).cacheMaximumSize(0)
        .cacheExpireAfterWrite(Duration.ofSeconds(10)).build();
    assertThat(c.toBuilder().build()).isEqualTo(c).isNotEqualTo(RelatedConfig.defaults());
    assertThat(c.toBuilder().minScore(0.3).build()).isNotEqualTo(c);
    assertThat(c.toString()).contains("minScore=0.2", "maxQueryTerms=40", "PT720H");
  }

  @Test
  void rejectsBadValuesAtOnceNamingThem() {
    assertThatThrownBy(() -> RelatedConfig.builder().minScore(-1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("minScore");
    assertThatThrownBy(() -> RelatedConfig.builder().headlineBoost(Double.NaN))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("headlineBoost");
    assertThatThrownBy(() -> RelatedConfig.builder().tagWeight(Double.POSITIVE_INFINITY))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tagWeight");
    assertThatThrownBy(() -> RelatedConfig.builder().maxQueryTerms(0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxQueryTerms");
    assertThatThrownBy(() -> RelatedConfig.builder().maxQueryTerms(RelatedConfig.MAX_QUERY_TERMS_LIMIT + 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxQueryTerms");
    assertThatThrownBy(() -> RelatedConfig.builder().cacheMaximumSize(-1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cacheMaximumSize");
    assertThatThrownBy(() -> RelatedConfig.builder().cacheExpireAfterWrite(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cacheExpireAfterWrite");
    assertThatThrownBy(() -> RelatedConfig.builder().timeProximityHalfLife(Duration.ofMillis(999)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("timeProximityHalfLife");
  }

  @Test
  void rejectsCombinationsThatCouldNeverRelateAnything() {
    assertThatThrownBy(() -> RelatedConfig.builder().textWeight(0).tagWeight(0).sectionWeight(0).bylineWeight(0)
        .build()).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> RelatedConfig.builder().headlineBoost(0).dekBoost(0).bodyBoost(0).build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("textWeight");
    assertThat(RelatedConfig.builder().headlineBoost(0).dekBoost(0).bodyBoost(0).textWeight(0).build().tagWeight())
        .isEqualTo(0.5);
  }
}
