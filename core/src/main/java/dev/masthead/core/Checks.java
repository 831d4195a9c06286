package dev.masthead.core;

import java.net.URI;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** Argument checks shared by the model's compact constructors. */
final class Checks {
  private Checks() {}

  /** A required single-line text: not null, not blank, at most {@code maxChars} UTF-16 chars. */
  static String text(String field, @Nullable String value, int maxChars) {
    Objects.requireNonNull(value, field);
    if (!hasVisible(value)) {
      throw new IllegalArgumentException(field + " must not be blank (white space or invisible characters only)");
    }
    return optionalText(field, value, maxChars);
  }

  /** Whether the text has a character that shows: not white space, a control, a format character or a mark. */
  static boolean hasVisible(String value) {
    for (int i = 0; i < value.length(); ) {
      int cp = value.codePointAt(i);
      i += Character.charCount(cp);
      int type = Character.getType(cp);
      if (!Character.isWhitespace(cp) && !Character.isSpaceChar(cp) && type != Character.CONTROL
          && type != Character.FORMAT && type != Character.SURROGATE && type != Character.UNASSIGNED
          && type != Character.NON_SPACING_MARK && type != Character.ENCLOSING_MARK && cp != 0x2800
          && cp != 0x3164 && cp != 0x115F && cp != 0x1160 && cp != 0xFFA0) {
        return true;
      }
    }
    return false;
  }

  /** The earliest and latest instants an article may carry: years 1 to 9999, which every date format can print. */
  static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
  static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999999Z");

  static @Nullable Instant instant(String field, @Nullable Instant value) {
    if (value != null && (value.isBefore(EARLIEST) || value.isAfter(LATEST))) {
      throw new IllegalArgumentException(field + " must be within the years 1 to 9999, was " + value);
    }
    return value;
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
