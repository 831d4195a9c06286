package dev.masthead.core;

import java.util.Objects;

/**
 * The identity of an article in the host's catalog: an opaque string chosen by the host (a database key, a
 * UUID, a CMS id). Compared by exact value; ordered by {@link String#compareTo(String)}, which rankings and
 * related posts use as their last tie-breaker.
 *
 * <p>Immutable and thread-safe.
 *
 * @param value the id: 1 to {@value #MAX_LENGTH} characters, not blank, no control characters, no lone
 *     surrogate (an id is well-formed Unicode, so that it survives UTF-8: in Redis, JSON or a database)
 */
public record ArticleId(String value) implements Comparable<ArticleId> {
  /** The longest id accepted, in UTF-16 chars. */
  public static final int MAX_LENGTH = 256;

  /**
   * Validates the id.
   *
   * @throws NullPointerException if {@code value} is null
   * @throws IllegalArgumentException if {@code value} is blank, longer than {@value #MAX_LENGTH} chars,
   *     contains a control character or a lone surrogate
   */
  public ArticleId {
    Objects.requireNonNull(value, "value");
    if (value.isBlank()) {
      throw new IllegalArgumentException("ArticleId must not be blank");
    }
    if (value.length() > MAX_LENGTH) {
      throw new IllegalArgumentException(
          "ArticleId must be at most " + MAX_LENGTH + " chars, was " + value.length());
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isISOControl(c)) {
        throw new IllegalArgumentException("ArticleId must not contain control characters (at index " + i + ")");
      }
      if (Character.isSurrogate(c)) {
        // UTF-8 cannot encode a lone surrogate: encoders write '?', so two ids would merge into a third
        if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
          i++;
        } else {
          throw new IllegalArgumentException("ArticleId must not contain a lone surrogate (at index " + i + ")");
        }
      }
    }
  }

  /**
   * Returns the id with the given value.
   *
   * @param value the id
   * @return the id
   * @throws IllegalArgumentException as the canonical constructor
   */
  public static ArticleId of(String value) {
    return new ArticleId(value);
  }

  @Override
  public int compareTo(ArticleId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
