package dev.masthead.ranking;

import dev.masthead.testing.TestClock;
import static org.assertj.core.api.Assertions.assertThat;
import static dev.masthead.ranking.Flushed.flushed;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.masthead.core.ArticleId;
import dev.masthead.core.InvalidDataException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SnapshotTest {
  private static final Instant NOW = Instant.parse("2026-10-20T08:00:00Z");
  private static final List<RankingQuery> QUERIES = List.of(
      RankingQuery.top(RankingQuery.Window.lastHours(1), 20),
      RankingQuery.top(RankingQuery.Window.lastHours(24), 20),
      RankingQuery.top(RankingQuery.Window.lastDays(7), 20),
      RankingQuery.top(RankingQuery.Window.thisWeek(ZoneId.of("Europe/Berlin"), DayOfWeek.MONDAY), 20),
      RankingQuery.top(RankingQuery.Window.allTime(), 20),
      RankingQuery.builder(RankingQuery.Window.lastDays(3)).limit(20)
          .scoring(Scoring.halfLife(Duration.ofHours(6))).build());

  private TestClock clock;
  private InMemoryCounterStore sourceStore;
  private RankingEngine source;
  private byte[] snapshot;

  private static StoreLayout layout() {
    return RankingConfig.defaults().layout();
  }

  private RankingEngine engineOn(CounterStore store) {
    return RankingEngine.builder().clock(clock).resultCacheTtl(Duration.ZERO).counterStore(store).build();
  }

  @BeforeEach
  void recordTenDaysOfEvents() throws IOException {
    clock = new TestClock(NOW.minus(Duration.ofDays(10)));
    sourceStore = InMemoryCounterStore.create(layout());
    source = engineOn(sourceStore);
    SplittableRandom rnd = new SplittableRandom(7);
    for (int i = 0; i < 5_000; i++) {
      clock.advance(Duration.ofMillis(rnd.nextLong(Duration.ofDays(10).toMillis() / 5_000 * 2)));
      EngagementKind kind = List.of(EngagementKind.VIEW, EngagementKind.COMMENT, EngagementKind.SHARE).get(rnd.nextInt(3));
      source.record(new EngagementEvent(ArticleId.of("story-" + rnd.nextInt(60)), kind,
          clock.instant().minusSeconds(rnd.nextInt(3000)), 1 + rnd.nextInt(4), null, null));
      if (i % 500 == 0) {
        source.flush();
      }
    }
    source.record(EngagementEvent.view(ArticleId.of("x"), clock.instant().minus(Duration.ofDays(1)))); // rejected
    flushed(source);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    sourceStore.snapshot(out, clock.instant());
    snapshot = out.toByteArray();
  }

  @AfterEach
  void closeSource() {
    source.close();
  }

  @Test
  void restartAfterSnapshotLosesNothing() throws IOException {
    InMemoryCounterStore store = InMemoryCounterStore.create(layout());
    assertThat(store.restore(new ByteArrayInputStream(snapshot), clock.instant())).isPositive();
    try (RankingEngine restored = engineOn(store)) {
      for (RankingQuery q : QUERIES) {
        assertThat(restored.top(q).entries()).as("%s", q).isEqualTo(source.top(q).entries()).isNotEmpty();
      }
      assertThat(restored.stats().liveCells()).isEqualTo(source.stats().liveCells());
      // Counting goes on after the restore, running totals included.
      ArticleId fresh = ArticleId.of("fresh");
      restored.record(EngagementEvent.view(fresh, clock.instant()).withCount(1_000_000));
      assertThat(flushed(restored).top(RankingQuery.top(RankingQuery.Window.lastHours(24), 1)).articleIds())
          .containsExactly(fresh);
    }
  }

  @Test
  void restoringLaterDropsWhatTheRetentionNoLongerCovers() throws IOException {
    clock.advance(Duration.ofDays(30));
    InMemoryCounterStore store = InMemoryCounterStore.create(layout());
    store.restore(new ByteArrayInputStream(snapshot), clock.instant());
    try (RankingEngine restored = engineOn(store)) {
      assertThat(restored.top(RankingQuery.top(RankingQuery.Window.lastDays(7), 5)).entries()).isEmpty();
      assertThat(restored.top(RankingQuery.top(RankingQuery.Window.allTime(), 100)).entries())
          .isEqualTo(source.top(RankingQuery.top(RankingQuery.Window.allTime(), 100)).entries());
    }
  }

  @Test
  void restoresOnlyIntoAnEmptyStore() {
    assertThatThrownBy(() -> sourceStore.restore(new ByteArrayInputStream(snapshot), clock.instant()))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("empty");
  }

  private void assertRefusedAndUnchanged(byte[] bad, String messagePart) {
    InMemoryCounterStore target = InMemoryCounterStore.create(layout());
    assertThatThrownBy(() -> target.restore(new ByteArrayInputStream(bad), clock.instant()))
        .isInstanceOf(InvalidDataException.class).hasMessageContaining(messagePart);
    assertThat(target.liveCells()).isZero();
    try (RankingEngine engine = engineOn(target)) { // still empty, and usable
      engine.record(EngagementEvent.view(ArticleId.of("kept"), clock.instant()));
      assertThat(flushed(engine).top(RankingQuery.top(RankingQuery.Window.allTime(), 5)).articleIds())
          .containsExactly(ArticleId.of("kept"));
    }
  }

  @Test
  void refusesEveryTruncationWhole() {
    int[] lengths = {0, 1, 15, 16, 20, 27, 28, snapshot.length / 3, snapshot.length / 2, snapshot.length - 9,
        snapshot.length - 8, snapshot.length - 1};
    for (int len : lengths) {
      String expected = len < 28 ? "truncated" : (len < 20 ? "magic" : "refused");
      assertRefusedAndUnchanged(Arrays.copyOf(snapshot, len), expected);
    }
    for (int len = 28; len < snapshot.length; len += 997) {
      assertRefusedAndUnchanged(Arrays.copyOf(snapshot, len), "refused");
    }
  }

  @Test
  void refusesBitFlipsAnywhere() {
    SplittableRandom rnd = new SplittableRandom(11);
    for (int i = 0; i < 200; i++) {
      byte[] bad = snapshot.clone();
      int pos = i < 40 ? i : rnd.nextInt(bad.length);
      bad[pos] ^= (byte) (1 << rnd.nextInt(8));
      assertRefusedAndUnchanged(bad, "refused");
    }
  }

  @Test
  void refusesTrailingBytesAnotherVersionAndAnotherLayout() {
    byte[] longer = Arrays.copyOf(snapshot, snapshot.length + 1);
    assertRefusedAndUnchanged(longer, "checksum");
    byte[] v3 = snapshot.clone();
    v3[19] = 3;
    assertRefusedAndUnchanged(v3, "version 3");
    InMemoryCounterStore other = InMemoryCounterStore.create(
        RankingEngine.builder().retention(Duration.ofDays(100)).config().layout());
    assertThatThrownBy(() -> other.restore(new ByteArrayInputStream(snapshot), clock.instant()))
        .isInstanceOf(InvalidDataException.class).hasMessageContaining("bucket tiers");
    InMemoryCounterStore fewerKinds = InMemoryCounterStore.create(RankingEngine.builder()
        .scoring(Scoring.weighted(java.util.Map.of(EngagementKind.VIEW, 1L))).config().layout());
    assertThatThrownBy(() -> fewerKinds.restore(new ByteArrayInputStream(snapshot), clock.instant()))
        .isInstanceOf(InvalidDataException.class).hasMessageContaining("COMMENT");
  }

  @Test
  void regressionRefusesASnapshotWrittenFarInTheFuture() {
    InMemoryCounterStore target = InMemoryCounterStore.create(layout());
    Instant earlier = clock.instant().minus(Duration.ofDays(2));
    assertThatThrownBy(() -> target.restore(new ByteArrayInputStream(snapshot), earlier))
        .isInstanceOf(InvalidDataException.class).hasMessageContaining("more than a day after");
    assertThat(target.liveCells()).isZero();
  }
}
