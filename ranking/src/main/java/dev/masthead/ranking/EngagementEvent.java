package dev.masthead.ranking;

import dev.masthead.core.ArticleId;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One engagement with an article: a page view, a comment, a share, or several of them at once.
 *
 * <p>The engine counts an event in the bucket of its {@code occurredAt} (event time), not of its arrival. 37
 * views of the same article in the same minute may be sent as one event of count 37.
 *
 * <p>Immutable and thread-safe.
 *
 * @param articleId the article engaged with
 * @param kind what the reader did
 * @param occurredAt when it happened, as the host observed it
 * @param count how many engagements this event stands for: at least 1 (default 1)
 * @param visitorId an opaque, stable id of the reader (a hashed cookie, never an IP address in clear), or
 *     {@code null} when unknown; used only to count a visitor once per article within a period; at most
 *     {@value #MAX_TEXT_LENGTH} chars
 * @param userAgent the HTTP {@code User-Agent} of the request, or {@code null} when unknown; used only to
 *     reject crawlers (see {@link RankingEngine.Builder#crawlerPatterns}); longer values are cut to
 *     {@value #MAX_TEXT_LENGTH} chars
 */
public record EngagementEvent(
    ArticleId articleId,
    EngagementKind kind,
    Instant occurredAt,
    long count,
    @Nullable String visitorId,
    @Nullable String userAgent) {

  /** The longest visitor id and user agent kept, in chars. */
  public static final int MAX_TEXT_LENGTH = 1_024;

  /**
   * Validates the event.
   *
   * @throws NullPointerException if {@code articleId}, {@code kind} or {@code occurredAt} is null
   * @throws IllegalArgumentException if {@code count} is less than 1 or {@code visitorId} is longer than
   *     {@value #MAX_TEXT_LENGTH} chars
   */
  public EngagementEvent {
    Objects.requireNonNull(articleId, "EngagementEvent.articleId");
    Objects.requireNonNull(kind, "EngagementEvent.kind");
    Objects.requireNonNull(occurredAt, "EngagementEvent.occurredAt");
    if (count < 1) {
      throw new IllegalArgumentException("EngagementEvent.count must be at least 1, was " + count);
    }
    if (visitorId != null && visitorId.length() > MAX_TEXT_LENGTH) {
      throw new IllegalArgumentException(
          "EngagementEvent.visitorId must be at most " + MAX_TEXT_LENGTH + " chars, was " + visitorId.length());
    }
    if (userAgent != null && userAgent.length() > MAX_TEXT_LENGTH) {
      userAgent = userAgent.substring(0, MAX_TEXT_LENGTH);
    }
  }

  /**
   * Returns an event of count 1 with no visitor id and no user agent.
   *
   * @param articleId the article
   * @param kind what the reader did
   * @param occurredAt when
   * @return the event
   * @throws NullPointerException if an argument is null
   */
  public static EngagementEvent of(ArticleId articleId, EngagementKind kind, Instant occurredAt) {
    return new EngagementEvent(articleId, kind, occurredAt, 1, null, null);
  }

  /**
   * Returns a page view of count 1.
   *
   * @param articleId the article
   * @param occurredAt when
   * @return the event
   * @throws NullPointerException if an argument is null
   */
  public static EngagementEvent view(ArticleId articleId, Instant occurredAt) {
    return of(articleId, EngagementKind.VIEW, occurredAt);
  }

  /**
   * Returns a copy of this event standing for another number of engagements.
   *
   * @param newCount at least 1
   * @return the copy
   * @throws IllegalArgumentException if {@code newCount} is less than 1
   */
  public EngagementEvent withCount(long newCount) {
    return new EngagementEvent(articleId, kind, occurredAt, newCount, visitorId, userAgent);
  }

  /**
   * Returns a copy of this event with a visitor id and a user agent.
   *
   * @param newVisitorId the visitor id, or {@code null}
   * @param newUserAgent the user agent, or {@code null}
   * @return the copy
   * @throws IllegalArgumentException if {@code newVisitorId} is too long
   */
  public EngagementEvent withVisitor(@Nullable String newVisitorId, @Nullable String newUserAgent) {
    return new EngagementEvent(articleId, kind, occurredAt, count, newVisitorId, newUserAgent);
  }
}
