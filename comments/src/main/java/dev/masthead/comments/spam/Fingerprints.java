package dev.masthead.comments.spam;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyed fingerprints for the comment stores: the first 128 bits of HMAC-SHA256 (RFC 2104; truncation as its
 * section 5 allows) under the site secret, as 32 lower-case hex digits. Without the secret, a fingerprint
 * cannot be tested against guesses, so the 2^32 IPv4 addresses cannot be recovered from a store, its
 * append-only file, a backup or a replica, as they could from a plain SHA-256. Every server that shares a store
 * must use the same secret; rotating it forgets the memory (harmless: flood and duplicate memories are short).
 *
 * <p>Immutable and thread-safe: each call works on a clone of the initialised {@link Mac}.
 */
final class Fingerprints {
  /** The shortest site secret accepted: 16 bytes (128 bits). */
  static final int MIN_SECRET_BYTES = 16;

  private final Mac prototype;

  private Fingerprints(byte[] secret) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      this.prototype = mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every Java platform has HmacSHA256", e);
    }
  }

  /**
   * Fingerprints under the given site secret (the array is copied).
   *
   * @throws NullPointerException if {@code secret} is null
   * @throws IllegalArgumentException if it is shorter than {@value #MIN_SECRET_BYTES} bytes
   */
  static Fingerprints keyedBy(byte[] secret) {
    Objects.requireNonNull(secret, "siteSecret");
    if (secret.length < MIN_SECRET_BYTES) {
      throw new IllegalArgumentException(
          "siteSecret must be at least " + MIN_SECRET_BYTES + " bytes, was " + secret.length);
    }
    byte[] copy = Arrays.copyOf(secret, secret.length);
    try {
      return new Fingerprints(copy);
    } finally {
      Arrays.fill(copy, (byte) 0); // SecretKeySpec keeps its own copy
    }
  }

  /** Fingerprints under a random secret of this process: for memory that never leaves it. */
  static Fingerprints random() {
    byte[] secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    return keyedBy(secret);
  }

  /** The fingerprint of the parts, each followed by NUL so that ("ab", "c") and ("a", "bc") differ. */
  String of(String... parts) {
    Mac mac = mac();
    for (String part : parts) {
      mac.update(part.getBytes(StandardCharsets.UTF_8));
      mac.update((byte) 0);
    }
    return HexFormat.of().formatHex(mac.doFinal(), 0, 16);
  }

  private Mac mac() {
    try {
      return (Mac) prototype.clone();
    } catch (CloneNotSupportedException e) {
      throw new IllegalStateException("the HmacSHA256 provider cannot clone an initialised Mac", e);
    }
  }

  @Override
  public String toString() {
    return "Fingerprints[HMAC-SHA256/128]";
  }
}
