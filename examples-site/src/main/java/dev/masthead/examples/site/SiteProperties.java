package dev.masthead.examples.site;

import java.time.Duration;
import java.time.ZoneId;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The site's own settings, {@code masthead.site.*} (Masthead's own settings are the starter's).
 *
 * @param zone the newsroom's time zone, for datelines and comment times (default America/New_York)
 * @param sampleEngagement whether thirty days of made-up engagement are replayed at start so the boxes are not
 *     empty (default true; off for a site that shares a Redis with others, which would count them twice)
 * @param moderatorUser the moderator's user name (default {@code moderator})
 * @param moderatorPassword the moderator's password, or {@code null} to generate one and print it at start
 * @param siteSecret the secret of form tokens, visitor ids and the flood and duplicate fingerprints, at least
 *     32 characters, the same on every server of a site; {@code null} for a random one per process (fine for one
 *     server in memory, refused with Redis)
 * @param commentsPerPage how many top-level comments a page of the thread shows (default 10)
 * @param rankingCacheTtl how long a box's ranking is cached (default 30 s, as the ranking engine's)
 */
@ConfigurationProperties("masthead.site")
public record SiteProperties(
    @DefaultValue("America/New_York") ZoneId zone,
    @DefaultValue("true") boolean sampleEngagement,
    @DefaultValue("moderator") String moderatorUser,
    @Nullable String moderatorPassword,
    @Nullable String siteSecret,
    @DefaultValue("10") int commentsPerPage,
    @DefaultValue("30s") Duration rankingCacheTtl) {

  /**
   * Checks the values.
   *
   * @throws IllegalArgumentException if the secret is shorter than 32 characters or a page holds no comment
   */
  public SiteProperties {
    if (siteSecret != null && !siteSecret.isBlank() && siteSecret.length() < 32) {
      throw new IllegalArgumentException("masthead.site.site-secret must be at least 32 characters, was "
          + siteSecret.length());
    }
    if (commentsPerPage < 1 || commentsPerPage > 100) {
      throw new IllegalArgumentException("masthead.site.comments-per-page must be in [1, 100], was " + commentsPerPage);
    }
  }
}
