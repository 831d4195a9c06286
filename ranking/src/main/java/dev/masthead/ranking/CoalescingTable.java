package dev.masthead.ranking;

import dev.masthead.core.ArticleId;
import java.util.ArrayList;
import java.util.List;

/**
 * A recording buffer's table: an open-addressing hash map (linear probing, load at most 3/4) from (article,
 * kind, finest bucket) to a count and the latest event time, so that a run of views of one story in one
 * minute becomes one cell. A cell is the article reference plus one 32-byte stride of a {@code long[]}:
 * {@code [bucket × 1024 + kind, count (0 marks an empty slot), last event ms, the cell's hash]}, about 36
 * bytes a slot; a probe compares the hash and the key in the stride and reads the article reference only on
 * a match, so most probes touch one cache line. The table refuses a new key
 * once it is 3/4 full ({@link #add} returns false); its owner then {@linkplain #grown() grows} it or, at the
 * largest size, hands it to the flusher whole.
 *
 * <p>Not thread-safe: the owning stripe's lock, or the flusher that took it, guards it.
 */
final class CoalescingTable {
  static final int MAX_KINDS = StoreLayout.MAX_KINDS;
  private static final int STRIDE = 4;

  private final ArticleId[] ids;
  private final long[] slots;
  private final int[] used;
  private final int mask;
  private final int capacity;
  private int size;
  private long events;

  /** Creates a table of {@code slotCount} slots (a power of two, at least 16), holding 3/4 as many cells. */
  CoalescingTable(int slotCount) {
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
    CoalescingTable t = new CoalescingTable(slotCount() * 2);
    for (int u = 0; u < size; u++) {
      int i = used[u];
      int base = i * STRIDE;
      t.put(ids[i], slots[base], slots[base + 1], slots[base + 2], (int) slots[base + 3]);
    }
    t.events = events;
    return t;
  }

  /** Inserts a key known to be absent; room known to be there. */
  private void put(ArticleId id, long key, long count, long at, int h) {
    int i = h & mask;
    while (slots[i * STRIDE + 1] != 0) {
      i = (i + 1) & mask;
    }
    ids[i] = id;
    int base = i * STRIDE;
    slots[base] = key;
    slots[base + 1] = count;
    slots[base + 2] = at;
    slots[base + 3] = h;
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
    return add(id, key, hash(id, key), count, at);
  }

  /** As {@link #add(ArticleId, int, long, long, long)}, with the key and hash already computed. */
  boolean add(ArticleId id, long key, int h, long count, long at) {
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
        slots[base + 2] = at;
        slots[base + 3] = h;
        used[size++] = i;
        events = Saturating.add(events, count);
        return true;
      }
      ArticleId cur;
      if (slots[base + 3] == h && slots[base] == key && ((cur = ids[i]) == id || cur.equals(id))) {
        slots[base + 1] = Saturating.add(slots[base + 1], count);
        if (at > slots[base + 2]) {
          slots[base + 2] = at;
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
      out.add(cell(ids[i], key, slots[base + 1], slots[base + 2]));
    }
  }

  static CounterStore.Cell cell(ArticleId id, long key, long count, long at) {
    return new CounterStore.Cell(id, Math.floorMod(key, MAX_KINDS), Math.floorDiv(key, MAX_KINDS), count, at);
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
