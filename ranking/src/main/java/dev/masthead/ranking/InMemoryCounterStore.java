package dev.masthead.ranking;

import dev.masthead.core.ArticleId;
import dev.masthead.core.InvalidDataException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default {@link CounterStore}: every count on the heap of one server, exact. Every method completes
 * before it returns and never fails for lack of a backend; the counts live as long as the store, and
 * {@link #snapshot} and {@link #restore} carry them across a restart.
 *
 * <p>Articles are interned to dense {@code int} indexes (once per cell of a batch, on the engine's flusher
 * thread, never per event) and split over {@value #STRIPES} stripes by index; each stripe has its own lock
 * and, per tier, a ring of buckets addressed by bucket index modulo the ring size. A bucket holds one
 * primitive open-addressing map per kind (as a Redis store would hold one sorted set per bucket and kind), so
 * a cell of an article that was only viewed costs one 16-byte slot. A batch takes each stripe's lock once and
 * touches, per cell, one slot per tier and one running total per tracked window. Running totals are dense
 * per-article arrays that add a cell when it lands in the window and subtract a whole bucket when the
 * window's start passes it (as resilience4j's {@code SlidingTimeWindowMetrics}), so a tracked rolling top-N
 * scans one array with a bounded heap instead of merging buckets. Batch ids are remembered for
 * {@value #MARKER_LIFETIME_MILLIS} ms of the store's time, so a resent batch counts once.
 *
 * <p>Memory: bounded by the retention for the counts (about 26 to 37 bytes per live cell, measured by
 * {@code CellMemory} in the benchmarks); the table of article ids (about 60 bytes an article) is not trimmed
 * while the store lives, a snapshot and restore drops the ids of expired articles.
 *
 * <p>Thread-safe.
 */
public final class InMemoryCounterStore implements CounterStore {
  private static final Logger LOG = LoggerFactory.getLogger(InMemoryCounterStore.class);
  private static final CompletionStage<Void> DONE = CompletableFuture.completedFuture(null);
  /** How long batch ids are remembered: twice {@link Batch#RESEND_WINDOW}. */
  static final long MARKER_LIFETIME_MILLIS = 2 * 3_600_000L;
  /** The most batch ids remembered; the oldest are forgotten first. */
  private static final int MAX_MARKERS = 1 << 20;
  static final int STRIPE_BITS = 6;
  static final int STRIPES = 1 << STRIPE_BITS;
  private static final long NONE = Long.MIN_VALUE;

  private final int kinds;
  private final int tierCount;
  private final StoreLayout layout;
  private final long[] resolution;
  private final int[] ringSize;
  private final long[] trackedLength;
  private final int[] trackedTier;

  private final ConcurrentHashMap<ArticleId, Integer> index = new ConcurrentHashMap<>();
  private final Object internLock = new Object();
  private volatile ArticleId[] ids = new ArticleId[256];
  private volatile int idCount;

  private final Stripe[] stripes = new Stripe[STRIPES];
  private final LinkedHashMap<String, Long> applied = new LinkedHashMap<>() {
    private static final long serialVersionUID = 1L;

    @Override
    protected boolean removeEldestEntry(java.util.Map.Entry<String, Long> eldest) {
      return size() > MAX_MARKERS;
    }
  };

  /**
   * Creates an empty store for a layout.
   *
   * @param layout the tiers, kinds and tracked windows to hold, usually {@link RankingConfig#layout()}
   * @return a new, empty store
   * @throws NullPointerException if {@code layout} is null
   * @throws IllegalArgumentException if a tier would need more than 2^24 buckets
   */
  public static InMemoryCounterStore create(StoreLayout layout) {
    return new InMemoryCounterStore(Objects.requireNonNull(layout, "layout"));
  }

  private InMemoryCounterStore(StoreLayout layout) {
    this.layout = layout;
    this.kinds = layout.kinds().size();
    this.tierCount = layout.tiers().size();
    this.resolution = new long[tierCount];
    this.ringSize = new int[tierCount];
    long skew = layout.futureSkew().toMillis();
    for (int t = 0; t < tierCount; t++) {
      long r = layout.tiers().get(t).resolution().toMillis();
      long coarse = t + 1 < tierCount ? layout.tiers().get(t + 1).resolution().toMillis() : r;
      long h = layout.tiers().get(t).horizon().toMillis();
      resolution[t] = r;
      long size = (h + coarse + skew) / r + 3;
      if (size > 1 << 24) {
        throw new IllegalArgumentException("tier " + t + " would need " + size + " buckets; use a coarser "
            + "resolution or a shorter horizon");
      }
      ringSize[t] = Integer.highestOneBit((int) size - 1) << 1; // a power of two: the slot is a mask
    }
    List<Duration> tracked = layout.trackedWindows();
    trackedLength = new long[tracked.size()];
    trackedTier = new int[tracked.size()];
    for (int w = 0; w < tracked.size(); w++) {
      trackedLength[w] = tracked.get(w).toMillis();
      trackedTier[w] = tierFor(trackedLength[w]);
    }
    for (int s = 0; s < STRIPES; s++) {
      stripes[s] = new Stripe(tierCount, ringSize, trackedLength.length);
    }
  }

  /** Returns the finest tier whose horizon is at least {@code ageMillis}, or -1 if none is. */
  private int tierFor(long ageMillis) {
    for (int t = 0; t < tierCount; t++) {
      if (layout.tiers().get(t).horizon().toMillis() >= ageMillis) {
        return t;
      }
    }
    throw new IllegalArgumentException("tracked window of " + ageMillis + " ms is longer than the retention");
  }

  private static final class Stripe {
    final ReentrantLock lock = new ReentrantLock();
    final CellMap[][][] rings;
    final long[][] ringIndex;
    final long[] keepStart;
    long nextCheck = Long.MIN_VALUE;
    final long[] rollStart;
    /** {@code rollStart} in epoch milliseconds, so that counting an event needs no division. */
    final long[] rollStartMillis;
    /** Per tier, the start and index of the bucket the last event fell in. */
    final long[] lastBucketStart;
    final long[] lastBucketIndex;
    /** Per tier, the ring slots holding a bucket; when all are empty the rings are freed. */
    final int[] liveBuckets;
    /** Running totals, per article: per tracked window {@code [last event, count(kind 0), …]}. */
    long[] roll = new long[0];
    int localCapacity;

    Stripe(int tierCount, int[] ringSize, int tracked) {
      rings = new CellMap[tierCount][][];
      ringIndex = new long[tierCount][];
      keepStart = new long[tierCount];
      Arrays.fill(keepStart, Long.MIN_VALUE);
      for (int t = 0; t < tierCount; t++) {
        rings[t] = new CellMap[0][]; // allocated at the stripe's first cell
        ringIndex[t] = new long[0];
      }
      rollStart = new long[tracked];
      Arrays.fill(rollStart, NONE);
      rollStartMillis = new long[tracked];
      lastBucketStart = new long[tierCount];
      Arrays.fill(lastBucketStart, Long.MAX_VALUE); // no bucket yet: the range check fails
      lastBucketIndex = new long[tierCount];
      liveBuckets = new int[tierCount];
    }
  }

  /** Allocates a stripe's rings at its first cell, so that an idle or small engine stays small. */
  private void ensureRings(Stripe s) {
    if (s.ringIndex[0].length != 0) {
      return;
    }
    for (int t = 0; t < tierCount; t++) {
      s.rings[t] = new CellMap[ringSize[t]][];
      long[] idx = new long[ringSize[t]];
      Arrays.fill(idx, NONE);
      s.ringIndex[t] = idx;
    }
  }

  private int intern(ArticleId id) {
    Integer i = index.get(id);
    if (i != null) {
      return i;
    }
    synchronized (internLock) {
      i = index.get(id);
      if (i != null) {
        return i;
      }
      int n = idCount;
      if (n == Integer.MAX_VALUE - 1) {
        throw new IllegalStateException("the store holds the maximum number of articles");
      }
      ArticleId[] arr = ids;
      if (n == arr.length) {
        arr = Arrays.copyOf(arr, arr.length * 2);
      }
      arr[n] = id;
      ids = arr;
      idCount = n + 1;
      index.put(id, n);
      return n;
    }
  }

  private ArticleId idOf(int globalIndex) {
    return ids[globalIndex];
  }

  /** The longs per article in a stripe's running totals. */
  private int rollStride() {
    return trackedLength.length * (1 + kinds);
  }

  /** The index of a window's block for an article in a stripe's running totals. */
  private int rollBase(int local, int w) {
    return local * rollStride() + w * (1 + kinds);
  }

  private void ensureLocal(Stripe s, int local) {
    if (local < s.localCapacity || trackedLength.length == 0) {
      return;
    }
    int cap = Math.max(16, Integer.highestOneBit(local) << 1);
    long[] roll = Arrays.copyOf(s.roll, cap * rollStride());
    for (int l = s.localCapacity; l < cap; l++) {
      for (int w = 0; w < trackedLength.length; w++) {
        roll[rollBase(l, w)] = NONE;
      }
    }
    s.roll = roll;
    s.localCapacity = cap;
  }

  /** Moves a stripe to {@code now}: slides the running totals, then frees expired buckets. Lock held. */
  private void advance(Stripe s, long now) {
    if (now < s.nextCheck) {
      return;
    }
    long next = Long.MAX_VALUE;
    for (int w = 0; w < trackedLength.length; w++) {
      int t = trackedTier[w];
      long r = resolution[t];
      long start = Math.floorDiv(now - trackedLength[w], r);
      if (s.rollStart[w] == NONE) {
        rebuild(s, w, start);
      } else if (start > s.rollStart[w]) {
        slide(s, w, s.rollStart[w], start);
      }
      s.rollStart[w] = Math.max(start, s.rollStart[w]);
      s.rollStartMillis[w] = s.rollStart[w] * r;
      next = Math.min(next, (s.rollStart[w] + 1) * r + trackedLength[w]);
    }
    for (int t = 0; t < tierCount; t++) {
      long ks = layout.keepStart(t, now);
      if (ks > s.keepStart[t]) {
        s.keepStart[t] = ks;
        long[] idx = s.ringIndex[t];
        CellMap[][] ring = s.rings[t];
        for (int i = 0; i < idx.length; i++) {
          if (idx[i] != NONE && idx[i] < ks) {
            idx[i] = NONE;
            ring[i] = null;
            s.liveBuckets[t]--;
          }
        }
      }
      // keepStart changes when now - horizon crosses a multiple of the next coarser resolution.
      long coarse = t + 1 < tierCount ? resolution[t + 1] : resolution[t];
      long h = layout.tiers().get(t).horizon().toMillis();
      next = Math.min(next, (Math.floorDiv(now - h, coarse) + 1) * coarse + h);
    }
    s.nextCheck = next;
    if (s.ringIndex[0].length != 0 && Arrays.stream(s.liveBuckets).allMatch(n -> n == 0)) {
      for (int t = 0; t < tierCount; t++) { // every bucket expired: free the rings until the next event
        s.rings[t] = new CellMap[0][];
        s.ringIndex[t] = new long[0];
      }
    }
  }

  private void rebuild(Stripe s, int w, long start) {
    for (int l = 0; l < s.localCapacity; l++) {
      int base = rollBase(l, w);
      s.roll[base] = NONE;
      Arrays.fill(s.roll, base + 1, base + 1 + kinds, 0);
    }
    int t = trackedTier[w];
    long[] idx = s.ringIndex[t];
    for (int i = 0; i < idx.length; i++) {
      if (idx[i] != NONE && idx[i] >= start && idx[i] >= s.keepStart[t]) {
        addBucketToTotals(s, w, s.rings[t][i], idx[i] * resolution[t]);
      }
    }
  }

  private void addBucketToTotals(Stripe s, int w, CellMap[] bucket, long bucketStart) {
    for (int k = 0; k < kinds; k++) {
      CellMap m = bucket[k];
      if (m == null) {
        continue;
      }
      long[] slots = m.slots;
      for (int j = 0; j < slots.length; j += CellMap.STRIDE) {
        long header = slots[j];
        if (header == 0) {
          continue;
        }
        int local = (CellMap.key(header) - 1) >>> STRIPE_BITS;
        ensureLocal(s, local);
        int base = rollBase(local, w);
        long[] roll = s.roll;
        roll[base + 1 + k] = Saturating.add(roll[base + 1 + k], slots[j + 1]);
        long last = bucketStart + CellMap.lastOffset(header);
        if (last > roll[base]) {
          roll[base] = last;
        }
      }
    }
  }

  private void slide(Stripe s, int w, long from, long to) {
    int t = trackedTier[w];
    long[] idx = s.ringIndex[t];
    long[] roll = s.roll;
    // Running totals that had saturated at Long.MAX_VALUE cannot be slid by subtraction: they are recounted from
    // the buckets still in the window once the leaving buckets are gone ({key, kind} pairs).
    List<int[]> saturated = new ArrayList<>(0);
    for (int i = 0; i < idx.length; i++) {
      if (idx[i] == NONE || idx[i] < from || idx[i] >= to) {
        continue;
      }
      CellMap[] bucket = s.rings[t][i];
      for (int k = 0; k < kinds; k++) {
        CellMap m = bucket[k];
        if (m == null) {
          continue;
        }
        long[] slots = m.slots;
        for (int j = 0; j < slots.length; j += CellMap.STRIDE) {
          long header = slots[j];
          if (header != 0) {
            int base = rollBase((CellMap.key(header) - 1) >>> STRIPE_BITS, w);
            if (roll[base + 1 + k] == Long.MAX_VALUE) {
              saturated.add(new int[] {CellMap.key(header), k});
            } else {
              roll[base + 1 + k] = Saturating.subtract(roll[base + 1 + k], slots[j + 1]);
            }
          }
        }
      }
      for (CellMap m : bucket) { // an article with nothing left in the window has no last event either
        if (m == null) {
          continue;
        }
        long[] slots = m.slots;
        for (int j = 0; j < slots.length; j += CellMap.STRIDE) {
          long header = slots[j];
          if (header != 0) {
            int base = rollBase((CellMap.key(header) - 1) >>> STRIPE_BITS, w);
            boolean any = false;
            for (int k = 0; k < kinds; k++) {
              any |= roll[base + 1 + k] != 0;
            }
            if (!any) {
              roll[base] = NONE;
            }
          }
        }
      }
    }
    if (!saturated.isEmpty()) {
      recount(s, t, w, to, saturated);
    }
  }

  /** Sets each saturated running total to the sum of its cells in the buckets from {@code to} on. */
  private void recount(Stripe s, int t, int w, long to, List<int[]> saturated) {
    long[] idx = s.ringIndex[t];
    long[] roll = s.roll;
    for (int[] e : saturated) {
      int key = e[0];
      int k = e[1];
      long total = 0;
      for (int i = 0; i < idx.length; i++) {
        if (idx[i] == NONE || idx[i] < to) {
          continue;
        }
        CellMap m = s.rings[t][i][k];
        if (m != null) {
          total = Saturating.add(total, m.count(key));
        }
      }
      int base = rollBase((key - 1) >>> STRIPE_BITS, w);
      roll[base + 1 + k] = total;
      boolean any = false;
      for (int kk = 0; kk < kinds; kk++) {
        any |= roll[base + 1 + kk] != 0;
      }
      if (!any) {
        roll[base] = NONE;
      }
    }
  }

  /** Returns the map of a kind in a bucket of a stripe, creating the bucket or the map if needed. Lock held. */
  private CellMap cellMap(Stripe s, int tier, long bucketIndex, int kind) {
    int slot = (int) (bucketIndex & (ringSize[tier] - 1));
    CellMap[] bucket = s.rings[tier][slot];
    if (bucket == null || s.ringIndex[tier][slot] != bucketIndex) {
      if (s.ringIndex[tier][slot] == NONE) {
        s.liveBuckets[tier]++;
      }
      bucket = new CellMap[kinds];
      s.rings[tier][slot] = bucket;
      s.ringIndex[tier][slot] = bucketIndex;
    }
    CellMap m = bucket[kind];
    if (m == null) {
      m = new CellMap(4);
      bucket[kind] = m;
    }
    return m;
  }

  private int tierOfResolution(long millis) {
    for (int t = 0; t < tierCount; t++) {
      if (resolution[t] == millis) {
        return t;
      }
    }
    throw new IllegalArgumentException("no tier has a resolution of " + millis + " ms");
  }


  @Override
  public StoreLayout layout() {
    return layout;
  }

  /** Remembers a batch id; returns false if it was already applied. */
  private boolean markApplied(String id, long now) {
    synchronized (applied) {
      Iterator<Long> it = applied.values().iterator();
      while (it.hasNext()) {
        long at = it.next();
        if (at > now - MARKER_LIFETIME_MILLIS) {
          break;
        }
        it.remove();
      }
      if (applied.containsKey(id)) {
        return false;
      }
      applied.put(id, now);
      return true;
    }
  }

  @Override
  public CompletionStage<Void> add(Batch batch, long nowEpochMillis) {
    Objects.requireNonNull(batch, "batch");
    List<Cell> cells = batch.cells();
    long res0 = resolution[0];
    for (Cell c : cells) {
      if (c.kindIndex() >= kinds) {
        throw new IllegalArgumentException("Cell.kindIndex " + c.kindIndex() + " is outside the layout's "
            + kinds + " kinds");
      }
      long start = c.bucketIndex() * res0;
      if (Math.abs(c.bucketIndex()) > Long.MAX_VALUE / 4 / res0 || c.lastEventEpochMillis() < start
          || c.lastEventEpochMillis() - start >= res0) {
        throw new IllegalArgumentException("Cell of " + c.articleId() + ": last event "
            + c.lastEventEpochMillis() + " is outside bucket " + c.bucketIndex());
      }
    }
    if (!markApplied(batch.id(), nowEpochMillis)) {
      return DONE; // a resent batch that already counted
    }
    int n = cells.size();
    int[] global = new int[n];
    int[] perStripe = new int[STRIPES + 1];
    for (int i = 0; i < n; i++) {
      global[i] = intern(cells.get(i).articleId());
      perStripe[(global[i] & (STRIPES - 1)) + 1]++;
    }
    for (int s = 0; s < STRIPES; s++) {
      perStripe[s + 1] += perStripe[s];
    }
    int[] order = new int[n];
    int[] fill = Arrays.copyOf(perStripe, STRIPES);
    for (int i = 0; i < n; i++) {
      order[fill[global[i] & (STRIPES - 1)]++] = i;
    }
    for (int si = 0; si < STRIPES; si++) {
      if (perStripe[si] == perStripe[si + 1]) {
        continue;
      }
      Stripe s = stripes[si];
      s.lock.lock();
      try {
        advance(s, nowEpochMillis);
        ensureRings(s);
        for (int o = perStripe[si]; o < perStripe[si + 1]; o++) {
          int i = order[o];
          addCell(s, global[i], cells.get(i));
        }
      } finally {
        s.lock.unlock();
      }
    }
    return DONE;
  }

  /** Counts one cell in every tier that still holds its bucket and in the running totals. Lock held. */
  private void addCell(Stripe s, int gi, Cell c) {
    int key = gi + 1;
    long at = c.lastEventEpochMillis();
    int kind = c.kindIndex();
    long count = c.count();
    for (int t = 0; t < tierCount; t++) {
      long b = Math.floorDiv(at, resolution[t]);
      if (b < s.keepStart[t]) {
        continue;
      }
      cellMap(s, t, b, kind).add(key, count, (int) (at - b * resolution[t]));
    }
    int local = gi >>> STRIPE_BITS;
    for (int w = 0; w < trackedLength.length; w++) {
      if (at >= s.rollStartMillis[w]) { // the cell's bucket (in the window's tier) has not left the window
        ensureLocal(s, local);
        long[] roll = s.roll;
        int base = rollBase(local, w);
        roll[base + 1 + kind] = Saturating.add(roll[base + 1 + kind], count);
        if (at > roll[base]) {
          roll[base] = at;
        }
      }
    }
  }

  /** One candidate of a tracked top: its exact score, and the counts copied under the stripe lock. */
  private record Candidate(ArticleId id, long score, long last, long[] counts) {}

  /** Worst first: lower score, then older last event, then larger id. */
  private static final Comparator<Candidate> WORST_FIRST = (a, b) -> {
    int c = Long.compare(a.score, b.score);
    if (c != 0) {
      return c;
    }
    c = Long.compare(a.last, b.last);
    return c != 0 ? c : b.id.compareTo(a.id);
  };

  @Override
  public CompletionStage<List<Tally>> top(Duration window, long[] kindWeights, int limit, long nowEpochMillis) {
    Objects.requireNonNull(window, "window");
    Objects.requireNonNull(kindWeights, "kindWeights");
    long len = window.toMillis();
    int w = -1;
    for (int i = 0; i < trackedLength.length; i++) {
      if (trackedLength[i] == len) {
        w = i;
        break;
      }
    }
    if (w < 0) {
      throw new IllegalArgumentException("window " + window + " is not tracked; tracked: " + layout.trackedWindows());
    }
    if (kindWeights.length != kinds) {
      throw new IllegalArgumentException("kindWeights has " + kindWeights.length + " weights for " + kinds + " kinds");
    }
    for (long kw : kindWeights) {
      if (kw < 0) {
        throw new IllegalArgumentException("kindWeights must be at least 0, found " + kw);
      }
    }
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1, was " + limit);
    }
    PriorityQueue<Candidate> heap = new PriorityQueue<>(Math.min(limit, 1024) + 1, WORST_FIRST);
    for (int si = 0; si < STRIPES; si++) {
      Stripe s = stripes[si];
      s.lock.lock();
      try {
        advance(s, nowEpochMillis);
        long[] roll = s.roll;
        for (int local = 0; local < s.localCapacity; local++) {
          int base = rollBase(local, w);
          long last = roll[base];
          if (last == NONE) {
            continue;
          }
          long score = 0;
          for (int k = 0; k < kinds; k++) {
            if (kindWeights[k] != 0) {
              score = Saturating.add(score, Saturating.multiply(kindWeights[k], roll[base + 1 + k]));
            }
          }
          if (heap.size() >= limit) {
            Candidate worst = heap.peek();
            int c = Long.compare(score, worst.score);
            if (c < 0 || (c == 0 && last < worst.last)) {
              continue;
            }
            ArticleId id = idOf((local << STRIPE_BITS) | si);
            if (c == 0 && last == worst.last && id.compareTo(worst.id) > 0) {
              continue;
            }
            heap.poll();
            heap.add(new Candidate(id, score, last, Arrays.copyOfRange(roll, base + 1, base + 1 + kinds)));
          } else {
            heap.add(new Candidate(idOf((local << STRIPE_BITS) | si), score, last,
                Arrays.copyOfRange(roll, base + 1, base + 1 + kinds)));
          }
        }
      } finally {
        s.lock.unlock();
      }
    }
    List<Candidate> best = new ArrayList<>(heap);
    best.sort(WORST_FIRST.reversed());
    List<Tally> out = new ArrayList<>(best.size());
    for (Candidate c : best) {
      out.add(Tally.unweighted(c.id, c.counts, c.last));
    }
    return CompletableFuture.completedFuture(out);
  }

  @Override
  public CompletionStage<List<Tally>> union(List<Bucket> buckets, double[] bucketWeights, long now) {
    if (bucketWeights.length != buckets.size()) {
      throw new IllegalArgumentException("one weight per bucket: " + bucketWeights.length + " for "
          + buckets.size());
    }
    int n = buckets.size();
    int[] tiers = new int[n];
    for (int i = 0; i < n; i++) {
      tiers[i] = tierOfResolution(buckets.get(i).resolution().toMillis());
    }
    int locals = (idCount >>> STRIPE_BITS) + 1;
    long[] counts = new long[locals * kinds];
    double[] weighted = new double[locals * kinds];
    long[] last = new long[locals];
    Arrays.fill(last, NONE);
    int[] touched = new int[locals];
    List<Tally> out = new ArrayList<>();
    for (int si = 0; si < STRIPES; si++) {
      Stripe s = stripes[si];
      int touchedCount = 0;
      s.lock.lock();
      try {
        advance(s, now);
        for (int i = 0; i < n; i++) {
          int t = tiers[i];
          long b = buckets.get(i).index();
          if (s.ringIndex[t].length == 0) {
            break; // the stripe holds no cell
          }
          int slot = (int) (b & (ringSize[t] - 1));
          if (s.ringIndex[t][slot] != b || b < s.keepStart[t]) {
            continue;
          }
          CellMap[] bucket = s.rings[t][slot];
          long bucketStart = b * resolution[t];
          double bw = bucketWeights[i];
          for (int k = 0; k < kinds; k++) {
            CellMap m = bucket[k];
            if (m == null) {
              continue;
            }
            long[] slots = m.slots;
            for (int j = 0; j < slots.length; j += CellMap.STRIDE) {
              long header = slots[j];
              if (header == 0) {
                continue;
              }
              int local = (CellMap.key(header) - 1) >>> STRIPE_BITS;
              if (local >= locals) {
                continue; // interned after this union began; its events are newer than the union
              }
              if (last[local] == NONE) {
                touched[touchedCount++] = local;
              }
              long c = slots[j + 1];
              int x = local * kinds + k;
              counts[x] = Saturating.add(counts[x], c);
              weighted[x] += bw * c;
              long at = bucketStart + CellMap.lastOffset(header);
              if (at > last[local]) {
                last[local] = at;
              }
            }
          }
        }
      } finally {
        s.lock.unlock();
      }
      for (int i = 0; i < touchedCount; i++) {
        int local = touched[i];
        out.add(new Tally(idOf((local << STRIPE_BITS) | si),
            Arrays.copyOfRange(counts, local * kinds, local * kinds + kinds),
            Arrays.copyOfRange(weighted, local * kinds, local * kinds + kinds), last[local]));
        Arrays.fill(counts, local * kinds, local * kinds + kinds, 0);
        Arrays.fill(weighted, local * kinds, local * kinds + kinds, 0);
        last[local] = NONE;
      }
    }
    return CompletableFuture.completedFuture(out);
  }

  @Override
  public CompletionStage<Void> maintain(long nowEpochMillis) {
    for (Stripe s : stripes) {
      s.lock.lock();
      try {
        advance(s, nowEpochMillis);
      } finally {
        s.lock.unlock();
      }
    }
    return DONE;
  }

  @Override
  public CompletionStage<Stats> stats() {
    return CompletableFuture.completedFuture(new Stats(liveCells(), estimatedBytes(), idCount));
  }

  /** Returns true: {@link #add} completes before it returns, in the heap. */
  @Override
  public boolean appliesInProcess() {
    return true;
  }

  /** Nothing to release: the counts stay readable (and snapshots possible) after close. */
  @Override
  public void close() {}

  /** Visits every cell held, one kind at a time, each stripe under its lock; for snapshots. */
  void forEachCell(CellVisitor visitor) {
    long[] out = new long[kinds];
    for (int si = 0; si < STRIPES; si++) {
      Stripe s = stripes[si];
      s.lock.lock();
      try {
        for (int t = 0; t < tierCount; t++) {
          long[] idx = s.ringIndex[t];
          for (int i = 0; i < idx.length; i++) {
            if (idx[i] == NONE || idx[i] < s.keepStart[t]) {
              continue;
            }
            CellMap[] bucket = s.rings[t][i];
            long bucketStart = idx[i] * resolution[t];
            for (int k = 0; k < kinds; k++) {
              CellMap m = bucket[k];
              if (m == null) {
                continue;
              }
              long[] slots = m.slots;
              for (int j = 0; j < slots.length; j += CellMap.STRIDE) {
                long header = slots[j];
                if (header == 0) {
                  continue;
                }
                Arrays.fill(out, 0);
                out[k] = slots[j + 1];
                visitor.visit(t, idx[i], idOf(CellMap.key(header) - 1), out, bucketStart + CellMap.lastOffset(header));
              }
            }
          }
        }
      } finally {
        s.lock.unlock();
      }
    }
  }

  /** Receives one cell from {@link #forEachCell}; the array is reused between calls. */
  @FunctionalInterface
  interface CellVisitor {
    void visit(int tier, long bucketIndex, ArticleId articleId, long[] counts, long lastEventEpochMillis);
  }

  /** Sets a cell while restoring a snapshot into an empty store. */
  private void putCell(int tier, long bucketIndex, ArticleId articleId, long[] counts, long lastEventEpochMillis) {
    int gi = intern(articleId);
    Stripe s = stripes[gi & (STRIPES - 1)];
    s.lock.lock();
    try {
      ensureRings(s);
      int offset = (int) (lastEventEpochMillis - bucketIndex * resolution[tier]);
      for (int k = 0; k < kinds; k++) {
        if (counts[k] > 0) {
          cellMap(s, tier, bucketIndex, k).add(gi + 1, counts[k], offset);
        }
      }
      Arrays.fill(s.rollStart, NONE);
      s.nextCheck = Long.MIN_VALUE;
    } finally {
      s.lock.unlock();
    }
  }

  /**
   * Writes every count to a stream, in the versioned format described in {@code docs/ranking.md} (magic,
   * version, time, layout, cells, CRC32C checksum). Each stripe's cells are copied under its lock, so each
   * cell is in the snapshot whole or not at all; cells added while the snapshot runs may or may not be in it.
   * Flush the engine first ({@link RankingEngine#flush()} or {@link RankingEngine#close()}) so that its
   * buffered counts are in the store. The snapshot is built in memory, then written; the stream is flushed,
   * not closed.
   *
   * @param out where to write
   * @param now the time to record in the snapshot (the engine's time)
   * @throws IOException if writing fails
   * @throws NullPointerException if an argument is null
   */
  public void snapshot(OutputStream out, Instant now) throws IOException {
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(now, "now");
    byte[] bytes = SnapshotFormat.write(layout, this, now.toEpochMilli());
    out.write(bytes);
    out.flush();
    LOG.debug("ranking snapshot written: {} bytes", bytes.length);
  }

  /**
   * Loads a snapshot written by {@link #snapshot} from a store of the same layout into this store, which must
   * still be empty (restore at start-up, before an engine writes to it). The whole stream is read and checked
   * (length, magic, version, checksum, every field) before anything is loaded: a truncated or corrupted
   * snapshot is refused whole and the store stays empty. Cells the retention no longer covers at the later of
   * {@code now} and the snapshot's time are dropped.
   *
   * @param in the snapshot; read to its end, not closed
   * @param now the engine's time
   * @return the number of cells loaded
   * @throws IOException if reading fails
   * @throws InvalidDataException if the snapshot is truncated, corrupted, of another version, written with
   *     other bucket tiers or with kinds this store does not count, or written more than a day after
   *     {@code now}; nothing was loaded
   * @throws IllegalStateException if the store already holds counts
   * @throws NullPointerException if an argument is null
   */
  public long restore(InputStream in, Instant now) throws IOException {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(now, "now");
    if (idCount != 0) {
      throw new IllegalStateException("restore needs an empty store; this one holds " + idCount + " articles");
    }
    SnapshotFormat.Parsed parsed = SnapshotFormat.read(in.readAllBytes(), layout);
    long clockMillis = now.toEpochMilli();
    if (parsed.nowMillis() > clockMillis + Duration.ofDays(1).toMillis()) {
      // A checksum proves the bytes are as written, not that the writer's clock was sane: a snapshot from the
      // future would expire every count that is live now.
      throw new InvalidDataException("ranking snapshot: written at " + Instant.ofEpochMilli(parsed.nowMillis())
          + ", more than a day after " + now + "; refused");
    }
    long at = Math.max(clockMillis, parsed.nowMillis());
    long skew = layout.futureSkew().toMillis();
    long kept = 0;
    for (SnapshotFormat.Cell c : parsed.cells()) {
      long res = resolution[c.tier()];
      if (c.bucketIndex() >= layout.keepStart(c.tier(), at) && c.bucketIndex() <= Math.floorDiv(at + skew, res)) {
        putCell(c.tier(), c.bucketIndex(), c.articleId(), c.counts(), c.lastEventMillis());
        kept++;
      }
    }
    maintain(at);
    LOG.debug("ranking snapshot restored: {} of {} cells kept", kept, parsed.cells().size());
    return kept;
  }

  /** Returns the (article, kind, bucket) cells held. */
  long liveCells() {
    long cells = 0;
    for (Stripe s : stripes) {
      s.lock.lock();
      try {
        for (int t = 0; t < tierCount; t++) {
          for (int i = 0; i < s.ringIndex[t].length; i++) {
            if (s.ringIndex[t][i] != NONE && s.ringIndex[t][i] >= s.keepStart[t]) {
              for (CellMap m : s.rings[t][i]) {
                cells += m == null ? 0 : m.size;
              }
            }
          }
        }
      } finally {
        s.lock.unlock();
      }
    }
    return cells;
  }

  /** Returns the bytes held by bucket cells alone (the {@link CellMap}s), for the per-cell figure. */
  long cellBytes() {
    long bytes = 0;
    for (Stripe s : stripes) {
      s.lock.lock();
      try {
        for (int t = 0; t < tierCount; t++) {
          for (CellMap[] bucket : s.rings[t]) {
            if (bucket != null) {
              bytes += 16 + 8L * kinds; // the array of one map per kind
              for (CellMap m : bucket) {
                bytes += m == null ? 0 : m.estimatedBytes();
              }
            }
          }
        }
      } finally {
        s.lock.unlock();
      }
    }
    return bytes;
  }

  long estimatedBytes() {
    long bytes = cellBytes();
    for (Stripe s : stripes) {
      for (int t = 0; t < tierCount; t++) {
        bytes += 32 + 12L * s.ringIndex[t].length; // ring of references plus bucket indexes
      }
      bytes += 16 + 8L * s.roll.length;
    }
    // Interning: a ConcurrentHashMap node and a boxed index per article (about 48 bytes), plus the id array.
    bytes += 48L * idCount + 8L * ids.length;
    synchronized (applied) {
      bytes += 100L * applied.size(); // batch-id markers
    }
    return bytes;
  }
}
