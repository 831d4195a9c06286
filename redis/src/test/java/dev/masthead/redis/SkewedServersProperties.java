package dev.masthead.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.masthead.core.ArticleId;
import dev.masthead.ranking.EngagementEvent;
import dev.masthead.ranking.EngagementKind;
import dev.masthead.ranking.RankingConfig;
import dev.masthead.ranking.RankingEngine;
import dev.masthead.ranking.RecordResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Random sites of two or three servers on one namespace, each server's clock a few seconds off the site's (inside
 * the skew allowance), joining late or restarted at random, fed random events (late, ahead, on edges, hostile
 * ids) with random flushes and time jumps up to days: at every check, once they have flushed and reached the same
 * time, every server ranks every kind of window as one in-memory engine fed every event. Seeds are fixed.
 */
class SkewedServersProperties {
  private static final long SEED = 20261206L;

  @RegisterExtension
  static final SharedRedis REDIS = new SharedRedis();

  @Test
  void randomSitesOfSkewedServersRankLikeOneEngineFedEveryEvent() {
    qt().withFixedSeed(SEED).withExamples(6).forAll(longs().all()).checkAssert(SkewedServersProperties::site);
  }

  private static void site(long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    AtomicReference<Instant> base = new AtomicReference<>(
        Instant.parse("2026-01-01T00:00:00Z").plusMillis(rnd.nextLong(300L * 86_400_000)));
    RankingConfig config = SkewedServersTest.config(base::get);
    String namespace = REDIS.newNamespace("skew-site-");
    List<ArticleId> ids = SkewedServersTest.hostileIds(rnd);
    List<EngagementKind> kinds = List.of(EngagementKind.VIEW, EngagementKind.SHARE, EngagementKind.COMMENT);
    List<SkewedServersTest.Server> servers = new ArrayList<>();
    RankingEngine reference = RankingEngine.builder().config(config).clock(base::get).build();
    try {
      int size = 2 + rnd.nextInt(2);
      servers.add(new SkewedServersTest.Server(REDIS.uri(), config, base, namespace, offset(rnd)));
      for (int step = 0; step < 60; step++) {
        int op = rnd.nextInt(20);
        if (op == 0 && servers.size() < size) { // a server joins what the others counted
          servers.add(new SkewedServersTest.Server(REDIS.uri(), config, base, namespace, offset(rnd)));
        } else if (op == 1 && servers.size() > 1) { // a server restarts
          servers.remove(rnd.nextInt(servers.size())).close();
          servers.add(new SkewedServersTest.Server(REDIS.uri(), config, base, namespace, offset(rnd)));
        } else if (op == 2) {
          SkewedServersTest.compare(servers, reference, base);
        } else if (op < 6) {
          servers.get(rnd.nextInt(servers.size())).engine.flush();
        } else {
          for (int e = 0, n = 1 + rnd.nextInt(25); e < n; e++) {
            Instant now = base.get();
            Instant at = switch (rnd.nextInt(6)) {
              case 0 -> now.minusSeconds(10 + rnd.nextInt(3_580)); // late, within the hour
              case 1 -> now.minusSeconds(3_610 + rnd.nextInt(7_200)); // too late everywhere
              case 2 -> now.plusSeconds(rnd.nextInt(290)); // ahead, within the allowance
              case 3 -> now.minusMillis(now.toEpochMilli() % 3_600_000); // the hour's edge
              default -> now.minusMillis(rnd.nextInt(600_000));
            };
            EngagementEvent event = EngagementEvent.of(ids.get(rnd.nextInt(ids.size())), kinds.get(rnd.nextInt(3)),
                at);
            RecordResult r = servers.get(rnd.nextInt(servers.size())).engine.record(event);
            assertThat(reference.record(event)).as("%s, seed %d", event, seed).isEqualTo(r);
          }
          base.set(base.get().plus(switch (rnd.nextInt(8)) {
            case 0 -> Duration.ofHours(1 + rnd.nextInt(48)); // across the day, the week
            case 1 -> Duration.ofDays(3 + rnd.nextInt(10));
            default -> Duration.ofSeconds(rnd.nextInt(1_800));
          }));
        }
      }
      SkewedServersTest.compare(servers, reference, base);
    } finally {
      servers.forEach(SkewedServersTest.Server::close);
      reference.close();
    }
  }

  private static long offset(SplittableRandom rnd) {
    return rnd.nextLong(-3_000, 3_001);
  }
}
