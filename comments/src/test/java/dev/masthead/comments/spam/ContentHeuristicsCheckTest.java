package dev.masthead.comments.spam;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ContentHeuristicsCheckTest {
  private static List<String> codes(String text) {
    return ContentHeuristicsCheck.create().check(TestComments.text(text), SpamContext.EMPTY).stream().map(Signal::code).toList();
  }

  @Test
  void flagsShouting() {
    assertThat(codes("PLEASE VOTE FOR KATY AT THE AWARDS NOW")).contains("heuristics.shouting");
    assertThat(codes("NASA and the EU agreed on Tuesday to fund the mission")).doesNotContain("heuristics.shouting");
  }

  @Test
  void flagsLongRunsOfOneCharacter() {
    assertThat(codes("wow!!!!!!!!!!")).contains("heuristics.repeated_character");
    assertThat(codes("wow!!!")).isEmpty();
  }

  @Test
  void flagsBbcodeLinks() {
    assertThat(codes("[url=http://pills.example]cheap[/url]")).contains("heuristics.bbcode_link");
  }

  @Test
  void flagsManyLinksToOneHost() {
    assertThat(codes("http://spam.example.com/a http://spam.example.com/b http://spam.example.com/c"))
        .contains("heuristics.same_domain_links");
  }

  @Test
  void flagsACommentThatIsOnlyALink() {
    assertThat(codes("http://spam.example.com/a")).contains("heuristics.only_link");
    assertThat(codes("Read the ruling: http://court.example.com/a")).doesNotContain("heuristics.only_link");
  }

  @Test
  void flagsSelfPromotionPhrasing() {
    assertThat(codes("Hey guys check out my channel and subscribe to my videos")).containsExactly("heuristics.promotion");
    assertThat(codes("I checked the figures in the article and they hold up")).isEmpty();
  }
}
