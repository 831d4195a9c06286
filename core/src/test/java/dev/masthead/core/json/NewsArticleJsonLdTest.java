package dev.masthead.core.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.masthead.core.Article;
import dev.masthead.core.ArticleStatus;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class NewsArticleJsonLdTest {
  private final ObjectMapper mapper = new ObjectMapper();

  @Test
  void writesEveryNewsArticleField() throws Exception {
    JsonNode ld = mapper.readTree(NewsArticleJsonLd.write(MastheadModuleTest.sample()));
    assertThat(ld.get("@context").asText()).isEqualTo("https://schema.org");
    assertThat(ld.get("@type").asText()).isEqualTo("NewsArticle");
    assertThat(ld.get("headline").asText()).isEqualTo("Harbor Bridge Repairs Approved");
    assertThat(ld.get("description").asText()).isEqualTo("Seven to two.");
    assertThat(ld.get("datePublished").asText()).isEqualTo("2025-12-07T13:05:00.123456789Z");
    assertThat(ld.get("dateModified").asText()).isEqualTo("2025-12-07T14:00:00Z");
    assertThat(ld.get("author").get(0).get("@type").asText()).isEqualTo("Person");
    assertThat(ld.get("author").get(0).get("name").asText()).isEqualTo("Dana Whitfield");
    assertThat(ld.get("author").get(0).get("url").asText()).isEqualTo("https://news.example.com/staff/dana");
    assertThat(ld.get("image").get(0).asText()).isEqualTo("https://img.example.com/b.jpg");
    assertThat(ld.get("articleSection").asText()).isEqualTo("Local");
    assertThat(ld.get("keywords").get(0).asText()).isEqualTo("Infrastructure");
    assertThat(ld.get("mainEntityOfPage").get("@type").asText()).isEqualTo("WebPage");
    assertThat(ld.get("mainEntityOfPage").get("@id").asText()).isEqualTo("https://news.example.com/local/bridge");
    assertThat(ld.get("inLanguage").asText()).isEqualTo("en-GB");
    assertThat(Instant.parse(ld.get("datePublished").asText())).isNotNull();
  }

  @Test
  void leavesOutWhatTheArticleDoesNotHave() throws Exception {
    Article bare = Article.builder().id("b").headline("Bare").status(ArticleStatus.PUBLISHED)
        .publishedAt(Instant.parse("2025-01-01T00:00:00Z")).build();
    JsonNode ld = mapper.readTree(NewsArticleJsonLd.write(bare));
    assertThat(ld.get("dateModified").asText()).isEqualTo("2025-01-01T00:00:00Z");
    assertThat(ld.has("author")).isFalse();
    assertThat(ld.has("image")).isFalse();
    assertThat(ld.has("inLanguage")).isFalse();
    assertThat(ld.has("mainEntityOfPage")).isFalse();
  }

  @Test
  void aHeadlineCannotEndTheScriptElement() throws Exception {
    Article hostile = Article.builder().id("x").headline("</script><script>alert(1)</script> & \u2028 end").build();
    String element = NewsArticleJsonLd.scriptElement(hostile);
    assertThat(element.indexOf("</script>")).isEqualTo(element.length() - "</script>".length());
    String json = NewsArticleJsonLd.write(hostile);
    assertThat(json).contains("\\u003C/script\\u003E").contains("\\u0026").contains("\\u2028");
    assertThat(mapper.readTree(json).get("headline").asText()).isEqualTo(hostile.headline());
  }
}
