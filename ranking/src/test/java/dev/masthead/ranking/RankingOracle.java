package dev.masthead.ranking;

import dev.masthead.core.ArticleLookup;
import dev.masthead.core.Article;
import dev.masthead.core.ArticleId;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A brute-force model of the engine for weighted scoring: it keeps every accepted event and, per query,
 * filters, sums and sorts them. Its window edges follow the documented rule (start rounded down, end rounded
 * up, each to the finest tier whose horizon reaches it; cut to the retention and to now plus skew), written
 * from the documentation rather than from the engine's code.
 */
final class RankingOracle {
  record Event(ArticleId id, int kind, long at, long count) {}

  private final StoreLayout layout;
  private final long latenessMillis;
  private final long skewMillis;
  private final List<Event> events = new ArrayList<>();
  private long now = Long.MIN_VALUE;

  RankingOracle(StoreLayout layout, long latenessMillis, long skewMillis) {
    this.layout = layout;
    this.latenessMillis = latenessMillis;
    this.skewMillis = skewMillis;
  }

  void clock(Instant clock) {
    now = Math.max(now, clock.toEpochMilli());
  }

  RecordResult record(EngagementEvent e, Instant clock) {
    clock(clock);
    int kind = layout.kinds().indexOf(e.kind());
    if (kind < 0) {
      return RecordResult.UNKNOWN_KIND;
    }
    long t = e.occurredAt().toEpochMilli();
    if (t < now - latenessMillis) {
      return RecordResult.TOO_LATE;
    }
    if (t > now + skewMillis) {
      return RecordResult.TOO_FAR_IN_FUTURE;
    }
    events.add(new Event(e.articleId(), kind, t, e.count()));
    return RecordResult.ACCEPTED;
  }

  private int finestTierReaching(long age) {
    for (int t = 0; t < layout.tiers().size(); t++) {
      if (layout.tiers().get(t).horizon().toMillis() >= age) {
        return t;
      }
    }
    return layout.tiers().size() - 1;
  }

  private long res(int tier) {
    return layout.tiers().get(tier).resolution().toMillis();
  }

  /** Returns {from, to} of the covered span. */
  long[] covered(RankingQuery.Window w, Instant clock) {
    clock(clock);
    long from;
    long to = now + skewMillis + 1;
    if (w instanceof RankingQuery.Rolling r) {
      from = now - r.length().toMillis();
    } else if (w instanceof RankingQuery.AllTime) {
      from = Long.MIN_VALUE / 8;
    } else if (w instanceof RankingQuery.FixedWindow c) {
      from = c.from().toEpochMilli();
      to = Math.min(to, c.to().toEpochMilli());
    } else {
      RankingQuery.CalendarWindow c = (RankingQuery.CalendarWindow) w;
      LocalDate d = Instant.ofEpochMilli(now).atZone(c.zone()).toLocalDate();
      LocalDate start = switch (c.period()) {
        case DAY -> d;
        case WEEK -> d.with(TemporalAdjusters.previousOrSame(c.firstDayOfWeek()));
        case MONTH -> d.withDayOfMonth(1);
      };
      LocalDate end = switch (c.period()) {
        case DAY -> start.plusDays(1);
        case WEEK -> start.plusWeeks(1);
        case MONTH -> start.plusMonths(1);
      };
      ZonedDateTime zs = start.atStartOfDay(c.zone());
      from = zs.toInstant().toEpochMilli();
      to = Math.min(to, end.atStartOfDay(c.zone()).toInstant().toEpochMilli());
    }
    int last = layout.tiers().size() - 1;
    long retention = layout.tiers().get(last).horizon().toMillis();
    long retentionStart = Math.floorDiv(now - retention, res(last)) * res(last);
    from = Math.max(from, retentionStart);
    long fr = res(finestTierReaching(now - from));
    long f = Math.floorDiv(from, fr) * fr;
    if (to <= from) {
      return new long[] {f, f};
    }
    long tr = res(finestTierReaching(now - to));
    long t = Math.floorDiv(to + tr - 1, tr) * tr;
    return new long[] {f, t};
  }

  Ranking top(RankingQuery q, Instant clock, Optional<ArticleLookup> lookup) {
    long[] span = covered(q.window(), clock);
    Scoring scoring = q.scoringOverride().orElse(Scoring.defaults());
    Map<ArticleId, long[]> counts = new HashMap<>();
    Map<ArticleId, Long> last = new HashMap<>();
    int kinds = layout.kinds().size();
    for (Event e : events) {
      if (e.at() >= span[0] && e.at() < span[1]) {
        counts.computeIfAbsent(e.id(), k -> new long[kinds])[e.kind()] += e.count();
        last.merge(e.id(), e.at(), Math::max);
      }
    }
    List<ArticleId> ids = new ArrayList<>(counts.keySet());
    Map<ArticleId, Double> score = new HashMap<>();
    if (scoring instanceof Scoring.HalfLife h) {
      // Each event decays from the start of its bucket in the finest tier still holding its time.
      Map<ArticleId, java.util.TreeMap<Long, long[]>> pieces = new HashMap<>();
      for (Event e : events) {
        if (e.at() >= span[0] && e.at() < span[1]) {
          int tier = 0;
          while (Math.floorDiv(e.at(), res(tier)) < layout.keepStart(tier, now)) {
            tier++;
          }
          long start = Math.floorDiv(e.at(), res(tier)) * res(tier);
          pieces.computeIfAbsent(e.id(), k -> new java.util.TreeMap<>())
              .computeIfAbsent(start, k -> new long[kinds])[e.kind()] += e.count();
        }
      }
      for (ArticleId id : ids) {
        double[] w = new double[kinds];
        for (Map.Entry<Long, long[]> p : pieces.get(id).entrySet()) {
          double factor = Math.pow(2.0, -(double) (now - p.getKey()) / h.halfLife().toMillis());
          for (int k = 0; k < kinds; k++) {
            if (p.getValue()[k] != 0) {
              w[k] += factor * p.getValue()[k];
            }
          }
        }
        double s = 0;
        for (int k = 0; k < kinds; k++) {
          s += scoring.weights().getOrDefault(layout.kinds().get(k), 0L) * w[k];
        }
        score.put(id, s);
      }
    } else {
      for (ArticleId id : ids) {
        long s = 0;
        for (int k = 0; k < kinds; k++) {
          s += scoring.weights().getOrDefault(layout.kinds().get(k), 0L) * counts.get(id)[k];
        }
        score.put(id, (double) s);
      }
    }
    ids.sort(Comparator.<ArticleId>comparingDouble(score::get).reversed()
        .thenComparing(Comparator.<ArticleId>comparingLong(last::get).reversed())
        .thenComparing(Comparator.naturalOrder()));
    Instant at = Instant.ofEpochMilli(now);
    List<RankingEntry> entries = new ArrayList<>();
    for (ArticleId id : ids) {
      if (q.excluded().contains(id)) {
        continue;
      }
      if (lookup.isPresent()) {
        Optional<Article> a = lookup.get().find(id);
        if (a.isEmpty() || !a.get().isVisibleAt(at)) {
          continue;
        }
        if (q.sectionSlug() != null
            && (a.get().section() == null || !a.get().section().slug().equals(q.sectionSlug()))) {
          continue;
        }
      }
      Map<EngagementKind, Long> c = new HashMap<>();
      for (int k = 0; k < kinds; k++) {
        c.put(layout.kinds().get(k), counts.get(id)[k]);
      }
      entries.add(new RankingEntry(id, entries.size() + 1, score.get(id), c, Instant.ofEpochMilli(last.get(id))));
      if (entries.size() == q.limit()) {
        break;
      }
    }
    return new Ranking(entries, Instant.ofEpochMilli(span[0]), Instant.ofEpochMilli(span[1]), at);
  }
}
