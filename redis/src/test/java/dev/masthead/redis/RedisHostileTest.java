package dev.masthead.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.masthead.comments.Comment;
import dev.masthead.comments.spam.Decision;
import dev.masthead.comments.spam.SpamChecks;
import dev.masthead.comments.spam.SpamChecks.StoreSettings;
import dev.masthead.comments.spam.SpamContext;
import dev.masthead.comments.spam.SpamFilter;
import dev.masthead.comments.spam.Verdict;
import dev.masthead.core.ArticleId;
import dev.masthead.core.BackendUnavailableException;
import dev.masthead.ranking.CounterStore.Batch;
import dev.masthead.ranking.CounterStore.Tally;
import dev.masthead.ranking.EngagementEvent;
import dev.masthead.ranking.Ranking;
import dev.masthead.ranking.RankingConfig;
import dev.masthead.ranking.RankingEngine;
import dev.masthead.ranking.RankingEntry;
import dev.masthead.ranking.RankingQuery;
import dev.masthead.ranking.RankingQuery.Window;
import dev.masthead.ranking.RankingStats;
import dev.masthead.ranking.RecordResult;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * A hostile user and a failing network against the Redis stores: a Redis stalled with SIGSTOP, a peer that
 * accepts and never answers, a Redis out of memory under {@code noeviction}, {@code FLUSHALL} while engines
 * run, article ids full of Lua and Redis syntax, counts past 2^53, and a scan of everything Redis holds for the
 * personal data of the comments posted. Each test starts its own {@code redis-server}.
 */
class RedisHostileTest {
  private static final RankingQuery DAY = RankingQuery.top(Window.lastHours(24), RankingQuery.MAX_LIMIT);
  private static final Duration STORE_TIMEOUT = Duration.ofMillis(200);

  private static RankingConfig config() {
    return RankingEngine.builder().resultCacheTtl(Duration.ZERO).uniqueVisitorPeriod(Duration.ZERO)
        .flushInterval(Duration.ofMillis(200)).storeTimeout(STORE_TIMEOUT).config();
  }

  private static RankingEngine engine(RedisConnection c, String namespace) {
    RankingConfig config = config();
    return RankingEngine.builder().config(config)
        .counterStore(RedisCounterStore.builder(c).namespace(namespace).layout(config.layout()).build()).build();
  }

  private static long total(Ranking r) {
    long sum = 0;
    for (RankingEntry e : r.entries()) {
      sum += e.counts().values().stream().mapToLong(Long::longValue).sum();
    }
    return sum;
  }

  private static SpamFilter filter(RedisConnection c) {
    RedisCommentStores stores = RedisCommentStores.builder(c).build();
    StoreSettings settings = StoreSettings.of(SharedCommentMemoryTest.SITE_SECRET).withStoreTimeout(STORE_TIMEOUT);
    return SpamFilter.builder()
        .check(SpamChecks.flood(SpamChecks.DEFAULT_FLOOD_INTERVAL, stores.flood(), settings))
        .check(SpamChecks.duplicate(SpamChecks.DEFAULT_DUPLICATE_RETENTION, stores.duplicates(), settings))
        .check(SpamChecks.approvedAuthors(stores.approvedAuthors(), settings))
        .build();
  }

  private static void pause(long millis) {
    RedisCommentStoresTest.waitFor(Duration.ofMillis(millis));
  }

  @Test
  void aRedisStalledBySigstopBlocksNoRecordTopOrCheckPastItsTimeoutAndCountsOnceAfterSigcont() {
    try (RedisServer redis = RedisServer.start();
        RedisConnection c = RedisConnection.builder().uri(redis.uri()).commandTimeout(Duration.ofMillis(300)).build()) {
      RankingEngine engine = engine(c, "stall");
      SpamFilter filter = filter(c);
      try {
        Instant now = Instant.now();
        for (int i = 0; i < 100; i++) {
          engine.record(EngagementEvent.view(ArticleId.of("before-" + (i % 10)), now));
        }
        assertThat(engine.flush()).isTrue();
        assertThat(total(engine.top(DAY))).isEqualTo(100);
        redis.suspend();
        long recordMaxNanos = 0;
        List<Long> topMillis = new ArrayList<>();
        List<Long> checkMillis = new ArrayList<>();
        try {
          long accepted = 0;
          for (int round = 0; round < 5; round++) {
            for (int i = 0; i < 200; i++) {
              long t0 = System.nanoTime();
              RecordResult r = engine.record(EngagementEvent.view(ArticleId.of("during-" + (i % 20)), Instant.now()));
              recordMaxNanos = Math.max(recordMaxNanos, System.nanoTime() - t0);
              if (r == RecordResult.ACCEPTED) {
                accepted++;
              }
            }
            long t0 = System.nanoTime();
            Ranking r = engine.top(DAY);
            topMillis.add((System.nanoTime() - t0) / 1_000_000);
            assertThat(r.stale()).isTrue();
            Comment comment = SharedCommentMemoryTest.comment("stalled" + round + "@example.com",
                "203.0.113." + round, "A reply while Redis is stopped " + round, Instant.now());
            t0 = System.nanoTime();
            Verdict v = filter.check(comment, SpamContext.EMPTY);
            checkMillis.add((System.nanoTime() - t0) / 1_000_000);
            assertThat(v.decision()).isEqualTo(Decision.HOLD);
            assertThat(v.refused()).isEmpty();
            assertThat(v.has("store.unavailable")).isTrue();
          }
          assertThat(accepted).isEqualTo(1000);
        } finally {
          redis.resume();
        }
        System.out.printf("SIGSTOP: slowest record %d us; top %s ms; check (3 store checks) %s ms%n",
            recordMaxNanos / 1000, topMillis, checkMillis);
        assertThat(recordMaxNanos).isLessThan(STORE_TIMEOUT.toNanos());
        // the first top may also wait behind a flush's store call; none waits past one store timeout of its own
        assertThat(topMillis).allSatisfy(m -> assertThat(m).isLessThanOrEqualTo(STORE_TIMEOUT.toMillis() + 100));
        assertThat(checkMillis).allSatisfy(m -> assertThat(m).isLessThanOrEqualTo(3 * STORE_TIMEOUT.toMillis() + 100));
        long expected = 1100;
        long counted = -1;
        for (int attempt = 0; attempt < 100 && counted != expected; attempt++) {
          engine.flush();
          Ranking r = engine.top(DAY);
          counted = r.stale() ? -1 : total(r);
          pause(50);
        }
        assertThat(counted).isEqualTo(expected); // every event once, though timed-out flushes ran after SIGCONT
        RankingStats stats = engine.stats();
        assertThat(stats.droppedEvents()).isZero();
      } finally {
        engine.close();
      }
    }
  }

  @Test
  void aPeerThatAcceptsAndNeverAnswersFailsTheConnectionWithinItsTimeouts() throws Exception {
    List<Socket> accepted = new CopyOnWriteArrayList<>();
    try (ServerSocket blackHole = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      Thread acceptor = new Thread(() -> {
        try {
          while (true) {
            accepted.add(blackHole.accept()); // never reads, never answers
          }
        } catch (java.io.IOException e) {
          // closed
        }
      }, "black-hole");
      acceptor.setDaemon(true);
      acceptor.start();
      long t0 = System.nanoTime();
      assertThatThrownBy(() -> RedisConnection.builder().uri("redis://127.0.0.1:" + blackHole.getLocalPort())
          .commandTimeout(Duration.ofMillis(300)).connectTimeout(Duration.ofMillis(300)).build().close())
          .isInstanceOf(BackendUnavailableException.class);
      long millis = (System.nanoTime() - t0) / 1_000_000;
      System.out.printf("a peer that never answers: build() failed after %d ms%n", millis);
      assertThat(millis).isLessThan(3_000);
    } finally {
      for (Socket s : accepted) {
        s.close();
      }
    }
  }

  @Test
  void aConnectionWedgedMidReplyIsReplacedAndCommentsAndRankingsRecover() {
    try (RedisServer redis = RedisServer.start();
        ReplyDroppingProxy proxy = ReplyDroppingProxy.start(redis.port());
        RedisConnection c = RedisConnection.builder().uri(proxy.uri()).commandTimeout(Duration.ofMillis(300)).build()) {
      SpamFilter filter = filter(c);
      RankingEngine engine = engine(c, "wedged");
      try {
        Instant now = Instant.now();
        assertThat(filter.check(SharedCommentMemoryTest.comment("first@example.com", "203.0.113.1", "first", now),
            SpamContext.EMPTY).decision()).isEqualTo(Decision.APPROVE);
        proxy.stallReplyOfNext("EVALSHA");
        Verdict cut = filter.check(SharedCommentMemoryTest.comment("second@example.com", "203.0.113.2", "second",
            now.plusSeconds(1)), SpamContext.EMPTY);
        assertThat(proxy.stalledConnections()).isEqualTo(1);
        assertThat(cut.decision()).isEqualTo(Decision.HOLD);
        assertThat(cut.has("store.unavailable")).isTrue();
        engine.record(EngagementEvent.view(ArticleId.of("after-the-wedge"), now));
        long t0 = System.nanoTime();
        Verdict v = null;
        for (int i = 0; i < 100; i++) {
          v = filter.check(SharedCommentMemoryTest.comment("later" + i + "@example.com", "198.51.100." + i, "later " + i,
              now.plusSeconds(2 + i)), SpamContext.EMPTY);
          if (v.decision() == Decision.APPROVE) {
            break;
          }
          pause(50);
        }
        long recoveredMillis = (System.nanoTime() - t0) / 1_000_000;
        System.out.printf("a connection wedged mid-reply: comments decided again after %d ms%n", recoveredMillis);
        assertThat(v.decision()).isEqualTo(Decision.APPROVE);
        engine.flush();
        assertThat(total(engine.top(DAY))).isEqualTo(1);
      } finally {
        engine.close();
      }
    }
  }

  @Test
  void aRedisOutOfMemoryUnderNoevictionKeepsOrCountsEveryEventAndHoldsComments() {
    try (RedisServer redis = RedisServer.start("--maxmemory-policy", "noeviction");
        RedisConnection c = RedisConnection.builder().uri(redis.uri()).build()) {
      RankingEngine engine = engine(c, "full");
      SpamFilter filter = filter(c);
      try {
        long used = Long.parseLong(redis.command("MEMORY", "STATS").lines()
            .dropWhile(l -> !l.equals("total.allocated")).skip(1).findFirst().orElseThrow());
        redis.command("CONFIG", "SET", "maxmemory", Long.toString(Math.max(1, used / 2)));
        Instant now = Instant.now();
        for (int i = 0; i < 5_000; i++) {
          engine.record(EngagementEvent.view(ArticleId.of("oom-" + (i % 500)), now));
        }
        assertThat(engine.flush()).isFalse();
        Verdict v = filter.check(SharedCommentMemoryTest.comment("full@example.com", "203.0.113.8", "Redis is full",
            now), SpamContext.EMPTY);
        assertThat(v.decision()).isEqualTo(Decision.HOLD);
        assertThat(v.has("store.unavailable")).isTrue();
        RankingStats full = engine.stats();
        assertThat(full.bufferedEvents() + full.deliveredEvents() + full.droppedEvents()).isEqualTo(5_000);
        redis.command("CONFIG", "SET", "maxmemory", "0");
        assertThat(engine.flush()).isTrue();
        RankingStats after = engine.stats();
        assertThat(after.bufferedEvents()).isZero();
        assertThat(total(engine.top(DAY)) + after.droppedEvents()).isEqualTo(5_000);
        assertThat(after.droppedEvents()).isZero();
      } finally {
        engine.close();
      }
    }
  }

  @Test
  void flushallWhileEnginesRunLosesOnlyWhatRedisHeldAndCountingGoesOn() {
    try (RedisServer redis = RedisServer.start();
        RedisConnection c1 = RedisConnection.builder().uri(redis.uri()).build();
        RedisConnection c2 = RedisConnection.builder().uri(redis.uri()).build()) {
      RankingEngine a = engine(c1, "wiped");
      RankingEngine b = engine(c2, "wiped");
      try {
        Instant now = Instant.now();
        for (int i = 0; i < 100; i++) {
          (i % 2 == 0 ? a : b).record(EngagementEvent.view(ArticleId.of("w" + (i % 7)), now));
        }
        a.flush();
        b.flush();
        redis.command("FLUSHALL");
        for (int i = 0; i < 60; i++) {
          (i % 2 == 0 ? a : b).record(EngagementEvent.view(ArticleId.of("w" + (i % 7)), now));
        }
        assertThat(a.flush()).isTrue();
        assertThat(b.flush()).isTrue();
        Ranking r = b.top(DAY);
        assertThat(r.stale()).isFalse();
        assertThat(total(r)).isEqualTo(60);
        assertThat(total(a.top(DAY))).isEqualTo(60);
      } finally {
        a.close();
        b.close();
      }
    }
  }

  @Test
  void aMetaHashDeletedAloneDoesNotSubtractBucketsThatAlreadyLeftTheWindow() {
    try (RedisServer redis = RedisServer.start();
        RedisConnection c = RedisConnection.builder().uri(redis.uri()).build()) {
      RedisCounterStore store = RedisCounterStore.builder(c).namespace("meta-lost")
          .layout(RedisCounterStoreTest.LAYOUT).build();
      long now = RedisCounterStoreTest.NOW;
      long day = RedisCounterStoreTest.DAY;
      RedisCounterStoreTest.await(store.add(new Batch("m", List.of(
          RedisCounterStoreTest.cell("a", 0, now - 8 * day, 5), RedisCounterStoreTest.cell("a", 0, now - 1000, 10),
          RedisCounterStoreTest.cell("b", 0, now - 1000, 7))), now));
      assertThat(RedisCounterStoreTest.await(store.top(Duration.ofDays(7), new long[] {1, 1}, 10, now)))
          .extracting(t -> t.articleId().value() + "=" + t.counts()[0]).containsExactly("a=10", "b=7");
      redis.command("DEL", "mh:{meta-lost}:meta"); // an operator, or an allkeys eviction policy
      assertThat(RedisCounterStoreTest.await(store.top(Duration.ofDays(7), new long[] {1, 1}, 10, now)))
          .extracting(t -> t.articleId().value() + "=" + t.counts()[0]).containsExactly("a=10", "b=7");
      assertThat(RedisCounterStoreTest.await(store.top(Duration.ofDays(30), new long[] {1, 1}, 10, now)))
          .extracting(t -> t.articleId().value() + "=" + t.counts()[0]).containsExactly("a=15", "b=7");
    }
  }

  @Test
  void manyEnginesFlushingAtOnceCountEveryEventOnce() throws Exception {
    try (RedisServer redis = RedisServer.start()) {
      int engines = 8;
      List<RedisConnection> connections = new ArrayList<>();
      List<RankingEngine> all = new ArrayList<>();
      try {
        for (int e = 0; e < engines; e++) {
          RedisConnection c = RedisConnection.builder().uri(redis.uri()).commandTimeout(Duration.ofMillis(100)).build();
          connections.add(c);
          all.add(engine(c, "crowd"));
        }
        Instant now = Instant.now();
        long events = 0;
        for (int e = 0; e < engines; e++) {
          for (int i = 0; i < 20_000; i++) {
            all.get(e).record(EngagementEvent.view(ArticleId.of("e" + e + "-" + i), now));
            events++;
          }
        }
        List<Thread> flushers = new ArrayList<>();
        for (RankingEngine engine : all) {
          Thread t = new Thread(() -> {
            for (int attempt = 0; attempt < 200 && !engine.flush(); attempt++) {
              pause(20);
            }
          });
          t.start();
          flushers.add(t);
        }
        long t0 = System.nanoTime();
        for (Thread t : flushers) {
          t.join();
        }
        System.out.printf("%d engines flushing %d cells each at once: all delivered after %d ms%n", engines, 20_000,
            (System.nanoTime() - t0) / 1_000_000);
        long delivered = 0;
        long dropped = 0;
        for (RankingEngine engine : all) {
          RankingStats s = engine.stats();
          delivered += s.deliveredEvents();
          dropped += s.droppedEvents();
          assertThat(s.bufferedEvents()).isZero();
        }
        assertThat(dropped).isZero();
        assertThat(delivered).isEqualTo(events);
        // the running totals of the first tracked window (hashes), every kind, summed in Redis: every event once
        String sum = redis.command("EVAL", "local s = 0 for _, k in ipairs(redis.call('KEYS', KEYS[1])) do "
            + "for i, v in ipairs(redis.call('HGETALL', k)) do if i % 2 == 0 then "
            + "s = s + tonumber(v) end end end return s", "1", "mh:{crowd}:w:0:*");
        assertThat(Long.parseLong(sum)).isEqualTo(events);
      } finally {
        all.forEach(RankingEngine::close);
        connections.forEach(RedisConnection::close);
      }
    }
  }

  @Test
  void articleIdsFullOfLuaAndRedisSyntaxComeBackExactly() {
    try (RedisServer redis = RedisServer.start();
        RedisConnection c = RedisConnection.builder().uri(redis.uri()).build()) {
      RedisCounterStore store = RedisCounterStore.builder(c).namespace("ids:x.y-z_1")
          .layout(RedisCounterStoreTest.LAYOUT).build();
      List<String> ids = List.of("{x}", "}{", "mh:{masthead}:meta", "a b", "a:b:c", "'; return 1 --", "]]", "%s%d",
          "\\", "\"", "é", "😀 emoji", "x".repeat(ArticleId.MAX_LENGTH), "0x10", "1e3", "-1", "nil", "  padded  ");
      long now = RedisCounterStoreTest.NOW;
      List<dev.masthead.ranking.CounterStore.Cell> cells = new ArrayList<>();
      for (int i = 0; i < ids.size(); i++) {
        cells.add(RedisCounterStoreTest.cell(ids.get(i), 0, now - 1000, i + 1));
      }
      RedisCounterStoreTest.await(store.add(new Batch("hostile-ids", cells), now));
      List<Tally> top = RedisCounterStoreTest.await(store.top(Duration.ofHours(24), new long[] {1, 1}, 100, now));
      assertThat(RedisCounterStoreTest.ids(top)).containsExactlyInAnyOrderElementsOf(ids);
      for (Tally t : top) {
        assertThat(t.counts()[0]).isEqualTo(ids.indexOf(t.articleId().value()) + 1);
      }
    }
  }

  @Test
  void countsPastTwoToTheFiftyThirdSaturateInsteadOfFailing() {
    try (RedisServer redis = RedisServer.start();
        RedisConnection c = RedisConnection.builder().uri(redis.uri()).build()) {
      RedisCounterStore store = RedisCounterStore.builder(c).namespace("huge")
          .layout(RedisCounterStoreTest.LAYOUT).build();
      long now = RedisCounterStoreTest.NOW;
      RedisCounterStoreTest.await(store.add(new Batch("huge-1", List.of(
          RedisCounterStoreTest.cell("big", 0, now - 1000, Long.MAX_VALUE),
          RedisCounterStoreTest.cell("small", 0, now - 1000, 1))), now));
      RedisCounterStoreTest.await(store.add(new Batch("huge-2", List.of(
          RedisCounterStoreTest.cell("big", 0, now - 500, Long.MAX_VALUE))), now));
      List<Tally> top = RedisCounterStoreTest.await(store.top(Duration.ofHours(24), new long[] {1, 1}, 10, now));
      assertThat(RedisCounterStoreTest.ids(top)).containsExactly("big", "small");
      assertThat(top.get(0).counts()[0]).isEqualTo(Long.MAX_VALUE);
      List<Tally> union = RedisCounterStoreTest.await(store.union(
          List.of(new dev.masthead.ranking.Bucket(Duration.ofMinutes(1),
              Math.floorDiv(now - 1000, RedisCounterStoreTest.MINUTE))), new double[] {1.0}, now));
      assertThat(union).anySatisfy(t -> assertThat(t.counts()[0]).isEqualTo(Long.MAX_VALUE));
    }
  }

  @Test
  void noEmailAddressIpAddressOrCommentTextIsStoredInRedisOrLogged() {
    String email = "pii-probe-4711@example.org";
    String ip = "198.51.100.213";
    String text = "Piiprobe sentence about the harbor bridge";
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    PrintStream original = System.err;
    System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
    try (RedisServer redis = RedisServer.start();
        RedisConnection c = RedisConnection.builder().uri(redis.uri()).build()) {
      SpamFilter filter = filter(c);
      RankingConfig config = RankingEngine.builder().uniqueVisitorPeriod(Duration.ofHours(1))
          .flushInterval(Duration.ofMillis(200)).storeTimeout(STORE_TIMEOUT).config();
      RankingEngine engine = RankingEngine.builder().config(config)
          .counterStore(RedisCounterStore.builder(c).layout(config.layout()).build())
          .visitorMemory(RedisVisitorMemory.builder(c).build()).build();
      try {
        Instant now = Instant.now();
        Comment comment = SharedCommentMemoryTest.comment(email, ip, text, now);
        assertThat(filter.check(comment, SpamContext.EMPTY).decision()).isEqualTo(Decision.APPROVE);
        filter.check(SharedCommentMemoryTest.comment(email, ip, text, now.plusSeconds(1)), SpamContext.EMPTY);
        filter.markHam(comment, SpamContext.EMPTY);
        engine.record(EngagementEvent.view(ArticleId.of("harbor-bridge"), now).withVisitor(ip, "Mozilla/5.0"));
        engine.flush();
        pause(200); // the approval is written without waiting
        List<String> keys = redis.command("KEYS", "*").lines().toList();
        assertThat(keys).isNotEmpty();
        StringBuilder everything = new StringBuilder();
        for (String k : keys) {
          everything.append(k).append('\n');
          String type = redis.command("TYPE", k);
          String value = switch (type) {
            case "string" -> redis.command("GET", k);
            case "hash" -> redis.command("HGETALL", k);
            case "zset" -> redis.command("ZRANGE", k, "0", "-1", "WITHSCORES");
            default -> "";
          };
          everything.append(value).append('\n');
        }
        // an outage, so that every WARN path runs
        redis.kill();
        filter.check(SharedCommentMemoryTest.comment(email, ip, text, now.plusSeconds(60)), SpamContext.EMPTY);
        engine.record(EngagementEvent.view(ArticleId.of("harbor-bridge"), now).withVisitor(ip, "Mozilla/5.0"));
        engine.flush();
        engine.top(DAY);
        String stored = everything.toString().toLowerCase(java.util.Locale.ROOT);
        for (String secret : List.of(email, ip, text, "pii-probe", "piiprobe")) {
          assertThat(stored).doesNotContain(secret.toLowerCase(java.util.Locale.ROOT));
        }
      } finally {
        engine.close();
      }
    } finally {
      System.setErr(original);
    }
    String logged = log.toString(StandardCharsets.UTF_8).toLowerCase(java.util.Locale.ROOT);
    assertThat(logged).contains("warn"); // the outage was logged
    for (String secret : List.of(email, ip, text, "pii-probe", "piiprobe")) {
      assertThat(logged).doesNotContain(secret.toLowerCase(java.util.Locale.ROOT));
    }
  }
}
