package dev.masthead.core;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** Argument checks shared by the model's compact constructors. */
final class Checks {
  private Checks() {}

  /** A required single-line text: not null, not blank, at most {@code maxChars} UTF-16 chars. */
  static String text(String field, @Nullable String value, int maxChars) {
    Objects.requireNonNull(value, field);
    if (value.isBlank()) {
      throw new IllegalArgumentException(field + " must not be blank");
    }
    return optionalText(field, value, maxChars);
  }

  /** An optional text: null stays null; otherwise at most {@code maxChars} UTF-16 chars. */
  static @Nullable String optionalText(String field, @Nullable String value, int maxChars) {
    if (value != null && value.length() > maxChars) {
      throw new IllegalArgumentException(
          field + " must be at most " + maxChars + " chars, was " + value.length());
    }
    return value;
  }

  /** An absolute http or https URI, or null. */
  static @Nullable URI webUrl(String field, @Nullable URI value) {
    if (value == null) {
      return null;
    }
    String scheme = value.getScheme();
    if (!value.isAbsolute()
        || scheme == null
        || !(scheme.toLowerCase(Locale.ROOT).equals("http") || scheme.toLowerCase(Locale.ROOT).equals("https"))
        || value.getHost() == null) {
      throw new IllegalArgumentException(field + " must be an absolute http or https URL with a host, was " + value);
    }
    return value;
  }
}
