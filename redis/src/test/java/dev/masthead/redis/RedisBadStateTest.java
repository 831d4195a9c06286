package dev.masthead.redis;

import static dev.masthead.redis.RedisCounterStoreTest.DAY;
import static dev.masthead.redis.RedisCounterStoreTest.HOUR;
import static dev.masthead.redis.RedisCounterStoreTest.LAYOUT;
import static dev.masthead.redis.RedisCounterStoreTest.MINUTE;
import static dev.masthead.redis.RedisCounterStoreTest.NOW;
import static dev.masthead.redis.RedisCounterStoreTest.await;
import static dev.masthead.redis.RedisCounterStoreTest.cell;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.masthead.core.BackendUnavailableException;
import dev.masthead.ranking.Bucket;
import dev.masthead.ranking.CounterStore.Batch;
import dev.masthead.ranking.CounterStore.Tally;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A namespace whose meta hash or keys were edited by hand, truncated or overwritten by something else: the store
 * either recounts from the buckets (what it can recover exactly) or fails with an error naming the key, and never
 * counts a bucket twice.
 */
class RedisBadStateTest {
  @RegisterExtension
  static final SharedRedis REDIS = new SharedRedis();
  private RedisConnection connection;

  @BeforeEach
  void connect() {
    REDIS.server().command("FLUSHALL");
    connection = REDIS.connection();
  }


  private RedisCounterStore store() {
    return RedisCounterStore.builder(connection).namespace("bad").layout(LAYOUT).chunkCells(2).build();
  }

  /** One bucket's tallies at NOW, by article id. */
  private static List<Tally> unionOf(RedisCounterStore store, Bucket bucket) {
    return CellModel.sorted(await(store.union(List.of(bucket), new double[] {1}, NOW)));
  }

  private static List<String> totals(List<Tally> tallies) {
    return tallies.stream().map(t -> t.articleId().value() + "=" + t.counts()[0] + "/" + t.counts()[1]).toList();
  }

  /** A store with counts in every band: "day" in the last day, "week" and "month" only in the longer windows. */
  private RedisCounterStore slidStore() {
    RedisCounterStore store = store();
    await(store.add(new Batch("old", List.of(cell("month", 0, NOW - 20 * DAY, 4), cell("week", 0, NOW - 3 * DAY, 2),
        cell("week", 1, NOW - 3 * DAY, 1))), NOW - 3 * DAY));
    await(store.add(new Batch("new", List.of(cell("day", 0, NOW - 2 * HOUR, 5), cell("week", 0, NOW - HOUR, 1))),
        NOW));
    await(store.maintain(NOW));
    assertExact(store, NOW);
    return store;
  }

  private static void assertExact(RedisCounterStore store, long now) {
    assertThat(totals(await(store.top(Duration.ofHours(24), new long[] {1, 1}, 10, now))))
        .containsExactly("day=5/0", "week=1/0");
    assertThat(totals(await(store.top(Duration.ofDays(7), new long[] {1, 1}, 10, now))))
        .containsExactly("day=5/0", "week=3/1");
    assertThat(totals(await(store.top(Duration.ofDays(30), new long[] {1, 1}, 10, now))))
        .containsExactly("day=5/0", "week=3/1", "month=4/0"); // a tie broken by the latest event
  }

  @Test
  void aWindowPointerDeletedFromTheMetaHashIsRecountedInsteadOfCountingItsBucketsTwice() {
    RedisCounterStore store = slidStore();
    REDIS.server().command("HDEL", "mh:{bad}:meta", "roll:0"); // the 24-hour window's pointer, by hand
    assertExact(store, NOW);
    REDIS.server().command("HDEL", "mh:{bad}:meta", "roll:0", "roll:1", "roll:2");
    await(store.maintain(NOW + 1));
    assertExact(store, NOW + 1);
  }

  @Test
  void aWindowPointerEditedToTextIsRecountedInsteadOfCountingItsBucketsTwice() {
    RedisCounterStore store = slidStore();
    REDIS.server().command("HSET", "mh:{bad}:meta", "roll:1", "not a number");
    assertExact(store, NOW);
    assertThat(REDIS.server().command("HGET", "mh:{bad}:meta", "roll:1")).matches("-?[0-9]+");
  }

  @Test
  void aScoringCountEditedToTextFailsNamingTheMetaHash() throws Exception {
    RedisCounterStore store = slidStore();
    REDIS.server().command("HSET", "mh:{bad}:meta", "sn", "lots");
    CompletionStage<List<Tally>> top = store.top(Duration.ofDays(7), new long[] {3, 1}, 10, NOW);
    assertThatThrownBy(() -> top.toCompletableFuture().get(5, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .cause().isInstanceOf(BackendUnavailableException.class).hasMessageContaining("mh:{bad}:meta");
    REDIS.server().command("HSET", "mh:{bad}:meta", "sn", "1"); // set straight: the scoring kept since slidStore answers
    assertExact(store, NOW);
  }

  @Test
  void aScoringCountDeletedFromTheMetaHashDoesNotHandANewScoringTheSetsOfAnOldOne() {
    RedisCounterStore store = slidStore(); // scoring 0: weights 1,1
    REDIS.server().command("HDEL", "mh:{bad}:meta", "sn");
    // weights 0,1: "day" (5 views, no share) scores 0, "week" 1
    assertThat(totals(await(store.top(Duration.ofDays(7), new long[] {0, 1}, 1, NOW)))).containsExactly("week=3/1");
    // the first scoring's sets still rank by 1,1: "day" (5) before "week" (4)
    assertThat(totals(await(store.top(Duration.ofDays(7), new long[] {1, 1}, 1, NOW)))).containsExactly("day=5/0");
    assertThat(REDIS.server().command("HGET", "mh:{bad}:meta", "s:0,1")).isNotEqualTo(REDIS.server().command("HGET", "mh:{bad}:meta",
        "s:1,1"));
  }

  @Test
  void sharedKeysOfTheWrongTypeAreNamedAndNothingOfTheChunkLands() throws Exception {
    for (String key : List.of("wl", "r:0", "r:1", "w:0:1", "ok:again:0")) {
      REDIS.server().command("FLUSHALL");
      RedisCounterStore store = store();
      await(store.add(new Batch("first", List.of(cell("a", 0, NOW - HOUR, 1))), NOW));
      await(store.top(Duration.ofDays(7), new long[] {1, 1}, 10, NOW)); // a scoring set exists from here on
      REDIS.server().command("DEL", "mh:{bad}:" + key);
      REDIS.server().command("SADD", "mh:{bad}:" + key, "x");
      CompletionStage<Void> add = store.add(new Batch("again", List.of(cell("a", 1, NOW, 1))), NOW);
      assertThatThrownBy(() -> add.toCompletableFuture().get(5, TimeUnit.SECONDS)).as(key)
          .isInstanceOf(ExecutionException.class)
          .cause().isInstanceOf(BackendUnavailableException.class)
          .hasMessageContaining("mh:{bad}:" + key + " holds a set");
      assertThat(REDIS.server().command("TYPE", "mh:{bad}:ok:again:0")).as(key).isIn("none", "set");
    }
  }
  @Test
  void aCellValueEditedByHandCountsAsZeroAndNoChunkSlideOrUnionFailsHalfWayOverIt() {
    RedisCounterStore store = store(); // two cells a chunk: the second add below is two chunks
    long at = NOW - 2 * HOUR + 1_500;
    long minute = Math.floorDiv(at, MINUTE);
    long hour = Math.floorDiv(at, HOUR);
    String minuteKey = "mh:{bad}:c:0:" + minute + ":0";
    String hourKey = "mh:{bad}:c:1:" + hour + ":0";
    await(store.add(new Batch("first", List.of(cell("x", 0, at, 3), cell("y", 0, at, 4))), NOW));
    await(store.maintain(NOW)); // the windows' pointers exist from here on: no recount from the cells
    REDIS.server().command("HSET", minuteKey, "x", "not a count");
    REDIS.server().command("HSET", hourKey, "y", "7:");
    // every cell of both chunks lands; the edited values are overwritten by the new counts
    await(store.add(new Batch("second", List.of(cell("x", 0, at, 1), cell("y", 0, at, 1), cell("z", 0, at, 2))),
        NOW));
    assertThat(REDIS.server().command("HGET", minuteKey, "x")).isEqualTo(Long.toString(MINUTE + at % MINUTE));
    assertThat(REDIS.server().command("HGET", hourKey, "y")).isEqualTo(Long.toString(HOUR + at % HOUR));
    assertThat(REDIS.server().command("HGET", minuteKey, "z")).isEqualTo(Long.toString(2 * MINUTE + at % MINUTE));
    // the add marked the windows for a recount: they hold what their buckets hold (x's edited 3 is lost in the
    // minute, as it is in a union), not a count that no bucket holds and that would never leave the windows
    assertThat(totals(await(store.top(Duration.ofHours(24), new long[] {1, 1}, 10, NOW))))
        .containsExactly("y=5/0", "z=2/0", "x=1/0");
    REDIS.server().command("HSET", minuteKey, "z", "-1");
    assertThat(totals(unionOf(store, new Bucket(Duration.ofMinutes(1), minute))))
        .containsExactly("x=1/0", "y=5/0"); // z's only cell there reads as 0: no tally
    // the minute leaves the 24 hours: the slide completes (z's cell moves as 0), then recounts every window, and
    // the 7 days hold what the hour holds (y's edited hour cell was overwritten by its 1)
    await(store.maintain(NOW + 2 * DAY));
    assertThat(await(store.top(Duration.ofHours(24), new long[] {1, 1}, 10, NOW + 2 * DAY))).isEmpty();
    assertThat(totals(await(store.top(Duration.ofDays(7), new long[] {1, 1}, 10, NOW + 2 * DAY))))
        .containsExactly("x=4/0", "z=2/0", "y=1/0");
  }

  @Test
  void aCellEditedToTextWithAnOffsetPastItsBucketCountsAsZeroInsteadOfInflatingTheCountOnTheNextAdd() {
    RedisCounterStore store = store();
    long at = NOW - 2 * HOUR + 1_500;
    long minute = Math.floorDiv(at, MINUTE);
    String minuteKey = "mh:{bad}:c:0:" + minute + ":0";
    await(store.add(new Batch("first", List.of(cell("x", 0, at, 3), cell("y", 0, at, 4))), NOW));
    // "5:<ms>" with ms past the minute's end (27 hours): not a cell of this bucket, so neither form
    REDIS.server().command("HSET", minuteKey, "x", "5:99999999");
    Bucket b = new Bucket(Duration.ofMinutes(1), minute);
    assertThat(unionOf(store, b)).extracting(t -> t.articleId().value() + "=" + t.counts()[0] + "@" + t.lastEventEpochMillis())
        .containsExactly("y=4@" + at);
    // the add that meets it overwrites it with its own count and time (packing 6 x 60,000 + 99,999,999 read 1,672)
    await(store.add(new Batch("second", List.of(cell("x", 0, at, 1))), NOW));
    assertThat(REDIS.server().command("HGET", minuteKey, "x")).isEqualTo(Long.toString(MINUTE + at % MINUTE));
    assertThat(unionOf(store, b)).extracting(t -> t.articleId().value() + "=" + t.counts()[0] + "@" + t.lastEventEpochMillis())
        .containsExactly("x=1@" + at, "y=4@" + at);
  }

  @Test
  void aCellEditedByHandStillLeavesTheShorterWindowWhenItsBucketSlidesOut() {
    RedisCounterStore store = store();
    long at = NOW - 2 * HOUR + 1_500;
    long minute = Math.floorDiv(at, MINUTE);
    String minuteKey = "mh:{bad}:c:0:" + minute + ":0";
    await(store.add(new Batch("first", List.of(cell("x", 0, at, 3), cell("y", 0, at, 4))), NOW));
    await(store.maintain(NOW));
    REDIS.server().command("HSET", minuteKey, "x", "not a count");
    await(store.add(new Batch("second", List.of(cell("x", 0, at, 1))), NOW));
    await(store.maintain(NOW + 2 * DAY));
    // the minute left the 24 hours: nothing of it may stay there
    assertThat(totals(await(store.top(Duration.ofHours(24), new long[] {1, 1}, 10, NOW + 2 * DAY)))).isEmpty();
  }

  @Test
  void aCellEditedByHandNeitherMakesATallyOfNothingNorMovesTheLatestEventInAUnionOrARecount() {
    RedisCounterStore store = store();
    long early = NOW - 3 * HOUR + 2_000;
    long late = NOW - HOUR + 5_000;
    await(store.add(new Batch("first", List.of(cell("y", 0, early, 4), cell("y", 0, late, 1), cell("z", 0, late, 2))),
        NOW));
    long lateMinute = Math.floorDiv(late, MINUTE);
    long lateHour = Math.floorDiv(late, HOUR);
    for (String key : List.of("mh:{bad}:c:0:" + lateMinute + ":0", "mh:{bad}:c:1:" + lateHour + ":0")) {
      REDIS.server().command("HSET", key, "y", "not a count");
      REDIS.server().command("HSET", key, "z", "garbage");
    }
    List<Bucket> minutes = List.of(new Bucket(Duration.ofMinutes(1), Math.floorDiv(early, MINUTE)),
        new Bucket(Duration.ofMinutes(1), lateMinute));
    List<Tally> union = await(store.union(minutes, new double[] {1, 1}, NOW));
    // z has no readable count there: no tally (a union holds articles with a positive count); y's latest event is
    // its readable one, not the start of the minute whose cell is unreadable
    assertThat(union).extracting(t -> t.articleId().value() + "=" + t.counts()[0] + "@" + t.lastEventEpochMillis())
        .containsExactly("y=4@" + early);
    // the same from a recount of the windows (the pointers deleted by hand), whose tiers agree now
    REDIS.server().command("HDEL", "mh:{bad}:meta", "roll:0", "roll:1", "roll:2");
    assertThat(await(store.top(Duration.ofHours(24), new long[] {1, 1}, 10, NOW)))
        .extracting(t -> t.articleId().value() + "=" + t.counts()[0] + "@" + t.lastEventEpochMillis())
        .containsExactly("y=4@" + early);
  }
}
