package dev.masthead.ranking;

import dev.masthead.core.ArticleLookup;
import dev.masthead.testing.TestClock;
import static org.assertj.core.api.Assertions.assertThat;
import static dev.masthead.ranking.Flushed.flushed;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.masthead.core.Article;
import dev.masthead.core.ArticleId;
import dev.masthead.core.ArticleStatus;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Model-based tests of an engine on a {@link CounterStore}: random streams of events (out of order, late, too
 * late, in the future, unknown kinds), flushes at random points, clock moves (forward by minutes to weeks,
 * sometimes backward) and queries over every kind of window, with weighted and half-life scoring, against
 * {@link RankingOracle}, which keeps every event and sorts. Rankings must be equal, ties included (decayed
 * scores too: both sum the same products in the same order, as {@link CounterStore#union} requires).
 *
 * <p>Abstract: a store implementation subclasses it and says how to attach a store for a layout (a new,
 * empty namespace each time). Seeds are fixed; a failure names the scenario's seed and step.
 */
public abstract class CounterStoreModelProperties {
  /**
   * Attaches a new store, holding no counts, for a layout.
   *
   * @param layout the engine's layout
   * @return the store
   */
  protected abstract CounterStore attach(StoreLayout layout);

  /**
   * Releases a store after a scenario; closes it by default.
   *
   * @param store a store from {@link #attach}
   */
  protected void detach(CounterStore store) {
    store.close();
  }

  private static final long SEED = 20261130L;
  private static final List<ZoneId> ZONES = List.of(ZoneId.of("UTC"), ZoneId.of("America/New_York"),
      ZoneId.of("Europe/Berlin"), ZoneId.of("Asia/Kolkata"), ZoneId.of("Australia/Lord_Howe"));

  @Test
  public void matchesBruteForceOracleWithDefaultLayout() {
    qt().withFixedSeed(SEED).withExamples(60)
        .forAll(longs().all())
        .checkAssert(seed -> runScenario(seed, Duration.ofDays(35), Duration.ofHours(1), false));
  }

  @Test
  public void matchesBruteForceOracleWithDayTierAndLongLateness() {
    qt().withFixedSeed(SEED + 1).withExamples(40)
        .forAll(longs().all())
        .checkAssert(seed -> runScenario(seed, Duration.ofDays(120), Duration.ofHours(30), false));
  }

  @Test
  public void matchesBruteForceOracleWithLookupFilters() {
    qt().withFixedSeed(SEED + 2).withExamples(40)
        .forAll(longs().all())
        .checkAssert(seed -> runScenario(seed, Duration.ofDays(35), Duration.ofHours(2), true));
  }

  private void runScenario(long seed, Duration retention, Duration lateness, boolean withLookup) {
    SplittableRandom rnd = new SplittableRandom(seed);
    Instant start = Instant.parse("2026-01-01T00:00:00Z").plusMillis(rnd.nextLong(365L * 86_400_000));
    TestClock clock = new TestClock(start);
    int articles = 3 + rnd.nextInt(12);
    List<ArticleId> ids = new java.util.ArrayList<>();
    Map<ArticleId, Article> catalog = new HashMap<>();
    for (int i = 0; i < articles; i++) {
      ArticleId id = ArticleId.of("a" + i);
      ids.add(id);
      int status = rnd.nextInt(6);
      Article.Builder b = Article.builder().id(id).headline("Story " + i)
          .section(rnd.nextBoolean() ? "World" : "Sports");
      if (status == 0) {
        b.status(ArticleStatus.DRAFT);
      } else if (status == 1) {
        b.status(ArticleStatus.SCHEDULED).publishedAt(start.plus(Duration.ofDays(rnd.nextInt(20))));
      } else {
        b.status(ArticleStatus.PUBLISHED).publishedAt(start.minus(Duration.ofDays(1)));
      }
      catalog.put(id, b.build());
    }
    ArticleLookup lookup = id -> Optional.ofNullable(catalog.get(id));
    RankingEngine.Builder builder = RankingEngine.builder().clock(clock).retention(retention)
        .allowedLateness(lateness).resultCacheTtl(Duration.ZERO);
    if (withLookup) {
      builder.articles(lookup);
    }
    CounterStore store = attach(builder.config().layout());
    try (RankingEngine engine = builder.counterStore(store).build()) {
      runSteps(seed, rnd, clock, engine, ids, lookup, lateness, withLookup);
    } finally {
      detach(store);
    }
  }

  private static void runSteps(long seed, SplittableRandom rnd, TestClock clock, RankingEngine engine,
      List<ArticleId> ids, ArticleLookup lookup, Duration lateness, boolean withLookup) {
    int articles = ids.size();
    RankingOracle oracle = new RankingOracle(engine.layout(), lateness.toMillis(), Duration.ofMinutes(5).toMillis());
    List<EngagementKind> kinds = List.of(EngagementKind.VIEW, EngagementKind.COMMENT, EngagementKind.SHARE,
        EngagementKind.of("LIKE"));
    int steps = 50 + rnd.nextInt(250);
    for (int step = 0; step < steps; step++) {
      int op = rnd.nextInt(100);
      if (op < 60) {
        ArticleId id = ids.get(Math.min(articles - 1, (int) Math.floor(Math.pow(rnd.nextDouble(), 2) * articles)));
        EngagementKind kind = rnd.nextInt(20) == 0 ? kinds.get(3) : kinds.get(rnd.nextInt(3));
        long back = switch (rnd.nextInt(4)) {
          case 0 -> rnd.nextLong(120_000);
          case 1 -> rnd.nextLong(lateness.toMillis() + 1);
          case 2 -> rnd.nextLong(lateness.toMillis() * 2 + 1);
          default -> -rnd.nextLong(Duration.ofMinutes(7).toMillis());
        };
        long weight = rnd.nextInt(10) == 0 ? 1 + rnd.nextInt(1000) : 1 + rnd.nextInt(3);
        EngagementEvent e = new EngagementEvent(id, kind, clock.instant().minusMillis(back), weight, null, null);
        RecordResult expected = oracle.record(e, clock.instant());
        assertThat(engine.record(e)).as("record %s at %s", e, clock.instant()).isEqualTo(expected);
      } else if (op < 80) {
        long ms = switch (rnd.nextInt(5)) {
          case 0 -> rnd.nextLong(120_000);
          case 1 -> rnd.nextLong(Duration.ofHours(3).toMillis());
          case 2 -> rnd.nextLong(Duration.ofDays(2).toMillis());
          case 3 -> rnd.nextLong(Duration.ofDays(15).toMillis());
          default -> -rnd.nextLong(Duration.ofHours(2).toMillis()); // the clock steps back; the engine holds
        };
        if (rnd.nextBoolean()) {
          assertThat(engine.flush()).isTrue(); // the counts land before the clock moves, or after
        }
        clock.set(clock.instant().plusMillis(ms));
      } else {
        RankingQuery.Window w = randomWindow(rnd, clock.instant());
        RankingQuery.Builder qb = RankingQuery.builder(w).limit(1 + rnd.nextInt(8));
        if (rnd.nextInt(3) == 0) {
          qb.exclude(ids.get(rnd.nextInt(articles)));
        }
        int scoring = rnd.nextInt(6);
        if (scoring == 0) {
          qb.scoring(Scoring.weighted(Map.of(EngagementKind.VIEW, 1L, EngagementKind.COMMENT, 1L)));
        } else if (scoring == 1) {
          qb.scoring(Scoring.halfLife(Duration.ofMinutes(1 + rnd.nextInt(3000))));
        }
        if (withLookup && rnd.nextInt(3) == 0) {
          qb.section(dev.masthead.core.Section.of(rnd.nextBoolean() ? "World" : "Sports"));
        }
        RankingQuery q = qb.build();
        Ranking expected = oracle.top(q, clock.instant(), withLookup ? Optional.of(lookup) : Optional.empty());
        Ranking actual = flushed(engine).top(q);
        assertThat(actual).as("seed %d step %d query %s at %s", seed, step, q, clock.instant()).isEqualTo(expected);
      }
    }
  }

  private static RankingQuery.Window randomWindow(SplittableRandom rnd, Instant now) {
    ZoneId zone = ZONES.get(rnd.nextInt(ZONES.size()));
    return switch (rnd.nextInt(9)) {
      case 0 -> RankingQuery.Window.lastHours(24);
      case 1 -> RankingQuery.Window.lastDays(7);
      case 2 -> RankingQuery.Window.lastDays(30);
      case 3 -> RankingQuery.Window.last(Duration.ofMillis(1 + rnd.nextLong(Duration.ofDays(130).toMillis())));
      case 4 -> RankingQuery.Window.today(zone);
      case 5 -> RankingQuery.Window.thisWeek(zone, DayOfWeek.of(1 + rnd.nextInt(7)));
      case 6 -> RankingQuery.Window.thisMonth(zone);
      case 7 -> RankingQuery.Window.allTime();
      default -> {
        Instant from = now.minusMillis(rnd.nextLong(Duration.ofDays(40).toMillis()));
        yield RankingQuery.Window.fixed(from, from.plusMillis(1 + rnd.nextLong(Duration.ofDays(10).toMillis())));
      }
    };
  }
}
