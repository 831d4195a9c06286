package dev.masthead.ranking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.masthead.core.ArticleId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The packed coalescing table against a plain map, with the inputs the packed form cannot hold: counts past the
 * packed field, buckets far from the table's first one, every bucket length from 1 ms to 2^31 - 1 ms, and growth.
 */
class CoalescingTableProperties {
  private static final long SEED = 20261202L;
  private static final long[] RESOLUTIONS = {1, 1_000, 60_000, 3_600_000, Integer.MAX_VALUE};

  @Test
  void everyCellIsKeptExactlyAsAPlainMapWould() {
    qt().withFixedSeed(SEED).withExamples(300).forAll(longs().all()).checkAssert(seed -> {
      SplittableRandom rnd = new SplittableRandom(seed);
      long res = RESOLUTIONS[rnd.nextInt(RESOLUTIONS.length)];
      CoalescingTable table = new CoalescingTable(16, res);
      // Two rounds on one table, emptied between them: a table the flusher recycles must count as a new one.
      for (int round = 0; round < 2; round++) {
        Map<String, long[]> expected = new HashMap<>();
        long events = 0;
        int n = rnd.nextInt(3_000);
        long origin = rnd.nextLong(1L << 40);
        for (int i = 0; i < n; i++) {
          ArticleId id = ArticleId.of("a" + rnd.nextInt(1 + rnd.nextInt(400)));
          int kind = rnd.nextInt(1 + rnd.nextInt(CoalescingTable.MAX_KINDS));
          long bucket = switch (rnd.nextInt(4)) {
            case 0 -> origin + rnd.nextLong(-(1L << 23), 1L << 23); // far from the first bucket: spilled
            default -> origin + rnd.nextInt(5);
          };
          long at = bucket * res + rnd.nextLong(res);
          long count = switch (rnd.nextInt(6)) {
            case 0 -> 1 + rnd.nextLong(Long.MAX_VALUE / 2); // past any packed field
            case 1 -> (1L << (47 + rnd.nextInt(10))) - rnd.nextInt(3); // at the packed field's edge
            default -> 1 + rnd.nextInt(9);
          };
          if (!table.add(id, kind, bucket, count, at)) {
            table = table.grown();
            assertThat(table.add(id, kind, bucket, count, at)).isTrue();
          }
          long[] e = expected.computeIfAbsent(id.value() + "/" + kind + "/" + bucket, k -> new long[] {0, Long.MIN_VALUE});
          e[0] = Saturating.add(e[0], count);
          e[1] = Math.max(e[1], at);
          events = Saturating.add(events, count);
        }
        List<CounterStore.Cell> cells = table.cells();
        Map<String, long[]> actual = new HashMap<>();
        for (CounterStore.Cell c : cells) {
          String k = c.articleId().value() + "/" + c.kindIndex() + "/" + c.bucketIndex();
          assertThat(actual.put(k, new long[] {c.count(), c.lastEventEpochMillis()})).as("cell %s once", k).isNull();
        }
        assertThat(actual.keySet()).isEqualTo(expected.keySet());
        expected.forEach((k, e) -> assertThat(actual.get(k)).as(k).containsExactly(e[0], e[1]));
        assertThat(table.size()).isEqualTo(expected.size());
        assertThat(table.events()).isEqualTo(events);
        table.clear();
        assertThat(table.size()).isZero();
        assertThat(table.cells()).isEmpty();
        assertThat(table.events()).isZero();
      }
    });
  }

  @Test
  void aFullTableRefusesANewKeyAndChangesNothing() {
    CoalescingTable table = new CoalescingTable(16, 60_000);
    List<String> keys = new ArrayList<>();
    for (int i = 0; table.add(ArticleId.of("a" + i), 0, bucket(i), 1, bucket(i) * 60_000); i++) {
      keys.add("a" + i);
    }
    assertThat(keys).hasSize(12); // 3/4 of 16, spilled cells included
    assertThat(table.add(ArticleId.of("new"), 0, 100, 1, 6_000_000)).isFalse();
    assertThat(table.add(ArticleId.of("new"), 0, 1L << 40, 1, (1L << 40) * 60_000)).isFalse();
    assertThat(table.add(ArticleId.of("a0"), 0, 100, 5, 6_000_001)).isTrue(); // a known key still coalesces
    assertThat(table.add(ArticleId.of("a1"), 0, bucket(1), 5, bucket(1) * 60_000)).isTrue(); // and a spilled one
    assertThat(table.size()).isEqualTo(12);
    assertThat(table.events()).isEqualTo(22);
  }

  /** Every other key far from the first bucket, so that it is spilled. */
  private static long bucket(int i) {
    return 100 + (i % 2 == 0 ? 0 : 1L << 30);
  }
}
