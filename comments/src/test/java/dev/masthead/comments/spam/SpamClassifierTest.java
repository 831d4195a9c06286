package dev.masthead.comments.spam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.masthead.core.InvalidDataException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpamClassifierTest {
  static final List<String> SPAM = List.of(
      "check out my channel for free music videos", "subscribe to my channel please", "visit my site for cheap followers",
      "earn money from home click here", "free gift cards at my page", "please subscribe and like my new video",
      "get free followers now at my site", "make money online fast click here");
  static final List<String> HAM = List.of(
      "this song reminds me of summer", "the chorus is so catchy", "i love the dancing in this video",
      "best song of the year honestly", "who is still listening in winter", "her voice is amazing live",
      "the drummer is incredible", "this brings back memories of school");

  static List<SpamClassifier.Example> examples() {
    List<SpamClassifier.Example> out = new ArrayList<>();
    SPAM.forEach(t -> out.add(new SpamClassifier.Example(t, Label.SPAM)));
    HAM.forEach(t -> out.add(new SpamClassifier.Example(t, Label.HAM)));
    return out;
  }

  @Test
  void separatesSpamFromHamAfterTraining() {
    SpamClassifier c = SpamClassifier.trainer().train(examples());
    assertThat(c.spamProbability("subscribe to my channel for free videos")).isGreaterThan(0.5);
    assertThat(c.spamProbability("the chorus of this song is amazing")).isLessThan(0.5);
    assertThat(c.spamExamples()).isEqualTo(8);
    assertThat(c.hamExamples()).isEqualTo(8);
  }

  @Test
  void separatesSpamFromHamWithEveryNaiveBayesShare() {
    for (double share : new double[] {0, 0.25, 1}) {
      SpamClassifier c = SpamClassifier.trainer().naiveBayesShare(share).train(examples());
      assertThat(c.spamProbability("subscribe to my channel for free videos")).as("share %s", share)
          .isGreaterThan(0.5);
      assertThat(c.spamProbability("the chorus of this song is amazing")).as("share %s", share).isLessThan(0.5);
    }
  }

  @Test
  void refusesANaiveBayesShareOutsideZeroToOne() {
    assertThatThrownBy(() -> SpamClassifier.trainer().naiveBayesShare(-0.1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("naiveBayesShare");
    assertThatThrownBy(() -> SpamClassifier.trainer().naiveBayesShare(1.5))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("naiveBayesShare");
    assertThatThrownBy(() -> SpamClassifier.trainer().naiveBayesShare(Double.NaN))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void refusesACueWeightOutsideATenthToTen() {
    assertThatThrownBy(() -> SpamClassifier.trainer().cueWeight(0.05))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cueWeight");
    assertThatThrownBy(() -> SpamClassifier.trainer().cueWeight(11))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cueWeight");
    assertThatThrownBy(() -> SpamClassifier.trainer().cueWeight(Double.NaN))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aHeavierCueWeightLeansHarderOnAPhoneNumberItHasNotSeen() {
    // the spam differs from the ham by a phone number, each one different: only the phone cue is shared
    List<SpamClassifier.Example> examples = new ArrayList<>();
    String[] numbers = {"+44 7700 900123", "+1 415 555 0199", "+49 30 901820", "+33 1 42 68 53 00",
        "+61 2 9374 4000", "+81 3 3224 9999", "+34 912 345 678", "+39 06 6982 1234"};
    for (int i = 0; i < numbers.length; i++) {
      examples.add(new SpamClassifier.Example(HAM.get(i) + " " + numbers[i], Label.SPAM));
      examples.add(new SpamClassifier.Example(HAM.get((i + 1) % HAM.size()), Label.HAM));
    }
    String unseen = "the chorus is so catchy +7 495 697 0349";
    double light = SpamClassifier.trainer().cueWeight(1).train(examples).logOdds(unseen);
    double heavy = SpamClassifier.trainer().cueWeight(3).train(examples).logOdds(unseen);
    assertThat(heavy).isGreaterThan(light);
  }

  @Test
  void theStarterModelLoadsInOneCall() {
    SpamClassifier starter = SpamClassifier.starter();
    assertThat(starter.spamExamples()).isEqualTo(1005);
    assertThat(starter.hamExamples()).isEqualTo(951);
    assertThat(starter.spamProbability("check out my channel and subscribe, free gift cards at my site"))
        .isGreaterThan(0.9);
    assertThat(starter.spamProbability("this song reminds me of the summer I met my wife")).isLessThan(0.5);
    assertThat(SpamClassifier.starter()).isNotSameAs(starter); // each call is an independent model
  }

  @Test
  void feedbackOnOnePhoneNumberTeachesEveryPhoneNumber() {
    SpamClassifier c = SpamClassifier.trainer().train(examples());
    String unseenPhone = "ring me on +1 202 555 0143 tonight";
    String noPhone = "ring me tonight";
    double phoneBefore = c.logOdds(unseenPhone);
    double plainBefore = c.logOdds(noPhone);
    for (int i = 0; i < 20; i++) {
      c.learn("lovely girl talk to me +447935454150", Label.SPAM);
    }
    // the phone cue is one feature for every number, so what was learned carries to a number never seen
    assertThat(c.logOdds(unseenPhone) - phoneBefore).isGreaterThan(c.logOdds(noPhone) - plainBefore);
  }

  @Test
  void aCommentAndItsTextScoreAlikeWhenItsLinksAreInTheText() {
    SpamClassifier c = SpamClassifier.trainer().train(examples());
    String text = "free followers at cheap-followers.pl and +44 7700 900123";
    assertThat(c.logOdds(TestComments.text(text))).isEqualTo(c.logOdds(text));
  }

  @Test
  void anUntrainedClassifierIsUndecided() {
    SpamClassifier c = SpamClassifier.trainer().untrained();
    assertThat(c.spamProbability("anything")).isEqualTo(0.5);
    assertThat(ClassifierCheck.of(c).check(TestComments.text("anything"), SpamContext.EMPTY)).isEmpty();
  }

  @Test
  void trainingIsDeterministicForASeed() {
    double a = SpamClassifier.trainer().seed(7).train(examples()).logOdds("free music for you");
    double b = SpamClassifier.trainer().seed(7).train(examples()).logOdds("free music for you");
    assertThat(a).isEqualTo(b);
  }

  @Test
  void learnsFromFeedback() {
    SpamClassifier c = SpamClassifier.trainer().train(examples());
    String text = "great dancing, visit my bakery downtown";
    double before = c.logOdds(text);
    for (int i = 0; i < 20; i++) {
      c.learn(text, Label.SPAM);
    }
    assertThat(c.logOdds(text)).isGreaterThan(before);
    assertThat(c.spamExamples()).isEqualTo(28);
  }

  @Test
  void foldsDisguisedText() {
    SpamClassifier c = SpamClassifier.trainer().train(examples());
    assertThat(c.logOdds("ＳＵＢＳＣＲＩＢＥ to my chan\u200Bnel")).isEqualTo(c.logOdds("subscribe to my channel"));
  }

  @Test
  void savesAndLoadsTheSameModel() throws IOException {
    SpamClassifier c = SpamClassifier.trainer().train(examples());
    SpamClassifier back = SpamClassifier.load(new ByteArrayInputStream(save(c)));
    for (String t : List.of("subscribe now", "the chorus", "", "🎉 emoji only")) {
      assertThat(back.logOdds(t)).isEqualTo(c.logOdds(t));
    }
    assertThat(back.spamExamples()).isEqualTo(c.spamExamples());
    assertThat(new String(save(back), StandardCharsets.UTF_8)).isEqualTo(new String(save(c), StandardCharsets.UTF_8));
  }

  @Test
  void refusesATruncatedModelWhole() throws IOException {
    byte[] saved = save(SpamClassifier.trainer().train(examples()));
    for (int cut : new int[] {0, 1, saved.length / 3, saved.length / 2, saved.length - 2}) {
      byte[] truncated = java.util.Arrays.copyOf(saved, cut);
      assertThatThrownBy(() -> SpamClassifier.load(new ByteArrayInputStream(truncated)))
          .as("cut at %d", cut).isInstanceOf(InvalidDataException.class);
    }
  }

  @Test
  void refusesAModelWithAFlippedDigit() throws IOException {
    String saved = new String(save(SpamClassifier.trainer().train(examples())), StandardCharsets.UTF_8);
    int weights = saved.indexOf("\"weights\"");
    int digit = weights;
    while (!Character.isDigit(saved.charAt(digit)) || saved.charAt(digit - 1) == '"') {
      digit++;
    }
    // flip a digit inside a weight's value, not its key
    int colon = saved.indexOf(':', digit);
    int valueDigit = colon + 2;
    while (!Character.isDigit(saved.charAt(valueDigit))) {
      valueDigit++;
    }
    char c = saved.charAt(valueDigit);
    String altered = saved.substring(0, valueDigit) + (c == '9' ? '8' : (char) (c + 1)) + saved.substring(valueDigit + 1);
    assertThatThrownBy(() -> SpamClassifier.load(new ByteArrayInputStream(altered.getBytes(StandardCharsets.UTF_8))))
        .isInstanceOf(InvalidDataException.class).hasMessageContaining("checksum");
  }

  @Test
  void refusesAnotherFormatOrVersion() {
    assertThatThrownBy(() -> load("{\"format\":\"other\",\"version\":1}")).isInstanceOf(InvalidDataException.class)
        .hasMessageContaining("format");
    assertThatThrownBy(() -> load("{\"format\":\"masthead-spam-classifier\",\"version\":3}"))
        .isInstanceOf(InvalidDataException.class).hasMessageContaining("version");
    assertThatThrownBy(() -> load("{\"format\":\"masthead-spam-classifier\",\"version\":1}"))
        .isInstanceOf(InvalidDataException.class).hasMessageContaining("version");
    assertThatThrownBy(() -> load("[]")).isInstanceOf(InvalidDataException.class);
    assertThatThrownBy(() -> load("{\"format\":\"masthead-spam-classifier\",\"version\":2,\"spamExamples\":-1}"))
        .isInstanceOf(InvalidDataException.class);
    assertThatThrownBy(() -> load("{\"format\":\"masthead-spam-classifier\",\"version\":2,\"buckets\":262144,"
        + "\"weights\":{\"99999999\":1.0}}")).isInstanceOf(InvalidDataException.class).hasMessageContaining("range");
  }

  private static SpamClassifier load(String json) throws IOException {
    return SpamClassifier.load(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
  }

  private static byte[] save(SpamClassifier c) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    c.save(out);
    return out.toByteArray();
  }

  @Test
  void regressionRefusesWeightsBeyondSinglePrecision() throws IOException {
    String saved = new String(save(SpamClassifier.trainer().train(examples())), StandardCharsets.UTF_8);
    // one weight rewritten to 1e39: finite as a double, infinite as a float; refused as it is read, before the
    // checksum is compared
    String altered = saved.replaceFirst("(\"weights\":\\{\"\\d+\":)[^,}]+", "$11.0E39");
    assertThatThrownBy(() -> SpamClassifier.load(new ByteArrayInputStream(altered.getBytes(StandardCharsets.UTF_8))))
        .isInstanceOf(InvalidDataException.class).hasMessageContaining("out of range");
  }
}
