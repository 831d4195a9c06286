package dev.masthead.examples;

import dev.masthead.core.ArticleId;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.function.Consumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Reads Wikipedia's hourly page-view counts as prepared in {@code ../shared/data/wikipedia-pagecounts-sandy-2012}
 * (public domain): one row per page and hour, {@code hour_start_utc project page_title count_views bytes}.
 * Each row becomes one engagement of weight {@code count_views} at the start of its hour, for the page title as
 * the article id.
 *
 * <p>Errors: a missing file is fatal ({@link InputError}); a malformed row (wrong number of fields, a bad time
 * or count, a title that is not a valid article id) is skipped and reported to the warning sink as
 * {@code file:line: problem}. A progress bar (me.tongfei:progressbar) follows the bytes read.
 */
final class PageViewLog {
  /** One row: an hour's views of one page. */
  record Row(Instant hourStart, ArticleId title, long views) {}

  private PageViewLog() {}

  /** Reads every row in file order; returns the number of rows read (good or bad). */
  static long read(Path file, Consumer<Row> rows, Consumer<String> warnings) throws InputError {
    long size;
    try {
      size = Files.size(file);
    } catch (NoSuchFileException e) {
      throw new InputError(file + ": no such file", e);
    } catch (IOException e) {
      throw new InputError(file + ": cannot read: " + e.getMessage(), e);
    }
    ProgressBarBuilder bar = new ProgressBarBuilder().setTaskName("Replaying page views").setInitialMax(size)
        .setStyle(ProgressBarStyle.ASCII).setUnit(" MB", 1_000_000).showSpeed();
    long number = 0;
    String lastHourText = "";
    Instant lastHour = Instant.EPOCH;
    try (InputStream in = ProgressBar.wrap(Files.newInputStream(file), bar);
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        number++;
        if (line.isBlank()) {
          continue;
        }
        String[] f = line.split(" ");
        try {
          if (f.length != 5) {
            throw new IllegalArgumentException("expected 5 fields separated by spaces, found " + f.length);
          }
          long views = Long.parseLong(f[3]);
          if (views < 1) {
            throw new IllegalArgumentException("count_views must be at least 1, was " + views);
          }
          if (!f[0].equals(lastHourText)) { // rows come grouped by hour: parse each hour once
            lastHour = Instant.parse(f[0]);
            lastHourText = f[0];
          }
          rows.accept(new Row(lastHour, ArticleId.of(f[2]), views));
        } catch (DateTimeParseException e) {
          warnings.accept(file + ":" + number + ": bad hour_start_utc \"" + f[0] + "\"; row skipped");
        } catch (IllegalArgumentException e) {
          warnings.accept(file + ":" + number + ": " + e.getMessage() + "; row skipped");
        }
      }
    } catch (IOException e) {
      throw new InputError(file + ": cannot read: " + e.getMessage(), e);
    }
    return number;
  }
}
