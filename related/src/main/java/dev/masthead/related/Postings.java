package dev.masthead.related;

import java.util.Arrays;

/**
 * The slots of the articles that hold one term (or tag, or author), with a weight for each: for a term the damped
 * frequency {@code ln(1 + boosted tf)}, for a tag or an author 1.
 * Unordered; removal swaps the last entry in.
 *
 * <p>Not thread-safe: guarded by the index's lock.
 */
final class Postings {
  /** The term's number in the index, or -1 for the postings of a tag or an author. */
  final int id;

  private int[] slots = new int[4];
  private double[] weights = new double[4];
  private int size;

  Postings(int id) {
    this.id = id;
  }

  int size() {
    return size;
  }

  int slot(int i) {
    return slots[i];
  }

  double weight(int i) {
    return weights[i];
  }

  void add(int slot, double weight) {
    if (size == slots.length) {
      slots = Arrays.copyOf(slots, size * 2);
      weights = Arrays.copyOf(weights, size * 2);
    }
    slots[size] = slot;
    weights[size] = weight;
    size++;
  }

  /** Removes the slot's entry; returns whether it was there. */
  boolean remove(int slot) {
    for (int i = 0; i < size; i++) {
      if (slots[i] == slot) {
        size--;
        slots[i] = slots[size];
        weights[i] = weights[size];
        return true;
      }
    }
    return false;
  }
}
