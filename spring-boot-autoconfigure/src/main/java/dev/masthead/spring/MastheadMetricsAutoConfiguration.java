package dev.masthead.spring;

import dev.masthead.comments.CommentValidator;
import dev.masthead.micrometer.CacheMetrics;
import dev.masthead.micrometer.CommentValidationMetrics;
import dev.masthead.micrometer.RankingFlushMetrics;
import dev.masthead.micrometer.RankingMetrics;
import dev.masthead.micrometer.RelatedMetrics;
import dev.masthead.micrometer.SpamFilterMetrics;
import dev.masthead.ranking.RankingEngine;
import dev.masthead.related.RelatedArticles;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Masthead's metrics, when {@code masthead-micrometer} is on the class path and the application has a
 * {@link MeterRegistry} (Spring Boot Actuator's, or the host's): the {@code masthead-micrometer} binders as
 * {@code MeterBinder} beans, which Boot binds to the registry, attached to the module beans through customizers
 * ({@link CommentValidatorCustomizer}, {@link SpamFilterCustomizer}, {@link RankingEngineCustomizer},
 * {@link RelatedArticlesCustomizer}); the ranking and related result caches report through Micrometer's Caffeine
 * binder as caches {@value CacheMetrics#RANKING_RESULTS} and {@value CacheMetrics#RELATED_RESULTS}. A host's
 * own binder bean of a type wins over the one made here.
 */
@AutoConfiguration(
    after = {MastheadCommentsAutoConfiguration.class, MastheadRankingAutoConfiguration.class,
        MastheadRelatedAutoConfiguration.class},
    afterName = {"org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration"})
@ConditionalOnClass({MeterRegistry.class, CacheMetrics.class})
@ConditionalOnBean(MeterRegistry.class)
public class MastheadMetricsAutoConfiguration {

  /** Creates the configuration (Spring calls it). */
  public MastheadMetricsAutoConfiguration() {}

  /** The comment and spam binders. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(CommentValidator.class)
  static class Comments {
    @Bean
    @ConditionalOnMissingBean
    CommentValidationMetrics mastheadCommentValidationMetrics() {
      return new CommentValidationMetrics();
    }

    @Bean
    CommentValidatorCustomizer mastheadCommentValidationMetricsCustomizer(CommentValidationMetrics metrics) {
      return b -> b.listener(metrics);
    }

    @Bean
    @ConditionalOnMissingBean
    SpamFilterMetrics mastheadSpamFilterMetrics() {
      return new SpamFilterMetrics();
    }

    @Bean
    SpamFilterCustomizer mastheadSpamFilterMetricsCustomizer(SpamFilterMetrics metrics) {
      return b -> b.listener(metrics);
    }
  }

  /** The ranking binders. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(RankingEngine.class)
  static class Ranking {
    @Bean
    @ConditionalOnMissingBean
    RankingFlushMetrics mastheadRankingFlushMetrics() {
      return new RankingFlushMetrics();
    }

    @Bean
    RankingEngineCustomizer mastheadRankingMetricsCustomizer(RankingFlushMetrics metrics, MeterRegistry registry) {
      return b -> b.listener(metrics).recordCacheStats(CacheMetrics.statsCounter(registry,
          CacheMetrics.RANKING_RESULTS));
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(RankingEngine.class)
    RankingMetrics mastheadRankingMetrics(RankingEngine engine) {
      return new RankingMetrics(engine);
    }
  }

  /** The related-posts binder. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(RelatedArticles.class)
  static class Related {
    @Bean
    @ConditionalOnMissingBean
    RelatedMetrics mastheadRelatedMetrics() {
      return new RelatedMetrics();
    }

    @Bean
    RelatedArticlesCustomizer mastheadRelatedMetricsCustomizer(RelatedMetrics metrics, MeterRegistry registry) {
      return b -> b.listener(metrics).recordCacheStats(CacheMetrics.statsCounter(registry,
          CacheMetrics.RELATED_RESULTS));
    }
  }
}
