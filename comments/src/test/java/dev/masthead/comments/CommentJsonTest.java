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

  @Test
  void regressionJsonWithUnsafeHtmlIsRefused() throws Exception {
    Comment comment = Fixtures.validator().validate(Fixtures.valid()
        .content("See <a href=\"https://example.org/\">this</a>").build()).validComment().orElseThrow();
    String json = mapper.writeValueAsString(comment);
    String good = comment.contentHtml().html();
    for (String unsafe : java.util.List.of(
        "<script>alert(1)</script>",
        "<p onclick=\"alert(1)\">hi</p>",
        "<a href=\"javascript:alert(1)\" rel=\"nofollow ugc noopener\">x</a>",
        "<a href=\"https://example.org/\">no rel</a>",
        "<img src=x onerror=alert(1)>",
        "<!-- hidden --><p>x</p>",
        "<iframe src=\"https://evil.example/\"></iframe>",
        "<p>unclosed",
        "<svg><a href=\"https://example.org/\" rel=\"nofollow ugc noopener\">x</a></svg>")) {
      String altered = json.replace(mapper.writeValueAsString(good), mapper.writeValueAsString(unsafe));
      assertThat(altered).as("the test alters the HTML").isNotEqualTo(json);
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> mapper.readValue(altered, Comment.class))
          .as(unsafe).isInstanceOf(com.fasterxml.jackson.databind.JsonMappingException.class)
          .rootCause().isInstanceOf(dev.masthead.core.InvalidDataException.class)
          .hasMessageContaining("comment HTML refused");
    }
  }

  @Test
  void safeHtmlIsOnlyMadeByTheSanitizer() {
    assertThat(SafeHtml.class.getConstructors()).isEmpty();
    assertThat(SafeHtml.sanitize("<script>x</script><b onclick=\"y\">bold</b> <a href=\"javascript:z\">l</a>").html())
        .isEqualTo("<p><b>bold</b> <a rel=\"nofollow ugc noopener\">l</a></p>");
    String clean = SafeHtml.sanitize("Read <a href=\"https://example.org/\">this</a>\n\nThanks").html();
    assertThat(SafeHtml.parse(clean).html()).isEqualTo(clean);
  }

  @Test
  void everyValidatedCommentsHtmlIsAcceptedBackFromJson() throws Exception {
    for (String content : XssVectors.VECTORS) {
      java.util.Optional<Comment> comment = Fixtures.validator().validate(Fixtures.valid().content(content).build())
          .validComment();
      if (comment.isPresent()) {
        assertThat(mapper.readValue(mapper.writeValueAsString(comment.get()), Comment.class)).as(content)
            .isEqualTo(comment.get());
      }
    }
  }
}
