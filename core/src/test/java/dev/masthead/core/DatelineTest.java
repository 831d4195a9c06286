package dev.masthead.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class DatelineTest {
  private static final Instant LATE_SUNDAY_IN_NEW_YORK = Instant.parse("2025-12-08T03:30:00Z");

  @Test
  void printsThePageStyleInUsEnglish() {
    assertThat(Dateline.format(LATE_SUNDAY_IN_NEW_YORK, ZoneId.of("America/New_York"), Locale.US))
        .isEqualTo("Sunday, December 7, 2025");
  }

  @Test
  void theZoneDecidesTheCalendarDay() {
    assertThat(Dateline.format(LATE_SUNDAY_IN_NEW_YORK, ZoneId.of("Europe/Berlin"), Locale.US))
        .isEqualTo("Monday, December 8, 2025");
  }

  @Test
  void printsOtherLanguagesInTheirOwnStyle() {
    assertThat(Dateline.format(LATE_SUNDAY_IN_NEW_YORK, ZoneId.of("Europe/Berlin"), Locale.GERMANY))
        .isEqualTo("Montag, 8. Dezember 2025");
    assertThat(Dateline.format(LATE_SUNDAY_IN_NEW_YORK, ZoneId.of("Europe/Paris"), Locale.FRANCE))
        .isEqualTo("lundi 8 décembre 2025");
  }
}
