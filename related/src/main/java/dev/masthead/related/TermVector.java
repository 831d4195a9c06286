package dev.masthead.related;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * The analysed text of one article: its distinct terms in {@link String#compareTo} order, each with its
 * boosted frequency (sum over fields of field boost times occurrences) and the first surface form it came from,
 * for explanations.
 *
 * <p>Immutable and thread-safe once built.
 */
final class TermVector {
  static final TermVector EMPTY = new TermVector(new String[0], new float[0], new String[0]);

  private final String[] terms;
  private final float[] weights;
  private final String[] surfaces;

  private TermVector(String[] terms, float[] weights, String[] surfaces) {
    this.terms = terms;
    this.weights = weights;
    this.surfaces = surfaces;
  }

  int size() {
    return terms.length;
  }

  String term(int i) {
    return terms[i];
  }

  /** The boosted frequency of the i-th term; positive. */
  float weight(int i) {
    return weights[i];
  }

  String surface(int i) {
    return surfaces[i];
  }

  /** Returns the position of {@code term}, or a negative number if absent. */
  int indexOf(String term) {
    return Arrays.binarySearch(terms, term);
  }

  /** Collects boosted term frequencies field by field, then freezes them into a {@link TermVector}. */
  static final class Builder {
    private final Map<String, float[]> weights = new TreeMap<>();
    private final Map<String, String> surfaces = new TreeMap<>();

    void add(String term, String surface, float boost) {
      float[] w = weights.computeIfAbsent(term, t -> new float[1]);
      w[0] += boost;
      surfaces.putIfAbsent(term, surface);
    }

    TermVector build() {
      int n = weights.size();
      String[] t = new String[n];
      float[] w = new float[n];
      String[] s = new String[n];
      int i = 0;
      for (Map.Entry<String, float[]> e : weights.entrySet()) {
        t[i] = e.getKey();
        w[i] = e.getValue()[0];
        s[i] = surfaces.get(e.getKey());
        i++;
      }
      return n == 0 ? EMPTY : new TermVector(t, w, s);
    }
  }
}
