package dev.masthead.comments.links;

import com.google.common.net.InternetDomainName;
import java.net.IDN;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The one link detector of the comments module: the validator fills {@code Comment.links()} with it, and the
 * link check and the spam classifier's features count what it found. Not exported: the module's API is the
 * validated comment's list.
 *
 * <p>A link is the {@code href} of an http or https anchor, or a bare URL in the plain text: {@code http://…},
 * {@code https://…}, {@code www.…}, or a host name under a public suffix, on any top-level domain of the public
 * suffix list that Guava's {@link InternetDomainName} bundles ({@code example.pl/path}, {@code shop.co},
 * {@code news.com.au}). Each distinct link counts once, compared by its normalized form (lower-case host in
 * ASCII, no scheme, no {@code www.}, no trailing slash), so an anchor whose text repeats its URL counts once.
 *
 * <p>Not links: emoticons ({@code :-)}, {@code o.O}, {@code 8.)}), numbers ({@code 3.5}), abbreviations
 * ({@code e.g.}, {@code U.S.}), email addresses ({@code jo@example.com} is a contact, not a link), and two
 * sentences joined without a space where the second starts with a capital ({@code song.Love it}).
 *
 * <p>Cost: one pass over the text; only tokens with a dot or a colon are looked at further, and the public
 * suffix lookup is a hash lookup per candidate suffix. Only the first {@value #MAX_TEXT_CHARS} chars are read.
 * Stateless and thread-safe.
 */
public final class LinkFinder {
  /** How much of a text is read for bare links: {@value} chars. */
  public static final int MAX_TEXT_CHARS = 200_000;

  private LinkFinder() {}

  /**
   * Returns the distinct links of a comment: http and https anchors first, in document order, then the bare
   * URLs of the plain text, as written (anchors as their {@code href}, bare URLs without trailing punctuation).
   *
   * @param anchors the {@code href} of every anchor, in document order; {@code mailto:} and other schemes are
   *     left out
   * @param text the comment's plain text
   * @return the distinct links, at most one per normalized form
   * @throws NullPointerException if an argument is null
   */
  public static List<String> find(List<String> anchors, String text) {
    Map<String, String> links = new LinkedHashMap<>();
    for (String href : anchors) {
      String lower = href.toLowerCase(Locale.ROOT);
      if (lower.startsWith("http://") || lower.startsWith("https://")) {
        links.putIfAbsent(normalize(href), href);
      }
    }
    for (String token : bareLinks(text)) {
      links.putIfAbsent(normalize(token), token);
    }
    return List.copyOf(links.values());
  }

  /**
   * Returns the bare URLs of a plain text, as written, in order (duplicates kept).
   *
   * @param text any text
   * @return the bare URLs
   */
  public static List<String> bareLinks(String text) {
    List<String> out = new ArrayList<>(2);
    int n = Math.min(text.length(), MAX_TEXT_CHARS);
    int i = 0;
    while (i < n) {
      while (i < n && isSeparator(text.charAt(i))) {
        i++;
      }
      int start = i;
      boolean candidate = false;
      while (i < n && !isSeparator(text.charAt(i))) {
        char c = text.charAt(i);
        candidate |= c == '.' || c == ':';
        i++;
      }
      if (candidate) {
        String token = trimPunctuation(text.substring(start, i));
        if (isBareLink(token)) {
          out.add(token);
        }
      }
    }
    return out;
  }

  private static boolean isSeparator(char c) {
    return Character.isWhitespace(c) || c == '"' || c == '<' || c == '>' || c == '(' || c == ')' || c == '['
        || c == ']' || c == '{' || c == '}' || c == '|' || c == '\u00A0';
  }

  private static String trimPunctuation(String token) {
    int end = token.length();
    while (end > 0 && ".,;:!?'*".indexOf(token.charAt(end - 1)) >= 0) {
      end--;
    }
    int start = 0;
    while (start < end && "'*,;".indexOf(token.charAt(start)) >= 0) {
      start++;
    }
    return token.substring(start, end);
  }

  /**
   * Returns whether one token (no white space) is a bare link: a scheme, {@code www.}, or a host under a public
   * suffix.
   *
   * @param token a word of a text, trailing punctuation removed
   * @return whether it is a link
   */
  public static boolean isBareLink(String token) {
    if (token.indexOf('.') < 0 && token.indexOf(':') < 0) {
      return false; // most words of a comment: neither a scheme nor a host
    }
    String lower = token.toLowerCase(Locale.ROOT);
    if (lower.startsWith("http://") || lower.startsWith("https://")) {
      return lower.length() > lower.indexOf("//") + 3;
    }
    if (lower.startsWith("www.") && lower.length() > 6) {
      return true;
    }
    int at = token.indexOf('@');
    if (at >= 0 && (token.indexOf('/') < 0 || at < token.indexOf('/'))) {
      return false; // an email address or a handle: a contact, not a link
    }
    int end = endOfHost(token, 0);
    String host = token.substring(0, end);
    int dot = host.lastIndexOf('.');
    if (dot <= 0 || dot == host.length() - 1) {
      return false;
    }
    boolean path = end < token.length();
    if (!path && Character.isUpperCase(host.charAt(dot + 1)) && host.length() > dot + 2
        && Character.isLowerCase(host.charAt(dot + 2)) && Character.isLowerCase(host.charAt(dot - 1))) {
      return false; // "song.Love it": two sentences joined without a space
    }
    String label = host.substring(host.lastIndexOf('.', dot - 1) + 1, dot);
    if (label.length() < 2 || !label.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '-')) {
      return false;
    }
    return isUnderPublicSuffix(host.toLowerCase(Locale.ROOT));
  }

  /** Whether a host name is a registrable name under a public suffix of the bundled list. */
  static boolean isUnderPublicSuffix(String host) {
    String ascii;
    try {
      ascii = IDN.toASCII(host, IDN.ALLOW_UNASSIGNED);
    } catch (IllegalArgumentException e) {
      return false;
    }
    if (!InternetDomainName.isValid(ascii)) {
      return false;
    }
    InternetDomainName name = InternetDomainName.from(ascii);
    return name.isUnderPublicSuffix() && !name.publicSuffix().toString().chars().allMatch(c -> c == '.' || Character.isDigit(c));
  }

  private static int endOfHost(String s, int from) {
    int end = from;
    while (end < s.length() && "/\\?#:".indexOf(s.charAt(end)) < 0) {
      end++;
    }
    return end;
  }

  /**
   * Returns the host of a link: after any scheme and user info, before any path, query or port; lower case,
   * in ASCII (punycode), without a leading {@code www.}.
   *
   * @param link a link as {@link #find} returns it
   * @return its host
   */
  public static String host(String link) {
    String s = link.toLowerCase(Locale.ROOT);
    int scheme = s.indexOf("://");
    if (scheme >= 0) {
      s = s.substring(scheme + 3);
    }
    int at = s.indexOf('@');
    int slash = s.indexOf('/');
    if (at >= 0 && (slash < 0 || at < slash)) {
      s = s.substring(at + 1);
    }
    s = s.substring(0, endOfHost(s, 0));
    if (s.startsWith("www.")) {
      s = s.substring(4);
    }
    try {
      return IDN.toASCII(s, IDN.ALLOW_UNASSIGNED);
    } catch (IllegalArgumentException e) {
      return s;
    }
  }

  /**
   * Returns the normalized form of a link, by which two links are the same: host as {@link #host}, then the
   * path without trailing slashes.
   *
   * @param link a link
   * @return its normalized form
   */
  public static String normalize(String link) {
    String s = link.trim();
    String lower = s.toLowerCase(Locale.ROOT);
    int scheme = lower.indexOf("://");
    String rest = scheme >= 0 ? s.substring(scheme + 3) : s;
    int slash = rest.indexOf('/');
    String path = slash >= 0 ? rest.substring(slash) : "";
    int end = path.length();
    while (end > 0 && path.charAt(end - 1) == '/') {
      end--;
    }
    return host(s) + path.substring(0, end);
  }
}
