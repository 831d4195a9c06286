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
  void regressionNormalizingAStackedAccentCommentStaysFast() {
    String hostile = "a" + "\u0301\u0316".repeat(32_500); // the 65,000-char comment that took seconds
    long start = System.nanoTime();
    String safe = StreamSafe.of(hostile);
    java.text.Normalizer.normalize(safe, java.text.Normalizer.Form.NFC);
    assertThat(System.nanoTime() - start).isLessThan(2_000_000_000L);
    assertThat(safe).hasSize(31);
  }
}
