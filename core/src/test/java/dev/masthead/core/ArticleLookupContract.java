package dev.masthead.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link ArticleLookup}, for every implementation: extend this class in a test of your own,
 * return your lookup over the given catalog from {@link #lookup(List)}, and JUnit 5 runs every rule below on it.
 * Published in masthead-core's test-jar ({@code <type>test-jar</type>}).
 *
 * <p>What it checks: every article given is found by its id, equal to what was given; an unknown id is empty,
 * never an exception; ids compare by exact value (case, white space and Unicode form count) and are never cut;
 * {@link ArticleLookup#commentsOpen(Article)} answers for every article it found, the same way twice; and
 * concurrent finds see the same articles. It does not check failure behaviour (a networked implementation
 * throws when its backend is down, see {@link ArticleLookup}); test that against your own backend.
 */
public abstract class ArticleLookupContract {
  /** When the catalog's articles were published. */
  protected static final Instant PUBLISHED = Instant.parse("2026-03-02T12:00:00Z");

  /**
   * Returns the implementation under test, holding exactly these articles.
   *
   * @param catalog the articles, distinct by id
   * @return a lookup over them
   */
  protected abstract ArticleLookup lookup(List<Article> catalog);

  /**
   * Returns a small catalog with awkward ids: mixed case, a long id, non-Latin letters.
   *
   * @return five published articles
   */
  protected static List<Article> catalog() {
    return List.of(
        article("a1", "Council passes the budget"),
        article("A1", "Ferry strike ends after two days"),
        article("x".repeat(ArticleId.MAX_LENGTH), "Harbor bridge reopens"),
        article("caf\u00E9-2026", "Caf\u00E9 owners protest new rents"),
        article("\u5317\u4EAC-7", "Marathon record in Beijing"));
  }

  private static Article article(String id, String headline) {
    return Article.builder().id(id).headline(headline).status(ArticleStatus.PUBLISHED).publishedAt(PUBLISHED)
        .build();
  }

  @Test
  void findsEveryArticleItHoldsByItsId() {
    List<Article> catalog = catalog();
    ArticleLookup lookup = lookup(catalog);
    for (Article a : catalog) {
      assertThat(lookup.find(a.id())).as("find(%s)", a.id().value()).contains(a);
    }
  }

  @Test
  void answersEmptyForAnUnknownIdAndNeverThrows() {
    ArticleLookup lookup = lookup(catalog());
    assertThat(lookup.find(new ArticleId("missing"))).isEmpty();
    assertThat(lookup.find(new ArticleId("y".repeat(ArticleId.MAX_LENGTH)))).isEmpty();
    assertThat(lookup(List.of()).find(new ArticleId("a1"))).isEmpty();
  }

  @Test
  void comparesIdsByExactValue() {
    ArticleLookup lookup = lookup(catalog());
    assertThat(lookup.find(new ArticleId("a1")).map(Article::headline)).contains("Council passes the budget");
    assertThat(lookup.find(new ArticleId("A1")).map(Article::headline)).contains("Ferry strike ends after two days");
    assertThat(lookup.find(new ArticleId(" a1"))).isEmpty();
    assertThat(lookup.find(new ArticleId("cafe\u0301-2026"))).as("the same id in NFD").isEmpty();
    assertThat(lookup.find(new ArticleId("x".repeat(ArticleId.MAX_LENGTH - 1)))).as("a cut id").isEmpty();
  }

  @Test
  void answersCommentsOpenTheSameWayForEveryArticleItFound() {
    List<Article> catalog = catalog();
    ArticleLookup lookup = lookup(catalog);
    for (Article a : catalog) {
      Article found = lookup.find(a.id()).orElseThrow();
      assertThat(lookup.commentsOpen(found)).as("commentsOpen(%s)", a.id().value())
          .isEqualTo(lookup.commentsOpen(found));
    }
  }

  @Test
  void concurrentFindsSeeTheSameArticles() throws Exception {
    List<Article> catalog = catalog();
    ArticleLookup lookup = lookup(catalog);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<List<Optional<Article>>>> runs = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        runs.add(pool.submit(() -> {
          List<Optional<Article>> seen = new ArrayList<>();
          for (int i = 0; i < 2_000; i++) {
            seen.add(lookup.find(catalog.get(i % catalog.size()).id()));
          }
          return seen;
        }));
      }
      for (Future<List<Optional<Article>>> run : runs) {
        List<Optional<Article>> seen = run.get(30, TimeUnit.SECONDS);
        for (int i = 0; i < seen.size(); i++) {
          assertThat(seen.get(i)).contains(catalog.get(i % catalog.size()));
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
