package dev.masthead.ranking;

import dev.masthead.core.ArticleId;
import java.time.Duration;
import java.util.List;

/**
 * Where a {@link RankingEngine} keeps its counts: the SPI behind recording and querying.
 *
 * <p>The contract follows the shape of a Redis implementation: each {@link Bucket} of each tier is one
 * sorted set per kind (member article id, score the count; {@code ZINCRBY} to count), plus one sorted set of
 * last-event times ({@code ZADD GT}); a window is the union of its buckets ({@code ZUNIONSTORE} with
 * per-bucket {@code WEIGHTS}); expired buckets are dropped ({@code EXPIRE} at the tier's horizon). Masthead
 * ships only the in-memory store; the engine uses it unless the builder is given another factory.
 *
 * <p>Implementations must be safe for concurrent use by any number of threads, and each
 * {@link #add} must be atomic with respect to {@link #union} and {@link #rollingTotals}: a read sees an event
 * in all of its buckets or in none. Counts saturate at {@link Long#MAX_VALUE}.
 */
interface CellStore {

  /** Creates a store for a layout; called once when the engine is built and once per restore. */
  @FunctionalInterface
  interface Factory {
    /**
     * Creates an empty store.
     *
     * @param layout the tiers, kinds and tracked windows to hold
     * @return a new, empty store
     */
    CellStore create(StoreLayout layout);
  }

  /**
   * Receives one article's totals from {@link #union} or {@link #rollingTotals}. The arrays are reused
   * between calls: read them during the call only.
   */
  @FunctionalInterface
  interface TallyVisitor {
    /**
     * Receives an article's totals.
     *
     * @param articleId the article
     * @param counts the count per kind index, summed over the buckets
     * @param weightedCounts per kind index, the sum over the buckets, in the order given, of the bucket's
     *     weight times its count; equal to {@code counts} for {@link #rollingTotals}
     * @param lastEventEpochMillis the latest event time of the article in those buckets
     */
    void visit(ArticleId articleId, long[] counts, double[] weightedCounts, long lastEventEpochMillis);
  }

  /** Receives one cell from {@link #forEachCell}; the array is reused between calls. */
  @FunctionalInterface
  interface CellVisitor {
    /**
     * Receives a cell.
     *
     * @param tier the tier's position in the layout
     * @param bucketIndex the bucket's index in that tier
     * @param articleId the article
     * @param counts the count per kind index
     * @param lastEventEpochMillis the latest event time in the cell
     */
    void visit(int tier, long bucketIndex, ArticleId articleId, long[] counts, long lastEventEpochMillis);
  }

  /**
   * Counts an event in the bucket of every tier whose {@link StoreLayout#keepStart} at
   * {@code nowEpochMillis} does not exclude it, and in every running total whose window contains it.
   *
   * @param articleId the article
   * @param kindIndex the kind's position in the layout
   * @param weight at least 1
   * @param occurredAtEpochMillis the event time; the engine has checked it against lateness and skew
   * @param nowEpochMillis the engine's time, never decreasing between calls
   */
  void add(ArticleId articleId, int kindIndex, long weight, long occurredAtEpochMillis, long nowEpochMillis);

  /**
   * Visits, once per article with a count, the sum of the given buckets. Buckets the store no longer holds
   * count as empty.
   *
   * @param buckets the buckets, each of a tier of the layout, disjoint
   * @param bucketWeights a weight per bucket, for decayed scores
   * @param nowEpochMillis the engine's time
   * @param visitor receives the totals; called from the calling thread, possibly while the store holds a lock
   */
  void union(List<Bucket> buckets, double[] bucketWeights, long nowEpochMillis, TallyVisitor visitor);

  /**
   * Visits the running totals of a tracked rolling window, if the store keeps them: the counts of every
   * bucket from {@code now - window} (rounded down to the finest tier whose horizon covers the window) on.
   *
   * @param window the window length, one of the layout's tracked windows
   * @param nowEpochMillis the engine's time
   * @param visitor receives the totals; possibly called while the store holds a lock, so it must be quick
   * @return whether the store keeps these totals; if false, nothing was visited and the engine uses
   *     {@link #union}
   */
  default boolean rollingTotals(Duration window, long nowEpochMillis, TallyVisitor visitor) {
    return false;
  }

  /**
   * Visits every cell the store holds, for a snapshot.
   *
   * @param visitor receives the cells
   */
  void forEachCell(CellVisitor visitor);

  /**
   * Sets a cell of a new, empty store, while restoring a snapshot.
   *
   * @param tier the tier's position in the layout
   * @param bucketIndex the bucket's index in that tier
   * @param articleId the article
   * @param counts the count per kind index, each at least 0
   * @param lastEventEpochMillis the latest event time in the cell
   */
  void putCell(int tier, long bucketIndex, ArticleId articleId, long[] counts, long lastEventEpochMillis);

  /**
   * Frees the buckets that no tier answers for at {@code nowEpochMillis}.
   *
   * @param nowEpochMillis the engine's time
   */
  void expire(long nowEpochMillis);

  /**
   * Returns the (article, bucket) cells held.
   *
   * @return the number of live cells over all tiers
   */
  long liveCells();

  /**
   * Returns an estimate of the memory held.
   *
   * @return bytes, or 0 if unknown (a remote store)
   */
  long estimatedBytes();

  /**
   * Returns how many distinct articles the store holds.
   *
   * @return the count
   */
  long articles();
}
