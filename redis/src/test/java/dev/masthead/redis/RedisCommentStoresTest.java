package dev.masthead.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.masthead.comments.spam.ApprovedAuthors;
import dev.masthead.comments.spam.contract.ApprovedAuthorsContract;
import dev.masthead.comments.spam.DuplicateStore;
import dev.masthead.comments.spam.contract.DuplicateStoreContract;
import dev.masthead.comments.spam.FloodStore;
import dev.masthead.comments.spam.contract.FloodStoreContract;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The comments module's store contracts, run on the Redis stores against a real {@code redis-server} this test
 * starts. Redis ages keys by its own clock, so {@code letTimePass} waits for real (under a second per test).
 */
class RedisCommentStoresTest {
  private static RedisServer redis;
  private static RedisConnection connection;

  @BeforeAll
  static void startRedis() {
    redis = RedisServer.start();
    // the contracts are about semantics, not latency: a generous command timeout for a busy machine
    connection = RedisConnection.builder().uri(redis.uri()).commandTimeout(Duration.ofSeconds(10)).build();
  }

  @AfterAll
  static void stopRedis() {
    if (connection != null) {
      connection.close();
    }
    if (redis != null) {
      redis.close();
    }
  }

  /** Stores in a namespace of their own, so that no two tests see each other's keys. */
  static RedisCommentStores freshStores() {
    return RedisCommentStores.builder(connection).namespace("test:" + UUID.randomUUID()).build();
  }

  static void waitFor(Duration d) {
    try {
      Thread.sleep(d.toMillis()); // Redis expires keys by its own clock: real time must pass
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Nested
  class Flood extends FloodStoreContract {
    @Override
    protected FloodStore newStore() {
      return freshStores().flood();
    }

    @Override
    protected void letTimePass(Duration d) {
      waitFor(d);
    }
  }

  @Nested
  class Duplicates extends DuplicateStoreContract {
    @Override
    protected DuplicateStore newStore() {
      return freshStores().duplicates();
    }

    @Override
    protected void letTimePass(Duration d) {
      waitFor(d);
    }
  }

  @Nested
  class Authors extends ApprovedAuthorsContract {
    @Override
    protected ApprovedAuthors newStore() {
      return freshStores().approvedAuthors();
    }

    @Override
    protected void letTimePass(Duration d) {
      waitFor(d);
    }
  }

  @Test
  void keysAreFingerprintsUnderTheNamespaceHashTagAndEveryKeyHasATtl() {
    RedisCommentStores stores = RedisCommentStores.builder(connection).namespace("site-a").build();
    String fp = "0123456789abcdef0123456789abcdef";
    stores.flood().recordUnlessFlooding(List.of(fp), Instant.EPOCH.plusSeconds(100), Duration.ofSeconds(15),
        Duration.ofSeconds(15)).toCompletableFuture().orTimeout(5, TimeUnit.SECONDS).join();
    stores.duplicates().seenBefore(fp, Instant.EPOCH, Duration.ofHours(1)).toCompletableFuture().join();
    stores.approvedAuthors().approve(fp, Duration.ofDays(1)).toCompletableFuture().join();
    assertThat(redis.command("KEYS", "mh:{site-a}:*").lines().sorted())
        .containsExactly("mh:{site-a}:author:" + fp, "mh:{site-a}:duplicate:" + fp, "mh:{site-a}:flood:" + fp);
    assertThat(redis.command("GET", "mh:{site-a}:flood:" + fp)).isEqualTo("100000");
    assertThat(Long.parseLong(redis.command("PTTL", "mh:{site-a}:flood:" + fp))).isBetween(1L, 15_000L);
    assertThat(Long.parseLong(redis.command("PTTL", "mh:{site-a}:duplicate:" + fp))).isBetween(1L, 3_600_000L);
    assertThat(Long.parseLong(redis.command("PTTL", "mh:{site-a}:author:" + fp))).isBetween(1L, 86_400_000L);
  }

  @Test
  void theFloodScriptRunsAgainAfterRedisForgotIt() {
    FloodStore flood = freshStores().flood();
    String a = UUID.randomUUID().toString();
    assertThat(flood.recordUnlessFlooding(List.of(a), Instant.EPOCH, Duration.ofSeconds(15), Duration.ofMinutes(1))
        .toCompletableFuture().join()).isEmpty();
    redis.command("SCRIPT", "FLUSH");
    assertThat(flood.recordUnlessFlooding(List.of(a), Instant.EPOCH.plusSeconds(1), Duration.ofSeconds(15),
        Duration.ofMinutes(1)).toCompletableFuture().join()).contains(Instant.EPOCH);
  }

  @Test
  void refusesANamespaceThatWouldBreakTheHashTag() {
    assertThatThrownBy(() -> RedisCommentStores.builder(connection).namespace("a}b"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("namespace");
    assertThatThrownBy(() -> RedisCommentStores.builder(connection).namespace(""))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RedisCommentStores.builder(connection).namespace("x".repeat(65)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
