package dev.masthead.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import java.text.BreakIterator;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

class ExcerptProperties {
  static final long SEED = 0xE8C3_2026L;

  /** HTML-ish bodies: words of Latin letters, accents and emoji, wrapped in a few tags. */
  static Gen<String> bodies() {
    Gen<String> word = strings().betweenCodePoints('a', 'z').ofLengthBetween(1, 12)
        .mix(strings().betweenCodePoints(0x00E0, 0x00FF).ofLengthBetween(1, 6), 20)
        .mix(strings().betweenCodePoints(0x1F600, 0x1F64F).ofLengthBetween(1, 3), 10)
        .mix(strings().betweenCodePoints(0x4E00, 0x4E80).ofLengthBetween(1, 8), 10);
    Gen<String> sep = integers().between(0, 5).map(i -> new String[] {" ", "  ", ", ", "</p><p>", "<br>", " <b>x</b> "}[i]);
    return lists().of(word.zip(sep, (w, s) -> w + s)).ofSizeBetween(0, 60).map(parts -> "<p>" + String.join("", parts) + "</p>");
  }

  @Test
  void excerptIsWithinItsLimitAndAPrefixOfTheText() {
    qt().withFixedSeed(SEED).withExamples(2000)
        .forAll(bodies(), integers().between(2, 200))
        .checkAssert((html, max) -> {
          String text = Excerpt.plainText(html);
          String excerpt = Excerpt.of(html, max);
          assertThat(excerpt.codePointCount(0, excerpt.length())).isLessThanOrEqualTo(max);
          if (excerpt.equals(text)) {
            return;
          }
          assertThat(excerpt).endsWith(Excerpt.ELLIPSIS);
          String kept = excerpt.substring(0, excerpt.length() - 1);
          assertThat(text).startsWith(kept);
          // never ends inside a surrogate pair
          assertThat(kept.isEmpty() || !Character.isHighSurrogate(kept.charAt(kept.length() - 1))).isTrue();
        });
  }

  @Test
  void excerptNeverCutsAWordUnlessTheFirstWordIsTooLong() {
    qt().withFixedSeed(SEED).withExamples(2000)
        .forAll(bodies(), integers().between(2, 200))
        .checkAssert((html, max) -> {
          String text = Excerpt.plainText(html);
          String excerpt = Excerpt.of(html, max);
          if (excerpt.equals(text)) {
            return;
          }
          String kept = excerpt.substring(0, excerpt.length() - 1);
          BreakIterator words = BreakIterator.getWordInstance(Locale.ROOT);
          words.setText(text);
          int firstWordEnd = words.following(0);
          boolean firstWordTooLong = text.codePointCount(0, firstWordEnd) > max - 1;
          if (!firstWordTooLong) {
            assertThat(words.isBoundary(kept.length())).as("cut of <%s> at %d", text, kept.length()).isTrue();
          }
        });
  }
}
