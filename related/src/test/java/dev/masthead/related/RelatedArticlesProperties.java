package dev.masthead.related;

import static dev.masthead.related.Articles.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.masthead.core.Article;
import dev.masthead.core.ArticleId;
import dev.masthead.core.Author;
import dev.masthead.core.Tag;
import dev.masthead.related.RelatedArticle.Basis;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Invariants of the related articles over random catalogs. The seed is fixed so that every failure reproduces;
 * QuickTheories prints the falsifying catalog seeds.
 */
class RelatedArticlesProperties {
  private static final long SEED = 20260302L;

  private static final Gen<List<Integer>> CATALOG = lists().of(integers().all()).ofSizeBetween(1, 40);

  private static RelatedArticles index(List<Article> catalog, RelatedArticles.Builder builder) {
    RelatedArticles related = builder.clock(InstantSource.fixed(NOW)).build();
    related.putAll(catalog);
    return related;
  }

  /** The query the three ints describe: subject, limit, exclusions as bits, window on or off. */
  private static RelatedQuery query(List<Article> catalog, int subject, int limit, int bits) {
    RelatedQuery.Builder q = RelatedQuery.forArticle(catalog.get(subject % catalog.size()).id()).limit(limit);
    for (int i = 0; i < catalog.size() && i < 31; i++) {
      if ((bits & (1 << i)) != 0 && i % 3 == 0) {
        q.exclude(catalog.get(i).id());
      }
    }
    if (bits < 0) {
      q.maxAge(Duration.ofDays(20));
    }
    return q.build();
  }

  private static boolean eligible(Article a, RelatedQuery q) {
    Duration maxAge = q.maxAge();
    return !a.id().equals(q.subjectId())
        && !q.excluded().contains(a.id())
        && a.isVisibleAt(NOW)
        && (maxAge == null || !Objects.requireNonNull(a.publishedAt()).isBefore(NOW.minus(maxAge)));
  }

  @Test
  void neverReturnsTheSubjectAnExcludedOrAnInvisibleArticleAndAtMostLimit() {
    qt().withFixedSeed(SEED).withExamples(300)
        .forAll(CATALOG, integers().between(0, 1000), integers().between(1, 8), integers().all())
        .checkAssert((seeds, subject, limit, bits) -> {
          List<Article> catalog = Catalogs.of(seeds, NOW);
          RelatedQuery q = query(catalog, subject, limit, bits);
          List<RelatedArticle> results = index(catalog, RelatedArticles.builder()).related(q);

          assertThat(results).hasSizeLessThanOrEqualTo(limit);
          assertThat(results).allSatisfy(r -> assertThat(eligible(r.article(), q)).isTrue());
          assertThat(results.stream().map(r -> r.article().id()).distinct().count()).isEqualTo(results.size());
        });
  }

  @Test
  void fillsTheBoxWheneverEnoughArticlesAreEligible() {
    qt().withFixedSeed(SEED).withExamples(300)
        .forAll(CATALOG, integers().between(0, 1000), integers().between(1, 8), integers().all())
        .checkAssert((seeds, subject, limit, bits) -> {
          List<Article> catalog = Catalogs.of(seeds, NOW);
          RelatedQuery q = query(catalog, subject, limit, bits);
          long eligible = catalog.stream().filter(a -> eligible(a, q)).count();

          List<RelatedArticle> results = index(catalog, RelatedArticles.builder()).related(q);

          assertThat(results).hasSize((int) Math.min(limit, eligible));
        });
  }

  @Test
  void givesTheSameListWhateverTheOrderOfInsertionAndAfterChurn() {
    qt().withFixedSeed(SEED).withExamples(200)
        .forAll(CATALOG, integers().between(0, 1000), integers().between(1, 8), integers().all())
        .checkAssert((seeds, subject, limit, bits) -> {
          List<Article> catalog = Catalogs.of(seeds, NOW);
          RelatedQuery q = query(catalog, subject, limit, bits);
          RelatedArticles inOrder = index(catalog, RelatedArticles.builder());

          RelatedArticles shuffled = RelatedArticles.builder().clock(InstantSource.fixed(NOW)).build();
          List<Article> reordered = new ArrayList<>(catalog);
          Collections.shuffle(reordered, new Random(bits));
          for (Article a : reordered) {
            shuffled.put(a.toBuilder().headline("placeholder words " + a.headline()).build());
            shuffled.remove(a.id());
            shuffled.put(a);
          }

          List<RelatedArticle> first = inOrder.related(q);
          assertThat(inOrder.related(q)).isEqualTo(first);
          assertThat(shuffled.related(q)).isEqualTo(first);
          List<RelatedArticle> content = first.stream().filter(r -> r.basis() == Basis.CONTENT).toList();
          assertThat(content).isSortedAccordingTo(Comparator.comparingDouble(RelatedArticle::score).reversed()
              .thenComparing(r -> r.article().publishedAt(), Comparator.reverseOrder())
              .thenComparing(r -> r.article().id()));
          assertThat(first.subList(0, content.size())).isEqualTo(content); // content matches come first
        });
  }

  @Test
  void contentResultsAreTheBestOfABruteForceScan() {
    TextAnalysis analysis = new TextAnalysis();
    qt().withFixedSeed(SEED).withExamples(300)
        .forAll(CATALOG, integers().between(0, 1000), integers().between(1, 8), integers().all())
        .checkAssert((seeds, subject, limit, bits) -> {
          Random random = new Random(bits);
          // tags, section, byline, time proximity, minimum score
          double[] w = {random.nextDouble(), random.nextDouble() * 0.3, random.nextDouble() * 0.5, random.nextDouble(),
              random.nextDouble() * 0.3};
          List<Article> catalog = Catalogs.of(seeds, NOW);
          RelatedQuery q = query(catalog, subject, limit, bits);
          RelatedArticles related = index(catalog, RelatedArticles.builder().config(RelatedConfig.builder()
              .maxQueryTerms(1000).tagWeight(w[0]).sectionWeight(w[1]).bylineWeight(w[2]).timeProximityWeight(w[3])
              .minScore(w[4]).build()));

          List<RelatedArticle> actual = related.related(q).stream().filter(r -> r.basis() == Basis.CONTENT).toList();

          List<Map.Entry<Article, Double>> expected = bruteForce(analysis, catalog, q, w);
          assertThat(actual).hasSameSizeAs(expected);
          for (int i = 0; i < actual.size(); i++) {
            assertThat(actual.get(i).article().id()).isEqualTo(expected.get(i).getKey().id());
            assertThat(actual.get(i).score()).isCloseTo(expected.get(i).getValue(),
                org.assertj.core.data.Offset.offset(1e-9));
          }
        });
  }

  /**
   * The oracle: scores every eligible article by the documented formula, straight from the term vectors: text
   * weight 1, boosts 3, 1.5 and 1 (the defaults), the time-proximity half-life of 60 days, and the given tag,
   * section, byline and time-proximity weights and minimum score.
   */
  private static List<Map.Entry<Article, Double>> bruteForce(TextAnalysis analysis, List<Article> catalog,
      RelatedQuery q, double[] w) {
    Map<ArticleId, TermVector> vectors = new HashMap<>();
    Map<String, Integer> df = new HashMap<>();
    for (Article a : catalog) {
      TermVector v = analysis.analyze(a, 3f, 1.5f, 1f);
      vectors.put(a.id(), v);
      for (int i = 0; i < v.size(); i++) {
        df.merge(v.term(i), 1, Integer::sum);
      }
    }
    int n = catalog.size();
    Map<String, Double> idf = new HashMap<>();
    df.forEach((t, d) -> idf.put(t, Math.log1p((double) n / d)));
    Article subject = catalog.stream().filter(a -> a.id().equals(q.subjectId())).findFirst().orElseThrow();
    TermVector s = vectors.get(subject.id());
    Map<String, Double> query = new HashMap<>();
    for (int i = 0; i < s.size(); i++) {
      if (df.get(s.term(i)) > 1) {
        query.put(s.term(i), Math.log1p(s.weight(i)) * idf.get(s.term(i)));
      }
    }
    double qNorm = Math.sqrt(query.values().stream().mapToDouble(x -> x * x).sum());
    List<Map.Entry<Article, Double>> scored = new ArrayList<>();
    for (Article a : catalog) {
      if (!eligible(a, q)) {
        continue;
      }
      TermVector d = vectors.get(a.id());
      double dot = 0;
      double dNorm = 0;
      for (int i = 0; i < d.size(); i++) {
        double x = Math.log1p(d.weight(i)) * idf.get(d.term(i));
        dNorm += x * x;
        dot += query.getOrDefault(d.term(i), 0.0) * x;
      }
      double score = dot > 0 ? Math.min(1, dot / (qNorm * Math.sqrt(dNorm))) : 0;
      score += w[0] * overlap(slugs(subject.tags()), slugs(a.tags()));
      score += w[2] * overlap(names(subject.authors()), names(a.authors()));
      if (subject.section() != null && a.section() != null && subject.section().sameAs(a.section())) {
        score += w[1];
      }
      if (subject.publishedAt() != null && a.publishedAt() != null) {
        double apart = Math.abs(Duration.between(a.publishedAt(), subject.publishedAt()).toSeconds());
        score *= 1 + w[3] * Math.pow(0.5, apart / Duration.ofDays(60).toSeconds());
      }
      if (score > 0 && score >= w[4]) {
        scored.add(Map.entry(a, score));
      }
    }
    scored.sort(Comparator.comparing((Map.Entry<Article, Double> e) -> e.getValue()).reversed()
        .thenComparing(e -> e.getKey().publishedAt(), Comparator.reverseOrder())
        .thenComparing(e -> e.getKey().id()));
    return scored.subList(0, Math.min(q.limit(), scored.size()));
  }

  private static Set<String> slugs(List<Tag> tags) {
    Set<String> out = new HashSet<>();
    tags.forEach(t -> out.add(t.slug()));
    return out;
  }

  private static Set<String> names(List<Author> authors) {
    Set<String> out = new HashSet<>();
    authors.forEach(a -> out.add(IndexedArticle.authorKey(a)));
    return out;
  }

  private static double overlap(Set<String> a, Set<String> b) {
    if (a.isEmpty() || b.isEmpty()) {
      return 0;
    }
    long shared = a.stream().filter(b::contains).count();
    return shared / Math.sqrt((double) a.size() * b.size());
  }
}
