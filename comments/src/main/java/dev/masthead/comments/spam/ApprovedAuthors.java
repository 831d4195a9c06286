package dev.masthead.comments.spam;

import java.time.Duration;
import java.time.InstantSource;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Which authors have had a comment approved, for the approved-author check
 * ({@link SpamChecks#approvedAuthors(ApprovedAuthors, SpamChecks.StoreSettings)}). An author is an opaque key: a
 * keyed HMAC-SHA256 digest of the name and email, both case-insensitive (see
 * {@link SpamChecks.StoreSettings}), so a store never holds a name or an address. The check fills the
 * store from moderators' ham feedback ({@link SpamFilter#markHam}); a host with an archive of approved
 * comments seeds it by giving each of them to the check's own {@link SpamCheck#feedback} as {@link Label#HAM}
 * ({@code markHam} would also train the classifier and report to Akismet).
 *
 * <p><b>Networked implementations.</b> Both calls fit one round trip (in Redis, {@code EXISTS} and
 * {@code SET key 1 PX retention}; see {@code masthead-redis}). An implementation may fail (complete the stage
 * exceptionally), may be slow, may reconnect and may retry (both calls are idempotent); it must not block the
 * calling thread. The check bounds {@link #isApproved} by its store timeout and holds the comment with
 * {@code store.unavailable} when the stage fails or is late; a failed {@link #approve} is logged and lost.
 *
 * <p>Implementations must be thread-safe.
 */
public interface ApprovedAuthors {

  /**
   * Returns whether the author has had a comment approved within the retention of that approval.
   *
   * @param author the author's key
   * @return a stage with whether the store holds the author; it completes exceptionally if the store failed
   * @throws NullPointerException if {@code author} is null
   */
  CompletionStage<Boolean> isApproved(String author);

  /**
   * Records that a comment by the author was approved; the author is remembered for {@code retention} from now
   * (approving again starts it again).
   *
   * @param author the author's key
   * @param retention how long to trust the author, positive
   * @return a stage that completes when the store has recorded it, or exceptionally if the store failed
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code retention} is not positive
   */
  CompletionStage<Void> approve(String author, Duration retention);

  /**
   * Returns an in-memory store of at most 1,000,000 authors.
   *
   * @param clock the time source that ages entries
   * @return a new, empty store
   * @throws NullPointerException if {@code clock} is null
   * @see #inMemory(InstantSource, int)
   */
  static ApprovedAuthors inMemory(InstantSource clock) {
    return inMemory(clock, 1_000_000);
  }

  /**
   * Returns an in-memory store for one server. Each author is forgotten {@code retention} after the last
   * approval, by {@code clock}; when {@code maxAuthors} are held, a new approval pushes out the author approved
   * longest ago. Its stages are already complete when returned; it never fails; it is lost on restart.
   *
   * @param clock the time source that ages entries
   * @param maxAuthors the most authors kept, at least 1
   * @return a new, empty store
   * @throws NullPointerException if {@code clock} is null
   * @throws IllegalArgumentException if {@code maxAuthors} is not positive
   */
  static ApprovedAuthors inMemory(InstantSource clock, int maxAuthors) {
    ExpiringMemory<Boolean> memory = new ExpiringMemory<>(maxAuthors, clock);
    return new ApprovedAuthors() {
      @Override
      public CompletionStage<Boolean> isApproved(String author) {
        Objects.requireNonNull(author, "author");
        return CompletableFuture.completedFuture(memory.get(author) != null);
      }

      @Override
      public CompletionStage<Void> approve(String author, Duration retention) {
        Objects.requireNonNull(author, "author");
        memory.put(author, Boolean.TRUE, ExpiringMemory.checkRetention(retention));
        return CompletableFuture.completedFuture(null);
      }

      @Override
      public String toString() {
        return "ApprovedAuthors.inMemory[maxAuthors=" + maxAuthors + "]";
      }
    };
  }
}
