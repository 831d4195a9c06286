package dev.masthead.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.masthead.core.ArticleId;
import dev.masthead.ranking.EngagementEvent;
import dev.masthead.ranking.RankingEngine;
import dev.masthead.redis.RedisServer;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Flush timers and the store's availability on Redis, through an outage of a redis-server this test kills. */
class MastheadRedisMetricsTest {
  @Test
  void aRedisOutageShowsAsFailedBatchesAnUnavailableStoreAndBufferedEvents() {
    try (RedisServer redis = RedisServer.start()) {
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class,
              CompositeMeterRegistryAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class,
              MastheadMetricsAutoConfiguration.class))
          .withConfiguration(MastheadAutoConfigurationTest.MASTHEAD)
          .withPropertyValues("masthead.redis.uri=" + redis.uri(),
              "masthead.redis.ranking-namespace=ns" + UUID.randomUUID(),
              "masthead.spam.stores.site-secret=" + MastheadRedisAutoConfigurationTest.SITE_SECRET,
              "masthead.ranking.flush-interval=1m", "masthead.ranking.store-timeout=200ms")
          .run(context -> {
            assertThat(context).hasNotFailed();
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            RankingEngine engine = context.getBean(RankingEngine.class);
            engine.record(EngagementEvent.view(ArticleId.of("a1"), Instant.now()));
            assertThat(engine.flush()).isTrue();
            assertThat(registry.get("masthead.ranking.store.batches").tag("result", "delivered").timer().count())
                .isEqualTo(1);

            redis.kill(); // the stats meters are read from here on (one snapshot serves them for a second)
            engine.record(EngagementEvent.view(ArticleId.of("a1"), Instant.now()));
            assertThat(engine.flush()).isFalse();
            assertThat(registry.get("masthead.ranking.store.batches").tag("result", "failed").timer().count())
                .isEqualTo(1);
            assertThat(registry.get("masthead.ranking.flushes").tag("result", "incomplete").timer().count())
                .isEqualTo(1);
            assertThat(registry.get("masthead.ranking.store.available").gauge().value()).isZero();
            assertThat(registry.get("masthead.ranking.store.cells").gauge().value()).isNaN();
            assertThat(registry.get("masthead.ranking.events.buffered").gauge().value()).isEqualTo(1);
            assertThat(registry.get("masthead.ranking.events.dropped").functionCounter().count()).isZero();
          });
    }
  }
}
