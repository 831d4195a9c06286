package dev.masthead.comments.spam;

import dev.masthead.core.StreamSafe;
import java.text.Normalizer;
import java.util.Locale;
import org.jsoup.parser.Parser;

/**
 * The two forms in which term lists compare text.
 *
 * <ul>
 *   <li>{@link #normalize}: the text as written, made comparable: HTML character references decoded, Unicode
 *       NFKC (full-width and other compatibility forms to plain ones), every default-ignorable code point
 *       ({@link DefaultIgnorables}: zero-width space and joiners, bidi controls, U+FEFF, Hangul fillers,
 *       variation selectors), every other format character, controls but tab and line feed and lone
 *       surrogates removed, and lower case in the root locale. Letters of every script and their accents are
 *       kept.</li>
 *   <li>{@link #fold}: that, then combining marks (accents) removed and, if asked, the Cyrillic and Greek
 *       letters commonly used as look-alikes of Latin ones mapped to the Latin letters they imitate, so that
 *       disguised words read as their plain form.</li>
 * </ul>
 *
 * <p>Thread-safe: pure functions.
 */
final class TextFolding {
  private TextFolding() {}

  /** The text folded with look-alikes mapped: the form duplicate fingerprints and plain Latin terms use. */
  static String fold(String text) {
    return fold(text, true);
  }

  /** The text normalized, then folded (accents removed; look-alikes mapped to Latin if {@code lookAlikes}). */
  static String fold(String text, boolean lookAlikes) {
    if (isPlainAscii(text)) {
      return text.toLowerCase(Locale.ROOT); // normalize's lower case, which folding leaves as it is
    }
    return foldNormalized(normalize(text), lookAlikes);
  }

  /** The text as written, made comparable (see the class description); a cheap lower-casing for plain ASCII. */
  static String normalize(String text) {
    if (isPlainAscii(text)) {
      return text.toLowerCase(Locale.ROOT); // nothing to decode, decompose, remove or map: the common case
    }
    String decoded = StreamSafe.of(text.indexOf('&') >= 0 ? Parser.unescapeEntities(text, false) : text);
    String nfkc = Normalizer.normalize(decoded, Normalizer.Form.NFKC);
    StringBuilder sb = new StringBuilder(nfkc.length());
    for (int i = 0; i < nfkc.length(); ) {
      int cp = nfkc.codePointAt(i);
      i += Character.charCount(cp);
      int type = Character.getType(cp);
      if (DefaultIgnorables.contains(cp) || type == Character.FORMAT || type == Character.SURROGATE
          || type == Character.CONTROL && cp != '\n' && cp != '\t') {
        continue;
      }
      sb.appendCodePoint(cp);
    }
    return sb.toString().toLowerCase(Locale.ROOT);
  }

  /** Folds text that {@link #normalize} returned. */
  static String foldNormalized(String normalized, boolean lookAlikes) {
    if (isPlainAscii(normalized)) {
      return normalized;
    }
    String nfkd = Normalizer.normalize(normalized, Normalizer.Form.NFKD);
    StringBuilder sb = new StringBuilder(nfkd.length());
    for (int i = 0; i < nfkd.length(); ) {
      int cp = nfkd.codePointAt(i);
      i += Character.charCount(cp);
      int type = Character.getType(cp);
      if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK) {
        continue;
      }
      int lower = Character.toLowerCase(cp);
      sb.appendCodePoint(lookAlikes ? confusable(lower) : lower);
    }
    return Normalizer.normalize(sb, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
  }

  /** ASCII without '&' (no character reference to decode) and without control characters but tab and newline. */
  static boolean isPlainAscii(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= 0x7f || c == '&' || c < 0x20 && c != '\n' && c != '\t') {
        return false;
      }
    }
    return true;
  }

  /** The text with runs of white space collapsed to one space, trimmed; linear, no regular expression. */
  static String collapseSpaces(String text) {
    int n = text.length();
    if (isCollapsed(text)) {
      return text; // single spaces between words only: the common short field
    }
    char[] out = new char[n];
    int size = 0;
    boolean space = false;
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        space = size > 0;
      } else {
        if (space) {
          out[size++] = ' ';
          space = false;
        }
        out[size++] = c;
      }
    }
    return new String(out, 0, size);
  }

  /** Whether {@link #collapseSpaces} would return the text as it is: no white space but single inner spaces. */
  private static boolean isCollapsed(String text) {
    int n = text.length();
    boolean previousSpace = true; // no space at the start
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c == ' ') {
        if (previousSpace) {
          return false;
        }
        previousSpace = true;
      } else if (Character.isWhitespace(c)) {
        return false;
      } else {
        previousSpace = false;
      }
    }
    return n == 0 || !previousSpace;
  }

  /** Whether a lower-case letter is a Cyrillic or Greek look-alike of a Latin letter. */
  static boolean isLookAlike(int cp) {
    return confusable(cp) != cp;
  }

  /** The Latin letter a lower-case Cyrillic or Greek letter is commonly used to imitate, or the letter itself. */
  static int confusable(int cp) {
    switch (cp) {
      // Cyrillic
      case 'а': return 'a';
      case 'в': return 'b';
      case 'е': case 'ё': return 'e';
      case 'к': return 'k';
      case 'м': return 'm';
      case 'н': return 'h';
      case 'о': return 'o';
      case 'р': return 'p';
      case 'с': return 'c';
      case 'т': return 't';
      case 'у': return 'y';
      case 'х': return 'x';
      case 'і': return 'i';
      case 'ї': return 'i';
      case 'ј': return 'j';
      case 'ѕ': return 's';
      case 'ԁ': return 'd';
      case 'ԛ': return 'q';
      case 'ԝ': return 'w';
      case 'һ': return 'h';
      // Greek
      case 'α': return 'a';
      case 'β': return 'b';
      case 'ε': return 'e';
      case 'η': return 'n';
      case 'ι': return 'i';
      case 'κ': return 'k';
      case 'ν': return 'v';
      case 'ο': return 'o';
      case 'ρ': return 'p';
      case 'τ': return 't';
      case 'υ': return 'u';
      case 'χ': return 'x';
      case 'ω': return 'w';
      case 'ɡ': return 'g';
      case 'ı': return 'i';
      default: return cp;
    }
  }
}
