package dev.masthead.comments.spam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import dev.masthead.comments.Comment;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * The optimized feature extraction and cue scan against frozen copies of the straightforward ones they replaced
 * ({@link ReferenceSpamFeatures}, {@link ReferenceSpamCues}): the same buckets in the same order (the score sums
 * them in order), the same n-gram count, the same cues, phrases, capitals' share and longest run. The starter
 * model and every figure of the evaluation rest on these exact features.
 */
class SpamFeaturesProperties {
  static final long SEED = 0x5BA4_F17EL;

  /** Pieces that fire the cues, the link detector and the folding, to be joined at random. */
  private static final String[] PIECES = {
      "free", "FREE", "ｆｒｅｅ", "f\u200Bree", "win", "gift card", "sub me", "check out my channel", "sub 4 sub",
      "f4f", "click here", "my channel", "https://example.com/a", "http://bit.ly/x1", "bit.ly/abc", "www.shop.co",
      "example.pl/path", "news.com.au", "EXAMPLE.COM", "ｅｂａｙ.ｃｏｍ", "еbay.com", "example . com",
      "example(dot)com", "example [dot] net", "hxxp://x", "www dot", "jo@example.com", "@handle", "+handle",
      "+44 20 7946 0958", "555-123-4567", "0044 1234 567890", "2014 2015 2016", "1234567890", "$50", "100€",
      "£1,000", "[url=http://x]", "[URL=", "whatsapp", "t.me/x", "AAAAAAAAAAAA", "!!!!!!!!!!!", ":)", "o.O", "3.5",
      "e.g.", "song.Love", "naïve", "café", "Ｓｕｂ", "\u00A0", "\t", "\n", " ", "  ", ".", ",", "\"", "(", ")",
      "'quoted'", "x", "12345", "١٢٣٤٥", "😀", "ǅ", "ﬁ", "Straße", "İstanbul", "ΣΑΣ", "&amp;", "&#x41;"};

  static Gen<String> pieces() {
    return lists().of(integers().between(0, PIECES.length - 1).map(i -> PIECES[i])).ofSizeBetween(0, 40)
        .map(ps -> String.join("", ps));
  }

  static Gen<String> spaced() {
    return lists().of(integers().between(0, PIECES.length - 1).map(i -> PIECES[i])).ofSizeBetween(0, 40)
        .map(ps -> String.join(" ", ps));
  }

  static Gen<String> unicode() {
    return strings().allPossible().ofLengthBetween(0, 300);
  }

  static Gen<String> basicLatin() {
    return strings().ascii().ofLengthBetween(0, 600);
  }

  @Test
  void textFeaturesEqualTheReferenceOnRandomUnicode() {
    qt().withFixedSeed(SEED).withExamples(2_000).forAll(unicode()).checkAssert(SpamFeaturesProperties::sameAsReference);
  }

  @Test
  void textFeaturesEqualTheReferenceOnRandomAscii() {
    qt().withFixedSeed(SEED).withExamples(2_000).forAll(basicLatin()).checkAssert(SpamFeaturesProperties::sameAsReference);
  }

  @Test
  void textFeaturesEqualTheReferenceOnSpamPieces() {
    qt().withFixedSeed(SEED).withExamples(3_000).forAll(pieces()).checkAssert(SpamFeaturesProperties::sameAsReference);
    qt().withFixedSeed(SEED).withExamples(3_000).forAll(spaced()).checkAssert(SpamFeaturesProperties::sameAsReference);
  }

  @Test
  void commentFeaturesEqualTheReferenceOnSpamPieces() {
    qt().withFixedSeed(SEED).withExamples(1_000).forAll(spaced()).checkAssert(text -> {
      Comment comment = TestComments.text(text);
      assertSame(SpamFeatures.of(comment), ReferenceSpamFeatures.of(comment), text);
      assertSame(SpamCues.of(comment), ReferenceSpamCues.of(comment), text);
    });
  }

  @Test
  void scoringInPlaceEqualsScoringTheCopiedFeatures() {
    SpamClassifier starter = SpamClassifier.starter();
    qt().withFixedSeed(SEED).withExamples(500).forAll(spaced()).checkAssert(text -> {
      Comment comment = TestComments.text(text);
      assertThat(starter.logOdds(comment, CommentCues.of(comment))).as(text).isEqualTo(starter.logOdds(comment));
    });
  }

  @Test
  void featuresOfLongTextsEqualTheReference() {
    String benchmark = "Reply 7: I read the council's report on the Harbor Bridge repairs and the figures do not"
        + " match what the article says. The budget page lists $84 million, but the engineers' estimate in"
        + " https://engineers.example.org/report-7 is closer to $97 million once the lane closures are counted."
        + "\n\nWho pays the difference? The state has not said, and commuters like me will feel the detours.";
    sameAsReference(benchmark);
    sameAsReference(benchmark.repeat(20)); // past the 4,000-char cut
    sameAsReference(String.join(" ", PIECES).repeat(30));
    sameAsReference(String.join("", PIECES).repeat(30));
    sameAsReference("");
    sameAsReference("   ");
  }

  static void sameAsReference(String text) {
    assertSame(SpamFeatures.of(text), ReferenceSpamFeatures.of(text), text);
    assertThat(SpamFeatures.grams(text)).as(text).containsExactly(ReferenceSpamFeatures.grams(text));
    List<String> links = dev.masthead.comments.links.LinkFinder.find(List.of(), text);
    assertSame(SpamCues.scan(text, links, text), ReferenceSpamCues.scan(text, links, text), text);
  }

  static void assertSame(SpamFeatures.Features actual, ReferenceSpamFeatures.Features expected, String text) {
    assertThat(actual.buckets()).as(text).containsExactly(expected.buckets());
    assertThat(actual.grams()).as(text).isEqualTo(expected.grams());
  }

  static void assertSame(SpamCues.Found actual, ReferenceSpamCues.Found expected, String text) {
    assertThat(actual.cues().stream().map(c -> c.code).collect(Collectors.toList())).as(text)
        .isEqualTo(expected.cues().stream().map(c -> c.code).collect(Collectors.toList()));
    assertThat(actual.callsToAction()).as(text).isEqualTo(expected.callsToAction());
    assertThat(actual.offers()).as(text).isEqualTo(expected.offers());
    assertThat(actual.capitalsPercent()).as(text).isEqualTo(expected.capitalsPercent());
    assertThat(actual.longestRun()).as(text).isEqualTo(expected.longestRun());
  }
}
