package dev.masthead.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.masthead.core.Article;
import dev.masthead.core.ArticleId;
import dev.masthead.core.ArticleStatus;
import dev.masthead.core.Author;
import dev.masthead.core.LeadImage;
import java.net.URI;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MastheadModuleTest {
  private final ObjectMapper mapper = new ObjectMapper().registerModule(new MastheadModule());

  static Article sample() {
    return Article.builder()
        .id("a1")
        .headline("Harbor Bridge Repairs Approved")
        .dek("Seven to two.")
        .bodyHtml("<p>Body &amp; more</p>")
        .author(new Author("Dana Whitfield", URI.create("https://news.example.com/staff/dana")))
        .section("Local")
        .tag("Infrastructure")
        .status(ArticleStatus.PUBLISHED)
        .publishedAt(Instant.parse("2025-12-07T13:05:00.123456789Z"))
        .updatedAt(Instant.parse("2025-12-07T14:00:00Z"))
        .canonicalUrl("https://news.example.com/local/bridge")
        .leadImage(new LeadImage(URI.create("https://img.example.com/b.jpg"), "The bridge", null))
        .language(Locale.forLanguageTag("en-GB"))
        .build();
  }

  @Test
  void roundTripsAnArticle() throws Exception {
    Article a = sample();
    assertThat(mapper.readValue(mapper.writeValueAsString(a), Article.class)).isEqualTo(a);
  }

  @Test
  void writesIsoInstantsAndPlainIds() throws Exception {
    JsonNode tree = mapper.readTree(mapper.writeValueAsString(sample()));
    assertThat(tree.get("id").asText()).isEqualTo("a1");
    assertThat(tree.get("publishedAt").asText()).isEqualTo("2025-12-07T13:05:00.123456789Z");
    assertThat(tree.get("language").asText()).isEqualTo("en-GB");
    assertThat(tree.has("dek")).isTrue();
    assertThat(tree.get("leadImage").has("credit")).isFalse();
  }

  @Test
  void writesIsoInstantsInOtherRecordsEvenWhenTheMapperPrefersTimestamps() throws Exception {
    ObjectMapper timestamps = new ObjectMapper().registerModule(new MastheadModule())
        .enable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    record Event(ArticleId articleId, Instant at) {}
    String json = timestamps.writeValueAsString(new Event(ArticleId.of("a1"), Instant.parse("2025-12-07T13:05:00Z")));
    assertThat(json).isEqualTo("{\"articleId\":\"a1\",\"at\":\"2025-12-07T13:05:00Z\"}");
    assertThat(timestamps.readValue(json, Event.class).at()).isEqualTo(Instant.parse("2025-12-07T13:05:00Z"));
  }

  @Test
  void readsInstantsWithAnOffset() throws Exception {
    String json = "{\"id\":\"x\",\"headline\":\"H\",\"status\":\"PUBLISHED\",\"publishedAt\":\"2025-12-07T09:00:00-05:00\"}";
    assertThat(mapper.readValue(json, Article.class).publishedAt()).isEqualTo(Instant.parse("2025-12-07T14:00:00Z"));
  }

  @Test
  void toleratesUnknownProperties() throws Exception {
    String json = "{\"id\":\"x\",\"headline\":\"H\",\"fromTheFuture\":{\"a\":[1,2]},"
        + "\"authors\":[{\"name\":\"A\",\"twitter\":\"@a\"}],\"section\":{\"name\":\"World\",\"color\":\"red\"}}";
    Article a = mapper.readValue(json, Article.class);
    assertThat(a.headline()).isEqualTo("H");
    assertThat(a.slug()).isEqualTo("h");
    assertThat(a.status()).isEqualTo(ArticleStatus.DRAFT);
    assertThat(a.section().slug()).isEqualTo("world");
  }

  @Test
  void namesTheBadFieldOfAnInvalidDocument() {
    assertThatThrownBy(() -> mapper.readValue("{\"id\":\"x\"}", Article.class))
        .isInstanceOf(JsonMappingException.class).hasMessageContaining("headline");
    assertThatThrownBy(() -> mapper.readValue("{\"id\":\"x\",\"headline\":\"H\",\"status\":\"LIVE\"}", Article.class))
        .isInstanceOf(JsonMappingException.class).hasMessageContaining("status");
    assertThatThrownBy(() -> mapper.readValue("{\"id\":\"x\",\"headline\":\"H\",\"publishedAt\":\"yesterday\"}", Article.class))
        .isInstanceOf(JsonMappingException.class).hasMessageContaining("publishedAt");
    assertThatThrownBy(() -> mapper.readValue("{\"id\":\"x\",\"headline\":\"H\",\"canonicalUrl\":\"javascript:x\"}", Article.class))
        .isInstanceOf(JsonMappingException.class).hasMessageContaining("canonicalUrl");
    assertThatThrownBy(() -> mapper.readValue("{\"id\":7,\"headline\":\"H\"}", Article.class))
        .isInstanceOf(JsonMappingException.class).hasMessageContaining("id");
    assertThatThrownBy(() -> mapper.readValue("[]", Article.class)).isInstanceOf(JsonMappingException.class);
  }

  @Test
  void readsArticleIdsAsMapValues() throws Exception {
    Map<?, ?> m = mapper.readValue("{\"k\":\"a1\"}", mapper.getTypeFactory().constructMapType(Map.class, String.class, ArticleId.class));
    assertThat(m.get("k")).isEqualTo(ArticleId.of("a1"));
    assertThatThrownBy(() -> mapper.readValue("\"\"", ArticleId.class)).isInstanceOf(JsonMappingException.class);
  }
}
