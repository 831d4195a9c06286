package dev.masthead.ranking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.masthead.core.ArticleId;
import dev.masthead.core.InvalidDataException;
import dev.masthead.testing.TestClock;
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
  private RankingEngine source;
  private byte[] snapshot;

  private RankingEngine newEngine() {
    return RankingEngine.builder().clock(clock).resultCacheTtl(Duration.ZERO).build();
  }

  @BeforeEach
  void recordTenDaysOfEvents() throws IOException {
    clock = new TestClock(NOW.minus(Duration.ofDays(10)));
    source = newEngine();
    SplittableRandom rnd = new SplittableRandom(7);
    for (int i = 0; i < 5_000; i++) {
      clock.advance(Duration.ofMillis(rnd.nextLong(Duration.ofDays(10).toMillis() / 5_000 * 2)));
      EngagementKind kind = List.of(EngagementKind.VIEW, EngagementKind.COMMENT, EngagementKind.SHARE).get(rnd.nextInt(3));
      source.record(new EngagementEvent(ArticleId.of("story-" + rnd.nextInt(60)), kind,
          clock.instant().minusSeconds(rnd.nextInt(3000)), 1 + rnd.nextInt(4), null, null));
    }
    source.record(EngagementEvent.view(ArticleId.of("x"), clock.instant().minus(Duration.ofDays(1)))); // rejected
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    source.snapshot(out);
    snapshot = out.toByteArray();
  }

  @Test
  void restartAfterSnapshotLosesNothing() throws IOException {
    RankingEngine restored = newEngine();
    restored.restore(new ByteArrayInputStream(snapshot));
    for (RankingQuery q : QUERIES) {
      assertThat(restored.top(q).entries()).as("%s", q).isEqualTo(source.top(q).entries()).isNotEmpty();
    }
    RankingStats before = source.stats();
    RankingStats after = restored.stats();
    assertThat(after.accepted()).isEqualTo(before.accepted());
    assertThat(after.rejected()).isEqualTo(before.rejected());
    assertThat(after.liveCells()).isEqualTo(before.liveCells());
    // Counting goes on after the restore, running totals included.
    ArticleId fresh = ArticleId.of("fresh");
    restored.record(EngagementEvent.view(fresh, clock.instant()).withWeight(1_000_000));
    assertThat(restored.top(RankingQuery.top(RankingQuery.Window.lastHours(24), 1)).articleIds()).containsExactly(fresh);
  }

  @Test
  void restoringLaterDropsWhatTheRetentionNoLongerCovers() throws IOException {
    clock.advance(Duration.ofDays(30));
    RankingEngine restored = newEngine();
    restored.restore(new ByteArrayInputStream(snapshot));
    assertThat(restored.top(RankingQuery.top(RankingQuery.Window.lastDays(7), 5)).entries()).isEmpty();
    assertThat(restored.top(RankingQuery.top(RankingQuery.Window.allTime(), 100)).entries())
        .isEqualTo(source.top(RankingQuery.top(RankingQuery.Window.allTime(), 100)).entries());
  }

  private void assertRefusedAndUnchanged(byte[] bad, String messagePart) {
    RankingEngine target = newEngine();
    target.record(EngagementEvent.view(ArticleId.of("kept"), clock.instant()));
    assertThatThrownBy(() -> target.restore(new ByteArrayInputStream(bad)))
        .isInstanceOf(InvalidDataException.class).hasMessageContaining(messagePart);
    assertThat(target.top(RankingQuery.top(RankingQuery.Window.allTime(), 5)).articleIds())
        .containsExactly(ArticleId.of("kept"));
    assertThat(target.stats().accepted()).isEqualTo(1);
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
  void refusesTrailingBytesAnotherVersionAndAnotherLayout() throws IOException {
    byte[] longer = Arrays.copyOf(snapshot, snapshot.length + 1);
    assertRefusedAndUnchanged(longer, "checksum");
    byte[] v2 = snapshot.clone();
    v2[19] = 2;
    assertRefusedAndUnchanged(v2, "version 2");
    RankingEngine other = RankingEngine.builder().clock(clock).retention(Duration.ofDays(100)).build();
    assertThatThrownBy(() -> other.restore(new ByteArrayInputStream(snapshot)))
        .isInstanceOf(InvalidDataException.class).hasMessageContaining("bucket tiers");
    RankingEngine fewerKinds = RankingEngine.builder().clock(clock)
        .scoring(Scoring.weighted(java.util.Map.of(EngagementKind.VIEW, 1L))).build();
    assertThatThrownBy(() -> fewerKinds.restore(new ByteArrayInputStream(snapshot)))
        .isInstanceOf(InvalidDataException.class).hasMessageContaining("COMMENT");
  }

  @Test
  void regressionRefusesASnapshotWrittenFarInTheFuture() {
    TestClock earlier = new TestClock(clock.instant().minus(Duration.ofDays(2)));
    RankingEngine target = RankingEngine.builder().clock(earlier).resultCacheTtl(Duration.ZERO).build();
    target.record(EngagementEvent.view(ArticleId.of("kept"), earlier.instant()));
    assertThatThrownBy(() -> target.restore(new ByteArrayInputStream(snapshot)))
        .isInstanceOf(InvalidDataException.class).hasMessageContaining("more than a day after");
    assertThat(target.record(EngagementEvent.view(ArticleId.of("kept"), earlier.instant())).accepted()).isTrue();
    assertThat(target.top(RankingQuery.top(RankingQuery.Window.allTime(), 5)).articleIds())
        .containsExactly(ArticleId.of("kept"));
  }
}
