package dev.masthead.examples;

import dev.masthead.comments.spam.Label;
import dev.masthead.comments.spam.SpamClassifier;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;

/**
 * Regenerates the spam classifier's starter model ({@link SpamClassifier#starter()}): the default trainer
 * (seed 42) on all 1,956 comments of the YouTube Spam Collection (Alberto, Lochter and Almeida, "TubeSpam",
 * ICMLA 2015; CC BY 4.0), each first validated as on a real site, saved as gzipped JSON. The same data give
 * the same bytes (training is deterministic, and Java's gzip header carries no time stamp).
 *
 * <pre>
 * mvn -B -q -Pspam-starter -DskipTests package
 *     (optional: -Dexec.args="path/to/youtube-spam-collection path/to/starter-model.json.gz")
 * </pre>
 */
public final class StarterModel {
  /** Where the resource lives in the source tree, from the repository root. */
  static final Path RESOURCE =
      Path.of("comments/src/main/resources/dev/masthead/comments/spam/starter-model.json.gz");

  private StarterModel() {}

  public static void main(String[] args) throws Exception {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    Path folder = Path.of(args.length > 0 ? args[0] : "../shared/data/youtube-spam-collection");
    Path target = args.length > 1 ? Path.of(args[1]) : RESOURCE;
    List<YouTubeComments.Row> rows;
    try {
      rows = YouTubeComments.read(folder);
    } catch (YouTubeComments.InputException e) {
      System.err.println("error: " + e.getMessage());
      System.exit(2);
      return;
    }
    byte[] model = train(rows, out);
    Files.createDirectories(target.toAbsolutePath().getParent());
    Files.write(target, model);
    out.printf(Locale.ROOT, "wrote %s (%,d bytes)%n", target, model.length);
  }

  /** The starter model's bytes: gzipped JSON of the default trainer on every validated comment. */
  static byte[] train(List<YouTubeComments.Row> rows, PrintStream out) throws IOException {
    List<SpamEvaluation.Labelled> data = SpamEvaluation.validate(rows, out);
    List<SpamClassifier.Example> examples = new ArrayList<>();
    for (SpamEvaluation.Labelled l : data) {
      examples.add(new SpamClassifier.Example(l.comment().contentText(), l.row().spam() ? Label.SPAM : Label.HAM));
    }
    SpamClassifier classifier = SpamClassifier.trainer().train(examples);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (OutputStream gzip = new GZIPOutputStream(bytes)) {
      classifier.save(gzip);
    }
    return bytes.toByteArray();
  }
}
