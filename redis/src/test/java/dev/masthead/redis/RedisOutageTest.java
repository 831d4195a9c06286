package dev.masthead.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.masthead.comments.Comment;
import dev.masthead.comments.spam.Decision;
import dev.masthead.comments.spam.Refusal;
import dev.masthead.comments.spam.SpamChecks;
import dev.masthead.comments.spam.SpamChecks.StoreSettings;
import dev.masthead.comments.spam.SpamCheck;
import dev.masthead.comments.spam.SpamContext;
import dev.masthead.comments.spam.SpamFilter;
import dev.masthead.comments.spam.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Redis killed ({@code kill -9} of the server this test started) or stalled ({@code DEBUG SLEEP}) while comments
 * arrive: every comment is held with {@code store.unavailable}, never approved or refused, each store check
 * answers within its timeout, and decisions come back after a restart.
 */
class RedisOutageTest {
  private static final Duration STORE_TIMEOUT = Duration.ofMillis(100);

  private RedisServer redis;
  private RedisConnection connection;
  private SpamFilter filter;

  /** Each store check, timed from the call to the completion of its future, as the filter runs it. */
  private final List<Long> checkMillis = new java.util.concurrent.CopyOnWriteArrayList<>();

  private final class Timed implements SpamCheck {
    private final SpamCheck check;

    Timed(SpamCheck check) {
      this.check = check;
    }

    @Override
    public String name() {
      return check.name();
    }

    @Override
    public Cost cost() {
      return check.cost();
    }

    @Override
    public String failureCode() {
      return check.failureCode();
    }

    @Override
    public List<dev.masthead.comments.spam.Signal> check(Comment comment, SpamContext context) {
      return checkAsync(comment, context).join();
    }

    @Override
    public java.util.concurrent.CompletableFuture<List<dev.masthead.comments.spam.Signal>> checkAsync(Comment comment,
        SpamContext context) {
      long start = System.nanoTime();
      return check.checkAsync(comment, context)
          .whenComplete((signals, error) -> checkMillis.add((System.nanoTime() - start) / 1_000_000));
    }
  }

  @BeforeEach
  void start() {
    redis = RedisServer.start("--enable-debug-command", "local");
    connection = RedisConnection.builder().uri(redis.uri()).build();
    RedisCommentStores stores = RedisCommentStores.builder(connection).build();
    StoreSettings settings = StoreSettings.of(SharedCommentMemoryTest.SITE_SECRET).withStoreTimeout(STORE_TIMEOUT);
    filter = SpamFilter.builder()
        .check(new Timed(SpamChecks.flood(SpamChecks.DEFAULT_FLOOD_INTERVAL, stores.flood(), settings)))
        .check(new Timed(SpamChecks.duplicate(SpamChecks.DEFAULT_DUPLICATE_RETENTION, stores.duplicates(), settings)))
        .check(new Timed(SpamChecks.approvedAuthors(stores.approvedAuthors(), settings)))
        .build();
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

  private static Comment comment(int i) {
    return SharedCommentMemoryTest.comment("reader" + i + "@example.com", "203.0.113." + (i % 250),
        "Comment number " + i, SharedCommentMemoryTest.T0.plusSeconds(i));
  }

  /** The filter's verdict, with the time each store check took added to {@code millis}. */
  private Verdict timed(Comment c, List<Long> millis) {
    checkMillis.clear();
    Verdict v = filter.check(c, SpamContext.EMPTY);
    millis.addAll(checkMillis);
    return v;
  }

  /** Waits until Redis no longer answers (DEBUG SLEEP has begun): a probe that once answered now times out. */
  private void awaitStall() {
    dev.masthead.comments.spam.DuplicateStore probe = RedisCommentStores.builder(connection).namespace("probe").build()
        .duplicates();
    for (int attempt = 0; attempt < 100; attempt++) {
      try {
        probe.seenBefore(java.util.UUID.randomUUID().toString(), Instant.EPOCH, Duration.ofMinutes(1))
            .toCompletableFuture().get(50, java.util.concurrent.TimeUnit.MILLISECONDS);
      } catch (java.util.concurrent.TimeoutException e) {
        return;
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
    throw new IllegalStateException("Redis did not stall");
  }

  private static long p99(List<Long> millis) {
    List<Long> sorted = new ArrayList<>(millis);
    sorted.sort(null);
    return sorted.get((int) Math.ceil(sorted.size() * 0.99) - 1);
  }

  @Test
  void redisKilledMidRunHoldsEveryCommentWithinTheTimeoutAndRecoversAfterARestart() {
    List<Long> before = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      assertThat(timed(comment(i), before).decision()).isEqualTo(Decision.APPROVE);
    }
    redis.kill();
    List<Long> during = new ArrayList<>();
    for (int i = 1_000; i < 1_200; i++) {
      Verdict v = timed(comment(i), during);
      assertThat(v.decision()).as("comment %d", i).isEqualTo(Decision.HOLD);
      assertThat(v.refused()).isEmpty();
      assertThat(v.signals()).extracting(s -> s.code())
          .containsExactly("store.unavailable", "store.unavailable", "store.unavailable");
    }
    assertThat(during).hasSize(600);
    assertThat(p99(during)).isLessThanOrEqualTo(STORE_TIMEOUT.toMillis() + 50);

    redis.restart();
    Verdict recovered = null;
    for (int attempt = 0; attempt < 100; attempt++) { // Lettuce reconnects within its 500 ms backoff cap
      recovered = filter.check(comment(2_000 + attempt), SpamContext.EMPTY);
      if (recovered.decision() != Decision.HOLD) {
        break;
      }
      RedisCommentStoresTest.waitFor(Duration.ofMillis(50));
    }
    assertThat(recovered.decision()).isEqualTo(Decision.APPROVE);
    Comment last = comment(3_000);
    assertThat(filter.check(last, SpamContext.EMPTY).decision()).isEqualTo(Decision.APPROVE);
    Comment flood = SharedCommentMemoryTest.comment(last.authorEmail(), "198.51.100.1", "again",
        last.submittedAt().plusSeconds(3));
    assertThat(filter.check(flood, SpamContext.EMPTY).refused()).contains(Refusal.FLOOD);
  }

  @Test
  void aStalledRedisHoldsEveryCommentAfterTheStoreTimeout() throws Exception {
    Thread stall = new Thread(() -> redis.command("DEBUG", "SLEEP", "3"));
    stall.start();
    List<Long> millis = new ArrayList<>();
    int held = 0;
    try {
      awaitStall();
      long stalledSince = System.nanoTime();
      // at most 5 comments of 3 checks of 100 ms, and none started later than 1.5 s into the 3 s stall
      for (int i = 0; i < 5 && System.nanoTime() - stalledSince < 1_500_000_000L; i++) {
        Verdict v = timed(comment(10 + i), millis);
        assertThat(v.decision()).isEqualTo(Decision.HOLD);
        assertThat(v.refused()).isEmpty();
        assertThat(v.has("store.unavailable")).isTrue();
        held++;
      }
    } finally {
      stall.join();
    }
    assertThat(held).isPositive();
    // a check waits for its store timeout, or less once the connection, silent for a second, was closed and is
    // being reconnected (commands are then rejected at once)
    assertThat(millis).hasSize(3 * held).allSatisfy(m -> assertThat(m).isBetween(0L, STORE_TIMEOUT.toMillis() + 50));
    assertThat(millis.get(0)).isGreaterThanOrEqualTo(STORE_TIMEOUT.toMillis() - 1);
    Verdict after = null;
    for (int attempt = 0; attempt < 40; attempt++) {
      after = filter.check(comment(100 + attempt), SpamContext.EMPTY);
      if (after.decision() == Decision.APPROVE) {
        break;
      }
      RedisCommentStoresTest.waitFor(Duration.ofMillis(50));
    }
    assertThat(after.decision()).isEqualTo(Decision.APPROVE);
  }

  @Test
  void redisKilledWhileCommentsAreInFlightFromTwoThreads() throws Exception {
    int perThread = 100;
    java.util.concurrent.atomic.AtomicLong killedAt = new java.util.concurrent.atomic.AtomicLong(Long.MAX_VALUE);
    java.util.concurrent.CountDownLatch halfway = new java.util.concurrent.CountDownLatch(30);
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
    List<java.util.concurrent.Future<List<long[]>>> runs = new ArrayList<>();
    try {
      for (int t = 0; t < 2; t++) {
        int base = 10_000 * (t + 1);
        runs.add(pool.submit(() -> {
          List<long[]> outcomes = new ArrayList<>(); // {started, decision ordinal, refused 0/1}
          for (int i = 0; i < perThread; i++) {
            long started = System.nanoTime();
            Verdict v = filter.check(comment(base + i), SpamContext.EMPTY);
            outcomes.add(new long[] {started, v.decision().ordinal(), v.refused().isPresent() ? 1 : 0});
            halfway.countDown();
          }
          return outcomes;
        }));
      }
      halfway.await();
      redis.kill();
      killedAt.set(System.nanoTime());
      int approved = 0;
      int held = 0;
      for (java.util.concurrent.Future<List<long[]>> run : runs) {
        for (long[] o : run.get()) {
          assertThat(o[2]).as("refused").isZero();
          Decision d = Decision.values()[(int) o[1]];
          assertThat(d).isIn(Decision.APPROVE, Decision.HOLD);
          if (o[0] > killedAt.get()) {
            assertThat(d).as("a comment checked after the kill").isEqualTo(Decision.HOLD);
          }
          approved += d == Decision.APPROVE ? 1 : 0;
          held += d == Decision.HOLD ? 1 : 0;
        }
      }
      assertThat(approved).isGreaterThanOrEqualTo(30);
      assertThat(held).isGreaterThan(0);
      assertThat(p99(checkMillis)).isLessThanOrEqualTo(STORE_TIMEOUT.toMillis() + 50);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void withTheFallbackAKilledRedisLeavesDecisionsToServerMemory() {
    RedisCommentStores stores = RedisCommentStores.builder(connection).build();
    StoreSettings settings = StoreSettings.of(SharedCommentMemoryTest.SITE_SECRET).withStoreTimeout(STORE_TIMEOUT)
        .withFallbackToServerMemory(java.time.InstantSource.system());
    SpamFilter withFallback = SpamFilter.builder()
        .check(SpamChecks.flood(SpamChecks.DEFAULT_FLOOD_INTERVAL, stores.flood(), settings))
        .check(SpamChecks.duplicate(SpamChecks.DEFAULT_DUPLICATE_RETENTION, stores.duplicates(), settings))
        .build();
    Comment first = comment(1);
    assertThat(withFallback.check(first, SpamContext.EMPTY).decision()).isEqualTo(Decision.APPROVE);
    redis.kill();
    Verdict duplicate = withFallback.check(SharedCommentMemoryTest.comment(first.authorEmail(), "198.51.100.3",
        first.contentText(), first.submittedAt().plusSeconds(60)), SpamContext.EMPTY);
    assertThat(duplicate.refused()).contains(Refusal.DUPLICATE);
    assertThat(duplicate.has("store.fallback")).isTrue();
    Verdict other = withFallback.check(comment(500), SpamContext.EMPTY);
    assertThat(other.decision()).isEqualTo(Decision.APPROVE);
    assertThat(other.has("store.unavailable")).isFalse();
  }
}
