package dev.masthead.ranking;

import dev.masthead.core.ArticleId;
import dev.masthead.core.Section;
import dev.masthead.core.Slug;
import dev.masthead.core.Tag;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What to rank: a window, how many articles, how to score them and which to leave out.
 *
 * <p>Queries are values: equal queries share a cached result in the engine. Immutable and thread-safe.
 *
 * @param window the time window to count
 * @param limit how many articles to return: 1 to {@value #MAX_LIMIT}
 * @param scoring the scoring, or {@code null} for the engine's default
 * @param sectionSlug show only articles in this section (by {@link Section#slug()}), or {@code null} for all
 * @param tagSlug show only articles with this tag (by {@link Tag#slug()}), or {@code null} for all
 * @param excluded articles never to show (for example the one on the page)
 */
public record RankingQuery(
    Window window,
    int limit,
    @Nullable Scoring scoring,
    @Nullable String sectionSlug,
    @Nullable String tagSlug,
    Set<ArticleId> excluded) {

  /** The largest {@code limit}. */
  public static final int MAX_LIMIT = 1_000;

  /**
   * Validates the query.
   *
   * @throws NullPointerException if {@code window} or {@code excluded} (or an element) is null
   * @throws IllegalArgumentException if {@code limit} is outside 1 to {@value #MAX_LIMIT} or a slug is
   *     malformed
   */
  public RankingQuery {
    Objects.requireNonNull(window, "RankingQuery.window");
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("RankingQuery.limit must be 1 to " + MAX_LIMIT + ", was " + limit);
    }
    if (sectionSlug != null && !Slug.isWellFormed(sectionSlug)) {
      throw new IllegalArgumentException("RankingQuery.sectionSlug is not a well-formed slug: " + sectionSlug);
    }
    if (tagSlug != null && !Slug.isWellFormed(tagSlug)) {
      throw new IllegalArgumentException("RankingQuery.tagSlug is not a well-formed slug: " + tagSlug);
    }
    excluded = Set.copyOf(excluded);
  }

  /**
   * Returns a query for the top {@code limit} of a window with the engine's default scoring and no filter.
   *
   * @param window the window
   * @param limit 1 to {@value #MAX_LIMIT}
   * @return the query
   * @throws IllegalArgumentException if {@code limit} is out of range
   */
  public static RankingQuery top(Window window, int limit) {
    return new RankingQuery(window, limit, null, null, null, Set.of());
  }

  /**
   * Returns a builder for a query over a window; limit 5 until set.
   *
   * @param window the window
   * @return a new builder
   * @throws NullPointerException if {@code window} is null
   */
  public static Builder builder(Window window) {
    return new Builder(window);
  }

  /**
   * Returns the scoring to use, if the query sets one.
   *
   * @return the scoring, or empty for the engine's default
   */
  public Optional<Scoring> scoringOverride() {
    return Optional.ofNullable(scoring);
  }

  /**
   * Builds a {@link RankingQuery}. Setters check their value at once.
   *
   * <p>Not thread-safe.
   */
  public static final class Builder {
    private final Window window;
    private int limit = 5;
    private @Nullable Scoring scoring;
    private @Nullable String sectionSlug;
    private @Nullable String tagSlug;
    private final Set<ArticleId> excluded = new LinkedHashSet<>();

    private Builder(Window window) {
      this.window = Objects.requireNonNull(window, "window");
    }

    /**
     * Sets how many articles to return (default 5, as "Top 5 This Week").
     *
     * @param limit 1 to {@value RankingQuery#MAX_LIMIT}
     * @return this builder
     * @throws IllegalArgumentException if {@code limit} is out of range
     */
    public Builder limit(int limit) {
      if (limit < 1 || limit > MAX_LIMIT) {
        throw new IllegalArgumentException("limit must be 1 to " + MAX_LIMIT + ", was " + limit);
      }
      this.limit = limit;
      return this;
    }

    /**
     * Sets the scoring (default: the engine's).
     *
     * @param scoring the scoring
     * @return this builder
     * @throws NullPointerException if {@code scoring} is null
     */
    public Builder scoring(Scoring scoring) {
      this.scoring = Objects.requireNonNull(scoring, "scoring");
      return this;
    }

    /**
     * Shows only articles in a section.
     *
     * @param section the section, compared by slug
     * @return this builder
     * @throws NullPointerException if {@code section} is null
     */
    public Builder section(Section section) {
      this.sectionSlug = Objects.requireNonNull(section, "section").slug();
      return this;
    }

    /**
     * Shows only articles with a tag.
     *
     * @param tag the tag, compared by slug
     * @return this builder
     * @throws NullPointerException if {@code tag} is null
     */
    public Builder tag(Tag tag) {
      this.tagSlug = Objects.requireNonNull(tag, "tag").slug();
      return this;
    }

    /**
     * Never shows an article (for example the one on the page).
     *
     * @param id the article to leave out
     * @return this builder
     * @throws NullPointerException if {@code id} is null
     */
    public Builder exclude(ArticleId id) {
      excluded.add(Objects.requireNonNull(id, "id"));
      return this;
    }

    /**
     * Builds the query.
     *
     * @return the query
     */
    public RankingQuery build() {
      return new RankingQuery(window, limit, scoring, sectionSlug, tagSlug, excluded);
    }
  }

  /**
   * A span of time to rank over. "This week" and "the last 7 days" are different windows: on a Wednesday the
   * first covers three days, the second seven.
   *
   * <p>Every window is read from buckets, so its edges are rounded to a <em>resolution</em>: the start is
   * rounded down and the end up to the bucket resolution of the finest tier that still holds the edge (with
   * the default layout: 1 minute within the last day, 1 hour up to 90 days back, 1 day beyond; see
   * {@link RankingEngine.Builder#bucketResolution(Duration)}). {@link Ranking#coveredFrom()} and
   * {@link Ranking#coveredTo()} report the span actually counted. A window reaching back further than the
   * retention is cut to the retention.
   */
  public sealed interface Window permits Rolling, CalendarWindow, AllTime, FixedWindow {
    /**
     * Returns the rolling window of the last {@code length}: from {@code now - length} to now.
     *
     * @param length at least 1 millisecond
     * @return the window
     * @throws IllegalArgumentException if {@code length} is shorter than 1 millisecond
     */
    static Rolling last(Duration length) {
      return new Rolling(length);
    }

    /**
     * Returns the rolling window of the last {@code hours} hours.
     *
     * @param hours at least 1
     * @return the window
     * @throws IllegalArgumentException if {@code hours} is less than 1
     */
    static Rolling lastHours(long hours) {
      if (hours < 1) {
        throw new IllegalArgumentException("hours must be at least 1, was " + hours);
      }
      return new Rolling(Duration.ofHours(hours));
    }

    /**
     * Returns the rolling window of the last {@code days} days of 24 hours.
     *
     * @param days at least 1
     * @return the window
     * @throws IllegalArgumentException if {@code days} is less than 1
     */
    static Rolling lastDays(long days) {
      if (days < 1) {
        throw new IllegalArgumentException("days must be at least 1, was " + days);
      }
      return new Rolling(Duration.ofDays(days));
    }

    /**
     * Returns the calendar day that contains now in {@code zone}: from local midnight (or the first valid
     * local time after it) to the next; 23 or 25 hours long on DST change days.
     *
     * @param zone the newsroom's time zone
     * @return the window
     * @throws NullPointerException if {@code zone} is null
     */
    static CalendarWindow today(ZoneId zone) {
      return new CalendarWindow(CalendarPeriod.DAY, zone, DayOfWeek.MONDAY);
    }

    /**
     * Returns the calendar week that contains now in {@code zone}, starting at local midnight of
     * {@code firstDayOfWeek} (Monday in ISO 8601, Sunday in the United States).
     *
     * @param zone the newsroom's time zone
     * @param firstDayOfWeek the day weeks start on
     * @return the window
     * @throws NullPointerException if an argument is null
     */
    static CalendarWindow thisWeek(ZoneId zone, DayOfWeek firstDayOfWeek) {
      return new CalendarWindow(CalendarPeriod.WEEK, zone, firstDayOfWeek);
    }

    /**
     * Returns the calendar month that contains now in {@code zone}.
     *
     * @param zone the newsroom's time zone
     * @return the window
     * @throws NullPointerException if {@code zone} is null
     */
    static CalendarWindow thisMonth(ZoneId zone) {
      return new CalendarWindow(CalendarPeriod.MONTH, zone, DayOfWeek.MONDAY);
    }

    /**
     * Returns everything the engine retains (the retention, default 35 days).
     *
     * @return the window
     */
    static AllTime allTime() {
      return AllTime.INSTANCE;
    }

    /**
     * Returns the fixed span {@code [from, to)}.
     *
     * @param from the first instant counted
     * @param to the first instant not counted; after {@code from}
     * @return the window
     * @throws IllegalArgumentException if {@code to} is not after {@code from}
     */
    static FixedWindow fixed(Instant from, Instant to) {
      return new FixedWindow(from, to);
    }
  }

  /** The calendar unit of a {@link CalendarWindow}. */
  public enum CalendarPeriod {
    /** The local day. */
    DAY,
    /** The local week, from its first day. */
    WEEK,
    /** The local month. */
    MONTH
  }

  /**
   * The last {@code length} up to now. Events ahead of the engine's clock by up to the skew allowance are
   * included, so the covered end is the end of the bucket holding now plus that allowance.
   *
   * @param length the span, at least 1 millisecond
   */
  public record Rolling(Duration length) implements Window {
    /**
     * Validates the length.
     *
     * @throws NullPointerException if {@code length} is null
     * @throws IllegalArgumentException if {@code length} is shorter than 1 millisecond
     */
    public Rolling {
      Objects.requireNonNull(length, "length");
      if (length.toMillis() < 1) {
        throw new IllegalArgumentException("Rolling.length must be at least 1 ms, was " + length);
      }
    }
  }

  /**
   * The calendar day, week or month containing now, in a time zone; see {@link Window#today},
   * {@link Window#thisWeek} and {@link Window#thisMonth}.
   *
   * @param period the unit
   * @param zone the time zone whose local midnights bound the window
   * @param firstDayOfWeek the first day of a week (used by {@link CalendarPeriod#WEEK} only)
   */
  public record CalendarWindow(CalendarPeriod period, ZoneId zone, DayOfWeek firstDayOfWeek) implements Window {
    /**
     * Validates the values.
     *
     * @throws NullPointerException if an argument is null
     */
    public CalendarWindow {
      Objects.requireNonNull(period, "period");
      Objects.requireNonNull(zone, "zone");
      Objects.requireNonNull(firstDayOfWeek, "firstDayOfWeek");
    }
  }

  /** Everything the engine retains. */
  public record AllTime() implements Window {
    static final AllTime INSTANCE = new AllTime();
  }

  /**
   * A fixed span.
   *
   * @param from the first instant counted
   * @param to the first instant not counted
   */
  public record FixedWindow(Instant from, Instant to) implements Window {
    /**
     * Validates the span.
     *
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if {@code to} is not after {@code from}
     */
    public FixedWindow {
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
      if (!to.isAfter(from)) {
        throw new IllegalArgumentException("FixedWindow.to (" + to + ") must be after from (" + from + ")");
      }
    }
  }
}
