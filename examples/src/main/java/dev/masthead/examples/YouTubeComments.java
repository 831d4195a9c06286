package dev.masthead.examples;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the YouTube Spam Collection (Alberto, Lochter and Almeida, "TubeSpam: Comment Spam Filtering on
 * YouTube", ICMLA 2015; CC BY 4.0): the five CSV files {@code Youtube0N-Video.csv} with the header
 * {@code COMMENT_ID,AUTHOR,DATE,CONTENT,CLASS}, read with Jackson's CSV parser (RFC 4180 quoting, fields with
 * line breaks).
 *
 * <p>The {@code DATE} column is read but must not be used as a feature: in the Eminem file every spam row has
 * an empty date and every ham row has one, so the date leaks the label.
 */
final class YouTubeComments {
  /** One labelled comment. */
  record Row(String video, int line, String commentId, String author, String content, boolean spam) {}

  /** A problem in an input file, with where it is. */
  static final class InputException extends Exception {
    private static final long serialVersionUID = 1L;

    InputException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private YouTubeComments() {}

  /** Reads every {@code *.csv} file of the folder, in name order. */
  static List<Row> read(Path folder) throws InputException {
    List<Path> files = new ArrayList<>();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder, "*.csv")) {
      stream.forEach(files::add);
    } catch (NoSuchFileException e) {
      throw new InputException(folder + ": no such folder (expected the YouTube Spam Collection's CSV files)", e);
    } catch (IOException e) {
      throw new InputException(folder + ": cannot list the folder: " + e.getMessage(), e);
    }
    if (files.isEmpty()) {
      throw new InputException(folder + ": no .csv files in the folder", new NoSuchFileException(folder.toString()));
    }
    files.sort(null);
    List<Row> rows = new ArrayList<>();
    CsvMapper mapper = new CsvMapper();
    CsvSchema schema = CsvSchema.emptySchema().withHeader();
    for (Path file : files) {
      String video = file.getFileName().toString().replaceFirst("\\.csv$", "").replaceFirst("^Youtube0\\d-", "");
      try (MappingIterator<Map<String, String>> it = mapper.readerFor(Map.class).with(schema).readValues(file.toFile())) {
        while (it.hasNextValue()) {
          Map<String, String> r = it.nextValue();
          int line = it.getCurrentLocation().getLineNr();
          String label = r.get("CLASS");
          if (label == null || !(label.equals("0") || label.equals("1")) || r.get("CONTENT") == null) {
            throw new InputException(file + ":" + line + ": expected CONTENT and CLASS 0 or 1", null);
          }
          rows.add(new Row(video, line, r.getOrDefault("COMMENT_ID", ""), r.getOrDefault("AUTHOR", ""), r.get("CONTENT"),
              label.equals("1")));
        }
      } catch (IOException | RuntimeException e) {
        throw new InputException(file + ": malformed CSV: " + e.getMessage(), e);
      }
    }
    return rows;
  }
}
