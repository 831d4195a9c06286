package dev.masthead.comments.spam;

import dev.masthead.comments.Comment;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Refuses a comment that repeats one already made: same article, same parent (or both top-level), same author
 * (name and email, case-insensitive) and the same content once normalized (folded as for term lists, white
 * space collapsed), within the retention window (default 24 hours). The same text under another parent, on
 * another article or by another author is fine. A refused comment gets the signal {@value #CODE} and the
 * verdict's {@link Refusal#DUPLICATE} (an HTTP host answers 409).
 *
 * <p>WordPress compares against every stored comment; Masthead remembers fingerprints for a window instead, so
 * memory stays bounded without a database.
 *
 * <p>Immutable and thread-safe if its store is.
 */
final class DuplicateCheck implements SpamCheck {
  /** The code of the duplicate signal. */
  public static final String CODE = "duplicate";
  /** The default retention window: 24 hours. */
  public static final Duration DEFAULT_RETENTION = Duration.ofHours(24);

  private final DuplicateStore store;

  private DuplicateCheck(DuplicateStore store) {
    this.store = store;
  }

  /**
   * Returns a check with an in-memory store that remembers comments for {@link #DEFAULT_RETENTION}.
   *
   * @param clock the time source of the store
   * @return the check
   * @throws NullPointerException if {@code clock} is null
   */
  public static DuplicateCheck create(InstantSource clock) {
    return of(DuplicateStore.inMemory(DEFAULT_RETENTION, clock));
  }

  /**
   * Returns a check with the given store (for example a Redis store shared by several hosts).
   *
   * @param store where fingerprints are kept
   * @return the check
   * @throws NullPointerException if {@code store} is null
   */
  public static DuplicateCheck of(DuplicateStore store) {
    return new DuplicateCheck(Objects.requireNonNull(store, "store"));
  }

  @Override
  public String name() {
    return "duplicate";
  }

  @Override
  public Cost cost() {
    return Cost.TRIVIAL;
  }

  @Override
  public List<Signal> check(Comment comment, SpamContext context) {
    String content = TextFolding.collapseSpaces(TextFolding.fold(comment.contentText()));
    String fingerprint = Fingerprints.of("duplicate", comment.articleId().value(),
        comment.parentId() == null ? "" : comment.parentId(),
        comment.authorName().toLowerCase(Locale.ROOT), comment.authorEmail().toLowerCase(Locale.ROOT), content);
    if (!store.seenBefore(fingerprint, comment.submittedAt())) {
      return List.of();
    }
    return List.of(Signal.refusal(name(), CODE, Refusal.DUPLICATE,
        "The same author already posted this comment under the same parent"));
  }

  @Override
  public String toString() {
    return "DuplicateCheck";
  }
}
