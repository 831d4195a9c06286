package dev.masthead.ranking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.masthead.core.ArticleId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The recording buffers against plain arithmetic and a plain map. */
class IngestBuffersProperties {
  private static final long SEED = 20261201L;

  @Test
  void bucketOfIsFloorDivisionForEveryResolution() {
    List<Long> resolutions = List.of(1_000L, 2_000L, 60_000L, 300_000L, 3_600_000L, 86_400_000L);
    qt().withFixedSeed(SEED).withExamples(20_000)
        .forAll(integers().between(0, resolutions.size() - 1), longs().between(-(1L << 50), Long.MAX_VALUE / 4))
        .checkAssert((r, at) -> {
          long res = resolutions.get(r);
          assertThat(new IngestBuffers(16, 64, res).bucketOf(at)).isEqualTo(Math.floorDiv(at, res));
        });
    for (long res : resolutions) {
      IngestBuffers b = new IngestBuffers(16, 64, res);
      for (long at : new long[] {0, res - 1, res, res + 1, Long.MAX_VALUE / 4, Long.MAX_VALUE / 4 - 1, -1, -res}) {
        assertThat(b.bucketOf(at)).as("%d / %d", at, res).isEqualTo(Math.floorDiv(at, res));
      }
    }
  }

  @Test
  void everyAcceptedCountIsDrainedOnceAsCoalescedCells() {
    qt().withFixedSeed(SEED + 1).withExamples(50).forAll(longs().all()).checkAssert(seed -> {
      SplittableRandom rnd = new SplittableRandom(seed);
      IngestBuffers buffers = new IngestBuffers(16 + rnd.nextInt(2_000), Long.MAX_VALUE / 2, 60_000);
      Map<String, long[]> expected = new HashMap<>();
      List<CounterStore.Cell> drained = new ArrayList<>();
      int events = rnd.nextInt(20_000);
      for (int i = 0; i < events; i++) {
        ArticleId id = ArticleId.of("a" + rnd.nextInt(1 + rnd.nextInt(3_000)));
        int kind = rnd.nextInt(3);
        long at = 1_780_000_000_000L + rnd.nextLong(3_600_000);
        long count = 1 + rnd.nextInt(5);
        buffers.add(id, kind, at, count);
        long[] e = expected.computeIfAbsent(id.value() + "/" + kind + "/" + Math.floorDiv(at, 60_000),
            k -> new long[] {0, Long.MIN_VALUE});
        e[0] += count;
        e[1] = Math.max(e[1], at);
        if (rnd.nextInt(5_000) == 0) {
          drain(buffers, drained);
        }
      }
      drain(buffers, drained);
      Map<String, long[]> actual = new HashMap<>();
      for (CounterStore.Cell c : drained) {
        long[] a = actual.computeIfAbsent(c.articleId().value() + "/" + c.kindIndex() + "/" + c.bucketIndex(),
            k -> new long[] {0, Long.MIN_VALUE});
        a[0] += c.count();
        a[1] = Math.max(a[1], c.lastEventEpochMillis());
      }
      assertThat(actual.keySet()).isEqualTo(expected.keySet());
      expected.forEach((k, e) -> assertThat(actual.get(k)).as(k).containsExactly(e[0], e[1]));
      assertThat(buffers.accepted()).isEqualTo(events);
    });
  }

  private static void drain(IngestBuffers buffers, List<CounterStore.Cell> out) {
    for (CoalescingTable t : buffers.drain().tables()) {
      t.drainTo(out);
    }
  }
}
