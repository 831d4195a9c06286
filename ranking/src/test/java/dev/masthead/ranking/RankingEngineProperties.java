package dev.masthead.ranking;

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

/** Property tests of the engine on its in-memory store: the model-based suite, and the ranking order. */
class RankingEngineProperties extends CounterStoreModelProperties {
  private static final long SEED = 20261130L;

  @Override
  protected CounterStore attach(StoreLayout layout) {
    return InMemoryCounterStore.create(layout);
  }

  @Test
  void rankingOrderIsTotalAndRepeatable() {
    qt().withFixedSeed(SEED + 3).withExamples(30).forAll(longs().all()).checkAssert(seed -> {
      SplittableRandom rnd = new SplittableRandom(seed);
      TestClock clock = new TestClock(Instant.parse("2026-03-01T12:00:00Z"));
      RankingEngine engine = RankingEngine.builder().clock(clock).resultCacheTtl(Duration.ZERO).build();
      Set<ArticleId> seen = new LinkedHashSet<>();
      for (int i = 0; i < 200; i++) {
        ArticleId id = ArticleId.of("t" + rnd.nextInt(30));
        seen.add(id);
        // Few distinct times and weights: many ties on score and on last event.
        engine.record(EngagementEvent.view(id, clock.instant().minusSeconds(60L * rnd.nextInt(3))));
      }
      RankingQuery q = RankingQuery.top(RankingQuery.Window.lastHours(1), 1000);
      Ranking first = flushed(engine).top(q);
      assertThat(flushed(engine).top(q).entries()).isEqualTo(first.entries());
      assertThat(first.entries()).hasSize(seen.size());
      for (int i = 1; i < first.entries().size(); i++) {
        RankingEntry a = first.entries().get(i - 1);
        RankingEntry b = first.entries().get(i);
        boolean ordered = a.score() > b.score()
            || (a.score() == b.score() && a.lastEventAt().isAfter(b.lastEventAt()))
            || (a.score() == b.score() && a.lastEventAt().equals(b.lastEventAt())
                && a.articleId().compareTo(b.articleId()) < 0);
        assertThat(ordered).as("%s before %s", a, b).isTrue();
      }
    });
  }
}
