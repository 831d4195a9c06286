package dev.masthead.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.masthead.comments.spam.DuplicateStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 10's "recent entries forgotten", on Redis under memory pressure: with the {@code volatile-ttl} policy the
 * README recommends, a Redis too small for every fingerprint evicts the oldest ones, and a duplicate of a recent
 * comment is still caught.
 */
class RedisEvictionTest {
  private static final Duration RETENTION = Duration.ofHours(24);

  private RedisServer redis;
  private RedisConnection connection;

  @BeforeEach
  void start() {
    redis = RedisServer.start("--maxmemory", "6mb", "--maxmemory-policy", "volatile-ttl");
    // a bulk load on a busy machine: semantics here, not latency, so a generous command timeout
    connection = RedisConnection.builder().uri(redis.uri()).commandTimeout(Duration.ofSeconds(10)).build();
  }

  @AfterEach
  void stop() {
    if (connection != null) {
      connection.close();
    }
    if (redis != null) {
      redis.close();
    }
  }

  @Test
  void aRecentDuplicateIsCaughtAfterRedisEvictedForMemory() {
    DuplicateStore store = RedisCommentStores.builder(connection).build().duplicates();
    feed(store, 102_000);
    List<String> recent = feed(store, 1_000);
    feed(store, 2_000);
    long evicted = Long.parseLong(redis.command("INFO", "stats").lines()
        .filter(l -> l.startsWith("evicted_keys:")).findFirst().orElseThrow().substring("evicted_keys:".length()).strip());
    assertThat(evicted).as("Redis had to evict: the test is about a full store").isGreaterThan(10_000);
    List<CompletableFuture<Boolean>> again = new ArrayList<>();
    for (String f : recent) {
      again.add(store.seenBefore(f, Instant.EPOCH, RETENTION).toCompletableFuture());
    }
    assertThat(again.stream().filter(f -> f.orTimeout(30, TimeUnit.SECONDS).join()).count()).isEqualTo(1_000);
  }

  private static List<String> feed(DuplicateStore store, int n) {
    List<String> all = new ArrayList<>(n);
    List<CompletableFuture<Boolean>> batch = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String f = UUID.randomUUID().toString().replace("-", "");
      all.add(f);
      batch.add(store.seenBefore(f, Instant.EPOCH, RETENTION).toCompletableFuture());
      if (batch.size() == 200 || i == n - 1) {
        batch.forEach(b -> assertThat(b.orTimeout(30, TimeUnit.SECONDS).join()).isFalse());
        batch.clear();
      }
    }
    return all;
  }
}
