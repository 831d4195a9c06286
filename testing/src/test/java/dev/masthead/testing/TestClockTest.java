package dev.masthead.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class TestClockTest {
  private static final Instant START = Instant.parse("2026-03-14T09:26:53Z");

  @Test
  void standsStillUntilMoved() {
    TestClock clock = new TestClock(START);
    assertThat(clock.instant()).isEqualTo(START);
    assertThat(clock.millis()).isEqualTo(START.toEpochMilli());
    assertThat(clock.getZone()).isEqualTo(ZoneOffset.UTC);
  }

  @Test
  void advancesBySpansAndReturnsTheNewTime() {
    TestClock clock = new TestClock(START);
    assertThat(clock.advance(Duration.ofSeconds(15))).isEqualTo(START.plusSeconds(15));
    assertThat(clock.advance(Duration.ofMinutes(-1))).isEqualTo(START.minusSeconds(45));
    assertThat(clock.instant()).isEqualTo(START.minusSeconds(45));
  }

  @Test
  void setsAnyInstantEarlierOrLater() {
    TestClock clock = new TestClock(START);
    clock.set(START.plus(Duration.ofDays(3)));
    assertThat(clock.instant()).isEqualTo(START.plus(Duration.ofDays(3)));
    clock.set(START.minusMillis(1));
    assertThat(clock.instant()).isEqualTo(START.minusMillis(1));
  }

  @Test
  void zonedCopySharesTheTime() {
    TestClock clock = new TestClock(START);
    TestClock berlin = clock.withZone(ZoneId.of("Europe/Berlin"));
    clock.advance(Duration.ofHours(1));
    assertThat(berlin.instant()).isEqualTo(START.plus(Duration.ofHours(1)));
    assertThat(ZonedDateTime.now(berlin).getHour()).isEqualTo(11);
    berlin.set(START);
    assertThat(clock.instant()).isEqualTo(START);
    assertThat(berlin).isEqualTo(clock.withZone(ZoneId.of("Europe/Berlin"))).isNotEqualTo(clock);
    assertThat(new TestClock(START)).isNotEqualTo(clock);
  }

  @Test
  void concurrentAdvancesAddUp() throws Exception {
    TestClock clock = new TestClock(START);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        done.add(pool.submit(() -> {
          for (int i = 0; i < 10_000; i++) {
            clock.advance(Duration.ofMillis(1));
          }
        }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(clock.instant()).isEqualTo(START.plusSeconds(40));
  }

  @Test
  void refusesNulls() {
    TestClock clock = new TestClock(START);
    assertThatThrownBy(() -> new TestClock(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> clock.set(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> clock.advance(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> clock.withZone(null)).isInstanceOf(NullPointerException.class);
  }
}
