package dev.masthead.examples.site;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The site's secret: the key of form tokens, visitor ids and the flood and duplicate fingerprints. The same on
 * every server of a site ({@code masthead.spam.stores.site-secret}), or random per process for one server in memory. Immutable and
 * thread-safe.
 */
public final class SiteSecret {
  private final byte[] bytes;

  private SiteSecret(byte[] bytes) {
    this.bytes = bytes;
  }

  /**
   * Returns a secret from configuration.
   *
   * @param text the configured secret, not empty
   * @return the secret (its UTF-8 bytes)
   */
  public static SiteSecret of(String text) {
    return new SiteSecret(text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Returns 32 random bytes, so that everything keyed by it dies with the process.
   *
   * @return a new secret
   */
  public static SiteSecret random() {
    byte[] b = new byte[32];
    new SecureRandom().nextBytes(b);
    return new SiteSecret(b);
  }

  /**
   * Returns the secret's bytes.
   *
   * @return a copy
   */
  public byte[] bytes() {
    return bytes.clone();
  }

  /**
   * Returns a 32-byte key for one purpose, derived from this secret (HMAC-SHA256 of the purpose), so that a
   * secret of any length keys form tokens and no two uses share a key.
   *
   * @param purpose what the key is for
   * @return the key
   */
  public byte[] derive(String purpose) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(bytes, "HmacSHA256"));
      return mac.doFinal(("key\0" + purpose).getBytes(StandardCharsets.UTF_8));
    } catch (java.security.GeneralSecurityException e) {
      throw new AssertionError("every Java platform has HmacSHA256", e);
    }
  }

  /**
   * Returns the HMAC-SHA256 of a text under this secret, as 22 base64url characters (128 bits).
   *
   * @param purpose what the digest is for, so two uses never share a digest
   * @param text the text
   * @return the digest
   */
  public String digest(String purpose, String text) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(bytes, "HmacSHA256"));
      mac.update(purpose.getBytes(StandardCharsets.UTF_8));
      mac.update((byte) 0);
      byte[] d = mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(d, 16));
    } catch (java.security.GeneralSecurityException e) {
      throw new AssertionError("every Java platform has HmacSHA256", e);
    }
  }

  @Override
  public String toString() {
    return "SiteSecret[redacted]";
  }
}
