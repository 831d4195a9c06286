package dev.masthead.ranking;

import java.util.Arrays;

/**
 * The cells of one bucket in one stripe: an open-addressing hash map from an interned article index to a
 * count per kind and the latest event time, stored as parallel primitive arrays (linear probing, load at
 * most 7/8, no removal: a bucket only grows until it expires whole).
 *
 * <p>A slot costs {@code 4 + 8 × kinds + 4} bytes. Not thread-safe: the owning stripe's lock guards it.
 */
final class CellMap {
  static final int NO_KEY = 0;

  private final int kinds;
  int[] keys;
  long[] counts;
  /** The latest event time, in milliseconds after the bucket's start. */
  int[] lastOffsets;
  int size;
  private int mask;

  CellMap(int kinds, int initialCapacity) {
    this.kinds = kinds;
    int cap = Integer.highestOneBit(Math.max(4, initialCapacity - 1)) << 1;
    allocate(cap);
  }

  private void allocate(int cap) {
    keys = new int[cap];
    counts = new long[cap * kinds];
    lastOffsets = new int[cap];
    mask = cap - 1;
  }

  int capacity() {
    return keys.length;
  }

  static int hash(int key) {
    int h = key * 0x9E3779B9;
    return h ^ (h >>> 16);
  }

  /** Returns the slot of {@code key} (the article index plus one), inserting it if absent. */
  int slotFor(int key) {
    int i = hash(key) & mask;
    while (true) {
      int k = keys[i];
      if (k == key) {
        return i;
      }
      if (k == NO_KEY) {
        if (size + 1 > (keys.length - (keys.length >>> 3))) {
          grow();
          return slotFor(key);
        }
        keys[i] = key;
        lastOffsets[i] = -1;
        size++;
        return i;
      }
      i = (i + 1) & mask;
    }
  }

  void add(int key, int kind, long weight, int offsetMillis) {
    int s = slotFor(key);
    int c = s * kinds + kind;
    counts[c] = Saturating.add(counts[c], weight);
    if (offsetMillis > lastOffsets[s]) {
      lastOffsets[s] = offsetMillis;
    }
  }

  private void grow() {
    int[] oldKeys = keys;
    long[] oldCounts = counts;
    int[] oldLast = lastOffsets;
    allocate(oldKeys.length << 1);
    for (int s = 0; s < oldKeys.length; s++) {
      int k = oldKeys[s];
      if (k != NO_KEY) {
        int i = hash(k) & mask;
        while (keys[i] != NO_KEY) {
          i = (i + 1) & mask;
        }
        keys[i] = k;
        lastOffsets[i] = oldLast[s];
        System.arraycopy(oldCounts, s * kinds, counts, i * kinds, kinds);
      }
    }
  }

  void clear() {
    Arrays.fill(keys, NO_KEY);
    Arrays.fill(counts, 0);
    size = 0;
  }

  long estimatedBytes() {
    // Three array headers (16 bytes each), the object (24 bytes) and the slots.
    return 24 + 48 + (long) keys.length * (4 + 4 + 8L * kinds);
  }
}
