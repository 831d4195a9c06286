package dev.masthead.comments.spam;

import static org.assertj.core.api.Assertions.assertThat;

import dev.masthead.comments.ClientInfo;
import dev.masthead.comments.Comment;
import java.util.List;
import org.junit.jupiter.api.Test;

class TermListCheckTest {

  private static List<Signal> disallowed(String terms, Comment c) {
    return TermListCheck.of(terms, "").check(c, SpamContext.EMPTY);
  }

  private static Comment fromIp(String ip) {
    Comment c = TestComments.text("hello");
    return new Comment(c.articleId(), null, c.authorName(), c.authorEmail(), null, c.contentHtml(), c.contentText(),
        c.links(), new ClientInfo(ip, "Mozilla/5.0", null), c.submittedAt());
  }

  @Test
  void disallowedTermMarksSpamAndNamesTheTermAndField() {
    List<Signal> s = disallowed("casino", TestComments.text("Best casino bonus"));
    assertThat(s).singleElement().satisfies(sig -> {
      assertThat(sig.code()).isEqualTo("terms.disallowed");
      assertThat(sig.floor()).isEqualTo(Decision.SPAM);
      assertThat(sig.reason()).contains("content").contains("\"casino\"");
    });
  }

  @Test
  void moderationTermHolds() {
    List<Signal> s = TermListCheck.of("", "refund").check(TestComments.text("I want a REFUND"), SpamContext.EMPTY);
    assertThat(s).extracting(Signal::code).containsExactly("terms.moderation");
    assertThat(s.get(0).floor()).isEqualTo(Decision.HOLD);
  }

  @Test
  void disallowedWinsOverModeration() {
    List<Signal> s = TermListCheck.of("casino", "casino").check(TestComments.text("casino"), SpamContext.EMPTY);
    assertThat(s).extracting(Signal::code).containsExactly("terms.disallowed");
  }

  @Test
  void matchesWholeWordsOnlyByDefault() {
    assertThat(disallowed("ass", TestComments.text("a classic passage"))).isEmpty();
    assertThat(disallowed("cheap pills", TestComments.text("cheapest pills"))).isEmpty();
    assertThat(disallowed("cheap pills", TestComments.text("Cheap, pills!"))).hasSize(1);
  }

  @Test
  void substringTermsMatchInsideWords() {
    assertThat(disallowed("~casino", TestComments.text("onlinecasinos are great"))).hasSize(1);
  }

  @Test
  void wildcardStandsForAnyRunInsideAWord() {
    assertThat(disallowed("v*agra", TestComments.text("buy v1agra"))).hasSize(1);
    assertThat(disallowed("v*agra", TestComments.text("buy viagra"))).hasSize(1);
    assertThat(disallowed("v*agra", TestComments.text("buy v agra"))).isEmpty();
    assertThat(disallowed("casin*", TestComments.text("casinos"))).hasSize(1);
  }

  @Test
  void foldsDisguisesBeforeMatching() {
    assertThat(disallowed("casino", TestComments.text("ｃａｓｉｎｏ"))).hasSize(1); // full-width
    assertThat(disallowed("casino", TestComments.html("c&#97;sino"))).hasSize(1); // character reference
    assertThat(disallowed("casino", TestComments.text("ca\u200Bsino"))).hasSize(1); // zero-width space
    assertThat(disallowed("casino", TestComments.text("с\u0430sino"))).hasSize(1); // Cyrillic с and а
    assertThat(disallowed("casino", TestComments.text("CAŚINO"))).hasSize(1); // accent
    assertThat(disallowed("casino", TestComments.text("κasino"))).isEmpty(); // Greek kappa is k, not c
  }

  @Test
  void ignoresBlankLinesAndComments() {
    TermListCheck check = TermListCheck.of("\n\n# a comment line\n   \nspam\n", "");
    assertThat(check.toString()).contains("disallowed=1 terms");
  }

  @Test
  void matchesTheNameEmailAndUserAgent() {
    assertThat(disallowed("bot", TestComments.of("a1", null, "Mr Bot", "x@example.com", null, "hi", TestComments.NOW)))
        .extracting(Signal::reason).singleElement().asString().contains("name");
    assertThat(disallowed("spammer.example", TestComments.of("a1", null, "Ann", "x@spammer.example", null, "hi", TestComments.NOW)))
        .extracting(Signal::reason).singleElement().asString().contains("email");
    assertThat(disallowed("linux", TestComments.text("hi"))).extracting(Signal::reason).singleElement().asString()
        .contains("user agent");
  }

  @Test
  void ipEntriesMatchWholeAddressesNeverSubstrings() {
    assertThat(disallowed("10.0.0.1", fromIp("10.0.0.1"))).hasSize(1);
    assertThat(disallowed("10.0.0.1", fromIp("10.0.0.12"))).isEmpty();
    assertThat(disallowed("10.0.0.1", fromIp("110.0.0.1"))).isEmpty();
  }

  @Test
  void ipEntriesMatchCidrRanges() {
    assertThat(disallowed("198.51.100.0/24", fromIp("198.51.100.200"))).hasSize(1);
    assertThat(disallowed("198.51.100.0/24", fromIp("198.51.101.1"))).isEmpty();
    assertThat(disallowed("2001:db8::/32", fromIp("2001:db8:1::7"))).hasSize(1);
    assertThat(disallowed("2001:db8::/32", fromIp("2001:db9::1"))).isEmpty();
    assertThat(disallowed("203.0.113.0/24", fromIp("::ffff:203.0.113.9"))).hasSize(1);
  }

  @Test
  void ipReasonDoesNotRepeatTheAddress() {
    assertThat(disallowed("10.0.0.1", fromIp("10.0.0.1"))).extracting(Signal::reason).singleElement().asString()
        .doesNotContain("10.0.0.1");
  }

  @Test
  void globMatchesInLinearTimeOnHostilePatterns() {
    String word = "a".repeat(5_000);
    // How long it takes is measured by HostileInputBenchmark (case glob-pattern), not asserted here.
    assertThat(TermList.glob("*a*a*a*a*a*a*a*a*b", word)).isFalse();
  }

  @Test
  void regressionAnIpLikeEntryStartingWithADotIsNoIpAndNeverResolved() {
    assertThat(IpRange.parse(".dead:beef")).isEmpty();
    assertThat(IpRange.literal(".cafe:babe")).isNull();
  }
}
