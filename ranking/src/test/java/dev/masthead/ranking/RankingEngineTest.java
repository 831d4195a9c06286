package dev.masthead.ranking;

import static org.assertj.core.api.Assertions.assertThat;
import static dev.masthead.ranking.Flushed.flushed;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.masthead.core.Article;
import dev.masthead.core.ArticleId;
import dev.masthead.core.ArticleStatus;
import dev.masthead.core.Section;
import dev.masthead.core.Tag;
import dev.masthead.testing.TestClock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

class RankingEngineTest {
  private static final Instant NOW = Instant.parse("2026-06-17T12:00:00Z"); // a Wednesday
  private static final ArticleId A = ArticleId.of("a");
  private static final ArticleId B = ArticleId.of("b");
  private static final ArticleId C = ArticleId.of("c");

  private final TestClock clock = new TestClock(NOW);
  private final Map<ArticleId, Article> catalog = new ConcurrentHashMap<>();

  private RankingEngine engine() {
    return RankingEngine.builder().clock(clock).resultCacheTtl(Duration.ZERO).build();
  }

  private RankingEngine engineWithLookup(Duration ttl) {
    return RankingEngine.builder().clock(clock).resultCacheTtl(ttl)
        .articles(id -> Optional.ofNullable(catalog.get(id))).build();
  }

  private void publish(ArticleId id, String section, String... tags) {
    Article.Builder b = Article.builder().id(id).headline("Headline " + id).section(section)
        .status(ArticleStatus.PUBLISHED).publishedAt(NOW.minus(Duration.ofDays(2)));
    for (String t : tags) {
      b.tag(t);
    }
    catalog.put(id, b.build());
  }

  private static void views(RankingEngine e, ArticleId id, Instant at, long n) {
    assertThat(e.record(EngagementEvent.view(id, at).withCount(n)).accepted()).isTrue();
  }

  private static RankingQuery top(RankingQuery.Window w, int n) {
    return RankingQuery.top(w, n);
  }

  @Test
  void ranksByWeightedScoreWithCommentWorthMoreThanView() {
    RankingEngine e = engine();
    views(e, A, NOW, 9);
    e.record(EngagementEvent.of(B, EngagementKind.COMMENT, NOW));
    Ranking r = flushed(e).top(top(RankingQuery.Window.lastHours(1), 5));
    assertThat(r.articleIds()).containsExactly(B, A);
    assertThat(r.entries().get(0).score()).isEqualTo(10.0);
    assertThat(r.entries().get(0).count(EngagementKind.COMMENT)).isEqualTo(1);
    assertThat(r.entries().get(1).counts()).containsEntry(EngagementKind.VIEW, 9L)
        .containsEntry(EngagementKind.COMMENT, 0L).containsEntry(EngagementKind.SHARE, 0L);
    assertThat(r.entries().get(1).rank()).isEqualTo(2);
  }

  @Test
  void countsAnEventInTheBucketOfItsTimeNotOfItsArrival() {
    RankingEngine e = engine();
    views(e, A, NOW.minus(Duration.ofMinutes(50)), 3); // arrives now, happened 50 minutes ago
    assertThat(flushed(e).top(top(RankingQuery.Window.last(Duration.ofMinutes(30)), 5)).entries()).isEmpty();
    assertThat(flushed(e).top(top(RankingQuery.Window.lastHours(1), 5)).articleIds()).containsExactly(A);
  }

  @Test
  void rejectsEventsOutsideLatenessAndSkewAndCountsThem() {
    RankingEngine e = engine();
    assertThat(e.record(EngagementEvent.view(A, NOW.minus(Duration.ofMinutes(59))))).isEqualTo(RecordResult.ACCEPTED);
    assertThat(e.record(EngagementEvent.view(A, NOW.minus(Duration.ofMinutes(61))))).isEqualTo(RecordResult.TOO_LATE);
    assertThat(e.record(EngagementEvent.view(A, NOW.plus(Duration.ofMinutes(5))))).isEqualTo(RecordResult.ACCEPTED);
    assertThat(e.record(EngagementEvent.view(A, NOW.plus(Duration.ofMinutes(5)).plusMillis(1)))).isEqualTo(RecordResult.TOO_FAR_IN_FUTURE);
    assertThat(e.record(EngagementEvent.view(A, Instant.MAX))).isEqualTo(RecordResult.TOO_FAR_IN_FUTURE);
    assertThat(e.record(EngagementEvent.view(A, Instant.MIN))).isEqualTo(RecordResult.TOO_LATE);
    assertThat(e.record(EngagementEvent.of(A, EngagementKind.of("REACTION"), NOW))).isEqualTo(RecordResult.UNKNOWN_KIND);
    RankingStats s = e.stats();
    assertThat(s.accepted()).isEqualTo(2);
    assertThat(s.rejected()).containsEntry(RecordResult.TOO_LATE, 2L).containsEntry(RecordResult.TOO_FAR_IN_FUTURE, 2L)
        .containsEntry(RecordResult.UNKNOWN_KIND, 1L).containsEntry(RecordResult.CRAWLER, 0L);
    assertThat(s.rejectedTotal()).isEqualTo(5);
  }

  @Test
  void recordAllReturnsOneResultPerEventInOrder() {
    RankingEngine e = engine();
    List<RecordResult> results = e.recordAll(List.of(EngagementEvent.view(A, NOW),
        EngagementEvent.view(A, NOW.minus(Duration.ofDays(1))), EngagementEvent.view(B, NOW)));
    assertThat(results).containsExactly(RecordResult.ACCEPTED, RecordResult.TOO_LATE,
        RecordResult.ACCEPTED);
  }

  @Test
  void rejectsCrawlersByUserAgentAndAcceptsBrowsers() {
    RankingEngine e = engine();
    String googlebot = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)";
    String firefox = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";
    assertThat(e.record(EngagementEvent.view(A, NOW).withVisitor(null, googlebot))).isEqualTo(RecordResult.CRAWLER);
    assertThat(e.record(EngagementEvent.view(A, NOW).withVisitor(null, "curl/8.5.0"))).isEqualTo(RecordResult.CRAWLER);
    assertThat(e.record(EngagementEvent.view(A, NOW).withVisitor(null, firefox))).isEqualTo(RecordResult.ACCEPTED);
    RankingEngine noFilter = RankingEngine.builder().clock(clock).crawlerPatterns(List.of()).build();
    assertThat(noFilter.record(EngagementEvent.view(A, NOW).withVisitor(null, googlebot)).accepted()).isTrue();
  }

  @Test
  void countsAVisitorOncePerArticleWithinThePeriod() {
    RankingEngine e = engine();
    EngagementEvent first = EngagementEvent.view(A, NOW.minus(Duration.ofMinutes(40))).withVisitor("v1", null);
    assertThat(e.record(first)).isEqualTo(RecordResult.ACCEPTED);
    assertThat(e.record(first.withVisitor("v1", null))).isEqualTo(RecordResult.REPEAT_VISITOR);
    assertThat(e.record(EngagementEvent.view(A, NOW.minus(Duration.ofMinutes(11))).withVisitor("v1", null))).isEqualTo(RecordResult.REPEAT_VISITOR);
    assertThat(e.record(EngagementEvent.view(A, NOW.minus(Duration.ofMinutes(10))).withVisitor("v1", null)))
        .isEqualTo(RecordResult.ACCEPTED); // 30 minutes after the counted one
    assertThat(e.record(EngagementEvent.view(B, NOW).withVisitor("v1", null))).isEqualTo(RecordResult.ACCEPTED);
    assertThat(e.record(EngagementEvent.view(A, NOW).withVisitor("v2", null))).isEqualTo(RecordResult.ACCEPTED);
    assertThat(e.record(EngagementEvent.of(A, EngagementKind.COMMENT, NOW).withVisitor("v2", null)))
        .isEqualTo(RecordResult.ACCEPTED);
    assertThat(flushed(e).top(top(RankingQuery.Window.lastHours(1), 5)).entries().get(0).count(EngagementKind.VIEW))
        .isEqualTo(3);
  }

  @Test
  void breaksTiesByMostRecentEventThenByIdAscending() {
    RankingEngine e = engine();
    views(e, C, NOW.minusSeconds(30), 2);
    views(e, B, NOW.minusSeconds(10), 2);
    views(e, A, NOW.minusSeconds(30), 2);
    assertThat(flushed(e).top(top(RankingQuery.Window.lastHours(1), 5)).articleIds()).containsExactly(B, A, C);
  }

  @Test
  void includesEventsExactlyOnTheStartEdgeAndExcludesTheMillisecondBefore() {
    RankingEngine e = RankingEngine.builder().clock(clock).allowedLateness(Duration.ofHours(2))
        .resultCacheTtl(Duration.ZERO).build();
    clock.set(NOW.plusSeconds(17)); // the window starts at 11:00:17, rounded down to 11:00:00
    views(e, A, NOW.minus(Duration.ofHours(1)), 1);
    views(e, B, NOW.minus(Duration.ofHours(1)).minusMillis(1), 1);
    Ranking r = flushed(e).top(top(RankingQuery.Window.lastHours(1), 5));
    assertThat(r.coveredFrom()).isEqualTo(NOW.minus(Duration.ofHours(1)));
    assertThat(r.articleIds()).containsExactly(A);
    Ranking custom = flushed(e).top(top(RankingQuery.Window.fixed(NOW.minus(Duration.ofHours(1)),
        NOW.minus(Duration.ofMinutes(59))), 5));
    assertThat(custom.articleIds()).containsExactly(A);
    assertThat(custom.coveredTo()).isEqualTo(NOW.minus(Duration.ofMinutes(59)));
  }

  @Test
  void rollingSevenDaysAndCalendarWeekAreDifferentAnswers() {
    RankingEngine e = RankingEngine.builder().clock(clock).allowedLateness(Duration.ofDays(6))
        .resultCacheTtl(Duration.ZERO).build();
    views(e, A, Instant.parse("2026-06-12T09:00:00Z"), 50); // last Friday
    views(e, B, Instant.parse("2026-06-16T09:00:00Z"), 5); // this Tuesday
    Ranking rolling = flushed(e).top(top(RankingQuery.Window.lastDays(7), 5));
    Ranking week = flushed(e).top(top(RankingQuery.Window.thisWeek(ZoneOffset.UTC, DayOfWeek.MONDAY), 5));
    Ranking usWeek = flushed(e).top(top(RankingQuery.Window.thisWeek(ZoneOffset.UTC, DayOfWeek.SUNDAY), 5));
    assertThat(rolling.articleIds()).containsExactly(A, B);
    assertThat(week.articleIds()).containsExactly(B);
    assertThat(week.coveredFrom()).isEqualTo(Instant.parse("2026-06-15T00:00:00Z"));
    assertThat(usWeek.coveredFrom()).isEqualTo(Instant.parse("2026-06-14T00:00:00Z"));
    assertThat(rolling.coveredFrom()).isEqualTo(Instant.parse("2026-06-10T12:00:00Z"));
  }

  @Test
  void halfLifeScoringDecaysEachBucketFromItsStart() {
    RankingEngine e = engine();
    views(e, A, NOW.minus(Duration.ofMinutes(30)), 10); // 10 views half an hour ago
    views(e, B, NOW, 6); // 6 views now
    RankingQuery q = RankingQuery.builder(RankingQuery.Window.lastHours(1)).limit(5)
        .scoring(Scoring.halfLife(Duration.ofMinutes(30))).build();
    Ranking r = flushed(e).top(q);
    assertThat(r.articleIds()).containsExactly(B, A);
    assertThat(r.entries().get(0).score()).isEqualTo(6.0);
    assertThat(r.entries().get(1).score()).isCloseTo(5.0, org.assertj.core.data.Offset.offset(1e-12));
    // Without decay A leads.
    assertThat(flushed(e).top(top(RankingQuery.Window.lastHours(1), 5)).articleIds()).containsExactly(A, B);
  }

  @Test
  void gravityScoringFavoursYoungerArticlesAtEqualPoints() {
    catalog.put(A, Article.builder().id(A).headline("Old").status(ArticleStatus.PUBLISHED)
        .publishedAt(NOW.minus(Duration.ofHours(22))).build());
    catalog.put(B, Article.builder().id(B).headline("New").status(ArticleStatus.PUBLISHED)
        .publishedAt(NOW.minus(Duration.ofHours(1))).build());
    RankingEngine e = engineWithLookup(Duration.ZERO);
    views(e, A, NOW, 30);
    views(e, B, NOW, 11);
    RankingQuery q = RankingQuery.builder(RankingQuery.Window.lastHours(24)).scoring(Scoring.hackerNews()).build();
    Ranking r = flushed(e).top(q);
    assertThat(r.articleIds()).containsExactly(B, A);
    assertThat(r.entries().get(0).score()).isCloseTo(10 / Math.pow(3, 1.8), org.assertj.core.data.Offset.offset(1e-12));
    assertThat(r.entries().get(1).score()).isCloseTo(29 / Math.pow(24, 1.8), org.assertj.core.data.Offset.offset(1e-12));
    assertThatThrownBy(() -> engine().top(q)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ArticleLookup");
  }

  @Test
  void neverShowsInvisibleArticlesAndBackfillsToN() {
    publish(A, "World");
    publish(B, "World");
    publish(C, "World");
    ArticleId draft = ArticleId.of("draft");
    ArticleId future = ArticleId.of("future");
    ArticleId unknown = ArticleId.of("unknown");
    catalog.put(draft, Article.builder().id(draft).headline("Draft").build());
    catalog.put(future, Article.builder().id(future).headline("Embargoed").status(ArticleStatus.SCHEDULED)
        .publishedAt(NOW.plus(Duration.ofHours(1))).build());
    RankingEngine e = engineWithLookup(Duration.ZERO);
    views(e, draft, NOW, 100);
    views(e, future, NOW, 90);
    views(e, unknown, NOW, 80);
    views(e, A, NOW, 3);
    views(e, B, NOW, 2);
    views(e, C, NOW, 1);
    assertThat(flushed(e).top(top(RankingQuery.Window.lastHours(1), 3)).articleIds()).containsExactly(A, B, C);
    clock.set(NOW.plus(Duration.ofHours(1)));
    assertThat(flushed(e).top(top(RankingQuery.Window.lastHours(2), 2)).articleIds()).containsExactly(future, A);
  }

  @Test
  void filtersBySectionTagAndExcludedIds() {
    publish(A, "World", "Climate");
    publish(B, "Sports");
    publish(C, "World");
    RankingEngine e = engineWithLookup(Duration.ZERO);
    views(e, A, NOW, 3);
    views(e, B, NOW, 2);
    views(e, C, NOW, 1);
    RankingQuery.Window w = RankingQuery.Window.lastHours(1);
    assertThat(flushed(e).top(RankingQuery.builder(w).section(Section.of("World")).build()).articleIds()).containsExactly(A, C);
    assertThat(flushed(e).top(RankingQuery.builder(w).tag(Tag.of("Climate")).build()).articleIds()).containsExactly(A);
    assertThat(flushed(e).top(RankingQuery.builder(w).exclude(A).build()).articleIds()).containsExactly(B, C);
  }

  @Test
  void backfillsWhenFiltersRemoveMoreThanTheFirstScan() {
    for (int i = 0; i < 300; i++) {
      ArticleId id = ArticleId.of(String.format("x%03d", i));
      publish(id, i % 100 == 7 ? "Science" : "World");
    }
    RankingEngine e = engineWithLookup(Duration.ZERO);
    for (int i = 0; i < 300; i++) {
      views(e, ArticleId.of(String.format("x%03d", i)), NOW, 1000 - i);
    }
    Ranking r = flushed(e).top(RankingQuery.builder(RankingQuery.Window.lastHours(1)).limit(3)
        .section(Section.of("Science")).build());
    assertThat(r.articleIds()).extracting(ArticleId::value).containsExactly("x007", "x107", "x207");
  }

  @Test
  void cacheServesWithinTtlButNeverAnArticleThatBecameInvisible() {
    publish(A, "World");
    publish(B, "World");
    RankingEngine e = engineWithLookup(Duration.ofSeconds(30));
    views(e, A, NOW, 5);
    views(e, B, NOW, 3);
    RankingQuery q = top(RankingQuery.Window.lastHours(1), 1);
    Ranking first = flushed(e).top(q);
    assertThat(first.articleIds()).containsExactly(A);
    clock.advance(Duration.ofSeconds(10));
    views(e, B, clock.instant(), 10);
    assertThat(flushed(e).top(q)).isSameAs(first); // cached: still A, computed 10 s ago
    catalog.put(A, catalog.get(A).toBuilder().status(ArticleStatus.UNPUBLISHED).build());
    Ranking after = flushed(e).top(q);
    assertThat(after.articleIds()).containsExactly(B);
    assertThat(after.computedAt()).isEqualTo(clock.instant());
    clock.advance(Duration.ofSeconds(31));
    assertThat(flushed(e).top(q).computedAt()).isEqualTo(clock.instant());
  }

  @Test
  void doesNotCacheAnEmptyResult() {
    RankingEngine e = RankingEngine.builder().clock(clock).build();
    RankingQuery q = top(RankingQuery.Window.lastHours(1), 5);
    assertThat(flushed(e).top(q).entries()).isEmpty();
    views(e, A, NOW, 1);
    assertThat(flushed(e).top(q).articleIds()).containsExactly(A);
  }

  @Test
  void saturatesCountsInsteadOfOverflowing() {
    RankingEngine e = engine();
    views(e, A, NOW, Long.MAX_VALUE - 1);
    views(e, A, NOW, 5);
    e.record(EngagementEvent.of(A, EngagementKind.COMMENT, NOW).withCount(Long.MAX_VALUE));
    RankingEntry entry = flushed(e).top(top(RankingQuery.Window.lastHours(1), 1)).entries().get(0);
    assertThat(entry.count(EngagementKind.VIEW)).isEqualTo(Long.MAX_VALUE);
    assertThat(entry.count(EngagementKind.COMMENT)).isEqualTo(Long.MAX_VALUE);
    assertThat(entry.score()).isEqualTo((double) Long.MAX_VALUE);
  }

  @Test
  void freesBucketsOlderThanTheRetention() {
    RankingEngine e = RankingEngine.builder().clock(clock).retention(Duration.ofDays(2)).build();
    for (int i = 0; i < 50; i++) {
      views(e, ArticleId.of("n" + i), NOW, 1);
    }
    RankingStats before = flushed(e).stats();
    assertThat(before.liveCells()).isEqualTo(100); // one minute cell and one hour cell each
    clock.advance(Duration.ofDays(1).plusHours(2));
    views(e, A, clock.instant(), 1);
    assertThat(flushed(e).stats().liveCells()).isEqualTo(52); // minute cells expired after a day
    clock.advance(Duration.ofDays(2));
    views(e, A, clock.instant(), 1);
    RankingStats after = flushed(e).stats();
    assertThat(after.liveCells()).isEqualTo(3); // two hour cells (now and 2 days ago) and one minute cell
    assertThat(after.estimatedBytes()).isLessThan(before.estimatedBytes()); // idle stripes freed their rings
    assertThat(flushed(e).top(top(RankingQuery.Window.allTime(), 100)).articleIds()).containsExactly(A);
  }

  @Test
  void allTimeMeansTheRetention() {
    RankingEngine e = RankingEngine.builder().clock(clock).retention(Duration.ofDays(3)).build();
    views(e, A, NOW, 1);
    clock.advance(Duration.ofDays(2));
    Ranking r = flushed(e).top(top(RankingQuery.Window.allTime(), 5));
    assertThat(r.articleIds()).containsExactly(A);
    assertThat(r.coveredFrom()).isEqualTo(clock.instant().minus(Duration.ofDays(3)));
  }

  @Test
  void builderRejectsBadValuesAtOnceAndConflictsAtBuild() {
    RankingEngine.Builder b = RankingEngine.builder();
    assertThatThrownBy(() -> b.bucketResolution(Duration.ofSeconds(7))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bucketResolution");
    assertThatThrownBy(() -> b.retention(Duration.ofMinutes(5))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("retention");
    assertThatThrownBy(() -> b.allowedLateness(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("allowedLateness");
    assertThatThrownBy(() -> b.crawlerPatterns(List.of(" "))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.crawlerPatterns(List.of("(unclosed"))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RankingEngine.builder().retention(Duration.ofDays(2)).allowedLateness(Duration.ofDays(3))
        .build()).isInstanceOf(IllegalStateException.class).hasMessageContaining("allowedLateness");
    assertThatThrownBy(() -> RankingEngine.builder().trackedWindows(List.of(Duration.ofDays(40))).build())
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> RankingQuery.top(RankingQuery.Window.lastHours(1), 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("limit");
    assertThatThrownBy(() -> new EngagementEvent(A, EngagementKind.VIEW, NOW, 0, null, null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("count");
    assertThatThrownBy(() -> EngagementKind.of("no spaces")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void layoutHasMinuteHourAndDayTiersForALongRetention() {
    StoreLayout layout = RankingEngine.builder().retention(Duration.ofDays(400)).build().layout();
    assertThat(layout.tiers()).containsExactly(
        new BucketTier(Duration.ofMinutes(1), Duration.ofDays(1)),
        new BucketTier(Duration.ofHours(1), Duration.ofDays(90)),
        new BucketTier(Duration.ofDays(1), Duration.ofDays(400)));
    assertThat(layout.kinds()).containsExactly(EngagementKind.COMMENT, EngagementKind.SHARE, EngagementKind.VIEW);
  }

  @Test
  void queryScoringMayNotWeighKindsTheEngineDoesNotCount() {
    RankingQuery q = RankingQuery.builder(RankingQuery.Window.lastHours(1))
        .scoring(Scoring.weighted(Map.of(EngagementKind.of("LIKE"), 1L))).build();
    assertThatThrownBy(() -> engine().top(q)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("LIKE");
  }

  @Test
  void regressionASaturatedCountLeavesTheWindowWhenItsBucketDoes() {
    RankingEngine e = engine();
    e.record(EngagementEvent.view(A, NOW).withCount(Long.MAX_VALUE));
    e.record(EngagementEvent.view(A, NOW).withCount(Long.MAX_VALUE));
    flushed(e); // the saturated total is in the store's 7-day running total before the window moves
    clock.set(NOW.plus(Duration.ofDays(3)));
    e.record(EngagementEvent.view(B, clock.instant()).withCount(5));
    flushed(e);
    clock.set(NOW.plus(Duration.ofDays(8)));
    e.record(EngagementEvent.view(B, clock.instant()));
    Ranking week = flushed(e).top(RankingQuery.top(RankingQuery.Window.lastDays(7), 5));
    assertThat(week.articleIds()).containsExactly(B);
    assertThat(week.entries().get(0).count(EngagementKind.VIEW)).isEqualTo(6);
  }
}
