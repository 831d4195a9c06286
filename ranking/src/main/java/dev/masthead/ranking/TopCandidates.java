package dev.masthead.ranking;

import dev.masthead.core.ArticleLookup;
import dev.masthead.core.Article;
import dev.masthead.core.ArticleId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;

/**
 * Collects the best {@code capacity} articles of a scan in a bounded heap whose head is the worst kept, so a
 * scan of n articles costs O(n log capacity) and allocates only for articles that enter the heap. Under
 * {@link Scoring.Gravity} it keeps every article instead, since the score needs the host's lookup.
 * Not thread-safe: one per query.
 */
final class TopCandidates {

  /** One candidate: the article, its exact or floating score, latest event time and counts per kind. */
  static final class Candidate {
    final ArticleId id;
    final long exactScore;
    double score;
    final long lastEventMillis;
    final long[] counts;

    Candidate(ArticleId id, long exactScore, double score, long lastEventMillis, long[] counts) {
      this.id = id;
      this.exactScore = exactScore;
      this.score = score;
      this.lastEventMillis = lastEventMillis;
      this.counts = counts;
    }
  }

  /** Score descending, then latest event descending, then article id ascending. */
  static final Comparator<Candidate> BEST_FIRST_EXACT = (a, b) -> {
    int c = Long.compare(b.exactScore, a.exactScore);
    return c != 0 ? c : tieBreak(a, b);
  };

  static final Comparator<Candidate> BEST_FIRST_DOUBLE = (a, b) -> {
    int c = Double.compare(b.score, a.score);
    return c != 0 ? c : tieBreak(a, b);
  };

  private static int tieBreak(Candidate a, Candidate b) {
    int c = Long.compare(b.lastEventMillis, a.lastEventMillis);
    return c != 0 ? c : a.id.compareTo(b.id);
  }

  private final Scoring scoring;
  private final long[] kindWeights;
  private final int capacity;
  private final Comparator<Candidate> bestFirst;
  private final PriorityQueue<Candidate> heap;
  private final List<Candidate> all = new ArrayList<>();
  private long visited;

  TopCandidates(Scoring scoring, long[] kindWeights, int capacity) {
    this.scoring = scoring;
    this.kindWeights = kindWeights;
    this.capacity = capacity;
    this.bestFirst = scoring instanceof Scoring.Weighted ? BEST_FIRST_EXACT : BEST_FIRST_DOUBLE;
    this.heap = new PriorityQueue<>(Math.min(capacity, 1024) + 1, bestFirst.reversed());
  }

  long visited() {
    return visited;
  }

  boolean exact() {
    return scoring instanceof Scoring.Weighted;
  }

  static long weightedSum(long[] kindWeights, long[] counts) {
    long p = 0;
    for (int k = 0; k < counts.length; k++) {
      if (kindWeights[k] != 0) {
        p = Saturating.add(p, Saturating.multiply(kindWeights[k], counts[k]));
      }
    }
    return p;
  }

  static double decayedSum(long[] kindWeights, double[] weightedCounts) {
    double s = 0;
    for (int k = 0; k < weightedCounts.length; k++) {
      s += kindWeights[k] * weightedCounts[k];
    }
    return s;
  }

  /** Considers one article's totals. The tally's arrays are kept, not copied: tallies are values. */
  void offer(CounterStore.Tally tally) {
    ArticleId articleId = tally.articleId();
    long[] counts = tally.counts();
    double[] weightedCounts = tally.weightedCounts();
    long lastEventEpochMillis = tally.lastEventEpochMillis();
    visited++;
    if (scoring instanceof Scoring.Gravity) {
      all.add(new Candidate(articleId, weightedSum(kindWeights, counts), 0, lastEventEpochMillis, counts));
      return;
    }
    long exact = 0;
    double score;
    if (scoring instanceof Scoring.Weighted) {
      exact = weightedSum(kindWeights, counts);
      score = exact;
    } else {
      score = decayedSum(kindWeights, weightedCounts);
    }
    if (heap.size() >= capacity) {
      Candidate worst = heap.peek();
      int c = exact() ? Long.compare(exact, worst.exactScore) : Double.compare(score, worst.score);
      if (c < 0 || (c == 0 && (lastEventEpochMillis < worst.lastEventMillis
          || (lastEventEpochMillis == worst.lastEventMillis && articleId.compareTo(worst.id) > 0)))) {
        return;
      }
      heap.poll();
    }
    heap.add(new Candidate(articleId, exact, score, lastEventEpochMillis, counts));
  }

  /**
   * Scores the collected articles under gravity: {@code (P - 1) / (T + 2)^G} with T the age in hours since
   * {@code publishedAt}; articles the lookup does not know or that have no publication time are dropped.
   */
  void applyGravity(ArticleLookup lookup, long now) {
    Scoring.Gravity g = (Scoring.Gravity) scoring;
    for (Candidate c : all) {
      Optional<Article> a = lookup.find(c.id);
      Instant published = a.map(Article::publishedAt).orElse(null);
      if (published == null) {
        continue;
      }
      c.score = gravityScore(c.exactScore, now - published.toEpochMilli(), g.gravity());
      if (heap.size() < capacity) {
        heap.add(c);
      } else if (bestFirst.compare(c, heap.peek()) < 0) {
        heap.poll();
        heap.add(c);
      }
    }
  }

  static double gravityScore(long points, long ageMillis, double gravity) {
    double hours = Math.max(0, ageMillis) / 3_600_000.0;
    return (points - 1.0) / Math.pow(hours + 2.0, gravity);
  }

  /** Returns the kept candidates, best first. */
  List<Candidate> bestFirst() {
    List<Candidate> list = new ArrayList<>(heap);
    list.sort(bestFirst);
    return list;
  }

  /** Returns whether articles may have been left out for lack of room. */
  boolean overflowed() {
    return scoring instanceof Scoring.Gravity ? all.size() > capacity : visited > capacity;
  }
}
