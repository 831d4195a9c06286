package dev.masthead.examples.site;

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
 * @param commentsPerPage how many top-level comments a page of the thread shows (default 10)
 */
@ConfigurationProperties("masthead.site")
public record SiteProperties(
    @DefaultValue("America/New_York") ZoneId zone,
    @DefaultValue("true") boolean sampleEngagement,
    @DefaultValue("moderator") String moderatorUser,
    @Nullable String moderatorPassword,
    @DefaultValue("10") int commentsPerPage) {

  /**
   * Checks the values.
   *
   * @throws IllegalArgumentException if a page would hold no comment or more than 100
   */
  public SiteProperties {
    if (commentsPerPage < 1 || commentsPerPage > 100) {
      throw new IllegalArgumentException("masthead.site.comments-per-page must be in [1, 100], was " + commentsPerPage);
    }
  }
}
