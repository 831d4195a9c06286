package dev.masthead.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.masthead.comments.CommentSubmission;
import dev.masthead.comments.CommentValidator;
import dev.masthead.comments.ValidationResult;
import dev.masthead.comments.spam.SpamContext;
import dev.masthead.comments.spam.SpamFilter;
import dev.masthead.core.Article;
import dev.masthead.core.ArticleLookup;
import dev.masthead.micrometer.CacheMetrics;
import dev.masthead.micrometer.CommentValidationMetrics;
import dev.masthead.micrometer.RankingMetrics;
import dev.masthead.micrometer.SpamFilterMetrics;
import dev.masthead.ranking.EngagementEvent;
import dev.masthead.ranking.RankingEngine;
import dev.masthead.ranking.RankingQuery;
import dev.masthead.related.RelatedArticles;
import dev.masthead.testing.SampleArticles;
import dev.masthead.testing.SampleComments;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class MastheadMetricsAutoConfigurationTest {
  static final Article ARTICLE = SampleArticles.bridgeVote().build();

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class,
          CompositeMeterRegistryAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class,
          MastheadMetricsAutoConfiguration.class))
      .withConfiguration(MastheadAutoConfigurationTest.MASTHEAD)
      .withBean(ArticleLookup.class, () -> ArticleLookup.of(List.of(ARTICLE)));

  @Test
  void withARegistryEveryModuleReportsItsMeters() {
    runner.run(context -> {
      assertThat(context).hasNotFailed().hasSingleBean(SpamFilterMetrics.class)
          .hasSingleBean(CommentValidationMetrics.class).hasSingleBean(RankingMetrics.class);
      MeterRegistry registry = context.getBean(MeterRegistry.class);
      SampleComments.Reply r = SampleComments.reply();
      ValidationResult result = context.getBean(CommentValidator.class).validate(CommentSubmission.builder()
          .articleId(ARTICLE.id().value()).authorName(r.authorName()).authorEmail(r.authorEmail())
          .content(r.content()).ipAddress(r.ipAddress()).userAgent(r.userAgent()).submittedAt(Instant.now()).build());
      context.getBean(SpamFilter.class).check(((ValidationResult.Valid) result).comment(), SpamContext.EMPTY);
      RankingEngine engine = context.getBean(RankingEngine.class);
      engine.record(EngagementEvent.view(ARTICLE.id(), Instant.now()));
      engine.flush();
      engine.top(RankingQuery.top(RankingQuery.Window.lastHours(24), 5));
      RelatedArticles related = context.getBean(RelatedArticles.class);
      related.put(ARTICLE);
      related.related(ARTICLE.id(), 5);

      assertThat(registry.get("masthead.comments.validations").tag("result", "valid").counter().count())
          .isEqualTo(1);
      assertThat(registry.get("masthead.spam.verdicts").tag("decision", "approve").timer().count()).isEqualTo(1);
      assertThat(registry.get("masthead.spam.checks").tags("check", "honeypot", "outcome", "clean").timer().count())
          .isEqualTo(1);
      assertThat(registry.get("masthead.ranking.events").tags("outcome", "accepted").functionCounter().count())
          .isEqualTo(1);
      assertThat(registry.get("masthead.ranking.store.cells").gauge().value()).isPositive();
      assertThat(registry.get("masthead.ranking.flushes").tag("result", "complete").timer().count()).isPositive();
      assertThat(registry.get("masthead.related.queries").tag("cache", "miss").timer().count()).isEqualTo(1);
      assertThat(registry.get("cache.gets").tags("cache", CacheMetrics.RANKING_RESULTS, "result", "miss").counter()
          .count()).isEqualTo(1);
      assertThat(registry.get("cache.gets").tags("cache", CacheMetrics.RELATED_RESULTS, "result", "miss").counter()
          .count()).isEqualTo(1);
    });
  }

  @Test
  void withoutARegistryNoBinderIsMade() {
    new ApplicationContextRunner().withConfiguration(MastheadAutoConfigurationTest.MASTHEAD)
        .withConfiguration(AutoConfigurations.of(MastheadMetricsAutoConfiguration.class))
        .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(SpamFilterMetrics.class)
            .hasSingleBean(SpamFilter.class));
  }

  @Test
  void withoutMastheadMicrometerTheModulesStillStart() {
    runner.withClassLoader(new FilteredClassLoader("dev.masthead.micrometer")).run(context ->
        assertThat(context).hasNotFailed().hasSingleBean(RankingEngine.class).doesNotHaveBean("mastheadRankingMetrics"));
  }

  @Test
  void aHostsOwnBinderWins() {
    SpamFilterMetrics own = new SpamFilterMetrics();
    runner.withBean("hostSpamMetrics", SpamFilterMetrics.class, () -> own).run(context ->
        assertThat(context.getBean(SpamFilterMetrics.class)).isSameAs(own));
  }
}
