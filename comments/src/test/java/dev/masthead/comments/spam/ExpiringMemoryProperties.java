package dev.masthead.comments.spam;

import dev.masthead.testing.TestClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The in-memory stores' memory against a plain oracle: a key is remembered while its retention has not passed
 * and it is among the {@code maxEntries} keys written most recently; writing a key again makes it the newest.
 */
class ExpiringMemoryProperties {
  static final long SEED = 0x5EED_1210L;

  /** op % 4: 0 put, 1 putIfAbsent, 2 get, 3 let time pass; key in 0..7; seconds in 0..4. */
  private record Op(int op, int key, int seconds) {}

  @Test
  void remembersExactlyTheRecentLiveKeys() {
    qt().withFixedSeed(SEED).withExamples(500)
        .forAll(integers().between(1, 5), integers().between(1, 8),
            lists().of(integers().between(0, 4 * 8 * 5 - 1).map(i -> new Op(i % 4, i / 4 % 8, i / 32)))
                .ofSizeBetween(1, 60))
        .checkAssert((max, retentionSeconds, ops) -> {
          TestClock clock = new TestClock(Instant.EPOCH);
          Duration retention = Duration.ofSeconds(retentionSeconds);
          ExpiringMemory<Integer> memory = new ExpiringMemory<>(max, clock);
          Map<String, Instant> written = new HashMap<>(); // the oracle: last write time of each key
          Map<String, Integer> values = new HashMap<>();
          List<String> order = new ArrayList<>(); // keys by last write, oldest first
          int value = 0;
          for (Op op : ops) {
            String key = "k" + op.key();
            boolean live = isLive(key, clock.instant(), retention, max, written, order);
            switch (op.op()) {
              case 0, 1 -> {
                boolean wrote = op.op() == 0 || !live;
                value++;
                if (op.op() == 0) {
                  memory.put(key, value, retention);
                } else {
                  assertThat(memory.putIfAbsent(key, value, retention)).as("putIfAbsent %s", key).isEqualTo(!live);
                }
                if (wrote) {
                  written.put(key, clock.instant());
                  values.put(key, value);
                  order.remove(key);
                  order.add(key);
                }
              }
              case 2 -> assertThat(memory.get(key)).as("get %s", key).isEqualTo(live ? values.get(key) : null);
              default -> clock.advance(Duration.ofSeconds(op.seconds()));
            }
            assertThat(memory.size()).isLessThanOrEqualTo(max);
          }
        });
  }

  private static boolean isLive(String key, Instant now, Duration retention, int max, Map<String, Instant> written,
      List<String> order) {
    Instant at = written.get(key);
    if (at == null || !now.isBefore(at.plus(retention))) {
      return false;
    }
    int newer = order.size() - 1 - order.indexOf(key);
    return newer < max;
  }
}
