package dev.masthead.comments.spam;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Locale;

/**
 * Which authors (a name and email pair) have had a comment approved, for {@link SpamChecks#approvedAuthors(ApprovedAuthors) the approved-author check}. A host
 * with a comment database implements it with a query; the default is in memory.
 *
 * <p>Implementations must be thread-safe.
 */
public interface ApprovedAuthors {

  /**
   * Returns whether the author has had a comment approved.
   *
   * @param name the author's name as validated
   * @param email the author's email as validated
   * @return whether a comment by the same name and email (both case-insensitive) was approved
   */
  boolean isApproved(String name, String email);

  /**
   * Records that a comment by the author was approved. The default does nothing, for stores the host fills
   * itself.
   *
   * @param name the author's name
   * @param email the author's email
   */
  default void approve(String name, String email) {}

  /**
   * Returns an in-memory store of at most 1,000,000 authors (the least recently seen are forgotten first). It
   * keeps SHA-256 fingerprints of the pairs, never the names or addresses.
   *
   * @return a new, empty store
   */
  static ApprovedAuthors inMemory() {
    Cache<String, Boolean> approved = Caffeine.newBuilder().maximumSize(1_000_000).executor(Runnable::run).build();
    return new ApprovedAuthors() {
      @Override
      public boolean isApproved(String name, String email) {
        return approved.getIfPresent(key(name, email)) != null;
      }

      @Override
      public void approve(String name, String email) {
        approved.put(key(name, email), Boolean.TRUE);
      }

      private String key(String name, String email) {
        return Fingerprints.of("approved", name.strip().toLowerCase(Locale.ROOT), email.strip().toLowerCase(Locale.ROOT));
      }
    };
  }
}
