package dev.masthead.comments;

import static org.assertj.core.api.Assertions.assertThat;

import dev.masthead.comments.CommentPolicy.MissingScheme;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class WebsiteUrlTest {

  private static URI accept(String typed, MissingScheme missing) {
    return WebsiteUrl.normalize(FieldText.singleLine(typed, Integer.MAX_VALUE, false).value(), missing);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "https://example.org|https://example.org",
      "HTTP://Example.ORG/Blog/Post?Tag=News#Top|http://example.org/Blog/Post?Tag=News#Top",
      "https://example.org:8443/a|https://example.org:8443/a",
      "https://192.0.2.10/x|https://192.0.2.10/x",
      "https://b\u00FCcher.de/B\u00FCcher|https://xn--bcher-kva.de/B%C3%BCcher",
      "https://example.org/a b|",
      "https://example.org/<script>|https://example.org/%3Cscript%3E",
      "https://example.org/100%|https://example.org/100%25",
      "https://example.org/%7Euser|https://example.org/%7Euser",
      "https://example.org/#a#b|https://example.org/#a%23b",
      "https://exa\u200Bmple.org/|https://example.org/"
  })
  void acceptsHttpAndHttpsKeepingPathCase(String typed, String expected) {
    URI url = accept(typed, MissingScheme.ADD_HTTP);
    if (expected == null) {
      assertThat(url).as(typed).isNull();
    } else {
      assertThat(url).as(typed).isEqualTo(URI.create(expected));
    }
  }

  @Test
  void completesMissingSchemeAsThePolicySays() {
    assertThat(accept("example.org/Blog", MissingScheme.ADD_HTTP)).isEqualTo(URI.create("http://example.org/Blog"));
    assertThat(accept("//example.org/Blog", MissingScheme.ADD_HTTPS))
        .isEqualTo(URI.create("https://example.org/Blog"));
    assertThat(accept("example.org:8080", MissingScheme.ADD_HTTPS)).isEqualTo(URI.create("https://example.org:8080"));
    assertThat(accept("example.org/Blog", MissingScheme.REJECT)).isNull();
    assertThat(accept("https://example.org/Blog", MissingScheme.REJECT))
        .isEqualTo(URI.create("https://example.org/Blog"));
  }

  @Test
  void completesMissingSchemeThroughTheValidator() {
    CommentValidator https = Fixtures.validator(
        CommentPolicy.builder().missingScheme(MissingScheme.ADD_HTTPS).build());
    assertThat(https.validate(Fixtures.valid().authorUrl("www.example.org").build()).validComment().orElseThrow()
        .authorUrl()).isEqualTo(URI.create("https://www.example.org"));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "javascript:alert(1)",
      " JAVASCRIPT:alert(1)",
      "jav\tascript:alert(1)",
      "java\u0000script:alert(1)",
      "\u200Bjavascript:alert(1)",
      "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
      "vbscript:msgbox(1)",
      "file:///etc/passwd",
      "ftp://example.org",
      "mailto:jane@example.org",
      "http:example.org",
      "http:/example.org",
      "https://",
      "https://user:pass@example.org/",
      "https://example.org@evil.example/",
      "https://[::1]/",
      "https://localhost/",
      "https://example/",
      "https://example.org:0/",
      "https://example.org:65536/",
      "https://example.org:/",
      "https://exa mple.org/",
      "https://example.org\\@evil.example/",
      "https://-example.org/",
      "https://999.1.1.1/",
      "/relative/path",
      "?q=1",
      "#top"
  })
  void refusesOtherSchemesAndMalformedHosts(String typed) {
    assertThat(accept(typed, MissingScheme.ADD_HTTP)).as(typed).isNull();
  }
}
