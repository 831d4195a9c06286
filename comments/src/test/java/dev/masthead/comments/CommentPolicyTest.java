package dev.masthead.comments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CommentPolicyTest {

  @Test
  void defaultsAreWordPresss() {
    CommentPolicy policy = CommentPolicy.defaults();
    assertThat(policy.requireNameAndEmail()).isTrue();
    assertThat(policy.maxAuthorLengthCodePoints()).isEqualTo(245);
    assertThat(policy.maxEmailLengthCodePoints()).isEqualTo(100);
    assertThat(policy.maxUrlLengthCodePoints()).isEqualTo(200);
    assertThat(policy.maxContentLengthCodePoints()).isEqualTo(65_525);
    assertThat(policy.minContentLengthCodePoints()).isEqualTo(1);
    assertThat(policy.maxReplyDepth()).isEqualTo(5);
    assertThat(policy.closeCommentsAfter()).isEmpty();
    assertThat(policy.missingScheme()).isEqualTo(CommentPolicy.MissingScheme.ADD_HTTP);
    assertThat(policy.allowedHtml()).containsOnlyKeys(
        "a", "abbr", "b", "blockquote", "cite", "code", "del", "em", "i", "q", "s", "strike", "strong");
    assertThat(policy.allowedHtml().get("a")).containsExactly("href", "title");
    assertThat(policy.allowedHtml().get("del")).containsExactly("datetime");
    assertThat(policy.allowedHtml().get("b")).isEmpty();
  }

  @Test
  void allowedHtmlIsImmutableAndCopied() {
    Map<String, Set<String>> tags = new java.util.HashMap<>();
    tags.put("b", new java.util.HashSet<>());
    CommentPolicy policy = CommentPolicy.builder().allowedHtml(tags).build();
    tags.put("i", Set.of());
    assertThat(policy.allowedHtml()).containsOnlyKeys("b");
    assertThatThrownBy(() -> policy.allowedHtml().put("i", Set.of()))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> policy.allowedHtml().get("b").add("onclick"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void refusesNonPositiveLimitsNamingThem() {
    assertThatThrownBy(() -> CommentPolicy.builder().maxAuthorLengthCodePoints(0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxAuthorLengthCodePoints");
    assertThatThrownBy(() -> CommentPolicy.builder().maxEmailLengthCodePoints(-1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxEmailLengthCodePoints");
    assertThatThrownBy(() -> CommentPolicy.builder().maxUrlLengthCodePoints(0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxUrlLengthCodePoints");
    assertThatThrownBy(() -> CommentPolicy.builder().maxContentLengthCodePoints(0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxContentLengthCodePoints");
    assertThatThrownBy(() -> CommentPolicy.builder().minContentLengthCodePoints(0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("minContentLengthCodePoints");
    assertThatThrownBy(() -> CommentPolicy.builder().maxReplyDepth(0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxReplyDepth");
    assertThatThrownBy(() -> CommentPolicy.builder().closeCommentsAfter(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("closeCommentsAfter");
  }

  @Test
  void refusesMinimumAboveMaximumAtBuild() {
    CommentPolicy.Builder builder = CommentPolicy.builder().minContentLengthCodePoints(10).maxContentLengthCodePoints(5);
    assertThatThrownBy(builder::build).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("minContentLengthCodePoints");
  }

  @Test
  void refusesDangerousTagsAndAttributes() {
    for (String tag : new String[] {"script", "style", "iframe", "svg", "math", "form", "object", "embed", "base",
        "meta", "textarea", "template"}) {
      assertThatThrownBy(() -> CommentPolicy.builder().allowedHtml(Map.of(tag, Set.of())))
          .as(tag).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(tag);
    }
    for (String attribute : new String[] {"onclick", "onerror", "style", "srcdoc", "formaction", "srcset", "id",
        "class", "name"}) {
      assertThatThrownBy(() -> CommentPolicy.builder().allowedHtml(Map.of("b", Set.of(attribute))))
          .as(attribute).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(attribute);
    }
    for (String name : new String[] {"", "B", "x-y", "1a", "a b", "scr\u0130pt"}) {
      assertThatThrownBy(() -> CommentPolicy.builder().allowedHtml(Map.of(name, Set.of())))
          .as(name).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void closesByAgeWhenAsked() {
    assertThat(CommentPolicy.builder().closeCommentsAfter(Duration.ofDays(14)).build().closeCommentsAfter())
        .contains(Duration.ofDays(14));
  }

  @Test
  void everyDefaultIsAConstant() {
    CommentPolicy d = CommentPolicy.defaults();
    assertThat(d.smtpUtf8()).isEqualTo(CommentPolicy.DEFAULT_SMTP_UTF8).isFalse();
    assertThat(d.requireNameAndEmail()).isEqualTo(CommentPolicy.DEFAULT_REQUIRE_NAME_AND_EMAIL);
    assertThat(d.minContentLengthCodePoints()).isEqualTo(CommentPolicy.DEFAULT_MIN_CONTENT_LENGTH);
    assertThat(d.missingScheme()).isEqualTo(CommentPolicy.DEFAULT_MISSING_SCHEME);
    assertThat(d.allowedHtml()).isEqualTo(CommentPolicy.DEFAULT_ALLOWED_HTML);
    assertThat(d.maxReplyDepth()).isEqualTo(CommentPolicy.DEFAULT_MAX_REPLY_DEPTH);
  }

  @Test
  void smtpUtf8LetsTheValidatorAcceptAUnicodeMailbox() {
    CommentPolicy utf8 = CommentPolicy.builder().smtpUtf8(true).build();
    assertThat(Fixtures.validator(utf8).validate(Fixtures.valid().authorEmail("j\u00F6rg@b\u00FCcher.example").build())
        .validComment()).hasValueSatisfying(c -> assertThat(c.authorEmail()).isEqualTo("j\u00F6rg@xn--bcher-kva.example"));
    assertThat(Fixtures.validator().validate(Fixtures.valid().authorEmail("j\u00F6rg@b\u00FCcher.example").build())
        .validComment()).isEmpty();
  }
}
