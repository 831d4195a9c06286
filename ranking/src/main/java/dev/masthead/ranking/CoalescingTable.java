package dev.masthead.ranking;

import dev.masthead.core.ArticleId;
import java.util.ArrayList;
import java.util.List;

/**
 * A recording buffer's table: an open-addressing hash map (linear probing, load at most 1/2) from (article,
 * kind, finest bucket) to a count and the latest event time, so that a run of views of one story in one
 * minute becomes one cell. A cell is the article reference plus one 24-byte stride of a {@code long[]}:
 * {@code [bucket × 1024 + kind, count, last event ms]}. The table refuses a new key once it holds its
 * capacity in cells ({@link #add} returns false); it is then handed to the flusher whole.
 *
 * <p>Not thread-safe: the owning stripe's lock, or the flusher that took it, guards it.
 */
final class CoalescingTable {
  static final int MAX_KINDS = 1024;
  private static final int STRIDE = 3;

  private final ArticleId[] ids;
  private final long[] slots;
  private final int[] used;
  private final int mask;
  private final int capacity;
  private int size;
  private long events;

  CoalescingTable(int capacityCells) {
    this.capacity = capacityCells;
    int n = Integer.highestOneBit(capacityCells * 2 - 1) << 1;
    this.ids = new ArticleId[n];
    this.slots = new long[n * STRIDE];
    this.used = new int[capacityCells];
    this.mask = n - 1;
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
    int h = id.hashCode() * 0x9E3779B9 + (int) (key ^ (key >>> 32)) * 0x85EBCA6B;
    int i = (h ^ (h >>> 15)) & mask;
    while (true) {
      ArticleId cur = ids[i];
      int base = i * STRIDE;
      if (cur == null) {
        if (size == capacity) {
          return false;
        }
        ids[i] = id;
        slots[base] = key;
        slots[base + 1] = count;
        slots[base + 2] = at;
        used[size++] = i;
        events = Saturating.add(events, count);
        return true;
      }
      if (slots[base] == key && (cur == id || cur.equals(id))) {
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
      long bucket = Math.floorDiv(key, MAX_KINDS);
      int kind = Math.floorMod(key, MAX_KINDS);
      out.add(new CounterStore.Cell(ids[i], kind, bucket, slots[base + 1], slots[base + 2]));
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
    }
    size = 0;
    events = 0;
  }
}
