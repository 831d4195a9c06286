package dev.masthead.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ReadingTimeTest {

  @Test
  void countsWordsInTheTextNotTheMarkup() {
    assertThat(ReadingTime.wordCount("<p class=\"lead\">It's 7 o'clock &mdash; the U.S. council met.</p>")).isEqualTo(7);
    assertThat(ReadingTime.wordCount("<p></p>")).isZero();
  }

  @Test
  void roundsUpToWholeMinutesAtTheDefaultSpeed() {
    assertThat(ReadingTime.defaults().wordsPerMinute()).isEqualTo(238);
    assertThat(ReadingTime.defaults().estimate("")).isEqualTo(Duration.ZERO);
    assertThat(ReadingTime.defaults().estimate("word")).isEqualTo(Duration.ofMinutes(1));
    assertThat(ReadingTime.defaults().estimate("word ".repeat(238))).isEqualTo(Duration.ofMinutes(1));
    assertThat(ReadingTime.defaults().estimate("word ".repeat(239))).isEqualTo(Duration.ofMinutes(2));
  }

  @Test
  void usesAConfiguredSpeed() {
    assertThat(ReadingTime.ofWordsPerMinute(100).estimate("word ".repeat(1000))).isEqualTo(Duration.ofMinutes(10));
  }

  @Test
  void rejectsSpeedsOutOfRange() {
    assertThatThrownBy(() -> ReadingTime.ofWordsPerMinute(0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("wordsPerMinute");
  }
}
