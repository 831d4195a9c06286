package dev.masthead.ranking;

/**
 * The cells of one bucket in one stripe: an open-addressing hash map (linear probing, load at most 7/8, no
 * removal: a bucket only grows until it expires whole) from an interned article index to a count per kind
 * and the latest event time.
 *
 * <p>All of a cell lives in one {@code long[]} stride, so that counting an event touches one cache line:
 * {@code [key << 32 | lastOffsetMillis, count(kind 0), …, count(kind k-1)]}; key 0 marks an empty slot. A
 * slot costs {@code 8 × (1 + kinds)} bytes. Not thread-safe: the owning stripe's lock guards it.
 */
final class CellMap {
  final int kinds;
  final int stride;
  long[] slots;
  int size;
  private int capacity;

  CellMap(int kinds, int initialCapacity) {
    this.kinds = kinds;
    this.stride = 1 + kinds;
    capacity = Integer.highestOneBit(Math.max(4, initialCapacity - 1)) << 1;
    slots = new long[capacity * stride];
  }

  int capacity() {
    return capacity;
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

  /**
   * Adds {@code weight} to the count of {@code kind} for {@code key} (an article index plus one), and moves
   * the cell's latest event time to {@code offsetMillis} after the bucket's start if that is later.
   */
  void add(int key, int kind, long weight, int offsetMillis) {
    int mask = capacity - 1;
    int i = hash(key) & mask;
    while (true) {
      int base = i * stride;
      long header = slots[base];
      if (header == 0) {
        if (size + 1 > capacity - (capacity >>> 3)) {
          grow();
          add(key, kind, weight, offsetMillis);
          return;
        }
        slots[base] = ((long) key << 32) | (offsetMillis & 0xFFFF_FFFFL);
        slots[base + 1 + kind] = weight;
        size++;
        return;
      }
      if (key(header) == key) {
        int c = base + 1 + kind;
        slots[c] = Saturating.add(slots[c], weight);
        if (offsetMillis > lastOffset(header)) {
          slots[base] = ((long) key << 32) | (offsetMillis & 0xFFFF_FFFFL);
        }
        return;
      }
      i = (i + 1) & mask;
    }
  }

  private void grow() {
    long[] old = slots;
    capacity <<= 1;
    slots = new long[capacity * stride];
    int mask = capacity - 1;
    for (int base = 0; base < old.length; base += stride) {
      long header = old[base];
      if (header != 0) {
        int i = hash(key(header)) & mask;
        while (slots[i * stride] != 0) {
          i = (i + 1) & mask;
        }
        System.arraycopy(old, base, slots, i * stride, stride);
      }
    }
  }

  long estimatedBytes() {
    // The object (24 bytes), the array header (16 bytes) and the slots.
    return 40 + 8L * slots.length;
  }
}
