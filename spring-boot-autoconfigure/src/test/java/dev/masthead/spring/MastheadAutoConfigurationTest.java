package dev.masthead.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.masthead.comments.CommentPolicy;
import dev.masthead.comments.CommentValidator;
import dev.masthead.comments.spam.FormTokens;
import dev.masthead.comments.spam.SpamCheck;
import dev.masthead.comments.spam.SpamClassifier;
import dev.masthead.comments.spam.SpamFilter;
import dev.masthead.core.ArticleLookup;
import dev.masthead.ranking.InMemoryCounterStore;
import dev.masthead.ranking.RankingConfig;
import dev.masthead.ranking.RankingEngine;
import dev.masthead.related.RelatedArticles;
import dev.masthead.related.RelatedConfig;
import dev.masthead.redis.RedisConnection;
import dev.masthead.testing.SampleArticles;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

class MastheadAutoConfigurationTest {
  static final AutoConfigurations MASTHEAD = AutoConfigurations.of(MastheadRedisAutoConfiguration.class,
      MastheadRedisStoresAutoConfiguration.class, MastheadCommentsAutoConfiguration.class,
      MastheadRankingAutoConfiguration.class, MastheadRelatedAutoConfiguration.class);

  private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(MASTHEAD);

  @Configuration(proxyBeanMethods = false)
  static class Catalog {
    @Bean
    ArticleLookup articles() {
      return ArticleLookup.of(List.of(SampleArticles.bridgeVote().build()));
    }
  }

  @Test
  void defaultsMakeEveryModuleBeanInMemory() {
    runner.withUserConfiguration(Catalog.class).run(context -> {
      assertThat(context).hasNotFailed()
          .hasSingleBean(CommentPolicy.class).hasSingleBean(CommentValidator.class)
          .hasSingleBean(SpamFilter.class).hasSingleBean(RankingEngine.class)
          .hasSingleBean(InMemoryCounterStore.class).hasSingleBean(RelatedArticles.class)
          .doesNotHaveBean(RedisConnection.class).doesNotHaveBean(FormTokens.class)
          .doesNotHaveBean(SpamClassifier.class).doesNotHaveBean(RankingSnapshots.class);
      assertThat(context.getBean(CommentPolicy.class).toString()).isEqualTo(CommentPolicy.defaults().toString());
      assertThat(context.getBean(RankingConfig.class)).isEqualTo(RankingConfig.defaults());
      assertThat(context.getBean(RelatedConfig.class)).isEqualTo(RelatedConfig.defaults());
      assertThat(context.getBean(SpamFilter.class).checks()).extracting(SpamCheck::name)
          .contains("honeypot", "flood", "duplicate", "links", "heuristics")
          .doesNotContain("token", "classifier", "akismet", "terms");
    });
  }

  @Test
  void withoutAnArticleLookupTheValidatorBacksOffAndTheRestStays() {
    runner.run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(CommentValidator.class)
        .hasSingleBean(SpamFilter.class).hasSingleBean(RankingEngine.class));
  }

  @Configuration(proxyBeanMethods = false)
  static class HostBeans {
    static final RankingConfig CONFIG = new RankingConfig(Duration.ofMinutes(5), Duration.ofDays(10),
        Duration.ofMinutes(30), Duration.ofMinutes(1), dev.masthead.ranking.Scoring.defaults(), Duration.ZERO,
        Duration.ZERO, 1_000, null, List.of(), Duration.ofMillis(200), 1_024, 10_000, Duration.ofMillis(100));

    @Bean
    RankingConfig hostRankingConfig() {
      return CONFIG;
    }

    @Bean
    CommentPolicy hostPolicy() {
      return CommentPolicy.builder().maxReplyDepth(2).build();
    }
  }

  @Test
  void aHostsConfigurationBeansWinOverTheProperties() {
    runner.withUserConfiguration(HostBeans.class).withPropertyValues("masthead.ranking.retention=20d",
        "masthead.comments.max-reply-depth=9").run(context -> {
          assertThat(context).hasNotFailed().hasSingleBean(RankingConfig.class).hasSingleBean(CommentPolicy.class);
          assertThat(context.getBean(RankingEngine.class).config()).isEqualTo(HostBeans.CONFIG);
          assertThat(context.getBean(CommentPolicy.class).maxReplyDepth()).isEqualTo(2);
        });
  }

  @Test
  void propertiesBindToEachModulesConfiguration() {
    runner.withUserConfiguration(Catalog.class).withPropertyValues(
        "masthead.comments.max-reply-depth=3",
        "masthead.comments.close-after=30d",
        "masthead.comments.missing-scheme=add-https",
        "masthead.ranking.retention=20d",
        "masthead.ranking.result-cache-ttl=5s",
        "masthead.ranking.weights.VIEW=1",
        "masthead.ranking.weights.COMMENT=20",
        "masthead.ranking.tracked-windows=1d,7d",
        "masthead.related.tag-weight=0.8",
        "masthead.related.cache-expire-after-write=10s",
        "masthead.spam.link-limit=0",
        "masthead.spam.honeypot=false",
        "masthead.spam.form-token.secret=0123456789abcdef0123456789abcdef").run(context -> {
          assertThat(context).hasNotFailed();
          CommentPolicy policy = context.getBean(CommentValidator.class).policy();
          assertThat(policy.maxReplyDepth()).isEqualTo(3);
          assertThat(policy.closeCommentsAfter()).contains(Duration.ofDays(30));
          assertThat(policy.missingScheme()).isEqualTo(CommentPolicy.MissingScheme.ADD_HTTPS);
          RankingConfig ranking = context.getBean(RankingEngine.class).config();
          assertThat(ranking.retention()).isEqualTo(Duration.ofDays(20));
          assertThat(ranking.resultCacheTtl()).isEqualTo(Duration.ofSeconds(5));
          assertThat(ranking.scoring().weights()).hasSize(2);
          assertThat(ranking.trackedWindows()).containsExactly(Duration.ofDays(1), Duration.ofDays(7));
          RelatedConfig related = context.getBean(RelatedArticles.class).config();
          assertThat(related.tagWeight()).isEqualTo(0.8);
          assertThat(related.cacheExpireAfterWrite()).isEqualTo(Duration.ofSeconds(10));
          assertThat(context).hasSingleBean(FormTokens.class);
          assertThat(context.getBean(SpamFilter.class).checks()).extracting(SpamCheck::name)
              .contains("token").doesNotContain("links", "honeypot");
        });
  }

  @Test
  void anOutOfRangePropertyFailsTheStartNamingTheValue() {
    runner.withPropertyValues("masthead.ranking.flush-interval=5m").run(context ->
        assertThat(context).hasFailed().getFailure().rootCause().hasMessageContaining("flush"));
  }

  @Test
  void aShortFormTokenSecretFailsTheStartNamingTheProperty() {
    runner.withPropertyValues("masthead.spam.form-token.secret=short").run(context ->
        assertThat(context).hasFailed().getFailure().rootCause()
            .hasMessageContaining("masthead.spam.form-token.secret"));
  }

  @Test
  void termListsAreReadFromResources() {
    runner.withPropertyValues("masthead.spam.terms.disallowed=classpath:masthead/disallowed.txt",
        "masthead.spam.terms.moderation=classpath:masthead/moderation.txt").run(context -> {
          SpamFilter filter = context.getBean(SpamFilter.class);
          assertThat(filter.checks()).extracting(SpamCheck::name).contains("terms");
          assertThat(filter.check(MastheadRedisAutoConfigurationTest.comment("a@example.com", "203.0.113.1",
              "buy cheap pills now", java.time.Instant.now()), dev.masthead.comments.spam.SpamContext.EMPTY)
              .decision()).isEqualTo(dev.masthead.comments.spam.Decision.SPAM);
          assertThat(filter.check(MastheadRedisAutoConfigurationTest.comment("b@example.com", "203.0.113.2",
              "the casino by the harbor", java.time.Instant.now()), dev.masthead.comments.spam.SpamContext.EMPTY)
              .decision()).isEqualTo(dev.masthead.comments.spam.Decision.HOLD);
        });
  }

  @Test
  void aMissingTermListFailsTheStartNamingTheProperty() {
    runner.withPropertyValues("masthead.spam.terms.disallowed=classpath:masthead/no-such-list.txt").run(context ->
        assertThat(context).hasFailed().getFailure().hasStackTraceContaining("cannot read masthead.spam.terms.disallowed"));
  }

  @Test
  void akismetNeedsTheBlogAndIsAddedLast() {
    runner.withPropertyValues("masthead.spam.akismet.api-key=abc123").run(context ->
        assertThat(context).hasFailed().getFailure().rootCause().hasMessageContaining("masthead.spam.akismet.blog"));
    runner.withPropertyValues("masthead.spam.akismet.api-key=abc123", "masthead.spam.akismet.blog=https://news.example.com")
        .run(context -> assertThat(context.getBean(SpamFilter.class).checks()).last().extracting(SpamCheck::name)
            .isEqualTo("akismet"));
  }

  @Test
  void aHostsSpamCheckBeanIsAddedAndACustomizerRunsLast() {
    SpamCheck own = new SpamCheck() {
      @Override
      public String name() {
        return "house-rules";
      }

      @Override
      public List<dev.masthead.comments.spam.Signal> check(dev.masthead.comments.Comment comment,
          dev.masthead.comments.spam.SpamContext context) {
        return List.of();
      }
    };
    runner.withBean("houseRules", SpamCheck.class, () -> own)
        .withBean(SpamFilterCustomizer.class, () -> b -> b.check(dev.masthead.comments.spam.SpamChecks.links(5)))
        .run(context -> assertThat(context).hasFailed().getFailure()
            .hasStackTraceContaining("a check named 'links' was already added")); // the customizer saw the built-ins
    runner.withBean("houseRules", SpamCheck.class, () -> own)
        .withPropertyValues("masthead.spam.link-limit=0")
        .withBean(SpamFilterCustomizer.class, () -> b -> b.check(dev.masthead.comments.spam.SpamChecks.links(5)))
        .run(context -> assertThat(context.getBean(SpamFilter.class).checks()).extracting(SpamCheck::name)
            .contains("house-rules", "links"));
  }
}
