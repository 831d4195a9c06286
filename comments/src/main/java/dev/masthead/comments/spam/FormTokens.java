package dev.masthead.comments.spam;

import dev.masthead.core.ArticleId;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * Issues and verifies the form token that proves a reply form was rendered by the site, and when.
 *
 * <p>Render {@link #issue(ArticleId, String)} into a hidden field when the page is served; pass the posted
 * value to {@link SpamChecks#formToken(FormTokens) the form-token check} through {@link SpamContext#formToken()}. A token is
 * {@code v1.<issued-at in epoch milliseconds>.<HMAC-SHA256, base64url>}; the MAC covers the version, the
 * issue time, the article id and the session id (if any), under the host's secret key, so a token cannot be
 * moved to another article or session or have its time changed. Verification compares MACs in constant time
 * ({@link MessageDigest#isEqual}).
 *
 * <p>Defaults: a token expires 24 hours after it was issued (a reader may leave a tab open overnight), and a
 * form posted less than 3 seconds after it was issued is too fast for a person to have written a reply.
 *
 * <p>Immutable and thread-safe.
 */
public final class FormTokens {
  /** The default lifetime of a token: 24 hours. */
  public static final Duration DEFAULT_MAX_AGE = Duration.ofHours(24);
  /** The default least time between rendering and posting the form: 3 seconds. */
  public static final Duration DEFAULT_MIN_AGE = Duration.ofSeconds(3);
  /** How far in the future an issue time may lie, for clocks of several hosts that disagree: 1 minute. */
  static final Duration SKEW = Duration.ofMinutes(1);
  private static final String VERSION = "v1";
  private static final String ALGORITHM = "HmacSHA256";

  private final SecretKeySpec key;
  /** A Mac initialised with the key, cloned per token (cheaper than looking up the provider and initialising). */
  private final @Nullable Mac prototype;
  private final InstantSource clock;
  private final Duration maxAge;
  private final Duration minAge;

  /** The outcome of verifying a token. */
  public enum Status {
    /** Genuine, and posted between the minimum and the maximum age. */
    VALID,
    /** Genuine, but posted sooner after rendering than a person could have written a reply. */
    TOO_FAST,
    /** Genuine, but older than the maximum age. */
    EXPIRED,
    /** Genuine, but issued in the future beyond the allowed clock skew. */
    FROM_THE_FUTURE,
    /** Not made with this key for this article and session, or altered. */
    FORGED,
    /** Not a token at all. */
    MALFORMED,
    /** No token was posted. */
    MISSING
  }

  /**
   * The outcome of verifying a token.
   *
   * @param status what was found
   * @param age how long before verification the token was issued, or {@code null} unless the token is
   *     genuine
   */
  public record Verification(Status status, @Nullable Duration age) {
    /**
     * Validates the outcome.
     *
     * @throws NullPointerException if {@code status} is null
     */
    public Verification {
      Objects.requireNonNull(status, "status");
    }
  }

  private FormTokens(byte[] key, InstantSource clock, Duration maxAge, Duration minAge) {
    this.key = new SecretKeySpec(key, ALGORITHM);
    this.prototype = initialisedMac(this.key);
    this.clock = clock;
    this.maxAge = maxAge;
    this.minAge = minAge;
  }

  /**
   * Returns a token maker with the default ages.
   *
   * @param key the host's secret key, at least 32 bytes (256 bits) of random data; copied
   * @param clock the time source
   * @return the token maker
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the key is shorter than 32 bytes
   */
  public static FormTokens create(byte[] key, InstantSource clock) {
    return create(key, clock, DEFAULT_MIN_AGE, DEFAULT_MAX_AGE);
  }

  /**
   * Returns a token maker.
   *
   * @param key the host's secret key, at least 32 bytes of random data; copied
   * @param clock the time source
   * @param minAge the least time between rendering and posting, from 0 to 1 hour (default 3 seconds)
   * @param maxAge the lifetime of a token, from 1 minute to 30 days, more than {@code minAge} (default 24 hours)
   * @return the token maker
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the key is too short or an age is out of range
   */
  public static FormTokens create(byte[] key, InstantSource clock, Duration minAge, Duration maxAge) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(minAge, "minAge");
    Objects.requireNonNull(maxAge, "maxAge");
    if (key.length < 32) {
      throw new IllegalArgumentException("key must be at least 32 bytes, was " + key.length);
    }
    if (minAge.isNegative() || minAge.compareTo(Duration.ofHours(1)) > 0) {
      throw new IllegalArgumentException("minAge must be in [0, 1 h], was " + minAge);
    }
    if (maxAge.compareTo(Duration.ofMinutes(1)) < 0 || maxAge.compareTo(Duration.ofDays(30)) > 0
        || maxAge.compareTo(minAge) <= 0) {
      throw new IllegalArgumentException("maxAge must be in [1 min, 30 days] and above minAge, was " + maxAge);
    }
    return new FormTokens(key.clone(), clock, maxAge, minAge);
  }

  /**
   * Issues a token for a form about to be rendered.
   *
   * @param articleId the article the form is on
   * @param sessionId the reader's session id, or {@code null} to bind the token to the article only
   * @return the token, ASCII, at most 70 chars: put it in a hidden form field as it is
   * @throws NullPointerException if {@code articleId} is null
   */
  public String issue(ArticleId articleId, @Nullable String sessionId) {
    Objects.requireNonNull(articleId, "articleId");
    long issuedAt = clock.instant().toEpochMilli();
    return VERSION + "." + issuedAt + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(mac(issuedAt, articleId, sessionId));
  }

  /**
   * Verifies a posted token.
   *
   * @param token the posted value, or {@code null} if none was posted
   * @param articleId the article the comment is for
   * @param sessionId the reader's session id, or {@code null} if tokens are not bound to sessions
   * @return the outcome; never throws on a bad token
   * @throws NullPointerException if {@code articleId} is null
   */
  public Verification verify(@Nullable String token, ArticleId articleId, @Nullable String sessionId) {
    Objects.requireNonNull(articleId, "articleId");
    if (token == null || token.isBlank()) {
      return new Verification(Status.MISSING, null);
    }
    if (token.length() > 200) {
      return new Verification(Status.MALFORMED, null);
    }
    String[] parts = token.strip().split("\\.", -1);
    if (parts.length != 3 || !parts[0].equals(VERSION) || parts[1].isEmpty()
        || parts[1].length() > 19 || !parts[1].chars().allMatch(c -> c >= '0' && c <= '9')) {
      return new Verification(Status.MALFORMED, null);
    }
    long issuedAt;
    byte[] posted;
    try {
      issuedAt = Long.parseLong(parts[1]);
      posted = Base64.getUrlDecoder().decode(parts[2]);
    } catch (IllegalArgumentException e) {
      return new Verification(Status.MALFORMED, null);
    }
    if (!MessageDigest.isEqual(posted, mac(issuedAt, articleId, sessionId))) {
      return new Verification(Status.FORGED, null);
    }
    Duration age = Duration.between(Instant.ofEpochMilli(issuedAt), clock.instant());
    if (age.isNegative() && age.abs().compareTo(SKEW) > 0) {
      return new Verification(Status.FROM_THE_FUTURE, age);
    }
    if (age.compareTo(maxAge) > 0) {
      return new Verification(Status.EXPIRED, age);
    }
    if (age.compareTo(minAge) < 0) {
      return new Verification(Status.TOO_FAST, age);
    }
    return new Verification(Status.VALID, age);
  }

  Duration minAge() {
    return minAge;
  }

  /** A Mac initialised with the key, or null if the provider cannot clone one (each token then makes its own). */
  private static @Nullable Mac initialisedMac(SecretKeySpec key) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      mac.clone();
      return mac;
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new AssertionError("every Java platform has HmacSHA256", e);
    } catch (CloneNotSupportedException e) {
      return null;
    }
  }

  private Mac newMac() throws NoSuchAlgorithmException, InvalidKeyException {
    if (prototype != null) {
      try {
        return (Mac) prototype.clone();
      } catch (CloneNotSupportedException e) {
        // cloned once in the constructor: not expected; fall through to a fresh instance
      }
    }
    Mac mac = Mac.getInstance(ALGORITHM);
    mac.init(key);
    return mac;
  }

  private byte[] mac(long issuedAt, ArticleId articleId, @Nullable String sessionId) {
    try {
      Mac mac = newMac();
      mac.update((VERSION + "\n" + issuedAt + "\n").getBytes(StandardCharsets.UTF_8));
      mac.update(articleId.value().getBytes(StandardCharsets.UTF_8));
      mac.update((byte) 0);
      mac.update((sessionId == null ? "" : sessionId).getBytes(StandardCharsets.UTF_8));
      return mac.doFinal();
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new AssertionError("every Java platform has HmacSHA256", e);
    }
  }

  @Override
  public String toString() {
    return "FormTokens[minAge=" + minAge + ", maxAge=" + maxAge + "]";
  }
}
