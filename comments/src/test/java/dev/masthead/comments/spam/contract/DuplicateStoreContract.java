package dev.masthead.comments.spam.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.masthead.comments.spam.DuplicateStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
 * The contract of {@link DuplicateStore}: every implementation runs it by extending this class (the in-memory
 * store here, the Redis store in {@code masthead-redis}).
 */
public abstract class DuplicateStoreContract {
  protected static final Instant T0 = Instant.parse("2025-12-07T18:00:00Z");
  protected static final Duration RETENTION = Duration.ofHours(24);

  private DuplicateStore store;

  /**
   * Returns a new, empty store, shared with nothing else.
   *
   * @return the store under test
   */
  protected abstract DuplicateStore newStore();

  /**
   * Lets {@code d} pass on the clock that ages the store's entries.
   *
   * @param d how long
   */
  protected abstract void letTimePass(Duration d);

  @BeforeEach
  public void createStore() {
    store = newStore();
  }

  protected static String fingerprint() {
    return UUID.randomUUID().toString().replace("-", "");
  }

  private boolean seen(String fingerprint) {
    return seen(fingerprint, RETENTION);
  }

  private boolean seen(String fingerprint, Duration retention) {
    return store.seenBefore(fingerprint, T0, retention).toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
  }

  @Test
  public void aNewFingerprintIsNotSeenAndTheSecondTimeItIs() {
    String f = fingerprint();
    assertThat(seen(f)).isFalse();
    assertThat(seen(f)).isTrue();
    assertThat(seen(f)).isTrue();
  }

  @Test
  public void fingerprintsAreIndependent() {
    String a = fingerprint();
    String b = fingerprint();
    assertThat(seen(a)).isFalse();
    assertThat(seen(b)).isFalse();
  }

  @Test
  public void forgetsAFingerprintAfterItsRetention() {
    String f = fingerprint();
    assertThat(seen(f, Duration.ofMillis(300))).isFalse();
    letTimePass(Duration.ofMillis(700));
    assertThat(seen(f, Duration.ofMillis(300))).isFalse();
  }

  @Test
  public void remembersAFingerprintWithinItsRetention() {
    String f = fingerprint();
    assertThat(seen(f, Duration.ofMinutes(10))).isFalse();
    letTimePass(Duration.ofMillis(700));
    assertThat(seen(f, Duration.ofMinutes(10))).isTrue();
  }

  @Test
  public void ofConcurrentCallsWithOneFingerprintExactlyOneIsFirst() throws Exception {
    String f = fingerprint();
    int threads = 8;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Boolean>> answers = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        answers.add(pool.submit(() -> {
          start.await();
          return seen(f);
        }));
      }
      start.countDown();
      int first = 0;
      for (Future<Boolean> a : answers) {
        first += a.get(20, TimeUnit.SECONDS) ? 0 : 1;
      }
      assertThat(first).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * Issue 10, "recent entries forgotten": Caffeine's W-TinyLFU refused fresh fingerprints once the in-memory
   * store had filled, so all 1,000 of these duplicates were missed. A store that must evict drops the oldest.
   */
  @Test
  public void recentEntriesAreRememberedAfterTheStoreHasSeenMoreThanItsSizeBound() {
    feed(102_000);
    List<String> recent = feed(1_000);
    feed(2_000);
    List<CompletableFuture<Boolean>> again = new ArrayList<>();
    for (String f : recent) {
      again.add(store.seenBefore(f, T0, RETENTION).toCompletableFuture());
    }
    long caught = again.stream().filter(f -> f.orTimeout(30, TimeUnit.SECONDS).join()).count();
    assertThat(caught).isEqualTo(1_000);
  }

  /** Records {@code n} new fingerprints, 200 in flight at a time; returns them. */
  private List<String> feed(int n) {
    List<String> all = new ArrayList<>(n);
    List<CompletableFuture<Boolean>> batch = new ArrayList<>(200);
    for (int i = 0; i < n; i++) {
      String f = fingerprint();
      all.add(f);
      batch.add(store.seenBefore(f, T0, RETENTION).toCompletableFuture());
      if (batch.size() == 200 || i == n - 1) {
        batch.forEach(b -> assertThat(b.orTimeout(30, TimeUnit.SECONDS).join()).isFalse());
        batch.clear();
      }
    }
    return all;
  }

  @Test
  public void refusesBadArgumentsAtOnce() {
    assertThatThrownBy(() -> store.seenBefore(fingerprint(), T0, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> store.seenBefore(fingerprint(), T0, Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> store.seenBefore(null, T0, RETENTION)).isInstanceOf(NullPointerException.class);
  }
}
