package dev.masthead.related;

import static org.assertj.core.api.Assertions.assertThat;

import dev.masthead.core.Article;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class TextAnalysisTest {
  private final TextAnalysis analysis = new TextAnalysis();

  private List<String> terms(String headline, Locale language) {
    TermVector v = analysis.analyze(Article.builder().id("x").headline(headline).language(language).build(), 1, 1, 1);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < v.size(); i++) {
      out.add(v.term(i));
    }
    return out;
  }

  @Test
  void dropsEnglishStopWordsFoldsCaseAndStems() {
    assertThat(terms("The Councils AND the Elections of Tomorrow's Voters", Locale.ENGLISH))
        .containsExactlyInAnyOrder("council", "elect", "tomorrow", "voter");
  }

  @Test
  void treatsAnUndeterminedLanguageAsEnglish() {
    assertThat(terms("Running the races", Locale.ROOT)).containsExactlyInAnyOrder("run", "race");
  }

  @Test
  void splitsChineseAndJapaneseIntoOverlappingBigrams() {
    assertThat(terms("北京马拉松", Locale.CHINESE)).containsExactlyInAnyOrder("北京", "京马", "马拉", "拉松");
    assertThat(terms("東京オリンピック", Locale.JAPANESE)).contains("東京", "オリ", "リン");
  }

  @Test
  void stemsGermanAndFoldsAccents() {
    assertThat(terms("Die Häuser und das Haus", Locale.GERMAN)).containsExactly("haus");
    assertThat(terms("Café", Locale.ENGLISH)).containsExactly("cafe");
  }

  @Test
  void foldsFullWidthLatinLetters() {
    assertThat(terms("ＮＡＳＡ launches", Locale.ENGLISH)).contains("nasa");
  }

  @Test
  void countsHeadlineOccurrencesWithTheirBoostAndKeepsTheSurfaceForm() {
    Article a = Article.builder().id("x").headline("Floods").dek("floods and more floods").build();
    TermVector v = analysis.analyze(a, 3, 1.5f, 1);
    int at = v.indexOf("flood");

    assertThat(v.weight(at)).isEqualTo(3 + 1.5f + 1.5f);
    assertThat(v.surface(at)).isEqualTo("floods");
  }

  @Test
  void readsAtMostTheFirstTokensOfAVeryLongBody() {
    String body = "<p>" + "alpha ".repeat(TextAnalysis.MAX_TOKENS_PER_FIELD) + "omega</p>";
    Article a = Article.builder().id("x").headline("Headline").bodyHtml(body).build();
    TermVector v = analysis.analyze(a, 1, 1, 1);

    assertThat(v.indexOf("alpha")).isNotNegative();
    assertThat(v.weight(v.indexOf("alpha"))).isEqualTo(TextAnalysis.MAX_TOKENS_PER_FIELD);
    assertThat(v.indexOf("omega")).isNegative();
  }
}
