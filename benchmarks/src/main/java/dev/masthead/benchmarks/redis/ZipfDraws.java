package dev.masthead.benchmarks.redis;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Draws integers 0..n-1 with probability proportional to 1 / (rank + 1)^s, by inverting the CDF (the same
 * distribution as the in-memory ranking benchmarks use).
 */
final class ZipfDraws {
  private ZipfDraws() {}

  /** Returns {@code count} draws from Zipf({@code s}) over {@code n} items, seeded. */
  static int[] draws(int n, double s, int count, long seed) {
    double[] cdf = new double[n];
    double sum = 0;
    for (int i = 0; i < n; i++) {
      sum += 1.0 / Math.pow(i + 1, s);
      cdf[i] = sum;
    }
    for (int i = 0; i < n; i++) {
      cdf[i] /= sum;
    }
    SplittableRandom rnd = new SplittableRandom(seed);
    int[] out = new int[count];
    for (int i = 0; i < count; i++) {
      int j = Arrays.binarySearch(cdf, rnd.nextDouble());
      out[i] = Math.min(n - 1, j >= 0 ? j : -j - 1);
    }
    return out;
  }
}
