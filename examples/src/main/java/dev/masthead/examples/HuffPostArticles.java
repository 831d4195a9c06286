package dev.masthead.examples;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.masthead.core.Article;
import dev.masthead.core.ArticleId;
import dev.masthead.core.ArticleStatus;
import dev.masthead.core.Author;
import java.io.BufferedReader;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads the HuffPost News Category data set (Misra, 2022; CC BY 4.0): JSON Lines with {@code link},
 * {@code headline}, {@code short_description}, {@code authors}, {@code date} and {@code category}.
 *
 * <p>Each record becomes a published article: the last segment of the link as its id, the headline, the
 * {@code short_description} as the dek (the data set has no body), the authors (split on commas and "and") as
 * the byline, the date at noon UTC as the publication time, the link as the canonical URL, English. The
 * category is returned beside the article, not set on it, so that an evaluation can hide it. Records are
 * deduplicated by link (the file repeats one record three times).
 *
 * <p>Errors: a missing file or folder is fatal ({@link InputError}); a malformed line (bad JSON, a missing
 * headline or date) is skipped and reported to the warning sink as {@code file:line: problem}.
 */
final class HuffPostArticles {
  /** One article and its HuffPost category, for example {@code POLITICS}. */
  record Labelled(Article article, String category) {}

  private HuffPostArticles() {}

  /** Reads a {@code .jsonl} file, or every {@code *.jsonl} file of a folder in name order. */
  static List<Labelled> read(Path path, Consumer<String> warnings) throws InputError {
    List<Path> files = new ArrayList<>();
    if (Files.isDirectory(path)) {
      try (DirectoryStream<Path> stream = Files.newDirectoryStream(path, "*.jsonl")) {
        stream.forEach(files::add);
      } catch (IOException e) {
        throw new InputError(path + ": cannot list the folder: " + e.getMessage(), e);
      }
      if (files.isEmpty()) {
        throw new InputError(path + ": no *.jsonl file in this folder");
      }
      files.sort(Comparator.naturalOrder());
    } else if (Files.isRegularFile(path)) {
      files.add(path);
    } else {
      throw new InputError(path + ": no such file or folder");
    }
    ObjectMapper mapper = new ObjectMapper();
    Map<String, Labelled> byLink = new LinkedHashMap<>();
    Set<ArticleId> ids = new HashSet<>();
    for (Path file : files) {
      try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
          number++;
          if (line.isBlank()) {
            continue;
          }
          try {
            JsonNode node = mapper.readTree(line);
            String link = node.path("link").asText("").strip();
            if (link.isEmpty()) {
              throw new IllegalArgumentException("no link");
            }
            if (!byLink.containsKey(link)) {
              byLink.put(link, toArticle(node, link, ids));
            }
          } catch (JsonProcessingException e) {
            warnings.accept(file + ":" + number + ": not valid JSON (" + e.getOriginalMessage() + "); line skipped");
          } catch (IllegalArgumentException | IllegalStateException | DateTimeParseException e) {
            warnings.accept(file + ":" + number + ": " + e.getMessage() + "; line skipped");
          }
        }
      } catch (NoSuchFileException e) {
        throw new InputError(file + ": no such file", e);
      } catch (IOException e) {
        throw new InputError(file + ": cannot read: " + e.getMessage(), e);
      }
    }
    return new ArrayList<>(byLink.values());
  }

  private static Labelled toArticle(JsonNode node, String link, Set<ArticleId> ids) {
    String path = URI.create(link).getPath();
    String base = path == null ? "" : path.substring(path.lastIndexOf('/') + 1);
    if (base.isBlank()) {
      base = Integer.toHexString(link.hashCode());
    }
    base = base.length() > 200 ? base.substring(0, 200) : base;
    ArticleId id = ArticleId.of(base);
    for (int k = 2; !ids.add(id); k++) {
      id = ArticleId.of(base + "-" + k);
    }
    String headline = node.path("headline").asText("").strip();
    if (headline.isEmpty()) {
      throw new IllegalArgumentException("no headline");
    }
    String date = node.path("date").asText("");
    String dek = node.path("short_description").asText("").strip();
    Article.Builder b = Article.builder()
        .id(id)
        .headline(headline)
        .dek(dek.isEmpty() ? null : dek)
        .publishedAt(LocalDate.parse(date).atTime(12, 0).toInstant(ZoneOffset.UTC))
        .status(ArticleStatus.PUBLISHED)
        .language(Locale.ENGLISH);
    for (String name : node.path("authors").asText("").split(",| and ")) {
      if (!name.isBlank()) {
        b.author(Author.of(name.strip()));
      }
    }
    try {
      b.canonicalUrl(link);
    } catch (IllegalArgumentException e) {
      // keep the article without its URL
    }
    return new Labelled(b.build(), node.path("category").asText("").strip());
  }
}
