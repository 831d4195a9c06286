package dev.masthead.comments.spam;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ContentHeuristicsCheckTest {
  private static List<String> codes(String text) {
    return ContentHeuristicsCheck.create().check(TestComments.text(text), SpamContext.EMPTY).stream().map(Signal::code).toList();
  }

  @Test
  void reportsShoutingWithoutWeighingIt() {
    assertThat(codes("PLEASE VOTE FOR KATY AT THE AWARDS NOW")).contains("heuristics.shouting");
    assertThat(codes("NASA and the EU agreed on Tuesday to fund the mission")).doesNotContain("heuristics.shouting");
    assertThat(ContentHeuristicsCheck.create().check(TestComments.text("PLEASE VOTE FOR KATY AT THE AWARDS NOW"),
        SpamContext.EMPTY)).allSatisfy(s -> assertThat(s.score()).isZero());
  }

  @Test
  void everySignIsEvidenceWithoutAScore() {
    var signals = ContentHeuristicsCheck.create().check(
        TestComments.text("Sub me!!!!!!!!!! WhatsApp +44 7700 900123 or visit spam.example.com"), SpamContext.EMPTY);
    assertThat(signals).isNotEmpty().allSatisfy(s -> assertThat(s.score()).isZero());
  }

  @Test
  void flagsLongRunsOfOneCharacter() {
    assertThat(codes("wow!!!!!!!!!!")).contains("heuristics.repeated_character");
    assertThat(codes("wow!!!")).isEmpty();
  }

  @Test
  void holdsBbcodeLinks() {
    var signals = ContentHeuristicsCheck.create().check(TestComments.text("[url=http://pills.example]cheap[/url]"),
        SpamContext.EMPTY);
    assertThat(signals).anySatisfy(s -> {
      assertThat(s.code()).isEqualTo("heuristics.bbcode_link");
      assertThat(s.floor()).isEqualTo(Decision.HOLD);
    });
  }

  @Test
  void flagsSeveralLinksToOneHost() {
    assertThat(codes("http://spam.example.com/a http://spam.example.com/b http://spam.example.com/c"))
        .contains("heuristics.same_host_links", "heuristics.links.3");
  }

  @Test
  void flagsACommentThatIsOnlyALink() {
    assertThat(codes("http://spam.example.com/a")).contains("heuristics.only_link");
    assertThat(codes("Read the ruling: http://court.example.com/a")).doesNotContain("heuristics.only_link");
  }

  @Test
  void flagsObfuscatedLinks() {
    assertThat(codes("visit marketglory . com/game")).contains("heuristics.obfuscated_link");
    assertThat(codes("cheap pills at pharma(dot)com")).contains("heuristics.obfuscated_link");
    assertThat(codes("go to hxxp://pills.example")).contains("heuristics.obfuscated_link");
    assertThat(codes("ｈｔｔｐ://ｗｗｗ.ｅｂａｙ.ｃｏｍ/ｕｓｒ/x")).contains("heuristics.obfuscated_link");
    assertThat(codes("The vote is over. Com officials said so.")).doesNotContain("heuristics.obfuscated_link");
  }

  @Test
  void flagsContactChannels() {
    assertThat(codes("lovely girl talk to me +447935454150")).contains("heuristics.phone");
    assertThat(codes("call 555-123-4567 today")).contains("heuristics.phone");
    assertThat(codes("ring 0612 345 678")).contains("heuristics.phone");
    assertThat(codes("message me on WhatsApp")).contains("heuristics.messenger");
    assertThat(codes("join t.me/cheapdeals")).contains("heuristics.messenger");
    assertThat(codes("write to deals@example.com")).contains("heuristics.email");
    assertThat(codes("follow @cheapdeals")).contains("heuristics.at_handle");
    assertThat(codes("+JohnSmith you are right")).contains("heuristics.plus_handle");
  }

  @Test
  void numbersThatAreNotPhoneNumbersAreNot() {
    assertThat(codes("watched in 2014 2015 2016")).doesNotContain("heuristics.phone");
    assertThat(codes("1,000,000,000 views and $84 million")).doesNotContain("heuristics.phone");
    assertThat(codes("the score was 3-1 at 20:15")).doesNotContain("heuristics.phone");
  }

  @Test
  void flagsCallsToAction() {
    assertThat(codes("Hey guys check out my channel and sub me")).contains("heuristics.call_to_action",
        "heuristics.calls_to_action.2");
    assertThat(codes("f4f anyone?")).contains("heuristics.call_to_action");
    assertThat(codes("I checked the figures in the article and they hold up")).isEmpty();
  }

  @Test
  void flagsLinksThroughAUrlShortener() {
    assertThat(codes("free stuff at bit.ly/3xYzAb")).contains("heuristics.shortened_link", "heuristics.link");
    assertThat(codes("see https://tinyurl.com/mxh2y77 now")).contains("heuristics.shortened_link");
    assertThat(codes("Read the ruling: https://court.example.com/a")).doesNotContain("heuristics.shortened_link");
  }

  @Test
  void flagsOffersOfSomethingForNothing() {
    assertThat(codes("Win a gift card, claim it today")).contains("heuristics.offer");
    assertThat(ContentHeuristicsCheck.create().check(TestComments.text("Get FREE gift cards"), SpamContext.EMPTY))
        .anySatisfy(s -> {
          assertThat(s.code()).isEqualTo("heuristics.offer");
          assertThat(s.reason()).contains("\"free\"", "\"gift cards\"");
        });
    assertThat(codes("The council voted to close the library on Sundays")).doesNotContain("heuristics.offer");
  }

  @Test
  void flagsAmountsOfMoney() {
    assertThat(codes("a $50 itunes card")).contains("heuristics.money");
    assertThat(codes("only 100€ a week")).contains("heuristics.money");
    assertThat(codes("it cost £1,000")).contains("heuristics.money");
    assertThat(codes("I counted 50 of them, $ signs too")).doesNotContain("heuristics.money");
  }
}
