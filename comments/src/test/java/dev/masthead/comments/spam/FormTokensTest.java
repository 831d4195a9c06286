package dev.masthead.comments.spam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.masthead.comments.spam.FormTokens.Status;
import dev.masthead.core.ArticleId;
import dev.masthead.testing.TestClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class FormTokensTest {
  private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
  private static final ArticleId ARTICLE = ArticleId.of("a1");
  private final TestClock clock = new TestClock(TestComments.NOW);
  private final FormTokens tokens = FormTokens.create(KEY, clock);

  @Test
  void acceptsAGenuineTokenPostedInTime() {
    String token = tokens.issue(ARTICLE, "s1");
    clock.advance(Duration.ofSeconds(40));
    FormTokens.Verification v = tokens.verify(token, ARTICLE, "s1");
    assertThat(v.status()).isEqualTo(Status.VALID);
    assertThat(v.age()).isEqualTo(Duration.ofSeconds(40));
  }

  @Test
  void flagsAFormPostedFasterThanAPersonCouldWrite() {
    String token = tokens.issue(ARTICLE, null);
    clock.advance(Duration.ofMillis(2_999));
    assertThat(tokens.verify(token, ARTICLE, null).status()).isEqualTo(Status.TOO_FAST);
    var signals = FormTokenCheck.of(tokens).check(TestComments.text("hi"), new SpamContext(null, token, null, null));
    assertThat(signals).singleElement().satisfies(s -> {
      assertThat(s.code()).isEqualTo("token.too_fast");
      assertThat(s.floor()).isEqualTo(Decision.SPAM);
    });
  }

  @Test
  void expiresAfter24Hours() {
    String token = tokens.issue(ARTICLE, null);
    clock.advance(Duration.ofHours(24).plusMillis(1));
    assertThat(tokens.verify(token, ARTICLE, null).status()).isEqualTo(Status.EXPIRED);
  }

  @Test
  void refusesATokenForAnotherArticleOrSessionOrWithAChangedTime() {
    String token = tokens.issue(ARTICLE, "s1");
    clock.advance(Duration.ofMinutes(1));
    assertThat(tokens.verify(token, ArticleId.of("a2"), "s1").status()).isEqualTo(Status.FORGED);
    assertThat(tokens.verify(token, ARTICLE, "s2").status()).isEqualTo(Status.FORGED);
    assertThat(tokens.verify(token, ARTICLE, null).status()).isEqualTo(Status.FORGED);
    String[] parts = token.split("\\.");
    String older = parts[0] + "." + (Long.parseLong(parts[1]) - 60_000) + "." + parts[2];
    assertThat(tokens.verify(older, ARTICLE, "s1").status()).isEqualTo(Status.FORGED);
    FormTokens otherKey = FormTokens.create("fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.US_ASCII), clock);
    assertThat(otherKey.verify(token, ARTICLE, "s1").status()).isEqualTo(Status.FORGED);
  }

  @Test
  void reportsMalformedAndMissingTokens() {
    assertThat(tokens.verify(null, ARTICLE, null).status()).isEqualTo(Status.MISSING);
    assertThat(tokens.verify("  ", ARTICLE, null).status()).isEqualTo(Status.MISSING);
    assertThat(tokens.verify("garbage", ARTICLE, null).status()).isEqualTo(Status.MALFORMED);
    assertThat(tokens.verify("v1.12.%%%", ARTICLE, null).status()).isEqualTo(Status.MALFORMED);
    assertThat(tokens.verify("v1.99999999999999999999.abc", ARTICLE, null).status()).isEqualTo(Status.MALFORMED);
    assertThat(tokens.verify("v2.1.abc", ARTICLE, null).status()).isEqualTo(Status.MALFORMED);
    assertThat(tokens.verify("x".repeat(100_000), ARTICLE, null).status()).isEqualTo(Status.MALFORMED);
  }

  @Test
  void holdsForEveryTokenProblemAReaderCanMeet() {
    FormTokenCheck check = FormTokenCheck.of(tokens);
    assertThat(check.check(TestComments.text("hi"), SpamContext.EMPTY)).extracting(Signal::code).containsExactly("token.missing");
    assertThat(check.check(TestComments.text("hi"), new SpamContext(null, "bad", null, null)))
        .extracting(Signal::floor).containsExactly(Decision.HOLD);
  }

  @Test
  void flagsATokenFromTheFuture() {
    TestClock ahead = new TestClock(TestComments.NOW.plus(Duration.ofMinutes(10)));
    String token = FormTokens.create(KEY, ahead).issue(ARTICLE, null);
    assertThat(tokens.verify(token, ARTICLE, null).status()).isEqualTo(Status.FROM_THE_FUTURE);
  }

  @Test
  void rejectsAShortKeyAndBadAges() {
    assertThatThrownBy(() -> FormTokens.create(new byte[31], clock)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("32 bytes");
    assertThatThrownBy(() -> FormTokens.create(KEY, clock, Duration.ofMinutes(5), Duration.ofMinutes(2)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
