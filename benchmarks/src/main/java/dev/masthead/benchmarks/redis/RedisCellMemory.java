package dev.masthead.benchmarks.redis;

import dev.masthead.core.ArticleId;
import dev.masthead.ranking.CounterStore;
import dev.masthead.ranking.RankingConfig;
import dev.masthead.ranking.RankingEngine;
import dev.masthead.redis.RedisConnection;
import dev.masthead.redis.RedisCounterStore;
import dev.masthead.redis.RedisServer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Measures Redis memory per live (article, kind, bucket) cell of {@link RedisCounterStore}: {@code used_memory}
 * from {@code INFO memory} of a fresh {@code redis-server} (no persistence, started by this program) before and
 * after filling a namespace, divided by the store's live cells; and {@code MEMORY USAGE} of one bucket's counts
 * hash of one kind divided by its fields. Cells are written through the store's {@code add} with the default layout
 * (minute and hour tiers, running totals of 24 h, 7 d and 30 d), so the figure includes the hour tier's cells,
 * the running totals (bands) and the shared latest-event set that each cell brings.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar dev.masthead.benchmarks.redis.RedisCellMemory}, or with
 * {@code ARTICLES BUCKETS STEP_MINUTES} for one shape only (a quick check: {@code 2000 60 1}).
 */
public final class RedisCellMemory {
  private RedisCellMemory() {}

  /**
   * Runs the measurement for a few shapes, or the one given, and prints one line each.
   *
   * @param args none, or articles, buckets and the step between buckets in minutes
   * @throws Exception if Redis fails
   */
  public static void main(String[] args) throws Exception {
    try (RedisServer redis = RedisServer.start();
        RedisConnection connection = RedisConnection.builder().uri(redis.uri())
            .commandTimeout(Duration.ofSeconds(10)).build()) {
      if (args.length == 3) {
        measure(redis, connection, Integer.parseInt(args[0]), Integer.parseInt(args[1]),
            Duration.ofMinutes(Long.parseLong(args[2])));
        return;
      }
      measure(redis, connection, 20_000, 60, Duration.ofMinutes(1)); // 20,000 articles in each of 60 minutes
      measure(redis, connection, 100_000, 24, Duration.ofHours(1)); // 100,000 articles once an hour for a day
      measure(redis, connection, 2_000, 1_000, Duration.ofMinutes(1)); // a few articles over many minutes
    }
  }

  private static long usedMemory(RedisServer redis) {
    for (String line : redis.command("INFO", "memory").split("\r?\n")) {
      if (line.startsWith("used_memory:")) {
        return Long.parseLong(line.substring("used_memory:".length()).trim());
      }
    }
    throw new IllegalStateException("INFO memory has no used_memory");
  }

  private static void measure(RedisServer redis, RedisConnection connection, int articles, int buckets,
      Duration step) throws Exception {
    redis.command("FLUSHALL");
    Instant start = Instant.parse("2026-06-17T00:00:00Z");
    RankingConfig config = RankingEngine.builder().config();
    RedisCounterStore store = RedisCounterStore.builder(connection).namespace("memory").layout(config.layout())
        .build();
    long before = usedMemory(redis);
    long minute = 60_000;
    Instant last = start;
    for (int b = 0; b < buckets; b++) {
      Instant at = start.plus(step.multipliedBy(b));
      last = at;
      List<CounterStore.Cell> cells = new ArrayList<>(articles);
      for (int i = 0; i < articles; i++) {
        cells.add(new CounterStore.Cell(ArticleId.of("article-" + i), 0, at.toEpochMilli() / minute, 1,
            at.toEpochMilli()));
      }
      for (int from = 0; from < cells.size(); from += 10_000) {
        CounterStore.Batch batch = new CounterStore.Batch("m-" + b + "-" + from,
            cells.subList(from, Math.min(cells.size(), from + 10_000)));
        store.add(batch, at.toEpochMilli()).toCompletableFuture().get(60, TimeUnit.SECONDS);
      }
    }
    store.maintain(last.toEpochMilli()).toCompletableFuture().get(60, TimeUnit.SECONDS);
    long after = usedMemory(redis);
    CounterStore.Stats stats = store.stats().toCompletableFuture().get(60, TimeUnit.SECONDS);
    long bucket = last.toEpochMilli() / minute;
    long bucketBytes = Long.parseLong(String.valueOf(redis.command("MEMORY", "USAGE", "mh:{memory}:c:0:" + bucket + ":0")));
    long bucketCells = Long.parseLong(redis.command("HLEN", "mh:{memory}:c:0:" + bucket + ":0"));
    System.out.printf("articles=%d buckets=%d (%s) liveCells=%d used_memory delta=%d B => %.1f B/cell overall "
            + "(tiers, bands, latest-event set, markers); one minute bucket's counts: %d B for %d cells => "
            + "%.1f B/cell%n", articles, buckets, step, stats.liveCells(), after - before,
        (after - before) / (double) stats.liveCells(), bucketBytes, bucketCells, bucketBytes / (double) bucketCells);
  }
}
