package dev.masthead.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import dev.masthead.comments.spam.SpamClassifier;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The shipped starter model is what {@link StarterModel} makes from the YouTube Spam Collection, byte for byte,
 * and it loads in one call. Needs {@code ../shared/data/youtube-spam-collection}: skipped with a message when it
 * is absent, except in CI (the environment variable {@code CI} set), where that fails.
 */
class StarterModelTest {
  static Path data() {
    for (Path p : List.of(Path.of("../shared/data/youtube-spam-collection"),
        Path.of("../../shared/data/youtube-spam-collection"))) {
      if (Files.isDirectory(p)) {
        return p;
      }
    }
    if (System.getenv("CI") != null) {
      fail("CI is set and the YouTube Spam Collection is not at ../shared/data/youtube-spam-collection");
    }
    Assumptions.abort("starter model test skipped: ../shared/data/youtube-spam-collection is absent");
    return null;
  }

  @Test
  void theShippedStarterModelIsWhatTheGeneratorMakesFromTheData() throws Exception {
    Path folder = data();
    byte[] made = StarterModel.train(YouTubeComments.read(folder), new PrintStream(new ByteArrayOutputStream()));
    byte[] shipped;
    try (InputStream in = SpamClassifier.class.getResourceAsStream("starter-model.json.gz")) {
      assertThat(in).as("starter-model.json.gz beside SpamClassifier").isNotNull();
      shipped = in.readAllBytes();
    }
    assertThat(made).as("regenerate with mvn -B -q -Pspam-starter -DskipTests package").isEqualTo(shipped);
  }

  @Test
  void theStarterModelLoadsInOneCallAndTellsSpamFromHam() {
    SpamClassifier starter = SpamClassifier.starter();
    assertThat(starter.spamExamples()).isEqualTo(1005);
    assertThat(starter.hamExamples()).isEqualTo(951);
    assertThat(starter.spamProbability("check out my channel and subscribe, free gift cards at my site"))
        .isGreaterThan(0.9);
    assertThat(starter.spamProbability("this song reminds me of the summer I met my wife")).isLessThan(0.5);
  }
}
