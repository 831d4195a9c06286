package dev.masthead.ranking;

import dev.masthead.core.ArticleId;
import java.util.ArrayList;
import java.util.List;

/**
 * A recording buffer's table: an open-addressing hash map (linear probing, load at most 3/4) from (article,
 * kind, finest bucket) to a count and the latest event time, so that a run of views of one story in one
 * minute becomes one cell. A cell is the article reference plus one 24-byte stride of a {@code long[]}:
 * {@code [bucket × 1024 + kind, count (0 marks an empty slot), hash << 32 | last event ms after the bucket's
 * start]}, about 28 bytes a slot; a probe compares the hash and the key in the stride and reads the article
 * reference only on a match, so most probes touch one cache line. The table refuses a new key once it is 3/4
 * full ({@link #add} returns false); its owner then {@linkplain #grown() grows} it or, at the
 * largest size, hands it to the flusher whole.
 *
 * <p>Not thread-safe: the owning stripe's lock, or the flusher that took it, guards it.
 */
final class CoalescingTable {
  static final int MAX_KINDS = StoreLayout.MAX_KINDS;
  private static final int STRIDE = 3;
  private static final long LOW = 0xFFFF_FFFFL;

  private final ArticleId[] ids;
  private final long[] slots;
  private final int[] used;
  private final int mask;
  private final int capacity;
  /** The finest bucket's length: a last event time is kept as its offset from its bucket's start. */
  private final long bucketMillis;
  private int size;
  private long events;

  /**
   * Creates a table of {@code slotCount} slots (a power of two, at least 16), holding 3/4 as many cells, for
   * buckets of {@code bucketMillis} (at most {@link Integer#MAX_VALUE}).
   */
  CoalescingTable(int slotCount, long bucketMillis) {
    this.bucketMillis = bucketMillis;
    if (slotCount < 16 || Integer.bitCount(slotCount) != 1) {
      throw new IllegalArgumentException("slotCount must be a power of two, at least 16, was " + slotCount);
    }
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
    for (int u = 0; u < size; u++) {
      int i = used[u];
      int base = i * STRIDE;
      t.put(ids[i], slots[base], slots[base + 1], slots[base + 2]);
    }
    t.events = events;
    return t;
  }

  /** Inserts a key known to be absent; room known to be there. */
  private void put(ArticleId id, long key, long count, long hashAndOffset) {
    int i = (int) (hashAndOffset >>> 32) & mask;
    while (slots[i * STRIDE + 1] != 0) {
      i = (i + 1) & mask;
    }
    ids[i] = id;
    int base = i * STRIDE;
    slots[base] = key;
    slots[base + 1] = count;
    slots[base + 2] = hashAndOffset;
    used[size++] = i;
  }

  static int hash(ArticleId id, long key) {
    int h = id.hashCode() * 0x9E3779B9 + (int) (key ^ (key >>> 32)) * 0x85EBCA6B;
    return h ^ (h >>> 15);
  }

  int size() {
    return size;
  }

  long events() {
    return events;
  }

  /**
   * Adds {@code count} events of a kind in a bucket; returns false, changing nothing, if the key is new and
   * the table is full.
   */
  boolean add(ArticleId id, int kind, long bucket, long count, long at) {
    long key = bucket * MAX_KINDS + kind;
    int h = hash(id, key);
    long offset = at - bucket * bucketMillis; // 0 to bucketMillis - 1
    long hashHigh = (long) h << 32;
    int i = h & mask;
    while (true) {
      int base = i * STRIDE;
      if (slots[base + 1] == 0) {
        if (size == capacity) {
          return false;
        }
        ids[i] = id;
        slots[base] = key;
        slots[base + 1] = count;
        slots[base + 2] = hashHigh | offset;
        used[size++] = i;
        events = Saturating.add(events, count);
        return true;
      }
      long ho = slots[base + 2];
      ArticleId cur;
      if ((ho & ~LOW) == hashHigh && slots[base] == key && ((cur = ids[i]) == id || cur.equals(id))) {
        slots[base + 1] = Saturating.add(slots[base + 1], count);
        if (offset > (ho & LOW)) {
          slots[base + 2] = hashHigh | offset;
        }
        events = Saturating.add(events, count);
        return true;
      }
      i = (i + 1) & mask;
    }
  }

  /** Appends the cells to {@code out}, in insertion order. */
  void drainTo(List<CounterStore.Cell> out) {
    for (int u = 0; u < size; u++) {
      int i = used[u];
      int base = i * STRIDE;
      long key = slots[base];
      long bucket = Math.floorDiv(key, MAX_KINDS);
      out.add(new CounterStore.Cell(ids[i], Math.floorMod(key, MAX_KINDS), bucket, slots[base + 1],
          bucket * bucketMillis + (slots[base + 2] & LOW)));
    }
  }

  /** Returns the cells as a new list. */
  List<CounterStore.Cell> cells() {
    List<CounterStore.Cell> out = new ArrayList<>(size);
    drainTo(out);
    return out;
  }

  /** Empties the table for reuse, in O(cells). */
  void clear() {
    for (int u = 0; u < size; u++) {
      ids[used[u]] = null;
      slots[used[u] * STRIDE + 1] = 0;
    }
    size = 0;
    events = 0;
  }
}
