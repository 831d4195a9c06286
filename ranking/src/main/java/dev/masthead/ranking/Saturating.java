package dev.masthead.ranking;

/** Non-negative {@code long} arithmetic that saturates at {@link Long#MAX_VALUE} instead of overflowing. */
final class Saturating {
  private Saturating() {}

  /** Returns {@code a + b} for {@code a, b >= 0}, or {@link Long#MAX_VALUE} if that overflows. */
  static long add(long a, long b) {
    long r = a + b;
    return r < 0 ? Long.MAX_VALUE : r;
  }

  /** Returns {@code a - b} for {@code a >= b >= 0}; a saturated {@code a} stays saturated. */
  static long subtract(long a, long b) {
    return a == Long.MAX_VALUE ? a : a - b;
  }

  /** Returns {@code a × b} for {@code a, b >= 0}, or {@link Long#MAX_VALUE} if that overflows. */
  static long multiply(long a, long b) {
    long hi = Math.multiplyHigh(a, b);
    long lo = a * b;
    return (hi != 0 || lo < 0) ? Long.MAX_VALUE : lo;
  }
}
