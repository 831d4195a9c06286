package dev.masthead.examples;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.masthead.core.Article;
import dev.masthead.core.Author;
import dev.masthead.core.Tag;
import dev.masthead.core.json.MastheadModule;
import dev.masthead.core.json.NewsArticleJsonLd;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The article-page demo: prints a news article page as a reader sees it, from the sample catalog shipped in
 * this module ({@code sample-articles.json}, written for the project).
 */
public final class ArticlePageDemo {
  static final ZoneId NEWSROOM_ZONE = ZoneId.of("America/New_York");
  static final Instant SAMPLE_NOW = Instant.parse("2025-12-07T18:00:00Z");

  private ArticlePageDemo() {}

  public static void main(String[] args) throws IOException {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    List<Article> catalog = loadSampleCatalog();
    Article article = catalog.get(0);
    printArticle(out, article);
  }

  static List<Article> loadSampleCatalog() throws IOException {
    ObjectMapper mapper = new ObjectMapper().registerModule(new MastheadModule());
    try (InputStream in = ArticlePageDemo.class.getResourceAsStream("sample-articles.json")) {
      if (in == null) {
        throw new IOException("sample-articles.json is missing from the examples jar");
      }
      return mapper.readValue(in, new TypeReference<List<Article>>() {});
    }
  }

  static void printArticle(PrintStream out, Article article) {
    String rule = "=".repeat(78);
    out.println(rule);
    out.println(article.dateline(NEWSROOM_ZONE).orElse(""));
    out.println(rule);
    out.println(article.section() == null ? "" : article.section().name().toUpperCase(java.util.Locale.ROOT));
    out.println(article.headline());
    if (article.dek() != null) {
      out.println(article.dek());
    }
    String byline = article.authors().stream().map(Author::name).collect(Collectors.joining(" and "));
    out.println("By " + byline + " · " + article.readingTime().toMinutes() + " min read");
    out.println();
    out.println(wrap(article.excerpt(300), 78));
    out.println();
    out.println("Tags: " + article.tags().stream().map(Tag::name).collect(Collectors.joining(", ")));
    out.println();
    out.println("JSON-LD for <head>:");
    out.println(NewsArticleJsonLd.scriptElement(article));
  }

  static String wrap(String text, int width) {
    StringBuilder sb = new StringBuilder();
    int col = 0;
    for (String word : text.split(" ")) {
      if (col > 0 && col + 1 + word.length() > width) {
        sb.append('\n');
        col = 0;
      } else if (col > 0) {
        sb.append(' ');
        col++;
      }
      sb.append(word);
      col += word.length();
    }
    return sb.toString();
  }
}
