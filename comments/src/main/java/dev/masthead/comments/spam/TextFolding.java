package dev.masthead.comments.spam;

import dev.masthead.core.StreamSafe;
import java.text.Normalizer;
import java.util.Locale;
import org.jsoup.parser.Parser;

/**
 * Folds text so that disguised words match their plain form: HTML character references decoded, Unicode
 * NFKC (full-width and other compatibility forms to plain ones), invisible format characters (zero-width
 * space and joiners, U+FEFF, bidi controls) and combining marks removed, common confusable Cyrillic and
 * Greek letters mapped to the Latin letters they imitate, and lower case in the root locale.
 */
final class TextFolding {
  private TextFolding() {}

  static String fold(String text) {
    if (isPlainAscii(text)) {
      return text.toLowerCase(Locale.ROOT); // nothing to decode, decompose or map: the common case, made cheap
    }
    String decoded = StreamSafe.of(text.indexOf('&') >= 0 ? Parser.unescapeEntities(text, false) : text);
    String nfkc = Normalizer.normalize(decoded, Normalizer.Form.NFKD);
    StringBuilder sb = new StringBuilder(nfkc.length());
    for (int i = 0; i < nfkc.length(); ) {
      int cp = nfkc.codePointAt(i);
      i += Character.charCount(cp);
      int type = Character.getType(cp);
      if (type == Character.FORMAT || type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
          || type == Character.SURROGATE || type == Character.CONTROL && cp != '\n' && cp != '\t') {
        continue;
      }
      int lower = Character.toLowerCase(cp);
      sb.appendCodePoint(confusable(lower));
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
    StringBuilder sb = new StringBuilder(text.length());
    boolean space = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        space = sb.length() > 0;
      } else {
        if (space) {
          sb.append(' ');
          space = false;
        }
        sb.append(c);
      }
    }
    return sb.toString();
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
