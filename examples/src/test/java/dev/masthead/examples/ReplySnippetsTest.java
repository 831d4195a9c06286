package dev.masthead.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's "Leave a reply" snippet is the code that {@link ReplySnippets} compiles, line for line. */
class ReplySnippetsTest {

  @Test
  void theReadmeShowsTheCompiledReplySnippet() throws IOException {
    List<String> readme = Files.readAllLines(Path.of("..", "README.md"), StandardCharsets.UTF_8);
    int heading = readme.indexOf("### Leave a reply: validation, then spam checks");
    assertThat(heading).as("the README's section").isNotNegative();
    int open = readme.subList(heading, readme.size()).indexOf("```java") + heading;
    int close = readme.subList(open + 1, readme.size()).indexOf("```") + open + 1;
    List<String> shown = readme.subList(open + 1, close);

    List<String> source = Files.readAllLines(
        Path.of("src", "test", "java", "dev", "masthead", "examples", "ReplySnippets.java"), StandardCharsets.UTF_8);
    int start = source.indexOf("    // --- README: Leave a reply ---");
    int end = source.indexOf("    // --- end ---");
    assertThat(start).isNotNegative();
    assertThat(end).isGreaterThan(start);
    List<String> compiled = new ArrayList<>();
    for (String line : source.subList(start + 1, end)) {
      compiled.add(line.isEmpty() ? line : line.substring(4));
    }
    assertThat(shown).containsExactlyElementsOf(compiled);
  }
}
