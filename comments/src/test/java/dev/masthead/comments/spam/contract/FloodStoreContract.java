package dev.masthead.comments.spam.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.masthead.comments.spam.FloodStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link FloodStore}: every implementation runs it by extending this class (the in-memory store
 * here, the Redis store in {@code masthead-redis}, a host's own store through the comments test-jar).
 */
public abstract class FloodStoreContract {
  /** A fixed comment time: the store compares the times it is given, not its own clock. */
  protected static final Instant T0 = Instant.parse("2025-12-07T18:00:00Z");
  protected static final Duration INTERVAL = Duration.ofSeconds(15);

  private FloodStore store;

  /**
   * Returns a new, empty store, shared with nothing else.
   *
   * @return the store under test
   */
  protected abstract FloodStore newStore();

  /**
   * Lets {@code d} pass on the clock that ages the store's entries (a fake clock, or real time for a server
   * whose expiry cannot be driven).
   *
   * @param d how long
   */
  protected abstract void letTimePass(Duration d);

  @BeforeEach
  public void createStore() {
    store = newStore();
  }

  protected static String key() {
    return UUID.randomUUID().toString().replace("-", "");
  }

  private Optional<Instant> record(List<String> keys, Instant at) {
    return record(keys, at, INTERVAL, INTERVAL);
  }

  private Optional<Instant> record(List<String> keys, Instant at, Duration interval, Duration retention) {
    return store.recordUnlessFlooding(keys, at, interval, retention).toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
  }

  @Test
  public void acceptsAFirstCommentAndRefusesTheNextWithinTheInterval() {
    String ip = key();
    assertThat(record(List.of(ip), T0)).isEmpty();
    assertThat(record(List.of(ip), T0.plusSeconds(14))).contains(T0);
  }

  @Test
  public void acceptsACommentOneIntervalLater() {
    String ip = key();
    assertThat(record(List.of(ip), T0)).isEmpty();
    assertThat(record(List.of(ip), T0.plus(INTERVAL))).isEmpty();
  }

  @Test
  public void aRefusedAttemptDoesNotRestartTheInterval() {
    String ip = key();
    assertThat(record(List.of(ip), T0)).isEmpty();
    assertThat(record(List.of(ip), T0.plusSeconds(10))).contains(T0);
    assertThat(record(List.of(ip), T0.plusSeconds(20))).isEmpty(); // 20 s after the last accepted comment
    assertThat(record(List.of(ip), T0.plusSeconds(30))).contains(T0.plusSeconds(20));
  }

  @Test
  public void anAcceptedCommentIsRecordedUnderEveryKey() {
    String ip = key();
    String email = key();
    assertThat(record(List.of(ip, email), T0)).isEmpty();
    assertThat(record(List.of(email), T0.plusSeconds(1))).contains(T0);
    assertThat(record(List.of(ip), T0.plusSeconds(1))).contains(T0);
  }

  @Test
  public void oneRecentKeyRefusesAndARefusedCommentRecordsNoKey() {
    String ip = key();
    String email = key();
    String otherIp = key();
    assertThat(record(List.of(ip), T0)).isEmpty();
    assertThat(record(List.of(ip, email), T0.plusSeconds(5))).contains(T0);
    assertThat(record(List.of(otherIp, email), T0.plusSeconds(6))).isEmpty(); // email was not recorded at +5 s
  }

  @Test
  public void answersTheRefusingTimeClosestToTheComment() {
    String a = key();
    String b = key();
    assertThat(record(List.of(a), T0)).isEmpty();
    assertThat(record(List.of(b), T0.plusSeconds(10))).isEmpty();
    assertThat(record(List.of(a, b), T0.plusSeconds(12))).contains(T0.plusSeconds(10));
  }

  @Test
  public void aTimeFarInTheFutureBlocksNothing() {
    String ip = key();
    assertThat(record(List.of(ip), T0.plus(Duration.ofHours(1)))).isEmpty();
    assertThat(record(List.of(ip), T0)).isEmpty();
    assertThat(record(List.of(ip), T0.plusSeconds(1))).contains(T0);
  }

  @Test
  public void aCommentWithinTheIntervalBeforeARecordedOneIsRefused() {
    String ip = key();
    assertThat(record(List.of(ip), T0.plusSeconds(10))).isEmpty();
    assertThat(record(List.of(ip), T0)).contains(T0.plusSeconds(10));
  }

  @Test
  public void keepsMillisecondsOfTheRecordedTime() {
    String ip = key();
    Instant at = T0.plusMillis(123);
    assertThat(record(List.of(ip), at)).isEmpty();
    assertThat(record(List.of(ip), at.plusSeconds(1))).contains(at);
  }

  @Test
  public void forgetsAKeyAfterItsRetention() {
    String ip = key();
    Duration interval = Duration.ofMillis(300);
    assertThat(record(List.of(ip), T0, interval, interval)).isEmpty();
    letTimePass(Duration.ofMillis(700));
    // by the comments' own times this is within the interval: only the retention can have forgotten it
    assertThat(record(List.of(ip), T0.plusMillis(100), interval, interval)).isEmpty();
  }

  @Test
  public void keepsAKeyForItsRetentionWhenItIsLongerThanTheInterval() {
    String ip = key();
    Duration interval = Duration.ofMillis(300);
    assertThat(record(List.of(ip), T0, interval, Duration.ofMinutes(10))).isEmpty();
    letTimePass(Duration.ofMillis(700));
    assertThat(record(List.of(ip), T0.plusMillis(100), interval, Duration.ofMinutes(10))).contains(T0);
  }

  @Test
  public void ofConcurrentCommentsFromOneCommenterExactlyOneIsAccepted() throws Exception {
    String ip = key();
    String email = key();
    int threads = 8;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Optional<Instant>>> answers = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        Instant at = T0.plusMillis(t);
        List<String> keys = t % 2 == 0 ? List.of(ip, email) : List.of(email, ip);
        answers.add(pool.submit(() -> {
          start.await();
          return record(keys, at);
        }));
      }
      start.countDown();
      int accepted = 0;
      for (Future<Optional<Instant>> f : answers) {
        accepted += f.get(20, TimeUnit.SECONDS).isEmpty() ? 1 : 0;
      }
      assertThat(accepted).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  public void manyCommentersInFlightAtOnceAreEachAcceptedOnce() {
    List<CompletableFuture<Optional<Instant>>> first = new ArrayList<>();
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      String k = key();
      keys.add(k);
      first.add(store.recordUnlessFlooding(List.of(k), T0, INTERVAL, INTERVAL).toCompletableFuture());
    }
    first.forEach(f -> assertThat(f.orTimeout(10, TimeUnit.SECONDS).join()).isEmpty());
    for (String k : keys) {
      assertThat(record(List.of(k), T0.plusSeconds(1))).contains(T0);
    }
  }

  @Test
  public void refusesBadArgumentsAtOnce() {
    assertThatThrownBy(() -> store.recordUnlessFlooding(List.of(), T0, INTERVAL, INTERVAL))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> store.recordUnlessFlooding(List.of(key()), T0, INTERVAL, INTERVAL.minusSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> store.recordUnlessFlooding(List.of(key()), T0, Duration.ZERO, INTERVAL))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> store.recordUnlessFlooding(List.of(key()), null, INTERVAL, INTERVAL))
        .isInstanceOf(NullPointerException.class);
  }

  /**
   * Random sequences of comments (each from one to three of four commenters' keys, at times up to a minute
   * apart, out of order) against a model: a map of each key's last accepted time. Fixed seed.
   */
  @Test
  public void behavesLikeTheModelOnRandomSequences() {
    qt().withFixedSeed(0xF100DL).withExamples(150)
        .forAll(lists().of(integers().between(0, 15 * 121 - 1)).ofSizeBetween(1, 15))
        .checkAssert(calls -> {
          String run = key(); // fresh keys for each example: the store is shared by all of them
          Map<String, Instant> model = new HashMap<>();
          for (int call : calls) {
            int keyMask = call % 15 + 1; // a non-empty subset of four keys
            Instant at = T0.plusSeconds(call / 15 - 60L);
            List<String> keys = new ArrayList<>();
            for (int k = 0; k < 4; k++) {
              if ((keyMask & (1 << k)) != 0) {
                keys.add(run + k);
              }
            }
            Instant expected = null;
            for (String k : keys) {
              Instant recorded = model.get(k);
              if (recorded != null && Duration.between(recorded, at).abs().compareTo(INTERVAL) < 0
                  && (expected == null
                  || Duration.between(recorded, at).abs().compareTo(Duration.between(expected, at).abs()) < 0)) {
                expected = recorded;
              }
            }
            Optional<Instant> answer = record(keys, at, INTERVAL, Duration.ofMinutes(10));
            if (expected == null) {
              assertThat(answer).as("%s at %s", keys, at).isEmpty();
              keys.forEach(k -> model.put(k, at));
            } else {
              // on a tie in distance either recorded time is right
              assertThat(answer).as("%s at %s", keys, at).isPresent();
              assertThat(Duration.between(answer.get(), at).abs()).isEqualTo(Duration.between(expected, at).abs());
            }
          }
        });
  }
}
