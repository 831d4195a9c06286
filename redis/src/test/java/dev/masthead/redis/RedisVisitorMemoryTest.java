package dev.masthead.redis;

import static dev.masthead.redis.RedisCounterStoreTest.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.masthead.core.ArticleId;
import dev.masthead.core.BackendUnavailableException;
import dev.masthead.ranking.EngagementKind;
import dev.masthead.ranking.VisitorMemory.Sighting;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RedisVisitorMemoryTest {
  /** Generous for a loaded machine; the timeout tests set their own. */
  private static final Duration PERIOD = Duration.ofMinutes(30);
  private static final Duration REMEMBER = Duration.ofMinutes(95);
  private static final long T = 1_780_000_000_000L;
  @RegisterExtension
  static final SharedRedis REDIS = new SharedRedis();
  private RedisConnection connection;

  @BeforeEach
  void connect() {
    REDIS.server().command("FLUSHALL");
    connection = REDIS.connection();
  }


  private static Sighting seen(String article, String visitor, long at) {
    return new Sighting(ArticleId.of(article), EngagementKind.VIEW, visitor, at);
  }

  private static List<Boolean> firsts(RedisVisitorMemory memory, Sighting... sightings) {
    boolean[] r = await(memory.firstSightings(List.of(sightings), PERIOD, REMEMBER, T));
    Boolean[] boxed = new Boolean[r.length];
    for (int i = 0; i < r.length; i++) {
      boxed[i] = r[i];
    }
    return List.of(boxed);
  }

  @Test
  void aVisitorCountsOncePerPeriodAcrossServersByEventTime() {
    RedisVisitorMemory one = RedisVisitorMemory.builder(connection).namespace("site").build();
    RedisVisitorMemory two = RedisVisitorMemory.builder(connection).namespace("site").build();
    long m = 60_000;
    assertThat(firsts(one, seen("a", "v1", T), seen("a", "v1", T + 5 * m), seen("b", "v1", T + 5 * m),
        seen("a", "v2", T + 6 * m))).containsExactly(true, false, true, true);
    assertThat(firsts(two, seen("a", "v1", T + 29 * m), seen("a", "v1", T + 30 * m), seen("a", "v1", T + 31 * m)))
        .containsExactly(false, true, false); // the second server sees the first one's sightings
    assertThat(firsts(one, seen("a", "v1", T - 40 * m), seen("a", "v1", T - 20 * m)))
        .containsExactly(true, false); // a late event is judged against the sightings around it
    RedisVisitorMemory elsewhere = RedisVisitorMemory.builder(connection).namespace("other-site").build();
    assertThat(firsts(elsewhere, seen("a", "v1", T))).containsExactly(true);
  }

  @Test
  void remembersForTheGivenTimeAndNeverStoresTheVisitorIdInClear() {
    RedisVisitorMemory memory = RedisVisitorMemory.builder(connection).namespace("site").build();
    firsts(memory, seen("a", "203.0.113.7|Mozilla", T));
    String keys = REDIS.server().command("KEYS", "*");
    assertThat(keys).startsWith("mh:{site}:v:").doesNotContain("203.0.113.7").hasSize("mh:{site}:v:".length() + 32);
    assertThat(Long.parseLong(REDIS.server().command("PTTL", keys))).isBetween(REMEMBER.toMillis() - 5_000, REMEMBER.toMillis());
  }

  @Test
  void decidesLongListsInOrderOverSeveralScripts() {
    RedisVisitorMemory memory = RedisVisitorMemory.builder(connection).namespace("site").build();
    Sighting[] many = new Sighting[1_201];
    for (int i = 0; i < many.length; i++) {
      many[i] = seen("a" + (i % 600), "v", T + i); // each article twice, 600 apart: the second is a repeat
    }
    List<Boolean> r = firsts(memory, many);
    assertThat(r.subList(0, 600)).containsOnly(true);
    assertThat(r.subList(600, 1_200)).containsOnly(false);
    assertThat(r.get(1_200)).isFalse();
  }

  @Test
  void aKeyOfTheWrongTypeAndAnOutageFailTheCallClearly() throws Exception {
    RedisVisitorMemory memory = RedisVisitorMemory.builder(connection).namespace("site").build();
    firsts(memory, seen("a", "v", T));
    String key = REDIS.server().command("KEYS", "*");
    REDIS.server().command("DEL", key);
    REDIS.server().command("LPUSH", key, "x");
    CompletionStage<boolean[]> bad = memory.firstSightings(List.of(seen("a", "v", T)), PERIOD, REMEMBER, T);
    assertThatThrownBy(() -> bad.toCompletableFuture().get(5, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class).cause().isInstanceOf(BackendUnavailableException.class)
        .hasMessageContaining(key + " holds a list");
    assertThatThrownBy(() -> memory.firstSightings(List.of(), Duration.ZERO, REMEMBER, T))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
