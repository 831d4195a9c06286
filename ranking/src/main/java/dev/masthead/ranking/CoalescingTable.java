package dev.masthead.ranking;

import dev.masthead.core.ArticleId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A recording buffer's table: an open-addressing hash map (linear probing, load at most 3/4) from (article,
 * kind, finest bucket) to a count and the latest event time, so that a run of views of one story in one
 * minute becomes one cell.
 *
 * <p>A cell is the article reference plus one 16-byte stride of a {@code long[]}, about 20 bytes a slot, so
 * that the table of one flush interval stays small enough for the processor's caches (the cost of recording
 * is mostly the cache misses of this table):
 * <ul>
 *   <li>{@code [hash << 32 | kind << 22 | bucket - base + 2^21]}: the key, where {@code base} is the first
 *       bucket the table met; never 0 for a used slot, since the relative bucket is at least 1;
 *   <li>{@code [count << offsetBits | last event ms after the bucket's start]}, with as many offset bits as the
 *       bucket length needs (16 for a minute, 22 for an hour), the rest for the count.
 * </ul>
 * A probe compares one long and reads the article reference only on a match, so most probes touch one cache
 * line; the cells of one article and kind in four consecutive buckets start their probes in four neighbouring
 * slots ({@link #hash}), so that an article viewed over several minutes fills one line, not one line a minute. A cell that does not fit the packed form (a bucket more than 2^21 buckets from the base, as a very late
 * event at a fine resolution, or a count past the packed field) lives in a small spill map instead, which
 * counts toward the table's size the same way; such cells are rare and slower, never lost.
 *
 * <p>The table refuses a new key once it is 3/4 full ({@link #add} returns false); its owner then
 * {@linkplain #grown() grows} it or, at the largest size, hands it to the flusher whole.
 *
 * <p>Not thread-safe: the owning stripe's lock, or the flusher that took it, guards it.
 */
final class CoalescingTable {
  static final int MAX_KINDS = StoreLayout.MAX_KINDS;
  private static final int STRIDE = 2;
  private static final int REL_BITS = 22;
  private static final long REL_MASK = (1L << REL_BITS) - 1;
  private static final long REL_BIAS = 1L << (REL_BITS - 1);
  private static final long KEY_LOW = 0xFFFF_FFFFL;
  private static final int RUN_BITS = 2;
  /** Consecutive buckets whose cells of one article and kind are placed side by side: four 16-byte slots. */
  static final int RUN = 1 << RUN_BITS;

  /** A cell kept outside the packed slots. */
  private record SpillKey(ArticleId id, int kind, long bucket) {}

  private final ArticleId[] ids;
  private final long[] slots;
  private final int[] used;
  private final int mask;
  private final int capacity;
  /** The finest bucket's length: a last event time is kept as its offset from its bucket's start. */
  private final long bucketMillis;
  private final int offsetBits;
  private final long offsetMask;
  /** The largest count the packed field holds; a slot holding it has its count in the spill map. */
  private final long maxPacked;
  private long base;
  /** Cells in the packed slots, in {@code used}; the spilled ones are in {@code spill}. */
  private int packed;
  /** Packed slots whose count moved to the spill map (a cell in both places, counted once). */
  private int sentinels;
  private long events;
  /** Cells that do not fit the packed form: {count, last event ms}; null until the first. */
  private @Nullable Map<SpillKey, long[]> spill;

  /**
   * Creates a table of {@code slotCount} slots (a power of two, at least 16), holding 3/4 as many cells, for
   * buckets of {@code bucketMillis} (1 to {@link Integer#MAX_VALUE}).
   */
  CoalescingTable(int slotCount, long bucketMillis) {
    if (slotCount < 16 || Integer.bitCount(slotCount) != 1) {
      throw new IllegalArgumentException("slotCount must be a power of two, at least 16, was " + slotCount);
    }
    if (bucketMillis < 1 || bucketMillis > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("bucketMillis must be 1 to 2^31 - 1, was " + bucketMillis);
    }
    this.bucketMillis = bucketMillis;
    this.offsetBits = Math.max(1, 64 - Long.numberOfLeadingZeros(bucketMillis - 1));
    this.offsetMask = (1L << offsetBits) - 1;
    this.maxPacked = (1L << (63 - offsetBits)) - 1; // the count field is kept non-negative
    this.capacity = slotCount - (slotCount >>> 2);
    this.ids = new ArticleId[slotCount];
    this.slots = new long[slotCount * STRIDE];
    this.used = new int[capacity];
    this.mask = slotCount - 1;
  }

  /** Returns the number of slots: a power of two. */
  int slotCount() {
    return mask + 1;
  }

  /** Returns a table of twice the slots holding the same cells. */
  CoalescingTable grown() {
    CoalescingTable t = new CoalescingTable(slotCount() * 2, bucketMillis);
    t.base = base;
    for (int u = 0; u < packed; u++) {
      int i = used[u];
      int b = i * STRIDE;
      t.put(ids[i], slots[b], slots[b + 1]);
    }
    if (spill != null) {
      t.spill = new HashMap<>(spill);
      t.sentinels = sentinels;
    }
    t.events = events;
    return t;
  }

  private int spillSize() {
    Map<SpillKey, long[]> s = spill;
    return s == null ? 0 : s.size();
  }

  /** Inserts a packed key known to be absent; room known to be there. */
  private void put(ArticleId id, long key, long value) {
    int i = home((int) (key >>> 32), base + (key & REL_MASK) - REL_BIAS);
    while (slots[i * STRIDE] != 0) {
      i = (i + 1) & mask;
    }
    ids[i] = id;
    slots[i * STRIDE] = key;
    slots[i * STRIDE + 1] = value;
    used[packed++] = i;
  }

  /**
   * Returns the hash of an (article, kind) and a run of {@value #RUN} consecutive buckets: the buckets of a run
   * share it, and {@link #home} places them in neighbouring slots, so that an article's cells of a few minutes
   * fill one or two cache lines instead of one line each.
   */
  static int hash(ArticleId id, int kind, long bucket) {
    long run = bucket >> RUN_BITS;
    int h = id.hashCode() * 0x9E3779B9 + (int) (run ^ (run >>> 32)) * 0x85EBCA6B + kind * 0xC2B2AE35;
    return h ^ (h >>> 15);
  }

  /** Returns the first slot to probe for a cell of hash {@code h} in {@code bucket}. */
  private int home(int h, long bucket) {
    return (h << RUN_BITS | (int) bucket & (RUN - 1)) & mask;
  }

  int size() {
    return packed + spillSize() - sentinels;
  }

  long events() {
    return events;
  }

  /**
   * Adds {@code count} events of a kind in a bucket; returns false, changing nothing, if the key is new and
   * the table is full.
   */
  boolean add(ArticleId id, int kind, long bucket, long count, long at) {
    if (packed == 0) {
      base = bucket;
    }
    long rel = bucket - base + REL_BIAS;
    if (rel < 1 || rel > REL_MASK || count >= maxPacked) {
      return addSpilled(id, kind, bucket, count, at);
    }
    int h = hash(id, kind, bucket);
    long key = (long) h << 32 | (long) kind << REL_BITS | rel;
    long offset = at - bucket * bucketMillis; // 0 to bucketMillis - 1
    for (int i = home(h, bucket); ; i = (i + 1) & mask) {
      int b = i * STRIDE;
      long k = slots[b];
      if (k == key) {
        ArticleId cur = ids[i];
        if (cur == id || cur.equals(id)) {
          long v = slots[b + 1];
          long c = v >>> offsetBits;
          if (c >= maxPacked - count) { // at or past the packed field's limit: the count moves to the spill map
            return addToSpilledSlot(i, id, kind, bucket, count, at);
          }
          slots[b + 1] = (c + count) << offsetBits | Math.max(v & offsetMask, offset);
          events = Saturating.add(events, count);
          return true;
        }
      } else if (k == 0) {
        return insert(i, id, kind, bucket, key, count, offset, at);
      }
    }
  }

  /**
   * Puts a new key in the empty slot {@code i} its probe ended on; kept out of {@link #add} so that the
   * coalescing path stays small enough for the JIT to inline.
   */
  private boolean insert(int i, ArticleId id, int kind, long bucket, long key, long count, long offset, long at) {
    if (spill != null && spill.containsKey(new SpillKey(id, kind, bucket))) {
      return addSpilled(id, kind, bucket, count, at); // the key lives in the spill map already
    }
    if (size() == capacity) {
      return false;
    }
    ids[i] = id;
    slots[i * STRIDE] = key;
    slots[i * STRIDE + 1] = count << offsetBits | offset;
    used[packed++] = i;
    events = Saturating.add(events, count);
    return true;
  }

  /** A count past the packed field: the slot keeps the key with the largest count, the spill map the count. */
  private boolean addToSpilledSlot(int i, ArticleId id, int kind, long bucket, long count, long at) {
    long v = slots[i * STRIDE + 1];
    long c = v >>> offsetBits;
    long last = bucket * bucketMillis + (v & offsetMask);
    Map<SpillKey, long[]> s = spill == null ? (spill = new HashMap<>()) : spill;
    SpillKey key = new SpillKey(id, kind, bucket);
    long[] cell = s.get(key);
    if (cell == null) {
      // The first overflow: the slot's count moves to the spill map; the slot stays, marked by its count.
      s.put(key, new long[] {Saturating.add(c, count), Math.max(last, at)});
      slots[i * STRIDE + 1] = maxPacked << offsetBits;
      sentinels++;
    } else {
      cell[0] = Saturating.add(cell[0], count);
      cell[1] = Math.max(cell[1], at);
    }
    events = Saturating.add(events, count);
    return true;
  }

  /** A cell outside the packed form. */
  private boolean addSpilled(ArticleId id, int kind, long bucket, long count, long at) {
    SpillKey key = new SpillKey(id, kind, bucket);
    // A packed slot of this key may exist (a small count before a huge one): its count moves over.
    long rel = bucket - base + REL_BIAS;
    if (rel >= 1 && rel <= REL_MASK) {
      int h = hash(id, kind, bucket);
      long packed = (long) h << 32 | (long) kind << REL_BITS | rel;
      for (int i = home(h, bucket); slots[i * STRIDE] != 0; i = (i + 1) & mask) {
        ArticleId cur = ids[i];
        if (slots[i * STRIDE] == packed && (cur == id || cur.equals(id))) {
          return addToSpilledSlot(i, id, kind, bucket, count, at);
        }
      }
    }
    Map<SpillKey, long[]> s = spill == null ? (spill = new HashMap<>()) : spill;
    long[] cell = s.get(key);
    if (cell == null) {
      if (size() == capacity) {
        return false;
      }
      s.put(key, new long[] {count, at});
    } else {
      cell[0] = Saturating.add(cell[0], count);
      cell[1] = Math.max(cell[1], at);
    }
    events = Saturating.add(events, count);
    return true;
  }

  /** Appends the cells to {@code out}: the packed ones in insertion order, then the spilled ones. */
  void drainTo(List<CounterStore.Cell> out) {
    Map<SpillKey, long[]> s = spill;
    for (int u = 0; u < packed; u++) {
      int i = used[u];
      long key = slots[i * STRIDE];
      long v = slots[i * STRIDE + 1];
      long count = v >>> offsetBits;
      if (count == maxPacked) {
        continue; // its count is in the spill map
      }
      long bucket = base + (key & REL_MASK) - REL_BIAS;
      int kind = (int) ((key & KEY_LOW) >>> REL_BITS);
      out.add(new CounterStore.Cell(ids[i], kind, bucket, count, bucket * bucketMillis + (v & offsetMask)));
    }
    if (s != null) {
      for (Map.Entry<SpillKey, long[]> e : s.entrySet()) {
        SpillKey k = e.getKey();
        out.add(new CounterStore.Cell(k.id(), k.kind(), k.bucket(), e.getValue()[0], e.getValue()[1]));
      }
    }
  }

  /** Returns the cells as a new list. */
  List<CounterStore.Cell> cells() {
    List<CounterStore.Cell> out = new ArrayList<>(size());
    drainTo(out);
    return out;
  }

  /** Empties the table for reuse, in O(cells). */
  void clear() {
    for (int u = 0; u < packed; u++) {
      ids[used[u]] = null;
      slots[used[u] * STRIDE] = 0;
    }
    spill = null;
    sentinels = 0;
    packed = 0;
    events = 0;
  }
}
