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

  /**
   * Issue 10, "recent entries forgotten", through the check: once the memory had filled (102,000 distinct
   * comments), 1,000 new comments followed by 2,000 others were all forgotten with Caffeine's W-TinyLFU.
   */
  @Test
  void recentCommentsAreCaughtAsDuplicatesAfterTheMemoryHasFilled() {
    feed("old", 102_000);
    feed("recent", 1_000);
    feed("other", 2_000);
    int caught = 0;
    for (int i = 0; i < 1_000; i++) {
      caught += check.check(comment("recent", i), SpamContext.EMPTY).isEmpty() ? 0 : 1;
    }
    assertThat(caught).isEqualTo(1_000);
  }

  private void feed(String prefix, int n) {
    for (int i = 0; i < n; i++) {
      assertThat(check.check(comment(prefix, i), SpamContext.EMPTY)).isEmpty();
    }
  }

  private static final dev.masthead.comments.SafeHtml SOME_HTML = dev.masthead.comments.SafeHtml.sanitize("a comment");

  /** The fingerprint reads the plain text: the HTML is the same for all. */
  private dev.masthead.comments.Comment comment(String prefix, int i) {
    String text = prefix + " comment " + i;
    return new dev.masthead.comments.Comment(dev.masthead.core.ArticleId.of("a1"), null, "Ann", "ann@example.com",
        (java.net.URI) null, SOME_HTML, text, java.util.List.of(), new dev.masthead.comments.ClientInfo(null, null, null),
        clock.instant());
  }
}
