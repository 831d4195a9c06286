package dev.masthead.core;

import java.util.Objects;

/**
 * Bounds runs of combining marks, so that Unicode normalization stays linear in the length of any text.
 *
 * <p>A base letter followed by thousands of combining marks ("Zalgo" text) makes the JDK's
 * {@link java.text.Normalizer} reorder the run at a cost that grows with its square: a 65,000-character comment of
 * stacked accents took seconds to normalize. Unicode's Stream-Safe Text Format (UAX #15, section 13) caps a run
 * of non-starters at {@value #MAX_COMBINING_MARKS}; no real text in any script needs more. {@link #of(String)}
 * keeps the first {@value #MAX_COMBINING_MARKS} marks of each run and drops the rest (UAX #15 inserts a combining
 * grapheme joiner instead; dropping keeps no invisible character in the text). Every other character, emoji and
 * scripts included, is kept as it is.
 *
 * <p>Thread-safe: every method is a pure function.
 */
public final class StreamSafe {
  /** The most combining marks kept in a row: 30, as UAX #15's Stream-Safe Text Format. */
  public static final int MAX_COMBINING_MARKS = 30;

  private StreamSafe() {}

  /**
   * Returns the text with every run of combining marks (Unicode categories Mn, Mc and Me) cut to
   * {@value #MAX_COMBINING_MARKS}.
   *
   * @param text any string
   * @return the same string if no run is longer, otherwise the text without the excess marks
   * @throws NullPointerException if {@code text} is null
   */
  public static String of(String text) {
    Objects.requireNonNull(text, "text");
    int run = 0;
    int n = text.length();
    for (int i = 0; i < n; ) {
      int cp = text.codePointAt(i);
      int size = Character.charCount(cp);
      if (isMark(cp)) {
        if (++run > MAX_COMBINING_MARKS) {
          return cut(text, i);
        }
      } else {
        run = 0;
      }
      i += size;
    }
    return text;
  }

  private static String cut(String text, int from) {
    StringBuilder sb = new StringBuilder(text.length());
    sb.append(text, 0, from);
    int run = MAX_COMBINING_MARKS + 1;
    for (int i = from; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (isMark(cp)) {
        if (++run > MAX_COMBINING_MARKS) {
          continue;
        }
      } else {
        run = 0;
      }
      sb.appendCodePoint(cp);
    }
    return sb.toString();
  }

  private static boolean isMark(int cp) {
    if (cp < 0x300) {
      return false;
    }
    int type = Character.getType(cp);
    return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
        || type == Character.ENCLOSING_MARK;
  }
}
