package dev.masthead.comments;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The website rule, checked by a left-to-right scan (no regular expression).
 *
 * <ul>
 *   <li>the scheme must be {@code http} or {@code https} (any case); any other scheme ({@code javascript:},
 *       {@code data:}, {@code vbscript:}, {@code ftp:}, {@code mailto:}…) is refused;</li>
 *   <li>a value without a scheme ({@code example.com/blog} or {@code //example.com/blog}) is completed or
 *       refused as {@link CommentPolicy#missingScheme()} says; {@code host:port} without a scheme counts as
 *       missing the scheme;</li>
 *   <li>no white space, no user info ({@code user@host}, a phishing device), no IPv6 literal;</li>
 *   <li>the host is a DNS name of two labels or more (internationalized names converted to punycode, lower
 *       case) or an IPv4 address in dotted-quad form; the port, if any, 1 to 65535;</li>
 *   <li>path, query and fragment keep their case; characters a URI may not hold (non-ASCII, {@code "<>\^`{|}},
 *       a {@code %} not followed by two hex digits, a second {@code #}) are percent-encoded as UTF-8.</li>
 * </ul>
 */
final class WebsiteUrl {
  private WebsiteUrl() {}

  /**
   * Returns the URL in stored form, or null if it is not accepted.
   *
   * @param value a normalized single-line value, not empty
   */
  static @Nullable URI normalize(String value, CommentPolicy.MissingScheme missingScheme) {
    for (int i = 0; i < value.length(); i++) {
      if (FieldText.isWhiteSpace(value.charAt(i))) {
        return null;
      }
    }
    String scheme;
    String rest;
    int schemeEnd = schemeEnd(value);
    if (schemeEnd > 0) {
      scheme = value.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
      if (!scheme.equals("http") && !scheme.equals("https")) {
        return null;
      }
      rest = value.substring(schemeEnd + 1);
      if (!rest.startsWith("//")) {
        return null;
      }
      rest = rest.substring(2);
    } else {
      switch (missingScheme) {
        case ADD_HTTP:
          scheme = "http";
          break;
        case ADD_HTTPS:
          scheme = "https";
          break;
        default:
          return null;
      }
      rest = value.startsWith("//") ? value.substring(2) : value;
    }
    int authorityEnd = rest.length();
    for (int i = 0; i < rest.length(); i++) {
      char c = rest.charAt(i);
      if (c == '/' || c == '?' || c == '#' || c == '\\') {
        authorityEnd = i;
        break;
      }
    }
    if (authorityEnd < rest.length() && rest.charAt(authorityEnd) == '\\') {
      return null; // browsers read a backslash as a slash: an ambiguous authority
    }
    String authority = rest.substring(0, authorityEnd);
    if (authority.indexOf('@') >= 0 || authority.startsWith("[")) {
      return null;
    }
    String host = authority;
    String port = "";
    int colon = authority.lastIndexOf(':');
    if (colon >= 0) {
      host = authority.substring(0, colon);
      port = authority.substring(colon + 1);
      if (!isPort(port)) {
        return null;
      }
    }
    String asciiHost = isIpv4(host) ? host : EmailAddress.hostName(host);
    if (asciiHost == null) {
      return null;
    }
    StringBuilder url = new StringBuilder(value.length() + 16);
    url.append(scheme).append("://").append(asciiHost);
    if (!port.isEmpty()) {
      url.append(':').append(port);
    }
    appendEncoded(url, rest, authorityEnd);
    try {
      URI uri = new URI(url.toString());
      return uri.getHost() == null ? null : uri;
    } catch (URISyntaxException e) {
      return null;
    }
  }

  /** The index of the scheme's colon, or -1 if the value does not start with a scheme name and a colon. */
  private static int schemeEnd(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == ':') {
        return i;
      }
      boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
      if (i == 0 ? !letter : !(letter || (c >= '0' && c <= '9') || c == '+' || c == '-')) {
        return -1; // a dot or another character: not a scheme (example.com:8080 is a host and port)
      }
    }
    return -1;
  }

  private static boolean isPort(String port) {
    if (port.isEmpty() || port.length() > 5) {
      return false;
    }
    int value = 0;
    for (int i = 0; i < port.length(); i++) {
      char c = port.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
      value = value * 10 + (c - '0');
    }
    return value >= 1 && value <= 65_535;
  }

  /** Four decimal octets 0 to 255 without leading zeros. Shared with the client IP normalization. */
  static boolean isIpv4(String host) {
    int parts = 0;
    int start = 0;
    for (int i = 0; i <= host.length(); i++) {
      if (i == host.length() || host.charAt(i) == '.') {
        int length = i - start;
        if (length < 1 || length > 3 || (length > 1 && host.charAt(start) == '0')) {
          return false;
        }
        int octet = 0;
        for (int j = start; j < i; j++) {
          char c = host.charAt(j);
          if (c < '0' || c > '9') {
            return false;
          }
          octet = octet * 10 + (c - '0');
        }
        if (octet > 255) {
          return false;
        }
        parts++;
        start = i + 1;
      }
    }
    return parts == 4;
  }

  private static void appendEncoded(StringBuilder url, String rest, int from) {
    boolean inFragment = false;
    for (int i = from; i < rest.length(); ) {
      int cp = rest.codePointAt(i);
      i += Character.charCount(cp);
      if (cp == '#') {
        if (inFragment) {
          url.append("%23");
        } else {
          inFragment = true;
          url.append('#');
        }
      } else if (cp == '%') {
        if (i + 1 < rest.length() && isHex(rest.charAt(i)) && isHex(rest.charAt(i + 1))) {
          url.append('%');
        } else {
          url.append("%25");
        }
      } else if (cp < 0x80 && isUriChar((char) cp)) {
        url.append((char) cp);
      } else {
        for (byte b : new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8)) {
          url.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
        }
      }
    }
  }

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private static boolean isHex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }

  /** RFC 3986 unreserved, sub-delims, ':', '@', '/', '?'. */
  private static boolean isUriChar(char c) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
      return true;
    }
    return "-._~!$&'()*+,;=:@/?".indexOf(c) >= 0;
  }
}
