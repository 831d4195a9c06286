package dev.masthead.redis;

import static dev.masthead.redis.RedisCounterStoreTest.DAY;
import static dev.masthead.redis.RedisCounterStoreTest.HOUR;
import static dev.masthead.redis.RedisCounterStoreTest.LAYOUT;
import static dev.masthead.redis.RedisCounterStoreTest.MINUTE;
import static dev.masthead.redis.RedisCounterStoreTest.NOW;
import static dev.masthead.redis.RedisCounterStoreTest.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.masthead.core.ArticleId;
import dev.masthead.ranking.Bucket;
import dev.masthead.ranking.BucketTier;
import dev.masthead.ranking.CounterStore;
import dev.masthead.ranking.CounterStore.Batch;
import dev.masthead.ranking.CounterStore.Cell;
import dev.masthead.ranking.CounterStore.Tally;
import dev.masthead.ranking.EngagementKind;
import dev.masthead.ranking.InMemoryCounterStore;
import dev.masthead.ranking.StoreLayout;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link RedisCounterStore#importFrom}: a site's counts moved from one server's in-memory store (restored from its
 * snapshot) into Redis answer every query as the in-memory store does, and go on doing so as both count on.
 */
class RedisImportTest {
  private static final long SEED = 20261202L;

  @RegisterExtension
  static final SharedRedis REDIS = new SharedRedis();

  private static RedisCounterStore redisStore(String namespace) {
    return RedisCounterStore.builder(REDIS.connection()).namespace(REDIS.newNamespace(namespace)).layout(LAYOUT)
        .build();
  }

  /** Random cells over the last 30 days (most recent, some late, some on bucket edges, some huge counts). */
  private static List<Cell> cells(SplittableRandom rnd, long now, int n) {
    List<Cell> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      long at = switch (rnd.nextInt(4)) {
        case 0 -> now - rnd.nextLong(30 * DAY);
        case 1 -> now - rnd.nextLong(2 * DAY);
        case 2 -> Math.floorDiv(now - rnd.nextLong(DAY), HOUR) * HOUR - rnd.nextInt(2);
        default -> now - rnd.nextLong(10 * MINUTE);
      };
      long count = rnd.nextInt(20) == 0 ? 3_000_000_000L + rnd.nextInt(1000) : 1 + rnd.nextInt(5);
      out.add(new Cell(ArticleId.of("story-" + rnd.nextInt(40)), rnd.nextInt(2), Math.floorDiv(at, MINUTE), count,
          at));
    }
    return out;
  }

  private static List<Tally> sorted(List<Tally> tallies) {
    List<Tally> s = new ArrayList<>(tallies);
    s.sort(Comparator.comparing(Tally::articleId));
    return s;
  }

  /** Every tracked window's top (several weightings and limits) and unions of random buckets are the same. */
  private static void assertSameAnswers(CounterStore expected, CounterStore actual, long now, SplittableRandom rnd) {
    for (Duration window : LAYOUT.trackedWindows()) {
      for (long[] weights : List.of(new long[] {1, 1}, new long[] {1, 0}, new long[] {2, 7})) {
        for (int limit : new int[] {3, Integer.MAX_VALUE}) {
          assertThat(await(actual.top(window, weights, limit, now)))
              .as("top %d of %s, weights %s", limit, window, Arrays.toString(weights))
              .containsExactlyElementsOf(await(expected.top(window, weights, limit, now)));
        }
      }
    }
    for (int t = 0; t < LAYOUT.tiers().size(); t++) {
      long res = LAYOUT.tiers().get(t).resolution().toMillis();
      long last = Math.floorDiv(now, res);
      List<Bucket> buckets = new ArrayList<>();
      for (long b = Math.max(LAYOUT.keepStart(t, now), last - 200); b <= last; b++) {
        if (rnd.nextInt(3) == 0) {
          buckets.add(new Bucket(Duration.ofMillis(res), b));
        }
      }
      double[] w = new double[buckets.size()];
      Arrays.fill(w, 1);
      assertThat(sorted(await(actual.union(buckets, w, now)))).as("union of %d buckets of tier %d", buckets.size(), t)
          .containsExactlyElementsOf(sorted(await(expected.union(buckets, w, now))));
    }
  }

  @Test
  void aSnapshotRestoredInMemoryAndImportedAnswersAsTheInMemoryStoreAndKeepsCountingAlike() throws Exception {
    SplittableRandom rnd = new SplittableRandom(SEED);
    InMemoryCounterStore server = InMemoryCounterStore.create(LAYOUT);
    for (int i = 0; i < 10; i++) {
      await(server.add(new Batch("b" + i, cells(rnd, NOW, 60)), NOW));
    }
    await(server.maintain(NOW));
    ByteArrayOutputStream snapshot = new ByteArrayOutputStream();
    server.snapshot(snapshot, Instant.ofEpochMilli(NOW));
    InMemoryCounterStore restored = InMemoryCounterStore.create(LAYOUT);
    restored.restore(new ByteArrayInputStream(snapshot.toByteArray()), Instant.ofEpochMilli(NOW));

    RedisCounterStore redis = redisStore("import");
    // an engine attached first and slid the empty windows (their pointers exist) and asked a ranking (a scoring
    // set exists): the import must still recount them
    await(redis.maintain(NOW));
    assertThat(await(redis.top(Duration.ofDays(7), new long[] {1, 1}, 5, NOW))).isEmpty();
    long written = redis.importFrom(restored, Instant.ofEpochMilli(NOW));
    assertThat(written).isEqualTo(await(restored.stats()).liveCells()).isPositive();
    assertThat(await(redis.stats()).liveCells()).isEqualTo(written);
    assertThat(await(redis.stats()).articles()).isEqualTo(await(restored.stats()).articles());
    assertSameAnswers(restored, redis, NOW, rnd);

    // both count on: new cells, then time passes and the windows slide
    long later = NOW + 3 * HOUR;
    for (int i = 0; i < 3; i++) {
      Batch b = new Batch("after" + i, cells(rnd, later, 40));
      await(restored.add(b, later));
      await(redis.add(b, later));
    }
    assertSameAnswers(restored, redis, later, rnd);
    long muchLater = NOW + 8 * DAY;
    await(restored.maintain(muchLater));
    await(redis.maintain(muchLater));
    assertSameAnswers(restored, redis, muchLater, rnd);
  }

  @Test
  void aNamespaceThatHoldsCountsIsRefusedAndKeepsThem() {
    RedisCounterStore redis = redisStore("busy");
    await(redis.add(new Batch("x", List.of(new Cell(ArticleId.of("a"), 0, Math.floorDiv(NOW, MINUTE), 2, NOW))),
        NOW));
    InMemoryCounterStore source = InMemoryCounterStore.create(LAYOUT);
    await(source.add(new Batch("y", List.of(new Cell(ArticleId.of("b"), 0, Math.floorDiv(NOW, MINUTE), 1, NOW))),
        NOW));
    assertThatThrownBy(() -> redis.importFrom(source, Instant.ofEpochMilli(NOW)))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("import needs an empty ranking namespace")
        .hasMessageContaining("holds 2 cells of 1 articles");
    assertThat(await(redis.top(Duration.ofHours(24), new long[] {1, 1}, 10, NOW)))
        .extracting(t -> t.articleId().value()).containsExactly("a");
  }

  @Test
  void aSourceOfAnotherLayoutIsRefused() {
    StoreLayout other = new StoreLayout(List.of(new BucketTier(Duration.ofMinutes(1), Duration.ofDays(1)),
        new BucketTier(Duration.ofHours(1), Duration.ofDays(35))), List.of(EngagementKind.VIEW),
        LAYOUT.trackedWindows(), LAYOUT.futureSkew());
    assertThatThrownBy(() -> redisStore("other").importFrom(InMemoryCounterStore.create(other),
        Instant.ofEpochMilli(NOW)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("the source counts in another layout");
  }
}
