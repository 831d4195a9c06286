package dev.masthead.examples.readme;

import static org.assertj.core.api.Assertions.assertThat;

import dev.masthead.core.Article;
import dev.masthead.core.ArticleStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The README's Java snippets are the code of {@link ReadmeSnippets}, which the build compiles. */
class ReadmeSnippetsTest {
  /** The tests run in the examples module's directory. */
  private static final Path README = Path.of("..", "README.md");
  private static final Path SNIPPETS = Path.of("src", "test", "java", "dev", "masthead", "examples", "readme",
      "ReadmeSnippets.java");
  private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);

  static List<String> readmeSnippets() throws IOException {
    Matcher m = JAVA_BLOCK.matcher(Files.readString(README, StandardCharsets.UTF_8));
    List<String> blocks = new ArrayList<>();
    while (m.find()) {
      blocks.add(m.group(1));
    }
    return blocks;
  }

  /** The snippet class with the method-body indentation (4 spaces) taken off. */
  static String snippetSource() throws IOException {
    return Files.readAllLines(SNIPPETS, StandardCharsets.UTF_8).stream()
        .map(line -> line.startsWith("    ") ? line.substring(4) : line)
        .collect(Collectors.joining("\n", "", "\n"));
  }

  @Test
  void everyJavaSnippetOfTheReadmeIsCompiledVerbatim() throws IOException {
    List<String> blocks = readmeSnippets();
    assertThat(blocks).as("java blocks in README.md").hasSizeGreaterThanOrEqualTo(4);
    String source = snippetSource();
    for (String block : blocks) {
      assertThat(source).as("README snippet starting %s", block.lines().findFirst().orElse(""))
          .contains(block);
    }
  }

  @Test
  void theArticleSnippetRoundTripsThroughJson() throws IOException {
    Article back = ReadmeSnippets.theArticle();
    assertThat(back.slug()).isEqualTo("city-council-approves-harbor-bridge-repairs");
    assertThat(back.status()).isEqualTo(ArticleStatus.PUBLISHED);
  }

  @Test
  void theRelatedPostsSnippetRunsOnACatalog() throws IOException {
    Article bridge = ReadmeSnippets.theArticle();
    Article repairs = bridge.toBuilder().id("a2").slug("bridge-repairs-begin")
        .headline("Harbor Bridge Repairs Begin With One Lane Closed").publishedAt(Instant.parse("2025-12-08T13:05:00Z"))
        .updatedAt(null).build();
    assertThat(ReadmeSnippets.relatedPosts(List.of(bridge, repairs), bridge))
        .extracting(r -> r.article().id().value()).containsExactly("a2");
  }
}
