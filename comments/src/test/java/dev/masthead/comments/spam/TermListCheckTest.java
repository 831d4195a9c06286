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

  @Test
  void regressionARuleWithALookAlikeLetterDoesNotBlockThePlainWord() {
    String cyrillicIt = "\u0456t"; // Cyrillic і, Latin t
    assertThat(disallowed(cyrillicIt, TestComments.text("it is in the paper"))).isEmpty();
    assertThat(disallowed(cyrillicIt, TestComments.text("\u0456t is in the paper"))).hasSize(1);
  }

  @Test
  void textWithLookAlikesStillHitsThePlainRule() {
    assertThat(disallowed("viagra", TestComments.text("buy v\u0456agra now"))).hasSize(1);
    assertThat(disallowed("casino", TestComments.text("\u0441\u0430sino night"))).hasSize(1);
  }

  @Test
  void anAccentedRuleMatchesOnlyTheAccentedWord() {
    assertThat(disallowed("a\u00F1o", TestComments.text("el ano pasado"))).isEmpty();
    assertThat(disallowed("a\u00F1o", TestComments.text("el A\u00D1O pasado"))).hasSize(1);
    assertThat(disallowed("a\u00F1o", TestComments.text("el an\u0303o pasado"))).hasSize(1); // decomposed
    assertThat(disallowed("ano", TestComments.text("el a\u00F1o pasado"))).hasSize(1); // the text is folded
    assertThat(disallowed("~caf\u00E9", TestComments.text("a cafe"))).isEmpty();
    assertThat(disallowed("~caf\u00E9", TestComments.text("a CAF\u00C9"))).hasSize(1);
  }

  @Test
  void aRuleInAnotherScriptMatchesThatScript() {
    assertThat(disallowed("\u043A\u0430\u0437\u0438\u043D\u043E", TestComments.text("\u041A\u0410\u0417\u0418\u041D\u041E \u0442\u0443\u0442")))
        .hasSize(1);
    assertThat(disallowed("\u043A\u0430\u0437\u0438\u043D\u043E", TestComments.text("kazino"))).isEmpty();
  }

  @Test
  void warnsAboutRulesThatMixScriptsOrAreAllLookAlikes() {
    TermList list = TermList.parse("viagra\nv\u0456agra\n\n\u0441\u043E\u0440\n\u043A\u0430\u0437\u0438\u043D\u043E\n"
        + "\u65E5\u672C\u8A9E\u306E\u30C6\u30B9\u30C8\n~\u0441asino\n203.0.113.7");
    assertThat(list.warnings()).extracting(TermList.Warning::lineNumber, TermList.Warning::kind).containsExactly(
        org.assertj.core.groups.Tuple.tuple(2, TermList.Warning.Kind.MIXED_SCRIPTS),
        org.assertj.core.groups.Tuple.tuple(4, TermList.Warning.Kind.LOOK_ALIKES),
        org.assertj.core.groups.Tuple.tuple(7, TermList.Warning.Kind.MIXED_SCRIPTS));
    assertThat(list.warnings().get(0).message()).contains("Latin and Cyrillic").contains("\"viagra\"");
    assertThat(list.warnings().get(1).message()).contains("\"cop\"");
    assertThat(TermList.parse("casino\nv*agra\ncheap pills").warnings()).isEmpty();
  }

  @Test
  void lookAlikeFoldingCanBeSwitchedOff() {
    TermList keep = TermList.parse("viagra", TermList.LookAlikes.KEEP);
    assertThat(keep.lookAlikes()).isEqualTo(TermList.LookAlikes.KEEP);
    SpamCheck check = SpamChecks.terms(keep, TermList.empty());
    assertThat(check.check(TestComments.text("v\u0456agra"), SpamContext.EMPTY)).isEmpty();
    assertThat(check.check(TestComments.text("\uFF56\uFF49\uFF41\uFF47\uFF52\uFF41"), SpamContext.EMPTY)).hasSize(1);
    assertThat(check.check(TestComments.text("vi\u200Bagra"), SpamContext.EMPTY)).hasSize(1);
    assertThat(TermList.parse("viagra").lookAlikes()).isEqualTo(TermList.LookAlikes.FOLD);
  }

  @Test
  void regressionHangulFillersAndOtherDefaultIgnorablesDoNotHideATerm() {
    for (String invisible : List.of("\u115F", "\u1160", "\u3164", "\uFFA0", "\u034F", "\u2065", "\uFFF0",
        "\u180E", "\uDB40\uDC20", "\u00AD", "\u200B", "\uFE0F")) {
      assertThat(disallowed("viagra", TestComments.text("buy vi" + invisible + "agra")))
          .as("U+%04X", invisible.codePointAt(0)).hasSize(1);
      assertThat(disallowed("~viagra", TestComments.text("buyvi" + invisible + "agra")))
          .as("substring, U+%04X", invisible.codePointAt(0)).hasSize(1);
    }
  }
}
