package dev.masthead.benchmarks.related;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.masthead.core.Article;
import dev.masthead.core.ArticleStatus;
import dev.masthead.core.Author;
import dev.masthead.related.RelatedArticle;
import dev.masthead.related.RelatedArticles;
import dev.masthead.related.RelatedConfig;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Related posts for one article of the 9,998 HuffPost articles (headline + abstract): masthead-related's own
 * scorer over Lucene-analysed terms, uncached and cached, against Lucene MoreLikeThis over an in-memory index
 * ({@link ByteBuffersDirectory}, term vectors stored) asking the same 5 + 1 hits; and the cost of updating one
 * article in masthead-related's index.
 *
 * <p>The data set is read from {@code -Dmasthead.data.dir} (default {@code ../shared/data}). Run:
 * {@code java -jar benchmarks/target/benchmarks.jar related -f 1 -wi 2 -i 3 -w 2s -r 2s}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RelatedBenchmark {
  private List<Article> articles;
  private RelatedArticles uncached;
  private RelatedArticles cached;
  private DirectoryReader reader;
  private IndexSearcher searcher;
  private MoreLikeThis mlt;
  private int next;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    articles = load(Path.of(System.getProperty("masthead.data.dir", "../shared/data"), "huffpost-news-category"));
    InstantSource clock = InstantSource.fixed(Instant.parse("2022-09-24T00:00:00Z"));
    uncached = RelatedArticles.builder().clock(clock)
        .config(RelatedConfig.builder().cacheMaximumSize(0).build()).build();
    uncached.putAll(articles);
    cached = RelatedArticles.builder().clock(clock).build();
    cached.putAll(articles);
    for (Article a : articles) {
      cached.related(a.id(), 5); // fill the cache: the cached benchmark measures hits only
    }

    EnglishAnalyzer analyzer = new EnglishAnalyzer();
    ByteBuffersDirectory directory = new ByteBuffersDirectory();
    FieldType type = new FieldType(TextField.TYPE_STORED);
    type.setStoreTermVectors(true);
    type.freeze();
    try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer))) {
      for (Article a : articles) {
        Document doc = new Document();
        doc.add(new Field("headline", a.headline(), type));
        doc.add(new Field("dek", a.dek() == null ? "" : a.dek(), type));
        writer.addDocument(doc);
      }
      writer.forceMerge(1);
    }
    reader = DirectoryReader.open(directory);
    searcher = new IndexSearcher(reader);
    mlt = new MoreLikeThis(reader);
    mlt.setAnalyzer(analyzer);
    mlt.setFieldNames(new String[] {"headline", "dek"});
    mlt.setMinTermFreq(1);
    mlt.setMinDocFreq(2);
    mlt.setBoost(true);
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    reader.close();
  }

  private int nextIndex() {
    int i = next;
    next = i + 1 == articles.size() ? 0 : i + 1;
    return i;
  }

  /** masthead-related, cache disabled: every call scores. */
  @Benchmark
  public List<RelatedArticle> mastheadRelated() {
    return uncached.related(articles.get(nextIndex()).id(), 5);
  }

  /** masthead-related with its Caffeine cache, filled in the setup: every call is a hit. */
  @Benchmark
  public List<RelatedArticle> mastheadRelatedCached() {
    return cached.related(articles.get(nextIndex()).id(), 5);
  }

  /** Lucene MoreLikeThis: build the query from the stored term vectors, search the top 6. */
  @Benchmark
  public TopDocs luceneMoreLikeThis() throws IOException {
    return searcher.search(mlt.like(nextIndex()), 6);
  }

  /** masthead-related: replace one article (analysis, postings update, cache invalidation). */
  @Benchmark
  public int mastheadPut() {
    uncached.put(articles.get(nextIndex()));
    return next;
  }

  static List<Article> load(Path dir) throws IOException {
    ObjectMapper mapper = new ObjectMapper();
    List<Article> out = new ArrayList<>();
    Set<String> links = new HashSet<>();
    try (var files = Files.newDirectoryStream(dir, "*.jsonl")) {
      for (Path file : files) {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
          String line;
          while ((line = in.readLine()) != null) {
            if (line.isBlank()) {
              continue;
            }
            JsonNode n = mapper.readTree(line);
            String link = n.path("link").asText("");
            if (link.isEmpty() || !links.add(link)) {
              continue;
            }
            String dek = n.path("short_description").asText("").strip();
            Article.Builder b = Article.builder()
                .id("hp-" + out.size())
                .headline(n.path("headline").asText(""))
                .dek(dek.isEmpty() ? null : dek)
                .status(ArticleStatus.PUBLISHED)
                .publishedAt(LocalDate.parse(n.path("date").asText()).atTime(12, 0).toInstant(ZoneOffset.UTC))
                .language(Locale.ENGLISH);
            for (String name : n.path("authors").asText("").split(",| and ")) {
              if (!name.isBlank()) {
                b.author(Author.of(name.strip()));
              }
            }
            out.add(b.build());
          }
        }
      }
    }
    if (out.isEmpty()) {
      throw new IOException("no articles in " + dir.toAbsolutePath());
    }
    return out;
  }
}
