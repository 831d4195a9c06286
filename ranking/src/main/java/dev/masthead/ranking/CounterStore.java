package dev.masthead.ranking;

import dev.masthead.core.ArticleId;
import dev.masthead.core.BackendUnavailableException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletionStage;

/**
 * Where a {@link RankingEngine} keeps its counts: the SPI between the engine and a store of bucketed counts,
 * in memory ({@link InMemoryCounterStore}, the default) or shared by every app server of a site (a Redis
 * store in {@code masthead-redis}).
 *
 * <p><b>What the engine does, and what the store does.</b> {@link RankingEngine#record} never calls the
 * store: it checks an event and adds it to a local buffer that coalesces counts per (article, kind, bucket
 * of the finest tier). A flusher thread hands the buffers to {@link #add} as {@link Batch}es, every flush
 * interval (default 1 second) and whenever a buffer fills, then calls {@link #maintain}. The store owns
 * everything that outlives a batch: each bucket of each tier of the {@link #layout()}, expiry at each tier's
 * horizon, and the running totals of the layout's tracked rolling windows. {@link RankingEngine#top} reads
 * through {@link #top} for a tracked rolling window (top-K pushed down to the store) and through
 * {@link #union} for every other window (calendar, custom, untracked rolling, half-life), at most once per
 * result-cache TTL per query and engine.
 *
 * <p><b>Attaching.</b> A store is built by the host and attached to the state it finds: an in-memory store
 * starts empty (or from a snapshot), a shared store joins the counts other servers already write. Either way
 * it holds counts for exactly one {@link StoreLayout}; a shared store persists the layout's
 * {@link StoreLayout#encoded()} form and refuses to attach with another (naming the difference, see
 * {@link StoreLayout#differencesFrom}). The engine's builder refuses a store whose {@link #layout()} differs
 * from the engine's. The engine never closes a store it was given: the host owns its lifecycle.
 *
 * <p><b>Calls may fail.</b> Every method that may touch a network returns a {@link CompletionStage}. It
 * may complete exceptionally (preferably with a {@link BackendUnavailableException}), complete late, or not
 * at all: the engine waits for at most its store timeout ({@link RankingEngine.Builder#storeTimeout},
 * default 500 ms) and treats a timeout as a failure. A store should return promptly and complete the stage
 * from its own I/O threads; it must not block the calling thread on I/O beyond its own client timeout,
 * which should be shorter than the engine's. What the engine does on failure: an {@link #add} that fails or
 * times out is resent later, the same batch with the same id (so {@code add} must be idempotent, see there),
 * until it succeeds, it is older than {@link Batch#RESEND_WINDOW}, or the engine's buffer cap is reached;
 * then its events are dropped and counted in {@link RankingStats#droppedEvents()}. A failed read makes
 * {@code top} serve the last good ranking of that query, marked {@linkplain Ranking#stale() stale}, with
 * one WARN log per outage. A store may retry internally, but only if a retried write cannot count twice.
 *
 * <p><b>Values.</b> Times are epoch milliseconds (UTC); a kind is its position in {@link StoreLayout#kinds()};
 * counts are exact and saturate at {@link Long#MAX_VALUE} instead of overflowing. Results are values
 * returned to the caller; the store never calls back into the engine.
 *
 * <p>Implementations must be safe for concurrent use by any number of threads. Each cell of a batch is
 * applied to all of its tiers and running totals atomically with respect to reads: a read sees a cell
 * everywhere or nowhere. The abstract JUnit suite {@code CounterStoreContract} (ranking's test jar) checks
 * this contract; every implementation should run it.
 */
public interface CounterStore extends AutoCloseable {

  /**
   * Returns the layout this store holds counts for.
   *
   * @return the layout given when the store was attached
   */
  StoreLayout layout();

  /**
   * Counts a batch of coalesced cells. Each cell's count is added to the bucket holding its
   * {@link Cell#bucketIndex()} in every tier whose {@link StoreLayout#keepStart} at {@code nowEpochMillis}
   * does not exclude that bucket, and to the running total of every tracked window whose current start
   * (as {@link #top} reads it) is not after that bucket; each cell's last event time moves those buckets' and
   * totals' latest event times forward. Cells of a batch may repeat a key; their counts add. A store shared by
   * engines whose clocks differ may also count a cell in a bucket up to the layout's
   * {@link StoreLayout#futureSkew()} before that keep start, since an engine whose clock is behind still reads it.
   *
   * <p><b>Idempotent by {@link Batch#id()}.</b> The engine resends a batch whose {@code add} failed or timed
   * out, identical (same id, same cells in the same order), for at most {@link Batch#RESEND_WINDOW} after
   * it first sent it. However many times it arrives, each cell must be counted exactly once. A store that
   * applies a batch in several chunks must chunk deterministically and mark each chunk as applied in the same
   * atomic step that applies it (for example a Lua script whose first write is
   * {@code SET <namespace>:applied:<id>:<chunk> 1 NX PX <at least RESEND_WINDOW>}), so that a chunk lands
   * whole or not at all and a resent chunk that already landed is skipped.
   *
   * @param batch the cells, coalesced per (article, kind, finest bucket)
   * @param nowEpochMillis the engine's time at the flush; stores must not assume it never decreases across
   *     calls (engines on different servers have different clocks)
   * @return completes normally once every cell is counted; exceptionally if the store cannot tell (then the
   *     engine resends the batch)
   * @throws NullPointerException if {@code batch} is null
   * @throws IllegalArgumentException if a cell's kind index is outside the layout, or its last event time
   *     is outside its bucket (the stage may complete exceptionally with it instead)
   */
  CompletionStage<Void> add(Batch batch, long nowEpochMillis);

  /**
   * Returns the best articles of a tracked rolling window, from the store's running totals: the counts of
   * every bucket, in the tier of the finest resolution whose horizon reaches back {@code window}, from the
   * one holding {@code nowEpochMillis - window} on (events ahead of now by up to the layout's
   * {@link StoreLayout#futureSkew()} included).
   *
   * <p>The score of an article is {@code Σ kindWeights[k] × counts[k]}, exact in {@code long} arithmetic,
   * saturating at {@link Long#MAX_VALUE}. Every article with a positive count of some kind in the window is a
   * candidate, also with a score of 0. The list holds the first {@code limit} candidates in this order:
   * score descending, then {@link Tally#lastEventEpochMillis()} descending, then article id ascending
   * ({@link ArticleId#compareTo}); so ties at the limit are broken exactly as a full sort would. Each
   * tally's {@code weightedCounts} equal its {@code counts}.
   *
   * @param window one of {@link StoreLayout#trackedWindows()}
   * @param kindWeights a weight at least 0 per kind of the layout, in layout order; not modified
   * @param limit at least 1; {@link Integer#MAX_VALUE} returns every candidate
   * @param nowEpochMillis the engine's time
   * @return the tallies, best first; empty if nothing was counted in the window
   * @throws IllegalArgumentException if {@code window} is not tracked, {@code kindWeights} has the wrong
   *     length or a negative weight, or {@code limit} is less than 1 (the stage may complete exceptionally
   *     with it instead)
   */
  CompletionStage<List<Tally>> top(Duration window, long[] kindWeights, int limit, long nowEpochMillis);

  /**
   * Returns the totals over a set of buckets, one tally per article with a positive count of some kind in
   * them. {@code counts[k]} is the sum of the article's counts of kind {@code k} (saturating);
   * {@code weightedCounts[k]} is, in {@code double} arithmetic starting from {@code 0.0}, the sum over the
   * buckets <em>in the order given</em> of {@code bucketWeights[i] × count} (the order makes decayed scores
   * reproducible: every store and the model-based test sum the same products in the same order);
   * {@code lastEventEpochMillis} is the latest event time of the article in those buckets. Buckets the store
   * no longer holds count as empty. The list is in no particular order.
   *
   * @param buckets disjoint buckets, each of a tier of the layout, in the order to sum them
   * @param bucketWeights one weight per bucket (1.0 for plain counts, the decay for half-life scoring);
   *     not modified
   * @param nowEpochMillis the engine's time
   * @return the tallies
   * @throws IllegalArgumentException if a bucket's resolution is not a tier's or the weights do not match
   *     the buckets (the stage may complete exceptionally with it instead)
   */
  CompletionStage<List<Tally>> union(List<Bucket> buckets, double[] bucketWeights, long nowEpochMillis);

  /**
   * Brings the store to a time: slides the running totals of the tracked windows past the buckets that left
   * them and frees the buckets that no tier answers for ({@link StoreLayout#keepStart}; a shared store keeps them
   * for one more {@link StoreLayout#futureSkew()}, for engines whose clocks are behind). Any engine attached
   * to a shared store may call it, at any time, as often as it likes, with its own clock: it is idempotent,
   * so each bucket is subtracted from a running total exactly once, however many servers maintain the store
   * and in whatever order, and a time earlier than one already applied changes nothing. Reads and writes must
   * be correct without it (a store may also maintain itself lazily); the engine calls it after each flush.
   *
   * @param nowEpochMillis the caller's time
   * @return completes when done; exceptionally on failure (the engine tries again at its next flush)
   */
  CompletionStage<Void> maintain(long nowEpochMillis);

  /**
   * Returns whether {@link #add} completes before it returns, without I/O (a store in the engine's heap). Then,
   * when ingest outruns the flusher and the buffer cap is reached, a recording thread counts its full buffer in
   * the store itself (back-pressure in CPU time) instead of dropping it. Default false: a networked store's
   * counts are dropped and counted then, since a request thread must not wait for the network.
   *
   * @return true for an in-process store
   */
  default boolean appliesInProcess() {
    return false;
  }

  /**
   * Returns the store's size.
   *
   * @return completes with the figures, or exceptionally on failure
   */
  CompletionStage<Stats> stats();

  /**
   * Releases what the store holds open (connections, threads). The engine never calls it on a store it was
   * given. Idempotent.
   */
  @Override
  void close();

  /**
   * A batch of coalesced counts handed to {@link #add}: the unit of idempotency.
   *
   * <p>Immutable and thread-safe.
   *
   * @param id unique per batch across every engine writing to a store (the engine uses a random node id and
   *     a sequence number): 1 to {@value #MAX_ID_LENGTH} chars from {@code [A-Za-z0-9:._-]}
   * @param cells the cells, not empty; copied
   */
  record Batch(String id, List<Cell> cells) {
    /** The longest batch id, in chars. */
    public static final int MAX_ID_LENGTH = 128;

    /**
     * How long after its first attempt the engine may resend a batch (1 hour, by the engine's clock and by
     * elapsed time, whichever passes it first): a store must remember that a batch (or each of its chunks) was
     * applied for at least this long of elapsed time. Older batches still undelivered are
     * dropped and counted in {@link RankingStats#droppedEvents()}.
     */
    public static final Duration RESEND_WINDOW = Duration.ofHours(1);

    /**
     * Validates and copies the batch.
     *
     * @throws NullPointerException if {@code id}, {@code cells} or a cell is null
     * @throws IllegalArgumentException if {@code id} is malformed or {@code cells} is empty
     */
    public Batch {
      Objects.requireNonNull(id, "Batch.id");
      if (id.isEmpty() || id.length() > MAX_ID_LENGTH) {
        throw new IllegalArgumentException("Batch.id must be 1 to " + MAX_ID_LENGTH + " chars, was " + id.length());
      }
      for (int i = 0; i < id.length(); i++) {
        char c = id.charAt(i);
        boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
            || c == ':' || c == '.' || c == '_' || c == '-';
        if (!ok) {
          throw new IllegalArgumentException("Batch.id may only use [A-Za-z0-9:._-], found '" + c + "'");
        }
      }
      cells = List.copyOf(cells);
      if (cells.isEmpty()) {
        throw new IllegalArgumentException("Batch.cells must not be empty");
      }
    }

    /**
     * Returns the number of events the batch stands for.
     *
     * @return the sum of the cells' counts, saturating at {@link Long#MAX_VALUE}
     */
    public long events() {
      long sum = 0;
      for (Cell c : cells) {
        sum = Saturating.add(sum, c.count());
      }
      return sum;
    }
  }

  /**
   * The coalesced count of one (article, kind, bucket of the finest tier).
   *
   * <p>Immutable and thread-safe.
   *
   * @param articleId the article
   * @param kindIndex the kind's position in {@link StoreLayout#kinds()}
   * @param bucketIndex the bucket's index in the finest tier (tier 0): the events happened in
   *     {@code [bucketIndex × resolution, (bucketIndex + 1) × resolution)}
   * @param count how many events, at least 1
   * @param lastEventEpochMillis the latest event time among them, inside the bucket
   */
  record Cell(ArticleId articleId, int kindIndex, long bucketIndex, long count, long lastEventEpochMillis) {
    /**
     * Validates the cell.
     *
     * @throws NullPointerException if {@code articleId} is null
     * @throws IllegalArgumentException if {@code kindIndex} is negative or {@code count} is less than 1
     */
    public Cell {
      Objects.requireNonNull(articleId, "Cell.articleId");
      if (kindIndex < 0) {
        throw new IllegalArgumentException("Cell.kindIndex must be at least 0, was " + kindIndex);
      }
      if (count < 1) {
        throw new IllegalArgumentException("Cell.count must be at least 1, was " + count);
      }
    }
  }

  /**
   * One article's totals over a window, as {@link #top} and {@link #union} return them.
   *
   * <p>The arrays are not copied, for speed: whoever builds a tally must not change them afterwards, and
   * whoever receives one must not change them. Equality compares the arrays' contents.
   *
   * @param articleId the article
   * @param counts the count per kind, in layout order, each at least 0
   * @param weightedCounts per kind, the counts weighted per bucket (see {@link #union}); equal to
   *     {@code counts} from {@link #top}
   * @param lastEventEpochMillis the latest event time of the article in the window
   */
  record Tally(ArticleId articleId, long[] counts, double[] weightedCounts, long lastEventEpochMillis) {
    /**
     * Validates the tally.
     *
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the arrays differ in length
     */
    public Tally {
      Objects.requireNonNull(articleId, "Tally.articleId");
      Objects.requireNonNull(counts, "Tally.counts");
      Objects.requireNonNull(weightedCounts, "Tally.weightedCounts");
      if (counts.length != weightedCounts.length) {
        throw new IllegalArgumentException("Tally.counts and weightedCounts differ in length");
      }
    }

    /**
     * Returns a tally whose weighted counts equal its counts.
     *
     * @param articleId the article
     * @param counts the count per kind; not copied
     * @param lastEventEpochMillis the latest event time
     * @return the tally
     */
    public static Tally unweighted(ArticleId articleId, long[] counts, long lastEventEpochMillis) {
      double[] w = new double[counts.length];
      for (int k = 0; k < counts.length; k++) {
        w[k] = counts[k];
      }
      return new Tally(articleId, counts, w, lastEventEpochMillis);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Tally t && articleId.equals(t.articleId) && lastEventEpochMillis == t.lastEventEpochMillis
          && Arrays.equals(counts, t.counts) && Arrays.equals(weightedCounts, t.weightedCounts);
    }

    @Override
    public int hashCode() {
      return Objects.hash(articleId, Arrays.hashCode(counts), Arrays.hashCode(weightedCounts), lastEventEpochMillis);
    }

    @Override
    public String toString() {
      return "Tally[" + articleId + ", counts=" + Arrays.toString(counts) + ", weighted="
          + Arrays.toString(weightedCounts) + ", last=" + lastEventEpochMillis + "]";
    }
  }

  /**
   * The size of a store.
   *
   * <p>Immutable and thread-safe.
   *
   * @param liveCells (article, kind, bucket) cells held over all tiers, or -1 if the store cannot tell
   * @param estimatedBytes memory held by the counts, or -1 if unknown
   * @param articles distinct articles held, or -1 if unknown
   */
  record Stats(long liveCells, long estimatedBytes, long articles) {}
}
