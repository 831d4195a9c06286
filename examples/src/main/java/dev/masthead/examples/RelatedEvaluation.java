package dev.masthead.examples;

import dev.masthead.core.Article;
import dev.masthead.core.ArticleId;
import dev.masthead.related.RelatedArticle;
import dev.masthead.related.RelatedArticles;
import dev.masthead.related.RelatedConfig;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.IntFunction;
import org.apache.lucene.analysis.Analyzer;
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
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * The "Related Posts" evaluation on real articles: the HuffPost News Category sample in
 * {@code ../shared/data/huffpost-news-category} (10,000 records, CC BY 4.0, see its SOURCE.md).
 *
 * <p>Each record becomes a published article (headline; {@code short_description} as the dek, the data set has
 * no body; the authors as the byline; the date at noon UTC), deduplicated by link. The section is hidden from the
 * scorer: it is only used to grade. For every article it asks for 5 related articles and reports precision@5,
 * the share of returned articles in the same HuffPost section, beside a random baseline, a "most recent articles"
 * baseline and Lucene's MoreLikeThis over an in-memory index of the same headlines and deks; then the latency of
 * one uncached {@code related(id, 5)} per article, after a warm-up pass.
 *
 * <p>Run: {@code mvn -B -q -pl examples -am -DskipTests -Prelated-evaluation package}, optionally with
 * {@code -Dexec.args=path/to/huffpost-news-category}.
 */
public final class RelatedEvaluation {
  private static final int N = 5;
  private static final Instant NOW = Instant.parse("2022-09-24T00:00:00Z");

  private RelatedEvaluation() {}

  public static void main(String[] args) throws IOException {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    Path dir = Path.of(args.length > 0 ? args[0] : "../shared/data/huffpost-news-category");
    List<HuffPostArticles.Labelled> data;
    List<String> warnings = new ArrayList<>();
    try {
      // The category is only known here, never given to the scorer: the articles carry no section.
      data = HuffPostArticles.read(dir, warnings::add);
    } catch (InputError e) {
      System.err.println("error: " + e.getMessage());
      System.exit(2);
      return;
    }
    warnings.forEach(w -> out.println("warning: " + w));
    out.printf(Locale.ROOT, "read %s: %,d distinct articles%n", dir, data.size());
    List<Article> articles = data.stream().map(HuffPostArticles.Labelled::article).toList();
    Map<ArticleId, String> sectionOf = new HashMap<>();
    for (HuffPostArticles.Labelled l : data) {
      sectionOf.put(l.article().id(), l.category());
    }
    out.printf(Locale.ROOT, "%,d articles, %d sections, sections hidden from the scorer%n%n", data.size(),
        new HashSet<>(sectionOf.values()).size());
    out.printf(Locale.ROOT, "%-44s %12s %10s %10s %10s%n", "method", "precision@5", "p50 µs", "p99 µs",
        "fallback");

    // Baselines.
    Random random = new Random(42);
    report(out, "random articles (seed 42)", articles, sectionOf, i -> {
      List<ArticleId> picked = new ArrayList<>();
      while (picked.size() < N) {
        int j = random.nextInt(articles.size());
        if (j != i && !picked.contains(articles.get(j).id())) {
          picked.add(articles.get(j).id());
        }
      }
      return picked;
    }, null);
    List<Article> newest = articles.stream()
        .sorted(Comparator.comparing(Article::publishedAt).reversed().thenComparing(Article::id))
        .limit(N + 1).toList();
    report(out, "most recent articles", articles, sectionOf, i -> newest.stream()
        .filter(a -> !a.id().equals(articles.get(i).id())).limit(N).map(Article::id).toList(), null);

    // Masthead, default settings, then text only.
    evaluateMasthead(out, "masthead-related, defaults", RelatedConfig.builder(), articles, sectionOf);
    evaluateMasthead(out, "masthead-related, no byline",
        RelatedConfig.builder().bylineWeight(0), articles, sectionOf);
    evaluateMasthead(out, "masthead-related, text only",
        RelatedConfig.builder().bylineWeight(0).timeProximityWeight(0), articles, sectionOf);

    // The peer: Lucene MoreLikeThis.
    evaluateMoreLikeThis(out, articles, sectionOf);
  }

  private static void evaluateMasthead(PrintStream out, String name, RelatedConfig.Builder config,
      List<Article> articles, Map<ArticleId, String> sectionOf) {
    RelatedArticles related = RelatedArticles.builder().clock(InstantSource.fixed(NOW))
        .config(config.cacheMaximumSize(0).build()).build();
    related.putAll(articles);
    Map<RelatedArticle.Basis, Integer> bases = new EnumMap<>(RelatedArticle.Basis.class);
    IntFunction<List<ArticleId>> query = i -> {
      List<RelatedArticle> found = related.related(articles.get(i).id(), N);
      List<ArticleId> ids = new ArrayList<>(found.size());
      for (RelatedArticle r : found) {
        ids.add(r.article().id());
        bases.merge(r.basis(), 1, Integer::sum);
      }
      return ids;
    };
    for (int i = 0; i < articles.size(); i++) {
      query.apply(i); // warm-up pass, so the timed pass measures compiled code
    }
    bases.clear();
    report(out, name, articles, sectionOf, query, bases);
    if (name.endsWith("defaults")) {
      Article sample = articles.get(0);
      out.printf(Locale.ROOT, "%n    sample: \"%s\"%n", sample.headline());
      for (RelatedArticle r : related.related(sample.id(), N)) {
        out.printf(Locale.ROOT, "      %.3f  %s%n             (%s)%n", r.score(), r.article().headline(),
            r.explanation());
      }
      out.println();
    }
  }

  private static void evaluateMoreLikeThis(PrintStream out, List<Article> articles, Map<ArticleId, String> sectionOf)
      throws IOException {
    Analyzer analyzer = new EnglishAnalyzer();
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
      writer.forceMerge(1); // one segment: Lucene doc ids are the list positions
    }
    try (DirectoryReader reader = DirectoryReader.open(directory)) {
      IndexSearcher searcher = new IndexSearcher(reader);
      MoreLikeThis mlt = new MoreLikeThis(reader);
      mlt.setAnalyzer(analyzer);
      mlt.setFieldNames(new String[] {"headline", "dek"});
      mlt.setMinTermFreq(1); // short texts: MoreLikeThis's default of 2 leaves most articles without a query
      mlt.setMinDocFreq(2);
      mlt.setBoost(true);
      IntFunction<List<ArticleId>> query = i -> {
        try {
          TopDocs top = searcher.search(mlt.like(i), N + 1);
          List<ArticleId> ids = new ArrayList<>(N);
          for (ScoreDoc sd : top.scoreDocs) {
            if (sd.doc != i && ids.size() < N) {
              ids.add(articles.get(sd.doc).id());
            }
          }
          return ids;
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      };
      for (int i = 0; i < articles.size(); i++) {
        query.apply(i);
      }
      report(out, "Lucene MoreLikeThis (ByteBuffersDirectory)", articles, sectionOf, query, null);
    }
  }

  /** Runs the method for every article, prints precision@5 and the latency percentiles. */
  private static void report(PrintStream out, String name, List<Article> articles, Map<ArticleId, String> sectionOf,
      IntFunction<List<ArticleId>> method, Map<RelatedArticle.Basis, Integer> bases) {
    long[] nanos = new long[articles.size()];
    long same = 0;
    long returned = 0;
    for (int i = 0; i < articles.size(); i++) {
      long start = System.nanoTime();
      List<ArticleId> ids = method.apply(i);
      nanos[i] = System.nanoTime() - start;
      String section = sectionOf.get(articles.get(i).id());
      for (ArticleId id : ids) {
        returned++;
        if (section.equals(sectionOf.get(id))) {
          same++;
        }
      }
    }
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    String fallback = "";
    if (bases != null) {
      int fallbacks = bases.getOrDefault(RelatedArticle.Basis.RECENT_IN_SECTION, 0)
          + bases.getOrDefault(RelatedArticle.Basis.RECENT, 0);
      fallback = String.format(Locale.ROOT, "%.1f%%", 100.0 * fallbacks / Math.max(1, returned));
    }
    out.printf(Locale.ROOT, "%-44s %12.3f %10.1f %10.1f %10s%n", name, (double) same / Math.max(1, returned),
        sorted[sorted.length / 2] / 1e3, sorted[(int) Math.ceil(sorted.length * 0.99) - 1] / 1e3, fallback);
    if (returned != (long) N * articles.size()) {
      out.printf(Locale.ROOT, "    (returned %,d results for %,d articles)%n", returned, articles.size());
    }
  }
}
