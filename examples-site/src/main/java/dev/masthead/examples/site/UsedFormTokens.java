package dev.masthead.examples.site;

import dev.masthead.comments.spam.FloodStore;
import dev.masthead.comments.spam.FormTokens;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Makes a form token single-use: the first comment posted with a token claims it, and a second one, from any
 * address and any server, is refused (the JDK HttpServer app accepted one token twice from two addresses).
 *
 * <p>Claims are kept in a {@link FloodStore} under the SHA-256 of the token for the token's lifetime plus the
 * allowed clock skew: "record unless recorded within the interval" is exactly "claim unless claimed". With
 * Redis it is the shared comment store, so a token used on one server is used on all. A store that fails or
 * does not answer within {@code timeout} makes the claim {@link Claim#UNKNOWN}: the comment is then held for a
 * moderator, never published on an unproven token. Thread-safe.
 */
public final class UsedFormTokens {
  /** The outcome of a claim. */
  public enum Claim {
    /** The token had not been used: it is now. */
    FIRST_USE,
    /** The token was used before. */
    REUSED,
    /** The store did not answer; nobody knows. */
    UNKNOWN
  }

  /** How long a claim is remembered: the token's lifetime and one minute of clock skew. */
  static final Duration REMEMBERED = FormTokens.DEFAULT_MAX_AGE.plusMinutes(1);

  private final FloodStore store;
  private final Duration timeout;

  /**
   * Creates the ledger.
   *
   * @param store where claims are kept
   * @param timeout the longest wait for the store
   */
  public UsedFormTokens(FloodStore store, Duration timeout) {
    this.store = store;
    this.timeout = timeout;
  }

  /**
   * Claims a genuine token.
   *
   * @param token the posted token (verified as genuine by the caller)
   * @param at the time of the post
   * @return whether this was its first use
   */
  public Claim claim(String token, Instant at) {
    try {
      Optional<Instant> before = store.recordUnlessFlooding(List.of("form-token:" + sha256(token)), at, REMEMBERED,
          REMEMBERED).toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return before.isPresent() ? Claim.REUSED : Claim.FIRST_USE;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Claim.UNKNOWN;
    } catch (Exception e) { // failed or late: the caller holds the comment
      return Claim.UNKNOWN;
    }
  }

  private static String sha256(String token) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(token.strip().getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError("every Java platform has SHA-256", e);
    }
  }
}
