package dev.masthead.comments.spam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class PlattScalingTest {
  @Test
  void recoversAKnownLogisticCurve() {
    Random random = new Random(7); // fixed seed: the sample is the same on every run
    int n = 20_000;
    double[] scores = new double[n];
    boolean[] spam = new boolean[n];
    for (int i = 0; i < n; i++) {
      scores[i] = random.nextGaussian() * 2;
      spam[i] = random.nextDouble() < 1 / (1 + Math.exp(-(1.5 * scores[i] - 0.5)));
    }
    double[] fit = PlattScaling.fit(scores, spam);
    assertThat(fit[0]).isCloseTo(1.5, within(0.1));
    assertThat(fit[1]).isCloseTo(-0.5, within(0.1));
  }

  @Test
  void keepsASeparableSampleFinite() {
    double[] scores = {-3, -2, -1, 1, 2, 3};
    boolean[] spam = {false, false, false, true, true, true};
    double[] fit = PlattScaling.fit(scores, spam);
    assertThat(Double.isFinite(fit[0]) && Double.isFinite(fit[1])).isTrue();
    assertThat(fit[0]).isPositive();
  }
}
