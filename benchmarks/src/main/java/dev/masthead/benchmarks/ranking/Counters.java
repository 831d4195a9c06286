package dev.masthead.benchmarks.ranking;

import dev.masthead.core.ArticleId;
import dev.masthead.ranking.EngagementEvent;
import dev.masthead.ranking.RankingEngine;
import dev.masthead.ranking.RankingQuery;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.apache.datasketches.frequencies.ErrorType;
import org.apache.datasketches.frequencies.ItemsSketch;

/** The three contenders behind one small interface, so every benchmark runs them side by side. */
interface Counters {
  void record(EngagementEvent event);

  /** Returns the ids of the top {@code n} of the last {@code window}. */
  List<ArticleId> top(Duration window, int n);

  /** Makes every recorded event visible to {@link #top}; only Masthead buffers. */
  default void flush() {}

  static Counters create(String impl, InstantSource clock) {
    return switch (impl) {
      case "masthead" -> new Masthead(clock, Duration.ZERO, false);
      case "masthead-cached" -> new Masthead(clock, Duration.ofSeconds(30), false);
      case "masthead-merge" -> new Masthead(clock, Duration.ZERO, true);
      case "naive" -> new Naive(clock);
      case "datasketches" -> new Sketches(clock);
      default -> throw new IllegalArgumentException(impl);
    };
  }

  /** Masthead's engine; {@code merge} asks for a custom window, which is read by merging buckets. */
  final class Masthead implements Counters {
    private final RankingEngine engine;
    private final InstantSource clock;
    private final boolean merge;

    Masthead(InstantSource clock, Duration ttl, boolean merge) {
      this.clock = clock;
      this.merge = merge;
      this.engine = RankingEngine.builder().clock(clock).resultCacheTtl(ttl).uniqueVisitorPeriod(Duration.ZERO)
          .build();
    }

    @Override
    public void record(EngagementEvent event) {
      engine.record(event);
    }

    @Override
    public void flush() {
      engine.flush();
    }

    @Override
    public List<ArticleId> top(Duration window, int n) {
      RankingQuery.Window w = merge
          ? RankingQuery.Window.fixed(clock.instant().minus(window), clock.instant().plusSeconds(1))
          : RankingQuery.Window.last(window);
      return engine.top(RankingQuery.top(w, n)).articleIds();
    }

    RankingEngine engine() {
      return engine;
    }
  }

  /**
   * The naive baseline: a concurrent map of hourly buckets, each a concurrent map of LongAdder counters; a
   * query sums the window's buckets into a hash map and sorts it all.
   */
  final class Naive implements Counters {
    private static final long HOUR = 3_600_000;
    private final ConcurrentHashMap<Long, ConcurrentHashMap<ArticleId, LongAdder>> buckets = new ConcurrentHashMap<>();
    private final InstantSource clock;

    Naive(InstantSource clock) {
      this.clock = clock;
    }

    @Override
    public void record(EngagementEvent event) {
      long b = event.occurredAt().toEpochMilli() / HOUR;
      ConcurrentHashMap<ArticleId, LongAdder> m = buckets.get(b);
      if (m == null) {
        m = buckets.computeIfAbsent(b, k -> new ConcurrentHashMap<>());
      }
      LongAdder a = m.get(event.articleId());
      if (a == null) {
        a = m.computeIfAbsent(event.articleId(), k -> new LongAdder());
      }
      a.add(event.count());
    }

    @Override
    public List<ArticleId> top(Duration window, int n) {
      long now = clock.millis();
      Map<ArticleId, Long> sum = new HashMap<>();
      for (long b = (now - window.toMillis()) / HOUR; b <= now / HOUR; b++) {
        ConcurrentHashMap<ArticleId, LongAdder> m = buckets.get(b);
        if (m != null) {
          m.forEach((id, c) -> sum.merge(id, c.sum(), Long::sum));
        }
      }
      List<Map.Entry<ArticleId, Long>> all = new ArrayList<>(sum.entrySet());
      all.sort(Map.Entry.<ArticleId, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
      return all.stream().limit(n).map(Map.Entry::getKey).toList();
    }
  }

  /**
   * Apache DataSketches' frequent-items sketch, one per hourly bucket (updates under the sketch's monitor, as
   * the sketch is not thread-safe); a query merges the window's sketches. Approximate: with a map of 8,192
   * the error bound is about 3.5/8192 of the stream.
   */
  final class Sketches implements Counters {
    private static final long HOUR = 3_600_000;
    private static final int MAP_SIZE = 8192;
    private final ConcurrentHashMap<Long, ItemsSketch<ArticleId>> buckets = new ConcurrentHashMap<>();
    private final InstantSource clock;

    Sketches(InstantSource clock) {
      this.clock = clock;
    }

    @Override
    public void record(EngagementEvent event) {
      long b = event.occurredAt().toEpochMilli() / HOUR;
      ItemsSketch<ArticleId> s = buckets.get(b);
      if (s == null) {
        s = buckets.computeIfAbsent(b, k -> new ItemsSketch<>(MAP_SIZE));
      }
      synchronized (s) {
        s.update(event.articleId(), event.count());
      }
    }

    @Override
    public List<ArticleId> top(Duration window, int n) {
      long now = clock.millis();
      ItemsSketch<ArticleId> union = new ItemsSketch<>(MAP_SIZE);
      for (long b = (now - window.toMillis()) / HOUR; b <= now / HOUR; b++) {
        ItemsSketch<ArticleId> s = buckets.get(b);
        if (s != null) {
          synchronized (s) {
            union.merge(s);
          }
        }
      }
      PriorityQueue<ItemsSketch.Row<ArticleId>> best =
          new PriorityQueue<>((x, y) -> Long.compare(x.getEstimate(), y.getEstimate()));
      for (ItemsSketch.Row<ArticleId> r : union.getFrequentItems(ErrorType.NO_FALSE_NEGATIVES)) {
        best.add(r);
        if (best.size() > n) {
          best.poll();
        }
      }
      List<ArticleId> out = new ArrayList<>();
      while (!best.isEmpty()) {
        out.add(0, best.poll().getItem());
      }
      return out;
    }
  }
}
