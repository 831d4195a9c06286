package dev.masthead.core;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Objects;

/**
 * The date line printed at the top of a news page, such as {@code "Sunday, December 7, 2025"}.
 *
 * <p>The date is the calendar date of the instant in the given time zone, in the locale's full date style
 * ({@link FormatStyle#FULL}, from the JDK's CLDR data): {@code "Sunday, December 7, 2025"} for
 * {@link Locale#US}, {@code "Sonntag, 7. Dezember 2025"} for {@link Locale#GERMANY}.
 *
 * <p>Thread-safe: every method is a pure function.
 */
public final class Dateline {
  private Dateline() {}

  /**
   * Formats the date of an instant as the page prints it.
   *
   * @param instant the moment, for example an article's {@code publishedAt}
   * @param zone the newsroom's time zone: decides which calendar day the instant falls on
   * @param locale the language and country of the page
   * @return the formatted date, for example {@code "Sunday, December 7, 2025"}
   * @throws NullPointerException if an argument is null
   */
  public static String format(Instant instant, ZoneId zone, Locale locale) {
    Objects.requireNonNull(instant, "instant");
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(locale, "locale");
    return DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(locale).format(instant.atZone(zone));
  }
}
