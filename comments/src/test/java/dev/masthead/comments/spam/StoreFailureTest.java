package dev.masthead.comments.spam;

import dev.masthead.testing.TestClock;
import static org.assertj.core.api.Assertions.assertThat;

import dev.masthead.comments.Comment;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Store-backed checks when their store fails, hangs or comes back. */
class StoreFailureTest {
  private static final byte[] SECRET = "a site secret of 32 bytes, test!".getBytes(StandardCharsets.US_ASCII);
  private static final Duration TIMEOUT = Duration.ofMillis(50);

  private final TestClock clock = new TestClock(TestComments.NOW);

  /** A store of each kind that fails, never answers, or works, as the test switches it. */
  private static final class Switchable implements FloodStore, DuplicateStore, ApprovedAuthors {
    enum Mode { FAIL, THROW, HANG, WORK }

    volatile Mode mode = Mode.FAIL;
    final AtomicInteger calls = new AtomicInteger();
    final FloodStore flood = FloodStore.inMemory(Instant::now);
    final DuplicateStore duplicate = DuplicateStore.inMemory(Instant::now);
    final ApprovedAuthors authors = ApprovedAuthors.inMemory(Instant::now);

    private <T> CompletionStage<T> answer(java.util.function.Supplier<CompletionStage<T>> working) {
      calls.incrementAndGet();
      return switch (mode) {
        case FAIL -> CompletableFuture.failedFuture(new java.io.IOException("connection refused"));
        case THROW -> throw new IllegalStateException("client closed");
        case HANG -> new CompletableFuture<>();
        case WORK -> working.get();
      };
    }

    @Override
    public CompletionStage<Optional<Instant>> recordUnlessFlooding(List<String> keys, Instant at, Duration interval,
        Duration retention) {
      return answer(() -> flood.recordUnlessFlooding(keys, at, interval, retention));
    }

    @Override
    public CompletionStage<Boolean> seenBefore(String fingerprint, Instant at, Duration retention) {
      return answer(() -> duplicate.seenBefore(fingerprint, at, retention));
    }

    @Override
    public CompletionStage<Boolean> isApproved(String author) {
      return answer(() -> authors.isApproved(author));
    }

    @Override
    public CompletionStage<Void> approve(String author, Duration retention) {
      return answer(() -> authors.approve(author, retention));
    }
  }

  private final Switchable store = new Switchable();

  private SpamFilter filter(boolean fallback) {
    FloodCheck.Builder flood = FloodCheck.builder().store(store, SECRET).storeTimeout(TIMEOUT).clock(clock);
    DuplicateCheck.Builder duplicate = DuplicateCheck.builder().store(store, SECRET).storeTimeout(TIMEOUT).clock(clock);
    ApprovedAuthorCheck.Builder author = ApprovedAuthorCheck.builder().store(store, SECRET).storeTimeout(TIMEOUT).clock(clock);
    if (fallback) {
      flood.fallbackToServerMemory();
      duplicate.fallbackToServerMemory();
      author.fallbackToServerMemory();
    }
    return SpamFilter.builder().check(flood.build()).check(duplicate.build()).check(author.build()).build();
  }

  private static Comment comment(int i, Instant at) {
    return TestComments.of("a1", null, "Reader " + i, "r" + i + "@example.com", "203.0.113." + (i % 250), "Point " + i, at);
  }

  @Test
  void aFailingStoreHoldsTheCommentWithItsOwnCodeNeverApprovesNorRefuses() {
    for (Switchable.Mode mode : List.of(Switchable.Mode.FAIL, Switchable.Mode.THROW, Switchable.Mode.HANG)) {
      store.mode = mode;
      Verdict v = filter(false).check(comment(1, clock.instant()), SpamContext.EMPTY);
      assertThat(v.decision()).as("%s", mode).isEqualTo(Decision.HOLD);
      assertThat(v.refused()).isEmpty();
      assertThat(v.signals()).extracting(Signal::code).as("%s", mode)
          .containsExactly(FloodCheck.STORE_UNAVAILABLE, DuplicateCheck.STORE_UNAVAILABLE,
              ApprovedAuthorCheck.STORE_UNAVAILABLE);
      assertThat(v.signals()).allSatisfy(s -> assertThat(s.floor()).isEqualTo(Decision.HOLD));
    }
  }

  @Test
  void aHangingStoreCostsEachCheckItsTimeoutNotTheFiltersTimeout() {
    store.mode = Switchable.Mode.HANG;
    SpamFilter filter = filter(false);
    long start = System.nanoTime();
    Verdict v = filter.check(comment(1, clock.instant()), SpamContext.EMPTY);
    long tookMillis = (System.nanoTime() - start) / 1_000_000;
    assertThat(v.decision()).isEqualTo(Decision.HOLD);
    assertThat(v.signals()).noneMatch(s -> s.code().equals("check.failed"));
    // three store checks, 50 ms each; the filter's own timeout is 3 s
    assertThat(tookMillis).isLessThan(3 * TIMEOUT.toMillis() + 1_000);
  }

  @Test
  void decisionsRecoverWhenTheStoreAnswersAgain() {
    SpamFilter filter = filter(false);
    store.mode = Switchable.Mode.FAIL;
    assertThat(filter.check(comment(1, clock.instant()), SpamContext.EMPTY).decision()).isEqualTo(Decision.HOLD);
    store.mode = Switchable.Mode.WORK;
    assertThat(filter.check(comment(2, clock.instant()), SpamContext.EMPTY).decision()).isEqualTo(Decision.APPROVE);
    assertThat(filter.check(comment(2, clock.instant().plusSeconds(1)), SpamContext.EMPTY).refused())
        .contains(Refusal.FLOOD);
  }

  @Test
  void anOutageIsLoggedOnceNotOncePerComment() {
    SpamFilter filter = filter(false);
    String log = capturingStandardError(() -> {
      store.mode = Switchable.Mode.FAIL;
      for (int i = 0; i < 20; i++) {
        filter.check(comment(i, clock.instant()), SpamContext.EMPTY);
      }
      store.mode = Switchable.Mode.WORK;
      filter.check(comment(99, clock.instant()), SpamContext.EMPTY);
      store.mode = Switchable.Mode.FAIL;
      filter.check(comment(100, clock.instant()), SpamContext.EMPTY);
    });
    // three stores (flood, duplicate, author), two outages: one WARN for each store and outage
    assertThat(log.lines().filter(l -> l.contains("WARN") && l.contains("store failed")).count()).isEqualTo(6);
    assertThat(log).contains("the flood store failed (java.io.IOException)")
        .doesNotContain("203.0.113").doesNotContain("example.com");
  }

  @Test
  void theOptInFallbackDecidesOnServerMemoryAndSaysSo() {
    SpamFilter filter = filter(true);
    store.mode = Switchable.Mode.WORK;
    Comment first = comment(1, clock.instant());
    assertThat(filter.check(first, SpamContext.EMPTY).decision()).isEqualTo(Decision.APPROVE);
    store.mode = Switchable.Mode.HANG;
    // server memory was written while the store worked: the flood is still caught
    Verdict flood = filter.check(comment(1, clock.instant().plusSeconds(2)), SpamContext.EMPTY);
    assertThat(flood.refused()).contains(Refusal.FLOOD);
    assertThat(flood.signals()).extracting(Signal::code).containsExactly(StoreGuard.FALLBACK, FloodCheck.CODE);
    Verdict other = filter.check(comment(2, clock.instant().plusSeconds(3)), SpamContext.EMPTY);
    assertThat(other.decision()).isEqualTo(Decision.APPROVE);
    assertThat(other.signals()).extracting(Signal::code).containsOnly(StoreGuard.FALLBACK);
  }

  @Test
  void aFailedApprovalIsLostWithoutFailingTheFeedback() {
    ApprovedAuthorCheck check = ApprovedAuthorCheck.builder().store(store, SECRET).storeTimeout(TIMEOUT).build();
    store.mode = Switchable.Mode.THROW;
    AtomicBoolean threw = new AtomicBoolean();
    try {
      check.feedback(comment(1, clock.instant()), SpamContext.EMPTY, Label.HAM);
    } catch (RuntimeException e) {
      threw.set(true);
    }
    assertThat(threw).isFalse();
    store.mode = Switchable.Mode.WORK;
    assertThat(check.check(comment(1, clock.instant()), SpamContext.EMPTY)).isEmpty();
  }

  private static String capturingStandardError(Runnable r) {
    PrintStream original = System.err;
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    System.setErr(new PrintStream(buffer, true, StandardCharsets.UTF_8));
    try {
      r.run();
    } finally {
      System.setErr(original);
    }
    return buffer.toString(StandardCharsets.UTF_8);
  }

  @Test
  void aBlockingCheckRunsTheChecksAfterAStoreCheckInTheCallingThread() {
    java.util.concurrent.ExecutorService io = java.util.concurrent.Executors.newSingleThreadExecutor();
    try {
      FloodStore memory = FloodStore.inMemory(clock);
      FloodStore remote = (keys, at, interval, retention) -> CompletableFuture.supplyAsync(
          () -> memory.recordUnlessFlooding(keys, at, interval, retention).toCompletableFuture().join(), io);
      List<Thread> ranOn = new java.util.concurrent.CopyOnWriteArrayList<>();
      SpamCheck after = new SpamCheck() {
        @Override
        public String name() {
          return "after";
        }

        @Override
        public Cost cost() {
          return Cost.NETWORK;
        }

        @Override
        public List<Signal> check(Comment comment, SpamContext context) {
          ranOn.add(Thread.currentThread());
          return List.of();
        }
      };
      SpamFilter filter = SpamFilter.builder()
          .check(FloodCheck.builder().store(remote, SECRET).storeTimeout(Duration.ofSeconds(2)).build())
          .check(after).build();
      assertThat(filter.check(comment(1, clock.instant()), SpamContext.EMPTY).decision()).isEqualTo(Decision.APPROVE);
      assertThat(ranOn).containsExactly(Thread.currentThread());
    } finally {
      io.shutdownNow();
    }
  }
}
