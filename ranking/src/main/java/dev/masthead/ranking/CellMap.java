package dev.masthead.ranking;

/**
 * The cells of one kind in one bucket of one stripe: an open-addressing hash map (linear probing, load at most
 * 7/8, no removal: a bucket only grows until it expires whole) from an interned article index to a count and
 * the latest event time.
 *
 * <p>A cell is one 16-byte stride of a {@code long[]}, {@code [key << 32 | lastOffsetMillis, count]}, so that
 * counting an event touches one cache line; key 0 marks an empty slot. Not thread-safe: the owning stripe's
 * lock guards it.
 */
final class CellMap {
  /** The longs per slot. */
  static final int STRIDE = 2;

  long[] slots;
  int size;
  private int capacity;

  CellMap(int initialCapacity) {
    capacity = Integer.highestOneBit(Math.max(4, initialCapacity - 1)) << 1;
    slots = new long[capacity * STRIDE];
  }

  private static int hash(int key) {
    int h = key * 0x9E3779B9;
    return h ^ (h >>> 16);
  }

  static int key(long header) {
    return (int) (header >>> 32);
  }

  static int lastOffset(long header) {
    return (int) header;
  }

  private static long header(int key, int offsetMillis) {
    return ((long) key << 32) | (offsetMillis & 0xFFFF_FFFFL);
  }

  /**
   * Adds {@code weight} to the count of {@code key} (an article index plus one), and moves the cell's latest
   * event time to {@code offsetMillis} (at least 0) after the bucket's start if that is later.
   */
  void add(int key, long weight, int offsetMillis) {
    int mask = capacity - 1;
    int i = hash(key) & mask;
    while (true) {
      int base = i * STRIDE;
      long h = slots[base];
      if (h == 0) {
        if (size + 1 > capacity - (capacity >>> 3)) {
          grow();
          add(key, weight, offsetMillis);
          return;
        }
        slots[base] = header(key, offsetMillis);
        slots[base + 1] = weight;
        size++;
        return;
      }
      if (key(h) == key) {
        slots[base + 1] = Saturating.add(slots[base + 1], weight);
        if (offsetMillis > lastOffset(h)) {
          slots[base] = header(key, offsetMillis);
        }
        return;
      }
      i = (i + 1) & mask;
    }
  }

  /** The count of {@code key} (an article index plus one), or 0 if the map has no cell for it. */
  long count(int key) {
    int mask = capacity - 1;
    for (int i = hash(key) & mask; ; i = (i + 1) & mask) {
      long h = slots[i * STRIDE];
      if (h == 0) {
        return 0;
      }
      if (key(h) == key) {
        return slots[i * STRIDE + 1];
      }
    }
  }

  private void grow() {
    long[] old = slots;
    capacity <<= 1;
    slots = new long[capacity * STRIDE];
    int mask = capacity - 1;
    for (int base = 0; base < old.length; base += STRIDE) {
      long h = old[base];
      if (h != 0) {
        int i = hash(key(h)) & mask;
        while (slots[i * STRIDE] != 0) {
          i = (i + 1) & mask;
        }
        slots[i * STRIDE] = h;
        slots[i * STRIDE + 1] = old[base + 1];
      }
    }
  }

  long estimatedBytes() {
    // The object (24 bytes), the array header (16 bytes) and the slots.
    return 40 + 8L * slots.length;
  }
}
