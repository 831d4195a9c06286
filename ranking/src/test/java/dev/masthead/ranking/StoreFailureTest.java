package dev.masthead.ranking;

import dev.masthead.testing.TestClock;
import static dev.masthead.ranking.Flushed.flushed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.masthead.core.ArticleId;
import dev.masthead.core.BackendUnavailableException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the engine does when its store or a shared visitor memory fails, hangs or loses a reply. */
class StoreFailureTest {
  private static final Instant NOW = Instant.parse("2026-06-17T12:00:00Z");
  private static final ArticleId A = ArticleId.of("a");
  private static final ArticleId B = ArticleId.of("b");
  private static final RankingQuery DAY = RankingQuery.top(RankingQuery.Window.lastHours(24), 5);
  private static final RankingQuery TODAY = RankingQuery.top(RankingQuery.Window.today(java.time.ZoneOffset.UTC), 5);

  private final TestClock clock = new TestClock(NOW);
  private final FlakyStore store = new FlakyStore(RankingConfig.defaults().layout());
  private RankingEngine engine = RankingEngine.builder().clock(clock).resultCacheTtl(Duration.ZERO)
      .storeTimeout(Duration.ofMillis(200)).counterStore(store).build();

  @AfterEach
  void close() {
    store.mode = FlakyStore.Mode.UP;
    engine.close();
  }

  private void views(ArticleId id, long n) {
    assertThat(engine.record(EngagementEvent.view(id, clock.instant()).withCount(n))).isEqualTo(RecordResult.ACCEPTED);
  }

  @Test
  void topServesTheLastGoodRankingMarkedStaleWhileTheStoreIsDown() {
    views(A, 3);
    Ranking good = flushed(engine).top(DAY);
    Ranking goodToday = engine.top(TODAY);
    assertThat(good.stale()).isFalse();
    store.mode = FlakyStore.Mode.DOWN;
    views(B, 10);
    assertThat(engine.flush()).isFalse(); // the counts stay buffered
    Ranking stale = engine.top(DAY);
    assertThat(stale.stale()).isTrue();
    assertThat(stale.entries()).isEqualTo(good.entries());
    assertThat(stale.computedAt()).isEqualTo(good.computedAt());
    assertThat(engine.top(TODAY).entries()).isEqualTo(goodToday.entries()); // unions fail the same way
    RankingStats down = engine.stats();
    assertThat(down.storeAvailable()).isFalse();
    assertThat(down.bufferedEvents()).isEqualTo(10);
    assertThat(down.liveCells()).isEqualTo(-1);

    store.mode = FlakyStore.Mode.UP;
    assertThat(engine.flush()).isTrue();
    Ranking fresh = engine.top(DAY);
    assertThat(fresh.stale()).isFalse();
    assertThat(fresh.articleIds()).containsExactly(B, A);
    RankingStats up = engine.stats();
    assertThat(up.storeAvailable()).isTrue();
    assertThat(up.deliveredEvents()).isEqualTo(13);
    assertThat(up.bufferedEvents()).isZero();
    assertThat(up.droppedEvents()).isZero();
  }

  @Test
  void withoutAGoodRankingTheAnswerIsEmptyAndStale() {
    store.mode = FlakyStore.Mode.DOWN;
    Ranking r = engine.top(DAY);
    assertThat(r.entries()).isEmpty();
    assertThat(r.stale()).isTrue();
    assertThat(r.computedAt()).isEqualTo(NOW);
  }

  @Test
  void aHangingStoreCostsARequestAtMostTheStoreTimeout() {
    views(A, 1);
    flushed(engine).top(DAY);
    store.mode = FlakyStore.Mode.HANG;
    long start = System.nanoTime();
    Ranking r = engine.top(DAY);
    long tookMillis = (System.nanoTime() - start) / 1_000_000;
    assertThat(r.stale()).isTrue();
    assertThat(r.articleIds()).containsExactly(A);
    assertThat(tookMillis).as("waited for a store that never answers").isBetween(150L, 10_000L);
  }

  @Test
  void aBatchWhoseReplyWasLostIsResentAndCountsOnce() {
    views(A, 4);
    store.mode = FlakyStore.Mode.LOSE_REPLY; // the store counts the batch, the engine hears a failure
    assertThat(engine.flush()).isFalse();
    store.mode = FlakyStore.Mode.UP;
    assertThat(engine.flush()).isTrue();
    assertThat(store.addCalls.get()).isEqualTo(2);
    assertThat(engine.top(DAY).entries().get(0).count(EngagementKind.VIEW)).isEqualTo(4);
    assertThat(engine.stats().deliveredEvents()).isEqualTo(4);
  }

  @Test
  void countsBeyondTheBufferCapAreDroppedAndCounted() {
    engine.close();
    engine = RankingEngine.builder().clock(clock).resultCacheTtl(Duration.ZERO).bufferCells(16).maxBufferedCells(48)
        .flushInterval(Duration.ofMinutes(1)).storeTimeout(Duration.ofMillis(200)).counterStore(store).build();
    store.mode = FlakyStore.Mode.DOWN;
    for (int i = 0; i < 200; i++) {
      views(ArticleId.of("n" + i), 1);
    }
    engine.flush();
    RankingStats down = engine.stats();
    assertThat(down.accepted()).isEqualTo(200);
    assertThat(down.droppedEvents()).isPositive();
    assertThat(down.bufferedEvents()).isLessThanOrEqualTo(48);
    assertThat(down.bufferedEvents() + down.droppedEvents()).isEqualTo(200);
    store.mode = FlakyStore.Mode.UP;
    assertThat(engine.flush()).isTrue();
    RankingStats up = engine.stats();
    assertThat(up.deliveredEvents() + up.droppedEvents()).isEqualTo(200);
    assertThat(up.deliveredEvents()).isEqualTo(down.bufferedEvents()).isPositive(); // kept up to the cap
    assertThat(engine.top(RankingQuery.top(RankingQuery.Window.lastHours(1), 1000)).entries())
        .hasSize((int) up.deliveredEvents());
  }

  @Test
  void aBatchUndeliveredPastTheResendWindowIsDroppedAndCounted() {
    store.mode = FlakyStore.Mode.DOWN;
    views(A, 7);
    assertThat(engine.flush()).isFalse();
    clock.advance(CounterStore.Batch.RESEND_WINDOW.plusMinutes(1));
    views(B, 1); // the engine's time moves with what it records
    store.mode = FlakyStore.Mode.UP;
    assertThat(engine.flush()).isTrue();
    RankingStats s = engine.stats();
    assertThat(s.droppedEvents()).isEqualTo(7);
    assertThat(s.deliveredEvents()).isEqualTo(1);
  }

  @Test
  void refusesAStoreOfAnotherLayoutNamingTheDifference() {
    CounterStore other = InMemoryCounterStore.create(RankingEngine.builder().retention(Duration.ofDays(100))
        .config().layout());
    assertThatThrownBy(() -> RankingEngine.builder().counterStore(other).build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("tiers");
  }

  /** A visitor memory that is shared: the engine must ask it from the flusher, in batches. */
  private static final class SharedMemory implements VisitorMemory {
    final VisitorMemory inner = VisitorMemory.perServer(1_000);
    volatile boolean down;
    volatile int calls;

    @Override
    public CompletionStage<boolean[]> firstSightings(List<Sighting> sightings, Duration period, Duration remember,
        long nowEpochMillis) {
      calls++;
      return down ? CompletableFuture.failedFuture(new BackendUnavailableException("memory down", null))
          : inner.firstSightings(sightings, period, remember, nowEpochMillis);
    }
  }

  @Test
  void aSharedVisitorMemoryIsAskedAtTheFlushAndRepeatsAreCountedThen() {
    SharedMemory memory = new SharedMemory();
    engine.close();
    engine = RankingEngine.builder().clock(clock).resultCacheTtl(Duration.ZERO).visitorMemory(memory)
        .counterStore(store).build();
    EngagementEvent view = EngagementEvent.view(A, NOW).withVisitor("v1", null);
    assertThat(engine.record(view)).isEqualTo(RecordResult.ACCEPTED);
    assertThat(engine.record(view)).isEqualTo(RecordResult.ACCEPTED); // accepted into the buffer, not yet judged
    assertThat(engine.record(view.withVisitor("v2", null))).isEqualTo(RecordResult.ACCEPTED);
    assertThat(memory.calls).isZero(); // never from the request thread
    assertThat(engine.flush()).isTrue();
    assertThat(memory.calls).isEqualTo(1); // one call for the batch
    assertThat(engine.top(DAY).entries().get(0).count(EngagementKind.VIEW)).isEqualTo(2);
    RankingStats s = engine.stats();
    assertThat(s.rejected()).containsEntry(RecordResult.REPEAT_VISITOR, 1L);
    assertThat(s.deliveredEvents()).isEqualTo(2);
    assertThat(s.bufferedEvents()).isZero();

    memory.down = true; // fails open: the events count, flagged unverified
    engine.record(view);
    engine.record(view);
    assertThat(engine.flush()).isTrue();
    assertThat(engine.top(DAY).entries().get(0).count(EngagementKind.VIEW)).isEqualTo(4);
    assertThat(engine.stats().unverifiedVisitorEvents()).isEqualTo(2);
  }

  @Test
  void anInProcessVisitorMemoryOfTheHostIsAskedInRecord() {
    VisitorMemory perServer = VisitorMemory.perServer(1_000);
    VisitorMemory hosts = new VisitorMemory() { // not the built-in class, but answers in process
      @Override
      public CompletionStage<boolean[]> firstSightings(List<Sighting> sightings, Duration period, Duration remember,
          long nowEpochMillis) {
        return perServer.firstSightings(sightings, period, remember, nowEpochMillis);
      }

      @Override
      public boolean answersInProcess() {
        return true;
      }
    };
    engine.close();
    engine = RankingEngine.builder().clock(clock).resultCacheTtl(Duration.ZERO).visitorMemory(hosts)
        .counterStore(store).build();
    EngagementEvent view = EngagementEvent.view(A, NOW).withVisitor("v1", null);
    assertThat(engine.record(view)).isEqualTo(RecordResult.ACCEPTED);
    assertThat(engine.record(view)).isEqualTo(RecordResult.REPEAT_VISITOR);
  }

  @Test
  void aSlowStoreWhoseTopIsWidenedSeveralTimesStillAnswersWithinOneStoreTimeout() {
    // 200 counted articles, and the lookup knows only the least viewed: the engine asks for the top 5, 20, 80,
    // 320; each answer comes 150 ms late, inside the 200 ms store timeout, but four of them are 600 ms
    ArticleId known = ArticleId.of("a0");
    dev.masthead.core.Article article = dev.masthead.core.Article.builder().id(known).headline("Known")
        .status(dev.masthead.core.ArticleStatus.PUBLISHED).publishedAt(NOW.minus(Duration.ofDays(1))).build();
    RankingEngine filtered = RankingEngine.builder().clock(clock).resultCacheTtl(Duration.ZERO)
        .storeTimeout(Duration.ofMillis(200)).counterStore(store)
        .articles(id -> id.equals(known) ? java.util.Optional.of(article) : java.util.Optional.empty()).build();
    try {
      for (int i = 0; i < 200; i++) {
        filtered.record(EngagementEvent.view(ArticleId.of("a" + i), clock.instant()).withCount(i + 1));
      }
      assertThat(filtered.flush()).isTrue();
      assertThat(filtered.top(DAY).entries()).extracting(RankingEntry::articleId).containsExactly(known);
      store.mode = FlakyStore.Mode.SLOW;
      store.topCalls.set(0);
      long t0 = System.nanoTime();
      Ranking slow = filtered.top(DAY);
      long millis = (System.nanoTime() - t0) / 1_000_000;
      assertThat(store.topCalls.get()).isGreaterThanOrEqualTo(1);
      assertThat(millis).isLessThan(200 + 100);
      assertThat(slow.stale()).isTrue(); // the last good ranking, since the store did not finish in time
      assertThat(slow.entries()).extracting(RankingEntry::articleId).containsExactly(known);
    } finally {
      store.mode = FlakyStore.Mode.UP;
      filtered.close();
    }
  }
}
