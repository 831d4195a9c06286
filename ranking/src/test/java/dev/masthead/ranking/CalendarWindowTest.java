package dev.masthead.ranking;

import static org.assertj.core.api.Assertions.assertThat;
import static dev.masthead.ranking.Flushed.flushed;

import dev.masthead.core.ArticleId;
import dev.masthead.testing.TestClock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Calendar windows on the days clocks change: 23- and 25-hour days, 167- and 169-hour weeks. */
class CalendarWindowTest {
  private static final ArticleId INSIDE_EARLY = ArticleId.of("inside-early");
  private static final ArticleId INSIDE_LATE = ArticleId.of("inside-late");
  private static final ArticleId BEFORE = ArticleId.of("before");

  private static Instant local(String zone, String dateTime) {
    return LocalDateTime.parse(dateTime).atZone(ZoneId.of(zone)).toInstant();
  }

  @ParameterizedTest(name = "{0} {1}: {2} hours")
  @CsvSource({
      "America/New_York, 2026-03-08, 23",
      "America/New_York, 2026-11-01, 25",
      "Europe/Berlin, 2026-03-29, 23",
      "Europe/Berlin, 2026-10-25, 25",
      "Europe/Berlin, 2026-06-15, 24"})
  void todayCoversTheLocalDayWhateverItsLength(String zone, String date, int hours) {
    Instant midnight = local(zone, date + "T00:00");
    Instant late = local(zone, date + "T23:30");
    TestClock clock = new TestClock(late.plus(Duration.ofMinutes(20))); // 23:50 local
    RankingEngine engine = RankingEngine.builder().clock(clock).allowedLateness(Duration.ofDays(2))
        .resultCacheTtl(Duration.ZERO).build();
    engine.record(EngagementEvent.view(INSIDE_EARLY, midnight).withCount(3));
    engine.record(EngagementEvent.view(INSIDE_LATE, late).withCount(2));
    engine.record(EngagementEvent.view(BEFORE, midnight.minusMillis(1)).withCount(10));

    Ranking today = flushed(engine).top(RankingQuery.top(RankingQuery.Window.today(ZoneId.of(zone)), 5));

    assertThat(today.coveredFrom()).isEqualTo(midnight);
    assertThat(Duration.between(midnight, local(zone, date + "T00:00").atZone(ZoneId.of(zone))
        .toLocalDate().plusDays(1).atStartOfDay(ZoneId.of(zone)).toInstant())).hasHours(hours);
    assertThat(today.articleIds()).containsExactly(INSIDE_EARLY, INSIDE_LATE);
  }

  @ParameterizedTest(name = "{0} week of {1}: {2} hours")
  @CsvSource({
      "America/New_York, 2026-03-08, SUNDAY, 167",
      "America/New_York, 2026-11-01, SUNDAY, 169",
      "Europe/Berlin, 2026-03-23, MONDAY, 167",
      "Europe/Berlin, 2026-10-19, MONDAY, 169"})
  void thisWeekStartsAtLocalMidnightOfItsFirstDayAcrossADstChange(
      String zone, String firstDate, DayOfWeek firstDay, int hours) {
    ZoneId z = ZoneId.of(zone);
    Instant start = local(zone, firstDate + "T00:00");
    Instant end = LocalDateTime.parse(firstDate + "T00:00").plusDays(7).atZone(z).toInstant();
    assertThat(Duration.between(start, end)).hasHours(hours);
    TestClock clock = new TestClock(end.minus(Duration.ofMinutes(10)));
    RankingEngine engine = RankingEngine.builder().clock(clock).allowedLateness(Duration.ofDays(8))
        .resultCacheTtl(Duration.ZERO).build();
    engine.record(EngagementEvent.view(INSIDE_EARLY, start).withCount(3));
    engine.record(EngagementEvent.view(INSIDE_LATE, end.minus(Duration.ofMinutes(11))).withCount(2));
    engine.record(EngagementEvent.view(BEFORE, start.minusMillis(1)).withCount(10));

    Ranking week = flushed(engine).top(RankingQuery.top(RankingQuery.Window.thisWeek(z, firstDay), 5));
    Ranking lastSeven = flushed(engine).top(RankingQuery.top(RankingQuery.Window.lastDays(7), 5));

    assertThat(week.coveredFrom()).isEqualTo(start);
    assertThat(week.articleIds()).containsExactly(INSIDE_EARLY, INSIDE_LATE);
    // 168 hours back from 10 minutes before the end of the week, rounded down to the hour: from a 167-hour
    // week that reaches into the previous week; from a 169-hour week it starts 50 minutes into the week,
    // which rounds down to the week's start.
    Instant rollingStart = clock.instant().minus(Duration.ofDays(7));
    assertThat(lastSeven.coveredFrom()).isEqualTo(Instant.ofEpochSecond(rollingStart.getEpochSecond() / 3600 * 3600));
    if (hours == 167) {
      assertThat(lastSeven.coveredFrom()).isBefore(start);
      assertThat(lastSeven.articleIds()).containsExactly(BEFORE, INSIDE_EARLY, INSIDE_LATE);
    } else {
      assertThat(lastSeven.coveredFrom()).isEqualTo(start);
      assertThat(lastSeven.articleIds()).containsExactly(INSIDE_EARLY, INSIDE_LATE);
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"America/New_York", "Europe/Berlin"})
  void thisMonthSpansTheLocalMonthThatHoldsADstChange(String zone) {
    ZoneId z = ZoneId.of(zone);
    Instant first = local(zone, "2026-03-01T00:00");
    TestClock clock = new TestClock(local(zone, "2026-03-31T23:00"));
    RankingEngine engine = RankingEngine.builder().clock(clock).allowedLateness(Duration.ofDays(31))
        .resultCacheTtl(Duration.ZERO).build();
    engine.record(EngagementEvent.view(INSIDE_EARLY, first));
    engine.record(EngagementEvent.view(BEFORE, first.minusMillis(1)).withCount(5));
    Ranking month = flushed(engine).top(RankingQuery.top(RankingQuery.Window.thisMonth(z), 5));
    assertThat(month.coveredFrom()).isEqualTo(first);
    assertThat(month.articleIds()).containsExactly(INSIDE_EARLY);
  }

  /**
   * Issue 10, defect 6: {@code today()} asked 20 s after local midnight returned yesterday's cached list. A
   * cached ranking of a calendar window is never served after the window's end, even within the cache TTL.
   */
  @ParameterizedTest
  @CsvSource({"UTC", "America/New_York", "Asia/Kolkata"})
  void regressionTodayIsNotServedFromTheCacheAfterLocalMidnight(String zone) {
    ZoneId z = ZoneId.of(zone);
    TestClock clock = new TestClock(local(zone, "2026-06-17T23:59:40"));
    try (RankingEngine e = RankingEngine.builder().clock(clock).resultCacheTtl(Duration.ofSeconds(30)).build()) {
      ArticleId yesterday = ArticleId.of("yesterday");
      ArticleId todays = ArticleId.of("today");
      e.record(EngagementEvent.view(yesterday, clock.instant()).withCount(50));
      RankingQuery q = RankingQuery.top(RankingQuery.Window.today(z), 5);
      assertThat(flushed(e).top(q).articleIds()).containsExactly(yesterday);
      clock.set(local(zone, "2026-06-18T00:00:20")); // 40 s later: within the TTL, past midnight
      e.record(EngagementEvent.view(todays, clock.instant()));
      Ranking after = flushed(e).top(q);
      assertThat(after.articleIds()).containsExactly(todays);
      assertThat(after.coveredFrom()).isEqualTo(local(zone, "2026-06-18T00:00:00"));
      assertThat(e.top(q)).isSameAs(after); // and within the new day the cache serves again
    }
  }

  @Test
  void aRollingWindowIsStillServedFromTheCacheWithinTheTtl() {
    TestClock clock = new TestClock(Instant.parse("2026-06-17T23:59:40Z"));
    try (RankingEngine e = RankingEngine.builder().clock(clock).resultCacheTtl(Duration.ofSeconds(30)).build()) {
      e.record(EngagementEvent.view(INSIDE_EARLY, clock.instant()));
      RankingQuery q = RankingQuery.top(RankingQuery.Window.lastHours(24), 5);
      Ranking first = flushed(e).top(q);
      clock.set(Instant.parse("2026-06-18T00:00:05Z"));
      e.record(EngagementEvent.view(INSIDE_LATE, clock.instant()));
      assertThat(flushed(e).top(q)).isSameAs(first);
    }
  }
}
