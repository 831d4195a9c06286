package dev.masthead.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ArticleIdTest {
  @Test
  void anArticleIdWithALoneSurrogateIsRefusedInsteadOfCountedUnderAnotherId() {
    // UTF-8 (Redis, JSON) writes '?' for a lone surrogate: "x\uD800" and "x\uDBFF" would both be counted as "x?",
    // an id nobody recorded
    assertThat(new String("x\uD800".getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)).isEqualTo("x?");
    assertThatThrownBy(() -> ArticleId.of("x\uD800")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("lone surrogate (at index 1)");
    assertThatThrownBy(() -> ArticleId.of("\uDC00x")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ArticleId.of("x\uDBFF\uDBFF")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ArticleId.of("x\uDE00\uD83D")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void surrogatePairsAndIdsFullOfSyntaxAreKept() {
    assertThat(ArticleId.of("x\uD83D\uDE00").value()).hasSize(3); // one emoji
    assertThat(ArticleId.of("{x}:'; return 1 --").value()).isEqualTo("{x}:'; return 1 --");
  }

  @Test
  void controlCharactersBlankAndOverlongIdsAreRefused() {
    assertThatThrownBy(() -> ArticleId.of("a\u0000b")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ArticleId.of("a\nb")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ArticleId.of(" ")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ArticleId.of("x".repeat(10_240))).isInstanceOf(IllegalArgumentException.class);
  }
}
