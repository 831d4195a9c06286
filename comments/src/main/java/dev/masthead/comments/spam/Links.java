package dev.masthead.comments.spam;

import dev.masthead.comments.Comment;
import java.net.IDN;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Finds the links of a comment: the {@code href} of each anchor, and each bare URL in its plain text
 * ({@code http://…}, {@code https://…}, {@code www.…}, or a host name ending in a well-known top-level domain
 * such as {@code example.com/path}). Each distinct link counts once, compared by its normalized form (lower-case
 * host, no scheme, no {@code www.}, no trailing slash), so an anchor whose text repeats its URL counts once.
 * Emoticons and smileys ({@code :-)}, {@code o.O}, {@code ^.^}, {@code 8.)}) are not links: a bare host needs
 * a label of two or more letters or digits and a known top-level domain.
 */
final class Links {
  /** Well-known top-level domains for bare-host detection; schemes and www. need none. */
  private static final Set<String> TLDS = Set.of(
      "com", "net", "org", "info", "biz", "io", "co", "ly", "me", "tv", "us", "uk", "de", "fr", "ru", "cn",
      "br", "in", "it", "es", "nl", "pl", "au", "ca", "jp", "kr", "eu", "xyz", "top", "online", "site", "club",
      "shop", "store", "app", "dev", "gl", "gg", "be", "to", "tk", "ml", "ga", "cf", "pw", "cc", "ws", "su",
      "live", "link", "click", "win", "bid", "loan", "vip", "fun", "icu", "buzz", "today", "news", "blog");

  private Links() {}

  /** The distinct normalized links of a comment: anchors first, then bare URLs in the text. */
  static Set<String> of(Comment comment) {
    Set<String> links = new LinkedHashSet<>();
    for (String href : comment.links()) {
      if (!href.regionMatches(true, 0, "mailto:", 0, 7)) {
        links.add(normalize(href));
      }
    }
    String text = comment.contentText();
    int n = Math.min(text.length(), 200_000);
    int i = 0;
    while (i < n) {
      while (i < n && isSeparator(text.charAt(i))) {
        i++;
      }
      int start = i;
      while (i < n && !isSeparator(text.charAt(i))) {
        i++;
      }
      if (i > start) {
        String token = trimPunctuation(text.substring(start, i));
        if (isBareLink(token)) {
          links.add(normalize(token));
        }
      }
    }
    return links;
  }

  private static boolean isSeparator(char c) {
    return Character.isWhitespace(c) || c == '"' || c == '<' || c == '>' || c == '(' || c == ')' || c == '['
        || c == ']' || c == '{' || c == '}';
  }

  private static String trimPunctuation(String token) {
    int end = token.length();
    while (end > 0 && ".,;:!?'".indexOf(token.charAt(end - 1)) >= 0) {
      end--;
    }
    return token.substring(0, end);
  }

  static boolean isBareLink(String token) {
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
    String host = host(lower);
    int dot = host.lastIndexOf('.');
    if (dot <= 0 || dot == host.length() - 1) {
      return false;
    }
    String tld = host.substring(dot + 1);
    String label = host.substring(host.lastIndexOf('.', dot - 1) + 1, dot);
    return TLDS.contains(tld) && label.length() >= 2 && label.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '-')
        && label.chars().anyMatch(Character::isLetterOrDigit);
  }

  /** The host of a link: after any scheme, before any path, query or port. */
  static String host(String link) {
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
    for (char c : new char[] {'/', '?', '#', ':'}) {
      int k = s.indexOf(c);
      if (k >= 0) {
        s = s.substring(0, k);
      }
    }
    if (s.startsWith("www.")) {
      s = s.substring(4);
    }
    try {
      return IDN.toASCII(s, IDN.ALLOW_UNASSIGNED);
    } catch (IllegalArgumentException e) {
      return s;
    }
  }

  static String normalize(String link) {
    String s = link.trim();
    String lower = s.toLowerCase(Locale.ROOT);
    int scheme = lower.indexOf("://");
    String rest = scheme >= 0 ? s.substring(scheme + 3) : s;
    String host = host(s);
    int slash = rest.indexOf('/');
    String path = slash >= 0 ? rest.substring(slash) : "";
    while (path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    return host + path;
  }
}
