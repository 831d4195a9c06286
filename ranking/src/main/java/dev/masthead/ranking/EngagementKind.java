package dev.masthead.ranking;

import java.util.Objects;

/**
 * What a reader did with an article: {@link #VIEW}, {@link #COMMENT}, {@link #SHARE}, or a kind the host
 * defines (for example {@code "REACTION"} or {@code "NEWSLETTER_CLICK"}). An engine counts the kinds its
 * {@link Scoring} gives a weight to; an event of another kind is rejected with
 * {@link RecordResult#UNKNOWN_KIND}.
 *
 * <p>Kinds are ordered by name. Immutable and thread-safe.
 *
 * @param name the kind's name: 1 to {@value #MAX_LENGTH} characters from {@code [A-Za-z0-9_.-]}, compared
 *     exactly (case-sensitive)
 */
public record EngagementKind(String name) implements Comparable<EngagementKind> {
  /** The longest name, in chars. */
  public static final int MAX_LENGTH = 64;

  /** A page view. */
  public static final EngagementKind VIEW = new EngagementKind("VIEW");

  /** A published reader comment. */
  public static final EngagementKind COMMENT = new EngagementKind("COMMENT");

  /** A share to a social network, by e-mail or by a copied link. */
  public static final EngagementKind SHARE = new EngagementKind("SHARE");

  /**
   * Validates the name.
   *
   * @throws NullPointerException if {@code name} is null
   * @throws IllegalArgumentException if {@code name} is empty, longer than {@value #MAX_LENGTH} chars or has
   *     a char outside {@code [A-Za-z0-9_.-]}
   */
  public EngagementKind {
    Objects.requireNonNull(name, "EngagementKind.name");
    if (name.isEmpty() || name.length() > MAX_LENGTH) {
      throw new IllegalArgumentException(
          "EngagementKind.name must be 1 to " + MAX_LENGTH + " chars, was " + name.length());
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == '_' || c == '.' || c == '-';
      if (!ok) {
        throw new IllegalArgumentException(
            "EngagementKind.name may only use [A-Za-z0-9_.-], found '" + c + "' at index " + i);
      }
    }
  }

  /**
   * Returns the kind with the given name.
   *
   * @param name the name, as the canonical constructor
   * @return the kind
   * @throws IllegalArgumentException as the canonical constructor
   */
  public static EngagementKind of(String name) {
    return new EngagementKind(name);
  }

  /**
   * Compares kinds by name.
   *
   * @param other the other kind
   * @return the order of the names, by {@link String#compareTo(String)}
   */
  @Override
  public int compareTo(EngagementKind other) {
    return name.compareTo(other.name);
  }

  @Override
  public String toString() {
    return name;
  }
}
