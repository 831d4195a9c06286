package dev.masthead.comments.spam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** The word trie against a brute-force oracle that tries every term at every word, in list order. */
class TermListProperties {
  static final long SEED = 0x7E2A_2026L;
  private static final String[] WORDS = {"a", "b", "ab", "ba", "abc", "cab", "a*", "*b", "a*c", "*"};

  static Gen<String> word(boolean pattern) {
    return integers().between(0, pattern ? WORDS.length - 1 : 5).map(i -> WORDS[i]);
  }

  static Gen<List<String>> termLines() {
    Gen<String> line = lists().of(word(true)).ofSizeBetween(1, 3).map(ws -> String.join(" ", ws));
    return lists().of(line).ofSizeBetween(1, 12);
  }

  static Gen<String> texts() {
    return lists().of(word(false)).ofSizeBetween(0, 30).map(ws -> String.join(" ", ws));
  }

  /** The oracle: the earliest word position, then the first term in list order. */
  static Optional<String> oracle(TermList list, List<String> lines, String text) {
    List<String> words = TermList.words(TextFolding.fold(text), false);
    List<List<String>> terms = new ArrayList<>();
    for (String line : lines) {
      List<String> tw = new ArrayList<>(TermList.words(TextFolding.fold(line), true));
      while (!tw.isEmpty() && tw.get(0).equals("*")) {
        tw.remove(0);
      }
      while (!tw.isEmpty() && tw.get(tw.size() - 1).equals("*")) {
        tw.remove(tw.size() - 1);
      }
      terms.add(tw);
    }
    for (int i = 0; i < words.size(); i++) {
      for (int t = 0; t < terms.size(); t++) {
        List<String> tw = terms.get(t);
        if (tw.isEmpty() || i + tw.size() > words.size()) {
          continue;
        }
        boolean all = true;
        for (int k = 0; k < tw.size() && all; k++) {
          all = TermList.glob(tw.get(k), words.get(i + k));
        }
        if (all) {
          return Optional.of(lines.get(t).strip());
        }
      }
    }
    return Optional.empty();
  }

  @Test
  void theTrieFindsWhatTryingEveryTermFinds() {
    qt().withFixedSeed(SEED).withExamples(3000).forAll(termLines(), texts()).checkAssert((lines, text) -> {
      TermList list = TermList.parse(String.join("\n", lines));
      Optional<String> expected = oracle(list, lines, text);
      Optional<String> actual = list.matchText(text).map(TermList.Term::line);
      if (expected.isEmpty()) {
        assertThat(actual).as("%s in <%s>", lines, text).isEmpty();
      } else {
        // the same position; among equal lines any of them is the same term
        assertThat(actual).as("%s in <%s>", lines, text).contains(expected.get());
      }
    });
  }

  @Test
  void regressionManyPhrasesWithTheSameFirstWordAreMatchedQuickly() {
    StringBuilder terms = new StringBuilder();
    for (int i = 0; i < 2_000; i++) {
      terms.append("a ".repeat(19)).append("z").append(i).append('\n'); // 2,000 twenty-word phrases starting "a"
    }
    TermList list = TermList.parse(terms.toString());
    String text = "a ".repeat(30_000);
    // Took 13.6 s before the trie; how long it takes is measured by HostileInputBenchmark (case shared-prefix-phrases).
    assertThat(list.matchText(text)).isEmpty();
  }

  /** Latin letters, accented ones, and Cyrillic look-alikes of Latin ones. */
  private static final String[] LETTERS = {"a", "i", "e", "o", "t", "n", "\u00F1", "\u00E9", "\u0456", "\u0430", "A",
      "\u00C9"};

  static Gen<String> mixedWords() {
    return lists().of(integers().between(0, LETTERS.length - 1).map(i -> LETTERS[i])).ofSizeBetween(1, 4)
        .map(ls -> String.join("", ls));
  }

  @Test
  void everyTermMatchesItselfAsWritten() {
    qt().withFixedSeed(SEED).withExamples(2000).forAll(mixedWords(), mixedWords()).checkAssert((term, other) -> {
      TermList list = TermList.parse(term);
      assertThat(list.matchText(other + " " + term + " " + other)).as("%s", term).isPresent();
      assertThat(list.matchText(term.toUpperCase(java.util.Locale.ROOT))).as("%s upper case", term).isPresent();
    });
  }

  @Test
  void aTermWithAccentsOrLookAlikesMatchesOnlyTextThatHasThem() {
    qt().withFixedSeed(SEED).withExamples(3000).forAll(mixedWords(), lists().of(mixedWords()).ofSizeBetween(1, 5))
        .checkAssert((term, words) -> {
          String text = String.join(" ", words);
          String plainTerm = TextFolding.normalize(term);
          boolean plain = TextFolding.foldNormalized(plainTerm, true).equals(plainTerm);
          boolean matched = TermList.parse(term).matchText(text).isPresent();
          if (plain) {
            // a plain term matches the folded text: wherever a word folds to it
            boolean expected = words.stream().anyMatch(w -> TextFolding.fold(w).equals(plainTerm));
            assertThat(matched).as("%s in <%s>", term, text).isEqualTo(expected);
          } else {
            // any other term matches only where it is written, case aside
            boolean expected = words.stream().anyMatch(w -> TextFolding.normalize(w).equals(plainTerm));
            assertThat(matched).as("%s in <%s>", term, text).isEqualTo(expected);
          }
        });
  }
}
