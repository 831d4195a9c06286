package dev.masthead.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StreamSafeTest {

  @Test
  void keepsOrdinaryTextAsItIs() {
    String text = "Crème brûlée, Ελλάδα, 東京, 🎉 and Zalgo-lite a\u0301\u0316";
    assertThat(StreamSafe.of(text)).isSameAs(text);
  }

  @Test
  void cutsARunOfCombiningMarksToThirty() {
    String flood = "a" + "\u0301".repeat(100) + "b";
    assertThat(StreamSafe.of(flood)).isEqualTo("a" + "\u0301".repeat(30) + "b");
  }

  @Test
  void aBaseCharacterStartsANewRun() {
    String text = ("x" + "\u0316".repeat(40)).repeat(3);
    assertThat(StreamSafe.of(text)).isEqualTo(("x" + "\u0316".repeat(30)).repeat(3));
  }

  @Test
  void regressionAStackedAccentCommentReachesTheNormalizerAsOneLetterAndThirtyMarks() {
    // The 65,000-char comment whose normalization took seconds: its cost grows with the square of a run, so the
    // bound on the normalizer's work is the run it is given, 1 + MAX_COMBINING_MARKS chars.
    String hostile = "a" + "\u0301\u0316".repeat(32_500);
    String safe = StreamSafe.of(hostile);
    assertThat(safe).hasSize(1 + StreamSafe.MAX_COMBINING_MARKS).isEqualTo(hostile.substring(0, 31));
    assertThat(java.text.Normalizer.normalize(safe, java.text.Normalizer.Form.NFC)).hasSizeLessThanOrEqualTo(31);
  }
}
