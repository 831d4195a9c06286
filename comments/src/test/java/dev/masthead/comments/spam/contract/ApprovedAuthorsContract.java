package dev.masthead.comments.spam.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.masthead.comments.spam.ApprovedAuthors;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link ApprovedAuthors}: every implementation runs it by extending this class (the in-memory
 * store here, the Redis store in {@code masthead-redis}).
 */
public abstract class ApprovedAuthorsContract {
  private ApprovedAuthors store;

  /**
   * Returns a new, empty store, shared with nothing else.
   *
   * @return the store under test
   */
  protected abstract ApprovedAuthors newStore();

  /**
   * Lets {@code d} pass on the clock that ages the store's entries.
   *
   * @param d how long
   */
  protected abstract void letTimePass(Duration d);

  @BeforeEach
  public void createStore() {
    store = newStore();
  }

  private static String author() {
    return UUID.randomUUID().toString().replace("-", "");
  }

  private boolean approved(String author) {
    return store.isApproved(author).toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
  }

  private void approve(String author, Duration retention) {
    store.approve(author, retention).toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
  }

  @Test
  public void anUnknownAuthorIsNotApproved() {
    assertThat(approved(author())).isFalse();
  }

  @Test
  public void anApprovedAuthorIsApprovedAndNoOneElse() {
    String ann = author();
    approve(ann, Duration.ofDays(1));
    assertThat(approved(ann)).isTrue();
    assertThat(approved(author())).isFalse();
  }

  @Test
  public void approvingTwiceIsHarmless() {
    String ann = author();
    approve(ann, Duration.ofDays(1));
    approve(ann, Duration.ofDays(1));
    assertThat(approved(ann)).isTrue();
  }

  @Test
  public void anApprovalLastsItsRetentionAndApprovingAgainRenewsIt() {
    String ann = author();
    Duration retention = Duration.ofMillis(600);
    approve(ann, retention);
    letTimePass(Duration.ofMillis(400));
    approve(ann, retention);
    letTimePass(Duration.ofMillis(400)); // 800 ms after the first approval, 400 ms after the second
    assertThat(approved(ann)).isTrue();
    letTimePass(Duration.ofMillis(600));
    assertThat(approved(ann)).isFalse();
  }

  @Test
  public void refusesBadArgumentsAtOnce() {
    assertThatThrownBy(() -> store.approve(author(), Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> store.isApproved(null)).isInstanceOf(NullPointerException.class);
  }
}
