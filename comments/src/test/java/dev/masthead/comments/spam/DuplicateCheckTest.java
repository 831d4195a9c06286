package dev.masthead.comments.spam;

import static org.assertj.core.api.Assertions.assertThat;

import dev.masthead.testing.TestClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DuplicateCheckTest {
  private final TestClock clock = new TestClock(TestComments.NOW);
  private final DuplicateCheck check = DuplicateCheck.create(clock);

  @Test
  void refusesTheSameCommentBySameAuthorUnderSameParent() {
    assertThat(check.check(TestComments.of("a1", "c9", "Ann", "ann@example.com", "1.2.3.4", "Great piece!", clock.instant()),
        SpamContext.EMPTY)).isEmpty();
    assertThat(check.check(TestComments.of("a1", "c9", "ann", "ANN@example.com", "5.6.7.8", "great   PIECE!", clock.instant()),
        SpamContext.EMPTY)).extracting(Signal::code).containsExactly(DuplicateCheck.CODE);
  }

  @Test
  void acceptsTheSameTextUnderAnotherParentArticleOrAuthor() {
    check.check(TestComments.of("a1", "c9", "Ann", "ann@example.com", null, "Great piece!", clock.instant()), SpamContext.EMPTY);
    assertThat(check.check(TestComments.of("a1", "c10", "Ann", "ann@example.com", null, "Great piece!", clock.instant()),
        SpamContext.EMPTY)).isEmpty();
    assertThat(check.check(TestComments.of("a1", null, "Ann", "ann@example.com", null, "Great piece!", clock.instant()),
        SpamContext.EMPTY)).isEmpty();
    assertThat(check.check(TestComments.of("a2", "c9", "Ann", "ann@example.com", null, "Great piece!", clock.instant()),
        SpamContext.EMPTY)).isEmpty();
    assertThat(check.check(TestComments.of("a1", "c9", "Bob", "bob@example.com", null, "Great piece!", clock.instant()),
        SpamContext.EMPTY)).isEmpty();
  }

  @Test
  void forgetsAfterTheRetentionWindow() {
    check.check(TestComments.of("a1", null, "Ann", "ann@example.com", null, "Same", clock.instant()), SpamContext.EMPTY);
    clock.advance(DuplicateCheck.DEFAULT_RETENTION.plus(Duration.ofSeconds(1)));
    assertThat(check.check(TestComments.of("a1", null, "Ann", "ann@example.com", null, "Same", clock.instant()),
        SpamContext.EMPTY)).isEmpty();
  }

  @Test
  void aDuplicateIsRefused() {
    SpamFilter filter = SpamFilter.builder().check(check).build();
    filter.check(TestComments.text("Same"), SpamContext.EMPTY);
    assertThat(filter.check(TestComments.text("Same"), SpamContext.EMPTY).refused()).contains(Refusal.DUPLICATE);
  }
}
