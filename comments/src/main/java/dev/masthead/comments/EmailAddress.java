package dev.masthead.comments;

import java.net.IDN;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The email rule: the practical subset of RFC 5321/5322 that mail systems accept from a web form, checked by a
 * single left-to-right scan (no regular expression, so no backtracking; cost linear in the input).
 *
 * <ul>
 *   <li>exactly one {@code @}; no white space, no quotes, no comments, no {@code Name <addr>} form;</li>
 *   <li>local part: 1 to 64 ASCII characters of RFC 5322's {@code atext} (letters, digits and
 *       {@code !#$%&'*+-/=?^_`{|}~}) and dots, a dot neither first, last nor doubled; plus-addressing
 *       ({@code jane+news@example.com}) is accepted; case is kept;</li>
 *   <li>domain: two labels or more, each 1 to 63 letters, digits and hyphens, not starting or ending with a
 *       hyphen, the last label not all digits (no IP addresses, no address literals), at most 253 characters;
 *       an internationalized domain is converted to ASCII (punycode) with {@link IDN#toASCII(String, int)}
 *       under the STD3 rules; the domain is lower-cased;</li>
 *   <li>the whole address in ASCII form at most 254 characters (RFC 5321's path limit less the angle
 *       brackets).</li>
 * </ul>
 *
 * <p>With SMTPUTF8 (RFC 6531, {@link CommentPolicy#smtpUtf8()}), the local part may also hold letters, marks and
 * digits of any script ({@code jörg}, {@code 用户}), RFC 6531's {@code UTF8-non-ascii} narrowed to what names
 * are made of (no symbols, no look-alike punctuation such as a full-width {@code @}); the 64 and 254 limits
 * are then counted in UTF-8 bytes, as RFC 6531 counts octets.
 */
final class EmailAddress {
  static final int MAX_LOCAL_PART = 64;
  static final int MAX_ADDRESS = 254;
  static final int MAX_DOMAIN = 253;
  static final int MAX_LABEL = 63;

  private EmailAddress() {}

  /**
   * Returns the address in stored form (domain lower-case ASCII), or null if it is not an accepted address.
   *
   * @param value a normalized single-line value (no controls, no invisible characters, trimmed)
   */
  static @Nullable String normalize(String value, boolean smtpUtf8) {
    int at = -1;
    int length = value.length();
    if (length > 4 * (MAX_ADDRESS + 1)) {
      return null; // longer than any accepted address can be in any form
    }
    for (int i = 0; i < length; i++) {
      if (value.charAt(i) == '@') {
        if (at >= 0) {
          return null;
        }
        at = i;
      }
    }
    if (at <= 0 || at == length - 1 || at > MAX_LOCAL_PART) {
      return null;
    }
    String local = value.substring(0, at);
    if (!isLocalPart(local, smtpUtf8)) {
      return null;
    }
    String domain = hostName(value.substring(at + 1));
    if (domain == null) {
      return null;
    }
    String address = local + '@' + domain;
    return utf8Length(address) <= MAX_ADDRESS ? address : null;
  }

  private static boolean isLocalPart(String local, boolean smtpUtf8) {
    if (local.isEmpty() || utf8Length(local) > MAX_LOCAL_PART) {
      return false;
    }
    int previous = '.'; // a leading dot is refused like a doubled one
    for (int i = 0; i < local.length(); ) {
      int c = local.codePointAt(i);
      i += Character.charCount(c);
      if (c == '.') {
        if (previous == '.') {
          return false;
        }
      } else if (c < 0x80 ? !isAtext((char) c) : !(smtpUtf8 && isUnicodeNameChar(c))) {
        return false;
      }
      previous = c;
    }
    return previous != '.';
  }

  /** A letter, mark or digit beyond ASCII: what names in any script are made of. */
  private static boolean isUnicodeNameChar(int cp) {
    if (Character.isLetterOrDigit(cp)) {
      return true;
    }
    int type = Character.getType(cp);
    return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK;
  }

  /** The length of a string in UTF-8 bytes (lone surrogates, which normalization removed, count 3). */
  private static int utf8Length(String s) {
    int bytes = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        bytes++;
      } else if (c < 0x800) {
        bytes += 2;
      } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
        bytes += 4;
        i++;
      } else {
        bytes += 3;
      }
    }
    return bytes;
  }

  private static boolean isAtext(char c) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
      return true;
    }
    return "!#$%&'*+-/=?^_`{|}~".indexOf(c) >= 0;
  }

  /**
   * Returns a DNS host name of two labels or more in lower-case ASCII, converting an internationalized name
   * with IDNA, or null if {@code host} is not one. Shared with the website rule.
   */
  static @Nullable String hostName(String host) {
    if (host.isEmpty() || host.length() > MAX_DOMAIN) {
      return null;
    }
    String ascii;
    if (isAscii(host)) {
      ascii = host.toLowerCase(Locale.ROOT);
    } else {
      try {
        ascii = IDN.toASCII(host, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
      } catch (IllegalArgumentException e) {
        return null;
      }
    }
    if (ascii.isEmpty() || ascii.length() > MAX_DOMAIN) {
      return null;
    }
    int labels = 0;
    int start = 0;
    boolean lastLabelHasLetter = false;
    for (int i = 0; i <= ascii.length(); i++) {
      if (i == ascii.length() || ascii.charAt(i) == '.') {
        int labelLength = i - start;
        if (labelLength < 1 || labelLength > MAX_LABEL
            || ascii.charAt(start) == '-' || ascii.charAt(i - 1) == '-') {
          return null;
        }
        lastLabelHasLetter = false;
        for (int j = start; j < i; j++) {
          char c = ascii.charAt(j);
          if (c >= 'a' && c <= 'z') {
            lastLabelHasLetter = true;
          } else if (!((c >= '0' && c <= '9') || c == '-')) {
            return null;
          }
        }
        labels++;
        start = i + 1;
      }
    }
    return labels >= 2 && lastLabelHasLetter ? ascii : null;
  }

  private static boolean isAscii(String value) {
    for (int i = 0; i < value.length(); i++) {
      if (value.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }
}
