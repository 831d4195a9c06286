package dev.masthead.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.strings;

import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

class SlugProperties {
  static final long SEED = 0x5106_2026L;

  /** Any code point (lone surrogates included), Latin-heavy text and mixed scripts. */
  static Gen<String> anyText() {
    return strings().allPossible().ofLengthBetween(0, 300)
        .mix(strings().basicLatinAlphabet().ofLengthBetween(0, 400), 40)
        .mix(strings().betweenCodePoints(0x00C0, 0x024F).ofLengthBetween(0, 80), 20);
  }

  @Test
  void slugIsWellFormedAndNonEmptyForAnyString() {
    qt().withFixedSeed(SEED).withExamples(3000)
        .forAll(anyText(), integers().between(Slug.MIN_LIMIT, Slug.MAX_LENGTH))
        .checkAssert((text, max) -> {
          String slug = Slug.of(text, max);
          assertThat(Slug.isWellFormed(slug)).as("well-formed: %s", slug).isTrue();
          assertThat(slug.length()).isLessThanOrEqualTo(max);
        });
  }

  @Test
  void slugIsIdempotent() {
    qt().withFixedSeed(SEED).withExamples(3000)
        .forAll(anyText(), integers().between(Slug.MIN_LIMIT, Slug.MAX_LENGTH))
        .checkAssert((text, max) -> {
          String slug = Slug.of(text, max);
          assertThat(Slug.of(slug, max)).isEqualTo(slug);
          assertThat(Slug.of(slug)).isEqualTo(slug);
        });
  }

  @Test
  void slugIsDeterministic() {
    qt().withFixedSeed(SEED).forAll(anyText()).checkAssert(text -> assertThat(Slug.of(text)).isEqualTo(Slug.of(new String(text))));
  }

  @Test
  void cutSlugIsAPrefixOfTheFullSlugEndingAtAWord() {
    qt().withFixedSeed(SEED).withExamples(2000)
        .forAll(strings().basicLatinAlphabet().ofLengthBetween(0, 400), integers().between(Slug.MIN_LIMIT, Slug.MAX_LENGTH))
        .checkAssert((text, max) -> {
          String full = Slug.of(text);
          String cut = Slug.of(text, max);
          if (full.length() <= max || !full.matches(".*[a-z].*")) {
            return;
          }
          assertThat(full).startsWith(cut);
          boolean endsAtWord = full.charAt(cut.length()) == '-';
          boolean wordLongerThanLimit = cut.length() == max && cut.indexOf('-') < 0;
          assertThat(endsAtWord || wordLongerThanLimit).as("%s cut to %s", full, cut).isTrue();
        });
  }
}
