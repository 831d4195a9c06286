package dev.masthead.ranking;

import static org.assertj.core.api.Assertions.assertThat;
import static dev.masthead.ranking.Flushed.flushed;

import dev.masthead.core.ArticleId;
import dev.masthead.testing.Prerequisites;
import dev.masthead.testing.TestClock;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Replays three weeks of real hourly Wikipedia page views around Hurricane Sandy (each row one event of weight
 * count_views at its hour) and compares the engine's top 5 of each ISO week, and of the whole file, with
 * totals computed here by brute force.
 */
class WikipediaReplayTest {
  private static final String FILE = "wikipedia-pagecounts-sandy-2012/pagecounts-en-sandy-20121022-20121111.txt";

  private record Row(Instant hour, ArticleId title, long views) {}

  private static List<Row> rows() throws IOException {
    Path file = Prerequisites.dataFile(FILE); // skipped when absent, failed with CI=true
    List<Row> rows = new ArrayList<>(230_000);
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      while ((line = in.readLine()) != null) {
        String[] f = line.split(" ");
        String title = f[2];
        if (title.isBlank() || title.length() > ArticleId.MAX_LENGTH
            || title.chars().anyMatch(Character::isISOControl)) {
          continue; // not an id a host would send; counted below
        }
        rows.add(new Row(Instant.parse(f[0]), ArticleId.of(title), Long.parseLong(f[3])));
      }
    }
    return rows;
  }

  /** The brute-force top 5: views descending, then latest hour with views descending, then title ascending. */
  private static List<ArticleId> oracleTop5(List<Row> rows, Instant from, Instant to) {
    Map<ArticleId, Long> views = new HashMap<>();
    Map<ArticleId, Instant> last = new HashMap<>();
    for (Row r : rows) {
      if (!r.hour().isBefore(from) && r.hour().isBefore(to)) {
        views.merge(r.title(), r.views(), Long::sum);
        last.merge(r.title(), r.hour(), (a, b) -> a.isAfter(b) ? a : b);
      }
    }
    return views.keySet().stream()
        .sorted(Comparator.<ArticleId>comparingLong(views::get).reversed()
            .thenComparing(Comparator.<ArticleId, Instant>comparing(last::get).reversed())
            .thenComparing(Comparator.naturalOrder()))
        .limit(5).toList();
  }

  @Test
  void topFiveOfEachIsoWeekAndOfTheWholeFileMatchBruteForce() throws IOException {
    List<Row> rows = rows();
    assertThat(rows.size()).isBetween(228_000, 228_515);
    TestClock clock = new TestClock(rows.get(0).hour());
    RankingEngine engine = RankingEngine.builder().clock(clock).resultCacheTtl(Duration.ZERO).build();
    RankingQuery week = RankingQuery.top(RankingQuery.Window.thisWeek(ZoneOffset.UTC, DayOfWeek.MONDAY), 5);
    Map<Integer, List<ArticleId>> weekly = new HashMap<>();
    long accepted = 0;
    for (int i = 0; i < rows.size(); i++) {
      Row r = rows.get(i);
      clock.set(r.hour().plus(Duration.ofMinutes(30))); // the host sends each hour's counts half an hour later
      if (engine.record(new EngagementEvent(r.title(), EngagementKind.VIEW, r.hour(), r.views(), null, null)).accepted()) {
        accepted++;
      }
      boolean lastOfWeek = i + 1 == rows.size()
          || rows.get(i + 1).hour().atZone(ZoneOffset.UTC).get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)
              != r.hour().atZone(ZoneOffset.UTC).get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
      if (lastOfWeek) {
        Ranking ranking = flushed(engine).top(week);
        weekly.put(r.hour().atZone(ZoneOffset.UTC).get(IsoFields.WEEK_OF_WEEK_BASED_YEAR), ranking.articleIds());
        Instant from = ranking.coveredFrom();
        assertThat(from.atZone(ZoneOffset.UTC).getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
        assertThat(ranking.articleIds()).as("ISO week from %s", from)
            .containsExactlyElementsOf(oracleTop5(rows, from, from.plus(Duration.ofDays(7))));
        assertThat(ranking.entries().get(0).count(EngagementKind.VIEW)).isPositive();
      }
    }
    assertThat(accepted).isEqualTo(rows.size());
    assertThat(weekly).containsOnlyKeys(43, 44, 45);
    assertThat(weekly.get(44)).first().extracting(ArticleId::value).isEqualTo("Hurricane_Sandy");

    Instant first = rows.get(0).hour();
    Ranking whole = flushed(engine).top(RankingQuery.top(RankingQuery.Window.allTime(), 5));
    assertThat(whole.coveredFrom()).isBefore(first);
    assertThat(whole.articleIds()).containsExactlyElementsOf(oracleTop5(rows, first, Instant.MAX));
    long total = rows.stream().filter(r -> r.title().equals(whole.articleIds().get(0))).mapToLong(Row::views).sum();
    assertThat(whole.entries().get(0).count(EngagementKind.VIEW)).isEqualTo(total);
  }
}
