package dev.masthead.comments.spam;

import dev.masthead.testing.TestClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ApprovedAuthorCheckTest {
  private final TestClock clock = new TestClock(TestComments.NOW);

  @Test
  void lowersTheScoreOfAnAuthorApprovedBefore() {
    ApprovedAuthorCheck check = ApprovedAuthorCheck.create(clock);
    assertThat(check.check(TestComments.text("hi"), SpamContext.EMPTY)).isEmpty();
    check.feedback(TestComments.text("hi"), SpamContext.EMPTY, Label.HAM);
    assertThat(check.check(TestComments.of("a2", null, "ANN READER", "Ann@Example.com", null, "hi", TestComments.NOW),
        SpamContext.EMPTY)).singleElement().satisfies(s -> {
          assertThat(s.code()).isEqualTo("author.previously_approved");
          assertThat(s.score()).isEqualTo(ApprovedAuthorCheck.DEFAULT_SCORE);
        });
  }

  @Test
  void spamFeedbackApprovesNoOne() {
    ApprovedAuthorCheck check = ApprovedAuthorCheck.create(clock);
    check.feedback(TestComments.text("hi"), SpamContext.EMPTY, Label.SPAM);
    assertThat(check.check(TestComments.text("hi"), SpamContext.EMPTY)).isEmpty();
  }

  @Test
  void theSameNameWithAnotherEmailIsNotApproved() {
    ApprovedAuthorCheck check = ApprovedAuthorCheck.create(clock);
    check.feedback(TestComments.of("a1", null, "Ann Reader", "ann@example.com", null, "hi", TestComments.NOW),
        SpamContext.EMPTY, Label.HAM);
    assertThat(check.check(TestComments.of("a1", null, "Ann Reader", "ann@evil.example", null, "hi", TestComments.NOW),
        SpamContext.EMPTY)).isEmpty();
  }

  @Test
  void anApprovalIsTrustedForTheRetentionOnly() {
    ApprovedAuthorCheck check = ApprovedAuthorCheck.builder().clock(clock).retention(Duration.ofDays(30)).build();
    check.feedback(TestComments.text("hi"), SpamContext.EMPTY, Label.HAM);
    clock.advance(Duration.ofDays(29));
    assertThat(check.check(TestComments.text("hi"), SpamContext.EMPTY)).hasSize(1);
    clock.advance(Duration.ofDays(2));
    assertThat(check.check(TestComments.text("hi"), SpamContext.EMPTY)).isEmpty();
  }

  @Test
  void theStoreSeesKeyedFingerprintsNeverTheNameOrAddress() {
    java.util.List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
    ApprovedAuthors spy = new ApprovedAuthors() {
      @Override
      public java.util.concurrent.CompletionStage<Boolean> isApproved(String author) {
        seen.add(author);
        return java.util.concurrent.CompletableFuture.completedFuture(false);
      }

      @Override
      public java.util.concurrent.CompletionStage<Void> approve(String author, Duration retention) {
        seen.add(author);
        return java.util.concurrent.CompletableFuture.completedFuture(null);
      }
    };
    byte[] secret = "a site secret of 32 bytes, test!".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    ApprovedAuthorCheck a = ApprovedAuthorCheck.builder().store(spy, secret).build();
    ApprovedAuthorCheck b = ApprovedAuthorCheck.builder().store(spy, secret).build();
    byte[] other = "another secret, also 32 bytes ok".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    ApprovedAuthorCheck c = ApprovedAuthorCheck.builder().store(spy, other).build();
    a.check(TestComments.text("hi"), SpamContext.EMPTY);
    b.check(TestComments.text("hi"), SpamContext.EMPTY);
    c.check(TestComments.text("hi"), SpamContext.EMPTY);
    assertThat(seen).hasSize(3).allSatisfy(k -> assertThat(k).matches("[0-9a-f]{32}")
        .doesNotContainIgnoringCase("ann"));
    assertThat(seen.get(0)).isEqualTo(seen.get(1)).isNotEqualTo(seen.get(2));
  }

  @Test
  void refusesAShortSiteSecretAndAFallbackWithoutAStore() {
    assertThatThrownBy(() -> ApprovedAuthorCheck.builder().store(ApprovedAuthors.inMemory(clock), new byte[15]))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("siteSecret");
    assertThatThrownBy(() -> ApprovedAuthorCheck.builder().fallbackToServerMemory().build())
        .isInstanceOf(IllegalStateException.class);
  }
}
