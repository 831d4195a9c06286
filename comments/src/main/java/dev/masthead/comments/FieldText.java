package dev.masthead.comments;

import dev.masthead.core.StreamSafe;
import java.text.Normalizer;

/**
 * Normalization of form values: one linear pass that removes what must go, then Unicode NFC. Every method
 * accepts any string (lone surrogates, NUL, megabytes) and stops early once a value is certainly over its
 * length limit, so that the cost of an oversized value is bounded by its limit, not its length.
 */
final class FieldText {
  private FieldText() {}

  /** A normalized value, or the fact that it is longer than its limit (then {@code value} is empty). */
  record Normalized(String value, boolean tooLong) {
    static final Normalized TOO_LONG = new Normalized("", true);
  }

  /**
   * Normalizes a single-line field (name, email, URL, ids, headers): removes control characters, invisible
   * format characters and other default-ignorable code points and lone surrogates; maps every kind of white
   * space to U+0020; applies NFC; trims; and, if {@code collapse}, turns runs of spaces into one.
   *
   * @param raw the raw value, or null for empty
   * @param maxCodePoints the limit on the result
   */
  static Normalized singleLine(@org.jspecify.annotations.Nullable String raw, int maxCodePoints, boolean collapse) {
    if (raw == null || raw.isEmpty()) {
      return new Normalized("", false);
    }
    // Fast path for printable text below U+0300 (Latin, digits, punctuation) with single spaces: nothing to
    // remove, already NFC, one char per code point. No two such chars compose with each other under NFC, so
    // once more than maxCodePoints of them are seen the value is too long, whatever follows.
    int plainVisible = 0;
    char previous = 'x';
    boolean plain = true;
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c < 0x20 || (c >= 0x7F && c <= 0xA0) || c == 0xAD || c >= 0x300 || (collapse && c == ' ' && previous == ' ')) {
        plain = false;
        break;
      }
      if (c != ' ' && ++plainVisible > maxCodePoints) {
        return Normalized.TOO_LONG;
      }
      previous = c;
    }
    if (plain) {
      String value = raw.strip();
      return value.length() > maxCodePoints ? Normalized.TOO_LONG : new Normalized(value, false);
    }
    StringBuilder out = new StringBuilder(Math.min(raw.length(), 1024));
    long visible = 0;
    boolean lastSpace = true; // leading spaces are dropped
    int length = raw.length();
    for (int i = 0; i < length; ) {
      char c = raw.charAt(i);
      int cp;
      if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(raw.charAt(i + 1))) {
        cp = Character.toCodePoint(c, raw.charAt(i + 1));
        i += 2;
      } else {
        cp = c;
        i++;
        if (Character.isSurrogate(c)) {
          continue; // a lone surrogate
        }
      }
      if (isWhiteSpace(cp)) {
        if (collapse && lastSpace) {
          continue;
        }
        out.append(' ');
        lastSpace = true;
        continue;
      }
      if (isInvisible(cp)) {
        continue;
      }
      out.appendCodePoint(cp);
      lastSpace = false;
      if (++visible > maxCodePoints) {
        return Normalized.TOO_LONG;
      }
    }
    String value = nfc(out.toString()).strip();
    if (value.codePointCount(0, value.length()) > maxCodePoints) {
      return Normalized.TOO_LONG;
    }
    return new Normalized(value, false);
  }

  /**
   * Normalizes a comment: line endings ({@code \r\n}, {@code \r}, U+0085, U+2028, U+2029) become {@code \n};
   * control characters other than tab and line feed, lone surrogates, U+FEFF and the noncharacters U+FFFE and
   * U+FFFF are removed; then NFC and trimming. Emoji, joiners, variation selectors, bidi marks and every
   * script are kept.
   */
  static Normalized content(@org.jspecify.annotations.Nullable String raw, int maxCodePoints) {
    if (raw == null || raw.isEmpty()) {
      return new Normalized("", false);
    }
    String filtered = filterContent(raw, maxCodePoints);
    if (filtered == null) {
      return Normalized.TOO_LONG;
    }
    String value = nfc(filtered).strip();
    if (value.codePointCount(0, value.length()) > maxCodePoints) {
      return Normalized.TOO_LONG;
    }
    return new Normalized(value, false);
  }

  /**
   * Applies the character rules of {@link #content} (line endings, controls, U+FEFF, noncharacters, lone
   * surrogates, NFC) without trimming and without a limit. Used on text that an HTML parser decoded from
   * entities such as {@code &#1;} or {@code &#xFEFF;}.
   */
  static String contentChars(String text) {
    if (needsContentFilter(text)) {
      return nfc(java.util.Objects.requireNonNull(filterContent(text, Integer.MAX_VALUE)));
    }
    return nfc(text);
  }

  /** True if the content filter would change {@code text}. */
  private static boolean needsContentFilter(String text) {
    int length = text.length();
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      if (c < 0x20) {
        if (c != '\n' && c != '\t') {
          return true;
        }
      } else if (c >= 0x7F) {
        if (c <= 0x9F || c == 0x2028 || c == 0x2029 || c == 0xFEFF || c == 0xFFFE || c == 0xFFFF) {
          return true;
        }
        if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
          i++;
        } else if (Character.isSurrogate(c)) {
          return true;
        }
      }
    }
    return false;
  }

  /** The content character filter; null as soon as more than {@code maxCodePoints} non-space code points are kept. */
  private static @org.jspecify.annotations.Nullable String filterContent(String raw, int maxCodePoints) {
    if (raw.length() <= maxCodePoints && !needsContentFilter(raw)) {
      return raw;
    }
    StringBuilder out = new StringBuilder(Math.min(raw.length(), 1 << 16));
    long nonSpace = 0;
    int length = raw.length();
    for (int i = 0; i < length; ) {
      char c = raw.charAt(i);
      int cp;
      if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(raw.charAt(i + 1))) {
        cp = Character.toCodePoint(c, raw.charAt(i + 1));
        i += 2;
      } else {
        cp = c;
        i++;
        if (Character.isSurrogate(c)) {
          continue;
        }
      }
      if (cp == '\r') {
        if (i < length && raw.charAt(i) == '\n') {
          i++;
        }
        out.append('\n');
        continue;
      }
      if (cp == '\n' || cp == 0x85 || cp == 0x2028 || cp == 0x2029) {
        out.append('\n');
        continue;
      }
      if (cp == '\t') {
        out.append('\t');
        continue;
      }
      if (Character.getType(cp) == Character.CONTROL || cp == 0xFEFF || cp == 0xFFFE || cp == 0xFFFF) {
        continue;
      }
      out.appendCodePoint(cp);
      if (!isWhiteSpace(cp) && ++nonSpace > maxCodePoints) {
        return null;
      }
    }
    return out.toString();
  }

  /** Cuts {@code value} to at most {@code maxCodePoints} code points. */
  static String truncate(String value, int maxCodePoints) {
    if (value.length() <= maxCodePoints) {
      return value;
    }
    int count = value.codePointCount(0, value.length());
    if (count <= maxCodePoints) {
      return value;
    }
    return value.substring(0, value.offsetByCodePoints(0, maxCodePoints)).strip();
  }

  /** True if {@code text} has a code point that a reader can see: not white space, not invisible. */
  static boolean hasVisible(String text) {
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      int type = Character.getType(cp);
      // a combining mark alone shows nothing either: it needs a base character
      if (!isWhiteSpace(cp) && !isInvisible(cp) && type != Character.NON_SPACING_MARK
          && type != Character.ENCLOSING_MARK) {
        return true;
      }
    }
    return false;
  }

  /** White space of any kind, including no-break spaces and line and paragraph separators. */
  static boolean isWhiteSpace(int cp) {
    return Character.isWhitespace(cp) || Character.isSpaceChar(cp) || cp == 0x85;
  }

  /**
   * A code point that shows nothing: controls, format characters (zero-width space and joiners, bidi
   * controls, U+FEFF, tags), surrogates, noncharacters and the other default-ignorable code points (fillers,
   * variation selectors, combining grapheme joiner, the reserved U+2065 and U+FFF0 to U+FFF8), a superset of
   * Unicode's Default_Ignorable_Code_Point, which {@code FieldTextTest} checks against ICU4J.
   */
  static boolean isInvisible(int cp) {
    int type = Character.getType(cp);
    if (type == Character.CONTROL || type == Character.FORMAT || type == Character.SURROGATE) {
      return true;
    }
    return cp == 0x034F
        || cp == 0x2800 // braille pattern blank, used as an invisible filler
        || cp == 0x115F
        || cp == 0x1160
        || cp == 0x17B4
        || cp == 0x17B5
        || (cp >= 0x180B && cp <= 0x180F)
        || cp == 0x3164
        || (cp >= 0xFE00 && cp <= 0xFE0F)
        || cp == 0xFFA0
        || (cp & 0xFFFE) == 0xFFFE
        || (cp >= 0xFDD0 && cp <= 0xFDEF)
        || cp == 0x2065 // reserved default-ignorable code points, unassigned in the JDK's Unicode data
        || (cp >= 0xFFF0 && cp <= 0xFFF8)
        || (cp >= 0xE0000 && cp <= 0xE0FFF);
  }

  private static String nfc(String value) {
    boolean belowCombiningMarks = true;
    for (int i = 0; i < value.length(); i++) {
      if (value.charAt(i) >= 0x300) {
        belowCombiningMarks = false;
        break;
      }
    }
    if (belowCombiningMarks) {
      return value; // no character below U+0300 decomposes or combines: the text is NFC already
    }
    String bounded = StreamSafe.of(value); // keeps normalization linear: no run of more than 30 marks
    return Normalizer.isNormalized(bounded, Normalizer.Form.NFC)
        ? bounded
        : Normalizer.normalize(bounded, Normalizer.Form.NFC);
  }
}
