package dev.masthead.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ExcerptTest {

  @Test
  void dropsTagsDecodesEntitiesAndSeparatesBlocks() {
    assertThat(Excerpt.plainText("<h2>Title</h2><p>Tom &amp; Jerry&nbsp;&mdash; <b>bold</b></p><p>Next<br>line</p>"))
        .isEqualTo("Title Tom & Jerry \u2014 bold Next line");
  }

  @Test
  void ignoresScriptAndStyleContent() {
    assertThat(Excerpt.plainText("<p>Hi</p><script>alert('x')</script><style>p{}</style>")).isEqualTo("Hi");
  }

  @Test
  void returnsShortTextWhole() {
    assertThat(Excerpt.of("<p>Short text.</p>", 50)).isEqualTo("Short text.");
  }

  @Test
  void cutsAtAWordBoundaryWithAnEllipsis() {
    String excerpt = Excerpt.of("<p>The council voted seven to two on Sunday.</p>", 20);
    assertThat(excerpt).isEqualTo("The council voted…");
    assertThat(excerpt.codePointCount(0, excerpt.length())).isLessThanOrEqualTo(20);
  }

  @Test
  void dropsSeparatingPunctuationBeforeTheEllipsis() {
    assertThat(Excerpt.of("Bridges, buses, and budgets", 16)).isEqualTo("Bridges, buses…");
  }

  @Test
  void neverSplitsASurrogatePair() {
    String text = "\uD83D\uDE00".repeat(10); // ten emoji, one "word" of symbols
    String excerpt = Excerpt.of(text, 5);
    assertThat(excerpt.codePointCount(0, excerpt.length())).isLessThanOrEqualTo(5);
    assertThat(Character.isHighSurrogate(excerpt.charAt(excerpt.length() - 2))).isFalse();
    assertThat(excerpt).endsWith(Excerpt.ELLIPSIS);
  }

  @Test
  void cutsAWordLongerThanTheLimitInsideIt() {
    assertThat(Excerpt.of("Supercalifragilisticexpialidocious", 10)).isEqualTo("Supercali…");
  }

  @Test
  void cutsChineseTextBetweenCharacters() {
    String excerpt = Excerpt.of("<p>北京今天下雪了，交通受到影响。</p>", 6);
    assertThat(excerpt).isEqualTo("北京今天下…");
  }

  @Test
  void rejectsATooSmallLimit() {
    assertThatThrownBy(() -> Excerpt.of("x", 1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxLengthCodePoints");
  }

  @Test
  void emptyHtmlGivesEmptyText() {
    assertThat(Excerpt.of("", 10)).isEmpty();
    assertThat(Excerpt.of("<p>   </p>", 10)).isEmpty();
  }
}
