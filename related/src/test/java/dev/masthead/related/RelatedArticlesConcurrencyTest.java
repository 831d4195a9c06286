package dev.masthead.related;

import static dev.masthead.related.Articles.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.masthead.core.Article;
import dev.masthead.core.ArticleId;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RelatedArticlesConcurrencyTest {
  private static final int IDS = 150;

  @Test
  void answersCorrectlyWhileArticlesAreUpdatedAndRemoved() throws Exception {
    Random seeds = new Random(7);
    List<Integer> initial = new ArrayList<>();
    for (int i = 0; i < IDS; i++) {
      initial.add(seeds.nextInt());
    }
    RelatedArticles related = RelatedArticles.builder().clock(InstantSource.fixed(NOW)).build();
    related.putAll(Catalogs.of(initial, NOW));

    Queue<String> violations = new ConcurrentLinkedQueue<>();
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(5);
    List<Future<?>> tasks = new ArrayList<>();
    for (int w = 0; w < 2; w++) {
      int writer = w;
      tasks.add(pool.submit(() -> {
        Random r = new Random(100 + writer);
        await(start);
        for (int op = 0; op < 1_500; op++) {
          if (r.nextInt(4) == 0) {
            related.remove(ArticleId.of("a" + r.nextInt(IDS)));
          } else {
            // a new version of a random id: the catalog generator numbers its articles a0, a1, ...
            List<Integer> one = new ArrayList<>();
            int target = r.nextInt(IDS);
            for (int i = 0; i <= target; i++) {
              one.add(i == target ? r.nextInt() : 0);
            }
            related.put(Catalogs.of(one, NOW).get(target));
          }
        }
        return null;
      }));
    }
    for (int q = 0; q < 3; q++) {
      int reader = q;
      tasks.add(pool.submit(() -> {
        Random r = new Random(200 + reader);
        await(start);
        for (int op = 0; op < 3_000; op++) {
          ArticleId subject = ArticleId.of("a" + r.nextInt(IDS));
          int limit = 1 + r.nextInt(6);
          List<RelatedArticle> results = related.related(subject, limit);
          if (results.size() > limit) {
            violations.add(subject + ": " + results.size() + " results for limit " + limit);
          }
          for (RelatedArticle result : results) {
            if (result.article().id().equals(subject) || !result.article().isVisibleAt(NOW)) {
              violations.add(subject + ": returned " + result.article());
            }
          }
          if (results.stream().map(x -> x.article().id()).distinct().count() != results.size()) {
            violations.add(subject + ": duplicates in " + results);
          }
        }
        return null;
      }));
    }
    start.countDown();
    pool.shutdown();
    assertThat(pool.awaitTermination(2, TimeUnit.MINUTES)).isTrue();
    for (Future<?> task : tasks) {
      task.get(); // rethrows any exception from a worker
    }
    assertThat(violations).isEmpty();

    // The index the threads left behind answers exactly as one built afresh from the same articles.
    List<Article> survivors = new ArrayList<>();
    for (int i = 0; i < IDS; i++) {
      related.get(ArticleId.of("a" + i)).ifPresent(survivors::add);
    }
    RelatedArticles fresh = RelatedArticles.builder().clock(InstantSource.fixed(NOW)).build();
    fresh.putAll(survivors);
    assertThat(survivors).isNotEmpty();
    assertThat(related.size()).isEqualTo(survivors.size());
    for (Article a : survivors) {
      assertThat(related.related(a.id(), 5)).isEqualTo(fresh.related(a.id(), 5));
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
