package dev.masthead.comments;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.masthead.core.json.MastheadModule;
import org.junit.jupiter.api.Test;

class CommentJsonTest {
  private final ObjectMapper mapper = new ObjectMapper().registerModule(new MastheadModule());

  @Test
  void roundTripsThroughJacksonWithMastheadModule() throws Exception {
    Comment comment = Fixtures.validator().validate(Fixtures.valid()
        .parentId("c1")
        .authorEmail("Ada+news@b\u00FCcher.de")
        .content("Read <a href=\"https://example.org/one\">one</a> and <a href=\"https://example.org/two\">two</a>."
            + "\n\nThanks \uD83D\uDE4F")
        .build()).validComment().orElseThrow();

    String json = mapper.writeValueAsString(comment);
    Comment back = mapper.readValue(json, Comment.class);

    assertThat(back).isEqualTo(comment);
    JsonNode tree = mapper.readTree(json);
    assertThat(tree.get("articleId").asText()).isEqualTo("open-1");
    assertThat(tree.get("submittedAt").asText()).isEqualTo("2026-03-14T09:26:53Z");
    assertThat(tree.get("authorUrl").asText()).isEqualTo("https://example.org/ada");
    assertThat(tree.get("authorEmail").asText()).isEqualTo("Ada+news@xn--bcher-kva.de");
    assertThat(tree.get("links")).hasSize(2);
    assertThat(tree.get("client").get("ipAddress").asText()).isEqualTo("203.0.113.7");
  }

  @Test
  void roundTripsACommentWithoutOptionalValues() throws Exception {
    Comment comment = Fixtures.validator().validate(Fixtures.valid().authorUrl(null).ipAddress(null).userAgent(null)
        .referrer(null).build()).validComment().orElseThrow();
    assertThat(mapper.readValue(mapper.writeValueAsString(comment), Comment.class)).isEqualTo(comment);
  }
}
