package dev.masthead.ranking;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Recognises crawlers by tokens in the user agent, compared case-insensitively. Immutable. */
final class UserAgents {
  /**
   * The default crawler tokens: the generic words most crawler user agents carry ({@code bot}, {@code crawl},
   * {@code spider}, {@code slurp}), the link-preview fetchers of social networks, and the default agents of
   * HTTP libraries and headless browsers. A short list in the spirit of the COUNTER-Robots list.
   */
  static final List<String> DEFAULT_TOKENS = List.of(
      "bot", "crawl", "spider", "slurp", "facebookexternalhit", "embedly", "bingpreview",
      "mediapartners-google", "feedfetcher", "headlesschrome", "phantomjs", "lighthouse", "pingdom",
      "python-requests", "python-urllib", "curl/", "wget/", "go-http-client", "java/", "okhttp",
      "apache-httpclient", "libwww-perl", "scrapy");

  private final String[] tokens;

  UserAgents(Set<String> tokens) {
    this.tokens = tokens.stream().map(t -> t.toLowerCase(Locale.ROOT)).sorted().toArray(String[]::new);
  }

  boolean isEmpty() {
    return tokens.length == 0;
  }

  boolean isBot(String userAgent) {
    String ua = userAgent.toLowerCase(Locale.ROOT);
    for (String t : tokens) {
      if (ua.contains(t)) {
        return true;
      }
    }
    return false;
  }
}
