package dev.masthead.comments.spam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** The shortcuts taken for plain ASCII and Basic Latin give what the general paths give. */
class FoldingShortcutsProperties {
  static final long SEED = 0xF01D_2026L;

  static Gen<String> texts() {
    return strings().allPossible().ofLengthBetween(0, 200).mix(strings().ascii().ofLengthBetween(0, 200), 50)
        .mix(SpamFeaturesProperties.spaced(), 30);
  }

  @Test
  void foldIsNormalizeThenFoldNormalized() {
    qt().withFixedSeed(SEED).withExamples(3_000).forAll(texts()).checkAssert(text -> {
      assertThat(TextFolding.fold(text, true)).isEqualTo(TextFolding.foldNormalized(TextFolding.normalize(text), true));
      assertThat(TextFolding.fold(text, false))
          .isEqualTo(TextFolding.foldNormalized(TextFolding.normalize(text), false));
    });
  }

  @Test
  void wordsAreTheRunsOfWordCharactersOfTheGeneralTest() {
    qt().withFixedSeed(SEED).withExamples(3_000).forAll(texts()).checkAssert(text -> {
      assertThat(TermList.words(text, false)).isEqualTo(referenceWords(text, false));
      assertThat(TermList.words(text, true)).isEqualTo(referenceWords(text, true));
    });
  }

  @Test
  void collapsedSpacesAreThoseOfTheStringBuilderPass() {
    Gen<String> spacy = SpamFeaturesProperties.pieces().mix(strings().betweenCodePoints(8, 0x3000 + 1)
        .ofLengthBetween(0, 40), 30);
    qt().withFixedSeed(SEED).withExamples(3_000).forAll(texts().mix(spacy, 50))
        .checkAssert(text -> assertThat(TextFolding.collapseSpaces(text)).isEqualTo(referenceCollapse(text)));
    for (String text : new String[] {"", " ", "a", " a", "a ", "a b", "a  b", "a\tb", "a\u00A0b", "a\u2003b", "\n\n"}) {
      assertThat(TextFolding.collapseSpaces(text)).as(text).isEqualTo(referenceCollapse(text));
    }
  }

  /** White space collapsed as before the shortcut: a StringBuilder pass over every char. */
  static String referenceCollapse(String text) {
    StringBuilder sb = new StringBuilder(text.length());
    boolean space = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        space = sb.length() > 0;
      } else {
        if (space) {
          sb.append(' ');
          space = false;
        }
        sb.append(c);
      }
    }
    return sb.toString();
  }

  /** The words as found before the Basic Latin shortcut: letters, digits and marks by their Unicode category. */
  static List<String> referenceWords(String text, boolean pattern) {
    List<String> out = new ArrayList<>();
    int n = text.length();
    int i = 0;
    while (i < n) {
      int cp = text.codePointAt(i);
      if (!isWordChar(cp, pattern)) {
        i += Character.charCount(cp);
        continue;
      }
      int start = i;
      while (i < n && isWordChar(text.codePointAt(i), pattern)) {
        i += Character.charCount(text.codePointAt(i));
      }
      out.add(text.substring(start, i));
    }
    return out;
  }

  private static boolean isWordChar(int cp, boolean pattern) {
    if (Character.isLetterOrDigit(cp) || pattern && cp == '*') {
      return true;
    }
    int type = Character.getType(cp);
    return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
        || type == Character.ENCLOSING_MARK;
  }
}
