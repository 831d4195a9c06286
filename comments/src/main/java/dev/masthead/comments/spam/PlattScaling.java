package dev.masthead.comments.spam;

/**
 * Platt scaling (Platt 1999, in the numerically careful form of Lin, Lin and Weng 2007): fits
 * {@code P(spam | score) = 1 / (1 + exp(-(slope * score + intercept)))} to labelled scores by Newton's method
 * with a backtracking line search, with Platt's smoothed targets so that a separable sample does not drive the
 * slope to infinity.
 */
final class PlattScaling {
  private static final int MAX_ITERATIONS = 100;
  private static final double MIN_STEP = 1e-10;
  private static final double SIGMA = 1e-12; // keeps the Hessian positive definite

  private PlattScaling() {}

  /**
   * Returns {slope, intercept}.
   *
   * @param scores the model's raw scores
   * @param spam the labels, same length
   */
  static double[] fit(double[] scores, boolean[] spam) {
    int n = scores.length;
    double prior1 = 0;
    for (boolean s : spam) {
      prior1 += s ? 1 : 0;
    }
    double prior0 = n - prior1;
    double hiTarget = (prior1 + 1) / (prior1 + 2);
    double loTarget = 1 / (prior0 + 2);
    double[] t = new double[n];
    for (int i = 0; i < n; i++) {
      t[i] = spam[i] ? hiTarget : loTarget;
    }
    // Lin et al. fit P = 1 / (1 + exp(A f + B)); we return slope = -A, intercept = -B
    double a = 0;
    double b = Math.log((prior0 + 1) / (prior1 + 1));
    double fval = objective(scores, t, a, b);
    for (int iter = 0; iter < MAX_ITERATIONS; iter++) {
      double h11 = SIGMA;
      double h22 = SIGMA;
      double h21 = 0;
      double g1 = 0;
      double g2 = 0;
      for (int i = 0; i < n; i++) {
        double fApB = scores[i] * a + b;
        double p;
        double q;
        if (fApB >= 0) {
          p = Math.exp(-fApB) / (1.0 + Math.exp(-fApB));
          q = 1.0 / (1.0 + Math.exp(-fApB));
        } else {
          p = 1.0 / (1.0 + Math.exp(fApB));
          q = Math.exp(fApB) / (1.0 + Math.exp(fApB));
        }
        double d2 = p * q;
        h11 += scores[i] * scores[i] * d2;
        h22 += d2;
        h21 += scores[i] * d2;
        double d1 = t[i] - p;
        g1 += scores[i] * d1;
        g2 += d1;
      }
      if (Math.abs(g1) < 1e-5 && Math.abs(g2) < 1e-5) {
        break;
      }
      double det = h11 * h22 - h21 * h21;
      double dA = -(h22 * g1 - h21 * g2) / det;
      double dB = -(-h21 * g1 + h11 * g2) / det;
      double gd = g1 * dA + g2 * dB;
      double step = 1;
      while (step >= MIN_STEP) {
        double newA = a + step * dA;
        double newB = b + step * dB;
        double newF = objective(scores, t, newA, newB);
        if (newF < fval + 0.0001 * step * gd) {
          a = newA;
          b = newB;
          fval = newF;
          break;
        }
        step /= 2;
      }
      if (step < MIN_STEP) {
        break;
      }
    }
    return new double[] {-a, -b};
  }

  private static double objective(double[] scores, double[] t, double a, double b) {
    double f = 0;
    for (int i = 0; i < scores.length; i++) {
      double fApB = scores[i] * a + b;
      f += fApB >= 0 ? t[i] * fApB + Math.log1p(Math.exp(-fApB)) : (t[i] - 1) * fApB + Math.log1p(Math.exp(fApB));
    }
    return f;
  }
}
