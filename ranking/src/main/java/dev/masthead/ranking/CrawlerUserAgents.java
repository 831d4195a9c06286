package dev.masthead.ranking;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.jspecify.annotations.Nullable;

/**
 * Recognises crawlers by their user agent, from a list of regular expressions, each matched
 * case-insensitively and only where it starts at a word boundary: at the start of the user agent, after a
 * character that is not a letter or digit, or with a pattern that itself starts with such a character. So
 * {@code bot} matches "Some bot/1.0" and "Bot-X" but not the phone "CUBOT X30", and {@code Googlebot\/}
 * matches "compatible; Googlebot/2.1". The default list is Monperrus' crawler-user-agents (MIT, shipped as
 * a resource with its licence; see {@code crawler-user-agents.SOURCE.md}).
 *
 * <p>Patterns that are plain text once their escapes are removed (1,463 of the 1,500 shipped) are looked up
 * by their first two lower-cased characters at each boundary of the user agent, so a check costs about one
 * probe per word; the others are joined into one regular expression. Answers are cached per user agent
 * (10,000 of them, Caffeine), since a site sees the same few hundred browsers again and again. Thread-safe.
 */
final class CrawlerUserAgents {
  static final String RESOURCE = "crawler-user-agents.json";

  private final Map<Integer, List<String>> literalsByPrefix = new HashMap<>();
  private final List<String> shortLiterals = new ArrayList<>();
  private final @Nullable Pattern others;
  private final boolean empty;
  private final Cache<String, Boolean> answers = Caffeine.newBuilder().maximumSize(10_000).build();

  CrawlerUserAgents(List<String> patterns) {
    List<String> regexes = new ArrayList<>();
    for (String p : patterns) {
      String literal = literal(p);
      if (literal == null) {
        regexes.add(p);
      } else if (literal.length() < 2) {
        shortLiterals.add(literal.toLowerCase(Locale.ROOT));
      } else {
        String lower = literal.toLowerCase(Locale.ROOT);
        literalsByPrefix.computeIfAbsent(prefix(lower, 0), k -> new ArrayList<>()).add(lower);
      }
    }
    if (regexes.isEmpty()) {
      others = null;
    } else {
      StringBuilder b = new StringBuilder("(?:^|(?<![\\p{L}\\p{N}])|(?=[^\\p{L}\\p{N}]))(?:");
      for (int i = 0; i < regexes.size(); i++) {
        b.append(i == 0 ? "" : "|").append("(?:").append(regexes.get(i)).append(')');
      }
      others = Pattern.compile(b.append(')').toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }
    empty = patterns.isEmpty();
  }

  /** Returns the checker for the shipped list. */
  static CrawlerUserAgents shipped() {
    return new CrawlerUserAgents(shippedPatterns());
  }

  /** The shipped patterns, read once (an immutable constant, not state). */
  private static final class Shipped {
    static final List<String> PATTERNS = load();
  }

  /** Returns the shipped patterns, in the list's order. */
  static List<String> shippedPatterns() {
    return Shipped.PATTERNS;
  }

  private static List<String> load() {
    try (InputStream in = CrawlerUserAgents.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the crawler list " + RESOURCE + " is missing from the ranking jar");
      }
      JsonNode list = new ObjectMapper().readTree(in);
      List<String> out = new ArrayList<>(list.size());
      for (JsonNode entry : list) {
        out.add(entry.get("pattern").asText());
      }
      return List.copyOf(out);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the crawler list " + RESOURCE, e);
    }
  }

  /** Copies and checks host patterns: none blank, each a valid regular expression. */
  static List<String> checkPatterns(List<String> patterns) {
    List<String> copy = List.copyOf(patterns);
    for (String p : copy) {
      if (p.isBlank()) {
        throw new IllegalArgumentException("crawlerPatterns must not hold a blank pattern");
      }
      try {
        Pattern.compile(p);
      } catch (PatternSyntaxException e) {
        throw new IllegalArgumentException("crawlerPatterns holds an invalid regular expression: " + p, e);
      }
    }
    return copy;
  }

  /** Returns the text a pattern matches if it is plain text once escapes are removed, else null. */
  static @Nullable String literal(String pattern) {
    StringBuilder b = new StringBuilder(pattern.length());
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '\\') {
        if (i + 1 == pattern.length()) {
          return null;
        }
        char n = pattern.charAt(++i);
        if (Character.isLetterOrDigit(n)) {
          return null; // \d, \s, \b and friends are classes, not escapes
        }
        b.append(n);
      } else if ("^$.*+?()[]{}|".indexOf(c) >= 0) {
        return null;
      } else {
        b.append(c);
      }
    }
    return b.isEmpty() ? null : b.toString();
  }

  private static int prefix(String s, int i) {
    return (s.charAt(i) << 16) | s.charAt(i + 1);
  }

  private static boolean wordChar(char c) {
    return Character.isLetterOrDigit(c);
  }

  boolean isEmpty() {
    return empty;
  }

  boolean isCrawler(String userAgent) {
    Boolean known = answers.getIfPresent(userAgent);
    if (known != null) {
      return known;
    }
    boolean crawler = check(userAgent);
    answers.put(userAgent, crawler);
    return crawler;
  }

  private boolean check(String userAgent) {
    String ua = userAgent.toLowerCase(Locale.ROOT);
    for (int i = 0; i < ua.length(); i++) {
      boolean boundary = i == 0 || !wordChar(ua.charAt(i - 1)) || !wordChar(ua.charAt(i));
      if (!boundary) {
        continue;
      }
      for (String s : shortLiterals) {
        if (ua.startsWith(s, i)) {
          return true;
        }
      }
      if (i + 1 < ua.length()) {
        List<String> candidates = literalsByPrefix.get(prefix(ua, i));
        if (candidates != null) {
          for (String l : candidates) {
            if (ua.startsWith(l, i)) {
              return true;
            }
          }
        }
      }
    }
    if (others == null) {
      return false;
    }
    Matcher m = others.matcher(userAgent);
    return m.find();
  }

  @Override
  public String toString() {
    return "CrawlerUserAgents[" + (literalsByPrefix.values().stream().mapToInt(List::size).sum()
        + shortLiterals.size()) + " literals, " + (others == null ? 0 : 1) + " joined expression]";
  }
}
