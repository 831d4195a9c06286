package dev.masthead.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.masthead.core.BackendUnavailableException;
import io.lettuce.core.ScriptOutputType;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RedisConnectionTest {
  @RegisterExtension
  static final SharedRedis REDIS = new SharedRedis();

  @BeforeEach
  void emptyRedis() {
    if (!REDIS.server().isRunning()) {
      REDIS.server().restart();
    }
    REDIS.server().command("FLUSHALL");
  }

  @Test
  void builderRefusesBadValuesNamingThem() {
    assertThatThrownBy(() -> RedisConnection.builder().uri("http://x"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("uri");
    assertThatThrownBy(() -> RedisConnection.builder().commandTimeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("commandTimeout");
    assertThatThrownBy(() -> RedisConnection.builder().requestQueueSize(0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("requestQueueSize");
    assertThatThrownBy(() -> RedisConnection.builder().clusterSeeds(List.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("clusterSeeds");
    assertThatThrownBy(() -> RedisConnection.builder().build())
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> RedisConnection.builder().uri(REDIS.server().uri()).clusterSeeds(List.of(REDIS.server().uri())).build())
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aMalformedUriIsRefusedWithoutThePasswordInTheMessageOrACause() {
    for (String uri : List.of("redis://user:s3cretpw@ho st:6379", "rediss://:s3cretpw@[::1:6379",
        "redis://:s3cretpw@host:99999", "redis://:s3cretpw@host:6379/notadb")) {
      assertThatThrownBy(() -> RedisConnection.builder().uri(uri)).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("not a Redis URI").hasMessageNotContaining("s3cretpw").hasNoCause();
      assertThatThrownBy(() -> RedisConnection.builder().clusterSeeds(List.of(uri)))
          .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("s3cretpw").hasNoCause();
    }
  }

  @Test
  void anUnreachableServerFailsTheBuildWithoutThePassword() {
    RedisServer doomed = RedisServer.start();
    String uri = "redis://:s3cret@127.0.0.1:" + doomed.port();
    doomed.close();
    assertThatThrownBy(() -> RedisConnection.builder().uri(uri).connectTimeout(Duration.ofMillis(300)).build())
        .isInstanceOf(BackendUnavailableException.class)
        .hasMessageContaining("127.0.0.1:" + doomed.port())
        .hasMessageNotContaining("s3cret");
  }

  @Test
  void runsAScriptAgainAfterTheServerForgetsIt() throws Exception {
    try (RedisConnection c = RedisConnection.builder().uri(REDIS.server().uri()).build()) {
      RedisScript script = new RedisScript("return redis.call('INCRBY', KEYS[1], ARGV[1])");
      assertThat(script.<Long>run(c.commands(), ScriptOutputType.INTEGER, new String[] {"{t}k"}, "2")
          .get(2, TimeUnit.SECONDS)).isEqualTo(2L);
      REDIS.server().command("SCRIPT", "FLUSH");
      assertThat(script.<Long>run(c.commands(), ScriptOutputType.INTEGER, new String[] {"{t}k"}, "3")
          .get(2, TimeUnit.SECONDS)).isEqualTo(5L);
      assertThat(REDIS.server().command("SCRIPT", "EXISTS", script.sha1())).isEqualTo("1");
    }
  }

  @Test
  void rejectsCommandsAtOnceWhileTheServerIsDownAndRecoversAfterItReturns() throws Exception {
    try (RedisConnection c = RedisConnection.builder().uri(REDIS.server().uri()).commandTimeout(Duration.ofMillis(300))
        .build()) {
      REDIS.server().kill();
      long waitUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (c.isConnected() && System.nanoTime() < waitUntil) {
        Thread.sleep(10); // waiting for Lettuce to notice the reset
      }
      CompletableFuture<String> f = c.commands().set("{t}a", "1").toCompletableFuture();
      // At once: the command has failed when the call returns, without waiting for any timeout.
      assertThat(f).isCompletedExceptionally();
      assertThatThrownBy(() -> f.get(2, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class);

      REDIS.server().restart();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
      String reply = null;
      while (reply == null && System.nanoTime() < deadline) {
        try {
          reply = c.commands().set("{t}a", "2").get(1, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
          Thread.sleep(20); // reconnecting
        }
      }
      assertThat(reply).isEqualTo("OK");
      assertThat(REDIS.server().command("GET", "{t}a")).isEqualTo("2");
    }
  }

  @Test
  void aCommandWhoseReplyIsLostIsNotSentTwice() throws Exception {
    try (ReplyDroppingProxy proxy = ReplyDroppingProxy.start(REDIS.server().port());
        RedisConnection c = RedisConnection.builder().uri(proxy.uri()).build()) {
      assertThat(c.commands().incr("{t}n").get(1, TimeUnit.SECONDS)).isEqualTo(1L);
      proxy.dropReplyOfNext("INCR");
      CompletableFuture<Long> lost = c.commands().incr("{t}n").toCompletableFuture();
      assertThatThrownBy(() -> lost.get(2, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class);
      assertThat(proxy.droppedReplies()).isEqualTo(1);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
      while (!c.isConnected() && System.nanoTime() < deadline) {
        Thread.sleep(10); // reconnecting
      }
      Thread.sleep(200); // time for a replay, if Lettuce did one
      assertThat(REDIS.server().command("GET", "{t}n")).isEqualTo("2"); // executed once, never re-sent
    }
  }

  @Test
  void clusterOfThreeMastersRunsAScriptOnTheSlotOfItsHashTag() throws Exception {
    try (RedisCluster cluster = RedisCluster.start();
        RedisConnection c = RedisConnection.builder().clusterSeeds(cluster.seeds()).build()) {
      assertThat(c.isCluster()).isTrue();
      RedisScript script = new RedisScript(
          "redis.call('SET', KEYS[1], ARGV[1]); return redis.call('INCR', KEYS[2])");
      for (String tag : List.of("a", "b", "c", "news", "sport")) {
        String[] keys = {"{" + tag + "}x", "{" + tag + "}y"};
        assertThat(script.<Long>run(c.commands(), ScriptOutputType.INTEGER, keys, "v").get(2, TimeUnit.SECONDS))
            .isEqualTo(1L);
      }
      long withKeys = cluster.nodes().stream().filter(n -> !"0".equals(n.command("DBSIZE"))).count();
      assertThat(withKeys).isGreaterThan(1); // the tags landed on more than one master
    }
  }
}
