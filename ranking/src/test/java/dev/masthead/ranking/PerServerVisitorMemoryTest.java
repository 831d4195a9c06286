package dev.masthead.ranking;

import static org.assertj.core.api.Assertions.assertThat;

import dev.masthead.core.ArticleId;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The {@link VisitorMemory} contract on the per-server memory, and what its size bound and expiry do. */
class PerServerVisitorMemoryTest extends VisitorMemoryContract {
  private static final long T = Instant.parse("2026-06-17T12:00:00Z").toEpochMilli();
  private static final long PERIOD = Duration.ofMinutes(30).toMillis();
  private static final long REMEMBER = Duration.ofMinutes(95).toMillis();

  @Override
  protected VisitorMemory create() {
    return VisitorMemory.perServer(1_000);
  }

  private static boolean first(PerServerVisitorMemory m, String visitor, long now) {
    return m.first(ArticleId.of("a"), EngagementKind.VIEW, visitor, now, PERIOD, REMEMBER, now);
  }

  /**
   * Issue 10, defect 1: a memory bounded by Caffeine's {@code maximumSize} (W-TinyLFU) refused newcomers once
   * full and kept its oldest entries, so recent visitors counted again. Filled, then 100 new visitors, then 200
   * others: the 100 must still be remembered, and the oldest are the ones forgotten.
   */
  @Test
  void regressionKeepsRecentVisitorsOnceFullAndForgetsTheOldest() {
    PerServerVisitorMemory m = new PerServerVisitorMemory(1_600); // 16 segments of 100
    long now = T;
    for (int i = 0; i < 5_000; i++) {
      assertThat(first(m, "old-" + i, now)).isTrue();
    }
    for (int i = 0; i < 100; i++) {
      assertThat(first(m, "recent-" + i, now)).isTrue();
    }
    for (int i = 0; i < 200; i++) {
      assertThat(first(m, "other-" + i, now)).isTrue();
    }
    assertThat(m.size()).isLessThanOrEqualTo(1_600);
    int remembered = 0;
    for (int i = 0; i < 100; i++) {
      remembered += first(m, "recent-" + i, now + 60_000) ? 0 : 1;
    }
    assertThat(remembered).as("recent visitors remembered").isEqualTo(100);
    int oldRemembered = 0;
    for (int i = 0; i < 1_000; i++) {
      oldRemembered += first(m, "old-" + i, now + 60_000) ? 0 : 1;
    }
    assertThat(oldRemembered).as("the oldest visitors are the ones forgotten").isZero();
  }

  @Test
  void forgetsEntriesOnceTheirTimeHasPassed() {
    PerServerVisitorMemory m = new PerServerVisitorMemory(1_600);
    for (int i = 0; i < 500; i++) {
      first(m, "v" + i, T);
    }
    assertThat(m.size()).isEqualTo(500);
    first(m, "later", T + REMEMBER + 1); // each segment drops its expired head as it is used
    long left = 0;
    for (int i = 0; i < 500; i++) {
      first(m, "probe-" + i, T + REMEMBER + 1);
    }
    left = m.size();
    assertThat(left).isEqualTo(501);
  }
}
