package dev.masthead.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.masthead.comments.ClientInfo;
import dev.masthead.comments.Comment;
import dev.masthead.comments.SafeHtml;
import dev.masthead.comments.spam.ApprovedAuthors;
import dev.masthead.comments.spam.Decision;
import dev.masthead.comments.spam.DuplicateStore;
import dev.masthead.comments.spam.FloodStore;
import dev.masthead.comments.spam.Refusal;
import dev.masthead.comments.spam.SpamContext;
import dev.masthead.comments.spam.SpamFilter;
import dev.masthead.comments.spam.Verdict;
import dev.masthead.core.ArticleId;
import dev.masthead.ranking.CounterStore;
import dev.masthead.ranking.EngagementEvent;
import dev.masthead.ranking.InMemoryCounterStore;
import dev.masthead.ranking.RankingEngine;
import dev.masthead.ranking.RankingQuery;
import dev.masthead.ranking.RecordResult;
import dev.masthead.ranking.VisitorMemory;
import dev.masthead.redis.RedisConnection;
import dev.masthead.redis.RedisCounterStore;
import dev.masthead.redis.RedisServer;
import dev.masthead.redis.RedisVisitorMemory;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The Redis switch, against a real redis-server this test starts (masthead-redis's test harness). */
class MastheadRedisAutoConfigurationTest {
  static final String SITE_SECRET = "the site secret, same on each server";
  static final Instant T0 = Instant.parse("2026-03-02T18:00:00Z");

  private static RedisServer redis;

  @BeforeAll
  static void startRedis() {
    redis = RedisServer.start();
  }

  @AfterAll
  static void stopRedis() {
    if (redis != null) {
      redis.close();
    }
  }

  private static ApplicationContextRunner site(String namespace) {
    return new ApplicationContextRunner().withConfiguration(MastheadAutoConfigurationTest.MASTHEAD)
        .withPropertyValues("masthead.redis.uri=" + redis.uri(),
            "masthead.redis.ranking-namespace=" + namespace,
            "masthead.redis.comments-namespace=" + namespace + ":comments",
            "masthead.spam.stores.site-secret=" + SITE_SECRET,
            "masthead.ranking.result-cache-ttl=0s");
  }

  static Comment comment(String email, String ip, String text, Instant at) {
    return new Comment(ArticleId.of("harbor-bridge"), null, "Reader", email, (URI) null, SafeHtml.sanitize(text),
        text, List.of(), new ClientInfo(ip, "Mozilla/5.0", null), at);
  }

  @Test
  void aRedisUriSwitchesEveryStoreToRedis() {
    site("ns" + UUID.randomUUID()).run(context -> {
      assertThat(context).hasNotFailed().hasSingleBean(RedisConnection.class)
          .doesNotHaveBean(InMemoryCounterStore.class).doesNotHaveBean(RankingSnapshots.class)
          .hasSingleBean(FloodStore.class).hasSingleBean(DuplicateStore.class).hasSingleBean(ApprovedAuthors.class);
      assertThat(context.getBean(CounterStore.class)).isInstanceOf(RedisCounterStore.class);
      assertThat(context.getBean(VisitorMemory.class)).isInstanceOf(RedisVisitorMemory.class);
      assertThat(context.getBean(RankingEngine.class).counterStore()).isSameAs(context.getBean(CounterStore.class));
    });
  }

  @Test
  void withoutAUriTheStoresStayInMemoryEvenWithTheRedisModulePresent() {
    new ApplicationContextRunner().withConfiguration(MastheadAutoConfigurationTest.MASTHEAD).run(context ->
        assertThat(context).hasNotFailed().doesNotHaveBean(RedisConnection.class).doesNotHaveBean(FloodStore.class)
            .hasSingleBean(InMemoryCounterStore.class));
  }

  @Test
  void sharedCommentMemoryWithoutASiteSecretFailsTheStartNamingTheProperty() {
    new ApplicationContextRunner().withConfiguration(MastheadAutoConfigurationTest.MASTHEAD)
        .withPropertyValues("masthead.redis.uri=" + redis.uri()).run(context ->
            assertThat(context).hasFailed().getFailure().rootCause()
                .hasMessageContaining("masthead.spam.stores.site-secret"));
  }

  @Test
  void aHostsOwnRedisConnectionIsUsedWithoutAUri() {
    new ApplicationContextRunner().withConfiguration(MastheadAutoConfigurationTest.MASTHEAD)
        .withPropertyValues("masthead.spam.stores.site-secret=" + SITE_SECRET)
        .withBean(RedisConnection.class, () -> RedisConnection.builder().uri(redis.uri()).build())
        .run(context -> {
          assertThat(context).hasNotFailed().hasSingleBean(RedisConnection.class);
          assertThat(context.getBean(CounterStore.class)).isInstanceOf(RedisCounterStore.class);
        });
  }

  @Test
  void twoSitesOnOneRedisRefuseAFloodSplitAcrossThem() {
    String ns = "ns" + UUID.randomUUID();
    site(ns).run(a -> site(ns).run(b -> {
      SpamFilter first = a.getBean(SpamFilter.class);
      SpamFilter second = b.getBean(SpamFilter.class);
      assertThat(first.check(comment("x@example.com", "203.0.113.9", "first remark", T0), SpamContext.EMPTY)
          .decision()).isEqualTo(Decision.APPROVE);
      Verdict flood = second.check(comment("y@example.com", "203.0.113.9", "second remark", T0.plusSeconds(5)),
          SpamContext.EMPTY);
      assertThat(flood.refused()).contains(Refusal.FLOOD);
    }));
  }

  @Test
  void twoSitesOnOneRedisShareTheirCounts() {
    String ns = "ns" + UUID.randomUUID();
    site(ns).run(a -> site(ns).run(b -> {
      RankingEngine one = a.getBean(RankingEngine.class);
      RankingEngine other = b.getBean(RankingEngine.class);
      Instant now = Instant.now();
      assertThat(one.record(EngagementEvent.view(ArticleId.of("a1"), now))).isEqualTo(RecordResult.ACCEPTED);
      assertThat(one.record(EngagementEvent.view(ArticleId.of("a1"), now))).isEqualTo(RecordResult.ACCEPTED);
      assertThat(other.record(EngagementEvent.view(ArticleId.of("a2"), now))).isEqualTo(RecordResult.ACCEPTED);
      assertThat(one.flush()).isTrue();
      assertThat(other.flush()).isTrue();
      assertThat(other.top(RankingQuery.top(RankingQuery.Window.lastHours(24), 5)).articleIds())
          .containsExactly(ArticleId.of("a1"), ArticleId.of("a2"));
    }));
  }

  @Test
  void closingTheContextFlushesBufferedCountsToRedis() {
    String ns = "ns" + UUID.randomUUID();
    Instant now = Instant.now();
    site(ns).withPropertyValues("masthead.ranking.flush-interval=1m").run(a ->
        a.getBean(RankingEngine.class).record(EngagementEvent.view(ArticleId.of("a9"), now)));
    site(ns).run(b -> assertThat(b.getBean(RankingEngine.class)
        .top(RankingQuery.top(RankingQuery.Window.lastHours(24), 5)).articleIds()).containsExactly(ArticleId.of("a9")));
  }
}
