package dev.masthead.benchmarks.redis;

import dev.masthead.ranking.EngagementEvent;
import dev.masthead.ranking.RankingConfig;
import dev.masthead.ranking.RankingEngine;
import dev.masthead.ranking.RankingQuery;
import dev.masthead.redis.RedisConnection;
import dev.masthead.redis.RedisCounterStore;
import dev.masthead.redis.RedisServer;
import java.io.IOException;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Optional;

/**
 * Redis's own cost of a flush: the workload of {@link RedisIngestBenchmark} ({@code masthead-ranked}, or
 * {@code masthead} with {@code unranked}), flushed block by block into a {@code redis-server} this program starts,
 * and Redis's {@code INFO commandstats} for {@code EVALSHA} (calls, microseconds) and {@code INFO cpu} over the
 * measured blocks (the first two blocks warm up and are not counted).
 *
 * <p>Timings on a shared machine move by tens of percent between runs, so a change to the Lua scripts is better
 * compared by the instructions Redis executes, which do not: put a {@code redis-server} script first on the
 * {@code PATH} that runs {@code exec valgrind --tool=callgrind --callgrind-out-file=/tmp/cg.out /usr/bin/redis-server
 * "$@"} and pass {@code --callgrind}: this program then zeroes callgrind's counters after the warm-up blocks and
 * dumps them after the last ({@code callgrind_control -z} and {@code -d} for that server's process only), and
 * {@code callgrind_annotate /tmp/cg.out.1 | grep TOTALS} gives the instructions of the measured blocks. Under
 * callgrind one block takes about 20 seconds, within the flush timeout of 60 seconds.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar dev.masthead.benchmarks.redis.RedisFlushCost
 * [blocks] [ranked|unranked] [--callgrind]} (default 5 blocks, ranked).
 */
public final class RedisFlushCost {
  private static final int WARM_UP = 2;

  private RedisFlushCost() {}

  /**
   * Runs the blocks and prints one line per block and the totals.
   *
   * @param args blocks to measure, {@code ranked} or {@code unranked}, and {@code --callgrind}, each optional
   * @throws Exception if Redis fails or a flush does not land
   */
  public static void main(String[] args) throws Exception {
    int blocks = 5;
    boolean ranked = true;
    boolean callgrind = false;
    for (String a : args) {
      switch (a) {
        case "ranked" -> ranked = true;
        case "unranked" -> ranked = false;
        case "--callgrind" -> callgrind = true;
        default -> blocks = Integer.parseInt(a);
      }
    }
    EngagementEvent[] events = RedisIngestBenchmark.events();
    try (RedisServer redis = RedisServer.start();
        RedisConnection connection = RedisConnection.builder().uri(redis.uri())
            .commandTimeout(Duration.ofSeconds(callgrind ? 60 : 5)).build()) {
      InstantSource clock = InstantSource.fixed(RedisIngestBenchmark.NOW);
      RankingConfig config = RankingEngine.builder().clock(clock).uniqueVisitorPeriod(Duration.ZERO)
          .flushInterval(Duration.ofMinutes(1)).storeTimeout(Duration.ofSeconds(60)).config();
      RedisCounterStore store = RedisCounterStore.builder(connection).namespace("bench").layout(config.layout())
          .build();
      try (RankingEngine engine = RankingEngine.builder().config(config).clock(clock).counterStore(store).build()) {
        if (ranked) {
          engine.top(RankingQuery.top(RankingQuery.Window.last(Duration.ofDays(7)), 5));
        }
        int next = 0;
        for (int b = 0; b < WARM_UP + blocks; b++) {
          if (b == WARM_UP) {
            redis.command("CONFIG", "RESETSTAT");
            if (callgrind) {
              callgrindControl("-z", redis.port());
            }
          }
          long t0 = System.nanoTime();
          for (int i = 0; i < RedisIngestBenchmark.BLOCK; i++) {
            engine.record(events[next++ & (RedisIngestBenchmark.EVENTS - 1)]);
          }
          if (!engine.flush()) {
            throw new IllegalStateException("a flush failed: " + engine.stats());
          }
          System.out.printf("block %d%s: %.0f ms%n", b, b < WARM_UP ? " (warm-up)" : "",
              (System.nanoTime() - t0) / 1e6);
        }
        if (callgrind) {
          callgrindControl("-d", redis.port());
        }
      }
      for (String line : redis.command("INFO", "commandstats").split("\r?\n")) {
        if (line.startsWith("cmdstat_evalsha") || line.startsWith("cmdstat_eval:")) {
          System.out.println(line);
        }
      }
      for (String line : redis.command("INFO", "cpu").split("\r?\n")) {
        if (line.startsWith("used_cpu_user:") || line.startsWith("used_cpu_sys:")) {
          System.out.println(line + " (s, the whole server's life)");
        }
      }
    }
  }

  /** Runs {@code callgrind_control option pid} for the redis-server listening on {@code port}. */
  private static void callgrindControl(String option, int port) throws IOException, InterruptedException {
    String flag = "--port " + port + " ";
    Optional<ProcessHandle> server = ProcessHandle.allProcesses()
        .filter(p -> p.info().commandLine().map(c -> c.contains(flag)).orElse(false)).findFirst();
    if (server.isEmpty()) {
      throw new IllegalStateException("no process with '" + flag + "' in its command line");
    }
    int rc = new ProcessBuilder("callgrind_control", option, Long.toString(server.get().pid())).inheritIO().start()
        .waitFor();
    if (rc != 0) {
      throw new IllegalStateException("callgrind_control " + option + " exited with " + rc);
    }
  }
}
