package dev.masthead.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.masthead.core.ArticleId;
import dev.masthead.core.BackendUnavailableException;
import dev.masthead.ranking.Bucket;
import dev.masthead.ranking.BucketTier;
import dev.masthead.ranking.CounterStore.Batch;
import dev.masthead.ranking.CounterStore.Cell;
import dev.masthead.ranking.CounterStore.Tally;
import dev.masthead.ranking.EngagementKind;
import dev.masthead.ranking.StoreLayout;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Examples of the Redis store's own rules: attaching, bad state, resent chunks, sliding, ties. */
class RedisCounterStoreTest {
  /** Generous for a loaded machine; the timeout tests set their own. */
  static final long MINUTE = 60_000;
  static final long HOUR = 60 * MINUTE;
  static final long DAY = 24 * HOUR;
  static final StoreLayout LAYOUT = new StoreLayout(
      List.of(new BucketTier(Duration.ofMinutes(1), Duration.ofDays(1)),
          new BucketTier(Duration.ofHours(1), Duration.ofDays(35))),
      List.of(EngagementKind.VIEW, EngagementKind.SHARE),
      List.of(Duration.ofHours(24), Duration.ofDays(7), Duration.ofDays(30)), Duration.ofMinutes(5));
  static final long NOW = Instant.parse("2026-03-02T12:00:30Z").toEpochMilli();

  @RegisterExtension
  static final SharedRedis REDIS = new SharedRedis();
  private RedisConnection connection;

  @BeforeEach
  void connect() {
    REDIS.server().command("FLUSHALL");
    REDIS.server().command("CONFIG", "SET", "maxmemory-policy", "noeviction");
    connection = REDIS.connection();
  }


  private RedisCounterStore store() {
    return RedisCounterStore.builder(connection).namespace("t").layout(LAYOUT).chunkCells(3).build();
  }

  static <T> T await(CompletionStage<T> stage) {
    try {
      return stage.toCompletableFuture().get(5, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  static Cell cell(String id, int kind, long at, long count) {
    return new Cell(ArticleId.of(id), kind, Math.floorDiv(at, MINUTE), count, at);
  }

  static List<String> ids(List<Tally> tallies) {
    return tallies.stream().map(t -> t.articleId().value()).toList();
  }

  @Test
  void topOfATrackedWindowIsExactAndOrderedByScoreThenLatestEventThenId() {
    RedisCounterStore store = store();
    await(store.add(new Batch("b1", List.of(
        cell("a", 0, NOW - 10 * MINUTE, 3), cell("b", 1, NOW - 5 * MINUTE, 1), cell("c", 0, NOW - 2 * MINUTE, 5),
        cell("d", 0, NOW - 3 * MINUTE, 5), cell("e", 0, NOW - 3 * MINUTE, 5), cell("a", 1, NOW - MINUTE, 1),
        cell("f", 1, NOW - 2 * DAY, 9))), NOW));
    List<Tally> top = await(store.top(Duration.ofHours(24), new long[] {1, 5}, 4, NOW));
    // a: 3 + 5 = 8; c, d, e: 5 (c latest; d before e by id); b: 5 with the oldest event; f is outside 24 h
    assertThat(ids(top)).containsExactly("a", "c", "d", "e");
    assertThat(top.get(0).counts()).containsExactly(3, 1);
    assertThat(top.get(0).lastEventEpochMillis()).isEqualTo(NOW - MINUTE);
    assertThat(ids(await(store.top(Duration.ofDays(7), new long[] {1, 5}, 10, NOW))))
        .containsExactly("f", "a", "c", "d", "e", "b"); // b scores 5 too, with the oldest event
    assertThat(ids(await(store.top(Duration.ofHours(24), new long[] {1, 0}, Integer.MAX_VALUE, NOW))))
        .containsExactly("c", "d", "e", "a", "b"); // b has a score of 0 and is still a candidate
  }

  @Test
  void topOfALongWindowFindsArticlesInTheTopOfNoBandAndBreaksATieAtTheCutExactly() {
    RedisCounterStore store = store();
    await(store.maintain(NOW)); // the windows' pointers are set: each cell below lands in its own band
    List<Cell> cells = new ArrayList<>();
    for (int i = 0; i < 20; i++) { // every band's first 20 are fillers of 10 views, more than a first read takes
      cells.add(cell(String.format("h%02d", i), 0, NOW - HOUR, 10));
      cells.add(cell(String.format("w%02d", i), 0, NOW - 3 * DAY, 10));
      cells.add(cell(String.format("m%02d", i), 0, NOW - 10 * DAY, 10));
    }
    for (String a : List.of("x", "y", "z")) { // 6 views in every band: below 20 others in each, 18 in 30 days
      cells.add(cell(a, 0, a.equals("z") ? NOW - MINUTE : NOW - HOUR, 6));
      cells.add(cell(a, 0, NOW - 3 * DAY, 6));
      cells.add(cell(a, 0, NOW - 10 * DAY, 6));
    }
    cells.add(cell("q", 1, NOW - 10 * DAY, 100)); // a share, weighted 0 below
    await(store.add(new Batch("bands", cells), NOW));
    long[] views = {1, 0};
    // 30 days: x, y, z tie at 18 (z has the latest event; x before y by id); all 60 fillers tie at 10
    assertThat(ids(await(store.top(Duration.ofDays(30), views, 2, NOW)))).containsExactly("z", "x");
    assertThat(ids(await(store.top(Duration.ofDays(30), views, 5, NOW))))
        .containsExactly("z", "x", "y", "h00", "h01");
    assertThat(ids(await(store.top(Duration.ofDays(7), views, 4, NOW)))).containsExactly("z", "x", "y", "h00");
    // 24 hours: 20 fillers tied at 10 above x, y, z; the cut falls inside the tie, broken by id
    assertThat(ids(await(store.top(Duration.ofHours(24), views, 3, NOW)))).containsExactly("h00", "h01", "h02");
    assertThat(ids(await(store.top(Duration.ofHours(24), views, 21, NOW))).subList(19, 21))
        .containsExactly("h19", "z");
    List<String> all = ids(await(store.top(Duration.ofDays(30), views, Integer.MAX_VALUE, NOW)));
    assertThat(all).hasSize(64).endsWith("q"); // q scores 0 and is still ranked
    assertThat(ids(await(store.top(Duration.ofDays(30), new long[] {0, 1}, 1, NOW)))).containsExactly("q");
    // a day later, x's, y's and z's current cells move to the 7 days' band, their scores with them
    await(store.maintain(NOW + 2 * DAY));
    assertThat(ids(await(store.top(Duration.ofDays(7), views, 3, NOW + 2 * DAY)))).containsExactly("z", "x", "y");
    assertThat(await(store.top(Duration.ofHours(24), views, 3, NOW + 2 * DAY))).isEmpty();
  }

  @Test
  void aResentBatchCountsOnce() {
    RedisCounterStore store = store();
    Batch batch = new Batch("node-1:42", List.of(cell("a", 0, NOW, 2), cell("b", 0, NOW, 1),
        cell("a", 0, NOW - MINUTE, 1), cell("c", 1, NOW, 4), cell("a", 0, NOW, 1)));
    await(store.add(batch, NOW));
    await(store.add(batch, NOW));
    await(store.add(batch, NOW + 1000));
    List<Tally> top = await(store.top(Duration.ofHours(24), new long[] {1, 1}, 10, NOW));
    assertThat(top).extracting(t -> t.articleId().value() + "=" + t.counts()[0] + "/" + t.counts()[1])
        .containsExactly("a=4/0", "c=0/4", "b=1/0");
    assertThat(await(store.stats()).liveCells()).isEqualTo(2 * 4); // a twice, b, c: in both tiers
  }

  @Test
  void aBucketLeavesTheRunningTotalsOnceWhoeverMaintains() {
    RedisCounterStore one = store();
    RedisCounterStore two = store();
    await(one.add(new Batch("x", List.of(cell("old", 0, NOW - 23 * HOUR, 7), cell("new", 0, NOW, 2))), NOW));
    long later = NOW + 2 * HOUR;
    await(one.maintain(later));
    await(two.maintain(later));
    await(one.maintain(later - HOUR)); // an earlier time changes nothing
    await(two.maintain(later + 1));
    assertThat(ids(await(two.top(Duration.ofHours(24), new long[] {1, 1}, 10, later)))).containsExactly("new");
    assertThat(await(one.top(Duration.ofDays(7), new long[] {1, 1}, 10, later)))
        .extracting(t -> t.articleId().value() + "=" + t.counts()[0]).containsExactly("old=7", "new=2");
  }

  private static List<String> counted(List<Tally> tallies) {
    return tallies.stream().map(t -> t.articleId().value() + "=" + t.counts()[0]).toList();
  }

  @Test
  void aCellCountsInEveryTrackedWindowThatHoldsItWhicheverBandItLandedInAndAsTheWindowsSlide() {
    RedisCounterStore store = store();
    long[] views = {1, 0};
    await(store.add(new Batch("now", List.of(cell("a", 0, NOW, 2))), NOW));
    await(store.maintain(NOW));
    // late cells, after the windows moved: past the 24-hour window (and tier 0), inside the 7- and 30-day ones
    await(store.add(new Batch("late", List.of(cell("a", 0, NOW - 30 * HOUR, 3), cell("b", 0, NOW - 10 * DAY, 4))),
        NOW));
    assertThat(counted(await(store.top(Duration.ofHours(24), views, 10, NOW)))).containsExactly("a=2");
    assertThat(counted(await(store.top(Duration.ofDays(7), views, 10, NOW)))).containsExactly("a=5");
    assertThat(counted(await(store.top(Duration.ofDays(30), views, 10, NOW)))).containsExactly("a=5", "b=4");
    await(store.maintain(NOW + 2 * DAY)); // "a"'s current cell leaves the 24 hours for the 7 days' band
    assertThat(await(store.top(Duration.ofHours(24), views, 10, NOW + 2 * DAY))).isEmpty();
    assertThat(counted(await(store.top(Duration.ofDays(7), views, 10, NOW + 2 * DAY)))).containsExactly("a=5");
    assertThat(counted(await(store.top(Duration.ofDays(30), views, 10, NOW + 2 * DAY))))
        .containsExactly("a=5", "b=4");
    await(store.maintain(NOW + 21 * DAY)); // "b" leaves the 30 days, "a" the 7 days
    assertThat(await(store.top(Duration.ofDays(7), views, 10, NOW + 21 * DAY))).isEmpty();
    assertThat(counted(await(store.top(Duration.ofDays(30), views, 10, NOW + 21 * DAY)))).containsExactly("a=5");
    assertThat(await(store.stats()).articles()).isEqualTo(1);
  }

  @Test
  void topSlidesItsWindowEvenWhenNobodyMaintained() {
    RedisCounterStore store = store();
    await(store.add(new Batch("x", List.of(cell("old", 0, NOW - 23 * HOUR, 7), cell("new", 0, NOW, 2))), NOW));
    assertThat(ids(await(store.top(Duration.ofHours(24), new long[] {1, 1}, 10, NOW + 2 * HOUR))))
        .containsExactly("new");
  }

  @Test
  void unionSumsBucketsInOrderWithWeights() {
    RedisCounterStore store = store();
    await(store.add(new Batch("u", List.of(cell("a", 0, NOW - 2 * MINUTE, 2), cell("a", 0, NOW - MINUTE, 4),
        cell("b", 1, NOW - MINUTE, 1))), NOW));
    long b0 = Math.floorDiv(NOW, MINUTE);
    List<Bucket> buckets = List.of(new Bucket(Duration.ofMinutes(1), b0 - 2), new Bucket(Duration.ofMinutes(1), b0 - 1),
        new Bucket(Duration.ofMinutes(1), b0 - 100));
    List<Tally> tallies = new ArrayList<>(await(store.union(buckets, new double[] {0.5, 0.25, 1}, NOW)));
    tallies.sort((x, y) -> x.articleId().compareTo(y.articleId()));
    assertThat(tallies).hasSize(2);
    assertThat(tallies.get(0).counts()).containsExactly(6, 0);
    assertThat(tallies.get(0).weightedCounts()).containsExactly(0.5 * 2 + 0.25 * 4, 0.0);
    assertThat(tallies.get(0).lastEventEpochMillis()).isEqualTo(NOW - MINUTE);
    assertThat(tallies.get(1).counts()).containsExactly(0, 1);
  }

  @Test
  void aCellIsOneNumberWhileThatIsExactAndTextBeyondAndEveryReaderCountsBothExactly() {
    RedisCounterStore store = store();
    long at = NOW - 10 * MINUTE + 1_234; // 1,234 ms into its minute, 51 min 1.234 s into its hour
    long minute = Math.floorDiv(at, MINUTE);
    long hour = Math.floorDiv(at, HOUR);
    long[] views = {1, 0};
    await(store.add(new Batch("a", List.of(cell("big", 0, at, 2_000_000_000L), cell("small", 0, at, 5))), NOW));
    String minuteKey = "mh:{t}:c:0:" + minute + ":0";
    String hourKey = "mh:{t}:c:1:" + hour + ":0";
    long inMinute = at - minute * MINUTE;
    long inHour = at - hour * HOUR;
    assertThat(REDIS.server().command("HGET", minuteKey, "small")).isEqualTo(Long.toString(5 * MINUTE + inMinute));
    assertThat(REDIS.server().command("HGET", hourKey, "big")).isEqualTo(Long.toString(2_000_000_000L * HOUR + inHour));
    // past 2^53 / 3,600,000 views in one hour the hour's cell is kept as text; the minute's still packs
    await(store.add(new Batch("b", List.of(cell("big", 0, at - 1_000, 1_000_000_000L))), NOW));
    assertThat(REDIS.server().command("HGET", hourKey, "big")).isEqualTo("3000000000:" + inHour);
    assertThat(REDIS.server().command("HGET", minuteKey, "big"))
        .isEqualTo(Long.toString(3_000_000_000L * MINUTE + inMinute));
    // a count past 2^53 / 60,000 is sent and kept as text in both tiers
    await(store.add(new Batch("c", List.of(cell("huge", 0, at, 200_000_000_000L))), NOW));
    assertThat(REDIS.server().command("HGET", minuteKey, "huge")).isEqualTo("200000000000:" + inMinute);
    assertThat(REDIS.server().command("HGET", hourKey, "huge")).isEqualTo("200000000000:" + inHour);
    for (Bucket b : List.of(new Bucket(Duration.ofMinutes(1), minute), new Bucket(Duration.ofHours(1), hour))) {
      List<Tally> t = new ArrayList<>(await(store.union(List.of(b), new double[] {1}, NOW)));
      t.sort((x, y) -> x.articleId().compareTo(y.articleId()));
      assertThat(t).extracting(x -> x.articleId().value() + "=" + x.counts()[0] + "@" + x.lastEventEpochMillis())
          .containsExactly("big=3000000000@" + at, "huge=200000000000@" + at, "small=5@" + at);
    }
    // the slides read both forms: the minute's cells leave the 24 hours, then the hour's leave the 7 days
    await(store.maintain(NOW + 2 * DAY));
    assertThat(counted(await(store.top(Duration.ofDays(7), views, 10, NOW + 2 * DAY))))
        .containsExactly("huge=200000000000", "big=3000000000", "small=5");
    await(store.maintain(NOW + 8 * DAY));
    assertThat(await(store.top(Duration.ofDays(7), views, 10, NOW + 8 * DAY))).isEmpty();
    assertThat(await(store.top(Duration.ofDays(30), views, 10, NOW + 8 * DAY)))
        .extracting(x -> x.articleId().value() + "=" + x.counts()[0] + "@" + x.lastEventEpochMillis())
        .containsExactly("huge=200000000000@" + at, "big=3000000000@" + at, "small=5@" + at);
  }

  @Test
  void countsPastLongMaxValueReadAsLongMaxValueInEveryReaderAndLeaveTheWindowsWhole() {
    RedisCounterStore store = store();
    long at = NOW - 10 * MINUTE + 59_999; // the last millisecond of its minute
    long minute = Math.floorDiv(at, MINUTE);
    long hour = Math.floorDiv(at, HOUR);
    long[] views = {1, 0};
    await(store.add(new Batch("a", List.of(cell("max", 0, at, Long.MAX_VALUE), cell("max", 1, at - 1, 1),
        cell("small", 0, at - 7, 3))), NOW));
    await(store.add(new Batch("b", List.of(cell("max", 0, at - 5, Long.MAX_VALUE))), NOW));
    List<Tally> top = await(store.top(Duration.ofHours(24), views, 10, NOW));
    assertThat(top).extracting(x -> x.articleId().value() + "=" + x.counts()[0] + "/" + x.counts()[1] + "@"
        + x.lastEventEpochMillis()).containsExactly("max=" + Long.MAX_VALUE + "/1@" + at, "small=3/0@" + (at - 7));
    for (Bucket b : List.of(new Bucket(Duration.ofMinutes(1), minute), new Bucket(Duration.ofHours(1), hour))) {
      List<Tally> u = new ArrayList<>(await(store.union(List.of(b), new double[] {1}, NOW)));
      u.sort((x, y) -> x.articleId().compareTo(y.articleId()));
      assertThat(u).extracting(x -> x.articleId().value() + "=" + x.counts()[0] + "/" + x.counts()[1] + "@"
          + x.lastEventEpochMillis()).containsExactly("max=" + Long.MAX_VALUE + "/1@" + at, "small=3/0@" + (at - 7));
    }
    // a weight on top of a saturated count still saturates, and the ranking still breaks the tie by id
    await(store.add(new Batch("c", List.of(cell("other", 0, at - 9, Long.MAX_VALUE))), NOW));
    assertThat(counted(await(store.top(Duration.ofHours(24), new long[] {5, 5}, 10, NOW))))
        .containsExactly("max=" + Long.MAX_VALUE, "other=" + Long.MAX_VALUE, "small=3");
    // the slides move the saturated cells out whole: nothing is left behind in a shorter window
    await(store.maintain(NOW + 2 * DAY));
    assertThat(await(store.top(Duration.ofHours(24), views, 10, NOW + 2 * DAY))).isEmpty();
    assertThat(counted(await(store.top(Duration.ofDays(7), views, 10, NOW + 2 * DAY))))
        .containsExactly("max=" + Long.MAX_VALUE, "other=" + Long.MAX_VALUE, "small=3");
    await(store.maintain(NOW + 8 * DAY));
    assertThat(await(store.top(Duration.ofDays(7), views, 10, NOW + 8 * DAY))).isEmpty();
    assertThat(counted(await(store.top(Duration.ofDays(30), views, 10, NOW + 8 * DAY))))
        .containsExactly("max=" + Long.MAX_VALUE, "other=" + Long.MAX_VALUE, "small=3");
  }

  @Test
  void anotherLayoutIsRefusedNamingTheDifference() {
    store();
    StoreLayout other = new StoreLayout(LAYOUT.tiers(), List.of(EngagementKind.VIEW), LAYOUT.trackedWindows(),
        LAYOUT.futureSkew());
    assertThatThrownBy(() -> RedisCounterStore.builder(connection).namespace("t").layout(other).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("namespace 't'")
        .hasMessageContaining("kinds: [VIEW] here, [VIEW, SHARE] in the store");
    RedisCounterStore.builder(connection).namespace("t2").layout(other).build(); // another namespace is fine
  }

  private static long usedMemory() {
    return REDIS.server().command("INFO", "memory").lines().filter(l -> l.startsWith("used_memory:"))
        .mapToLong(l -> Long.parseLong(l.substring("used_memory:".length()).trim())).findFirst().orElseThrow();
  }

  @Test
  void estimatedBytesFollowWhatRedisHoldsForTheNamespaceAndFallWhenBucketsAreFreed() {
    RedisCounterStore store = RedisCounterStore.builder(connection).namespace("t").layout(LAYOUT).build();
    await(store.add(new Batch("warm", List.of(cell("warm", 0, NOW, 1))), NOW)); // scripts cached before measuring
    long empty = await(store.stats()).estimatedBytes();
    assertThat(empty).isPositive().isLessThan(10_000);
    long before = usedMemory();
    List<Cell> cells = new ArrayList<>();
    for (int m = 0; m < 5; m++) {
      for (int i = 0; i < 3_000; i++) {
        cells.add(cell("article-" + i, i % 2, NOW - m * MINUTE, 1 + i % 7));
      }
    }
    for (int from = 0; from < cells.size(); from += 5_000) {
      await(store.add(new Batch("fill-" + from, cells.subList(from, from + 5_000)), NOW));
    }
    long held = usedMemory() - before;
    long estimated = await(store.stats()).estimatedBytes();
    System.out.printf("15,000 cells: used_memory grew by %d B, estimatedBytes %d B%n", held, estimated);
    assertThat(estimated).isBetween((long) (0.7 * held), (long) (1.3 * held));
    await(store.maintain(NOW + 40 * DAY)); // every bucket freed, every window emptied
    assertThat(await(store.stats()).estimatedBytes()).isLessThan(empty + 1_000);
  }

  @ParameterizedTest
  @ValueSource(strings = {"1", "2", "3"})
  void aNamespaceOfAnOlderKeyLayoutIsRefusedNamingTheVersion(String version) throws Exception {
    RedisCounterStore store = store();
    await(store.add(new Batch("b", List.of(cell("a", 0, NOW, 1))), NOW));
    // version 1 kept per-bucket counts in sorted sets; version 2 one scoring set per whole window, where version
    // 3 keeps one per band; version 3 kept every cell as the text "<count>:<latest>", where version 4 packs a number
    REDIS.server().command("HSET", "mh:{t}:meta", "v", version);
    CompletionStage<Void> add = store.add(new Batch("c", List.of(cell("a", 0, NOW, 1))), NOW);
    assertThatThrownBy(() -> add.toCompletableFuture().get(5, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .cause().isInstanceOf(BackendUnavailableException.class)
        .hasMessageContaining("key layout version " + version).hasMessageContaining("Use a new namespace");
    assertThat(REDIS.server().command("EXISTS", "mh:{t}:ok:c:0")).isEqualTo("0");
    assertThatThrownBy(this::store).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("namespace 't' holds counts in key layout version " + version)
        .hasMessageContaining("this one reads and writes version 4");
  }

  @Test
  void aNamespaceWithoutALayoutVersionIsRefused() throws Exception {
    RedisCounterStore store = store();
    await(store.add(new Batch("b", List.of(cell("a", 0, NOW, 1))), NOW));
    REDIS.server().command("HDEL", "mh:{t}:meta", "v"); // older than version 1's marker: no version field at all
    assertThatThrownBy(this::store).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("key layout version none");
  }

  @Test
  void aKeyOfTheWrongTypeInTheNamespaceIsNamed() throws Exception {
    RedisCounterStore store = store();
    long bucket = Math.floorDiv(NOW, MINUTE);
    REDIS.server().command("SET", "mh:{t}:c:0:" + bucket + ":0", "oops");
    CompletionStage<Void> add = store.add(new Batch("w", List.of(cell("a", 0, NOW, 1))), NOW);
    assertThatThrownBy(() -> add.toCompletableFuture().get(5, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .cause().isInstanceOf(BackendUnavailableException.class)
        .hasMessageContaining("mh:{t}:c:0:" + bucket + ":0 holds a string, not a hash");
    // nothing of the chunk landed: neither the marker nor the cell's other tier
    assertThat(REDIS.server().command("EXISTS", "mh:{t}:ok:w:0")).isEqualTo("0");
    assertThat(REDIS.server().command("EXISTS", "mh:{t}:c:1:" + Math.floorDiv(NOW, HOUR) + ":0")).isEqualTo("0");

    REDIS.server().command("SET", "mh:{u}:meta", "not a hash");
    assertThatThrownBy(() -> RedisCounterStore.builder(connection).namespace("u").layout(LAYOUT).build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("mh:{u}:meta holds a string");
  }

  @Test
  void aSlideOverABandOfTheWrongTypeWritesNothing() throws Exception {
    RedisCounterStore store = store();
    await(store.add(new Batch("a", List.of(cell("a", 0, NOW, 3))), NOW));
    await(store.maintain(NOW));
    String roll = REDIS.server().command("HGET", "mh:{t}:meta", "roll:0");
    REDIS.server().command("SET", "mh:{t}:w:1:0", "oops"); // the 7-day band, which the 24-hour slide moves "a" into
    CompletionStage<Void> slide = store.maintain(NOW + 2 * DAY);
    assertThatThrownBy(() -> slide.toCompletableFuture().get(5, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .cause().isInstanceOf(BackendUnavailableException.class)
        .hasMessageContaining("mh:{t}:w:1:0 holds a string, not a hash");
    assertThat(REDIS.server().command("HGET", "mh:{t}:meta", "roll:0")).isEqualTo(roll);
    assertThat(REDIS.server().command("HGET", "mh:{t}:w:0:0", "a")).isEqualTo("3");
  }

  @Test
  void aRedisThatEvictsKeysIsRefusedUnlessAllowed() {
    REDIS.server().command("CONFIG", "SET", "maxmemory-policy", "allkeys-lru");
    assertThatThrownBy(this::store).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("maxmemory-policy allkeys-lru").hasMessageContaining("noeviction");
    RedisCounterStore.builder(connection).namespace("t").layout(LAYOUT).allowEviction().build();
  }

  @Test
  void countingGoesOnAfterRedisComesBackEmpty() {
    RedisCounterStore store = store();
    await(store.add(new Batch("1", List.of(cell("a", 0, NOW, 1))), NOW));
    REDIS.server().command("FLUSHALL");
    assertThat(await(store.top(Duration.ofHours(24), new long[] {1, 1}, 10, NOW))).isEmpty();
    REDIS.server().command("FLUSHALL");
    await(store.add(new Batch("2", List.of(cell("b", 0, NOW, 3))), NOW));
    assertThat(ids(await(store.top(Duration.ofHours(24), new long[] {1, 1}, 10, NOW)))).containsExactly("b");
    assertThat(REDIS.server().command("HGET", "mh:{t}:meta", "layout")).isEqualTo(LAYOUT.encoded());
  }

  @Test
  void expiredBucketsAreFreedAndTheirKeysExpireAtAbsoluteTimes() {
    RedisCounterStore store = store();
    long realNow = System.currentTimeMillis();
    await(store.add(new Batch("e", List.of(cell("a", 0, realNow, 1))), realNow));
    long minute = Math.floorDiv(realNow, MINUTE);
    long ttl = Long.parseLong(REDIS.server().command("PTTL", "mh:{t}:c:0:" + minute + ":0"));
    // the minute tier keeps a day (rounded to the hour) plus the skew allowance and a bucket
    assertThat(ttl).isBetween(DAY, DAY + HOUR + 6 * MINUTE + 1000);
    await(store.maintain(realNow + 2 * DAY));
    assertThat(REDIS.server().command("EXISTS", "mh:{t}:c:0:" + minute + ":0")).isEqualTo("0");
    assertThat(REDIS.server().command("EXISTS", "mh:{t}:c:1:" + Math.floorDiv(realNow, HOUR) + ":0")).isEqualTo("1");
    assertThat(await(store.stats()).liveCells()).isEqualTo(1);
  }

  @Test
  void aTotalIsRecountedWhenItsBucketsExpiredBeforeTheyLeftTheWindow() {
    RedisCounterStore store = store();
    await(store.add(new Batch("r", List.of(cell("gone", 0, NOW - 20 * HOUR, 5), cell("kept", 0, NOW, 1))), NOW));
    REDIS.server().command("DEL", "mh:{t}:c:0:" + Math.floorDiv(NOW - 20 * HOUR, MINUTE) + ":0",
        "mh:{t}:l:0:" + Math.floorDiv(NOW - 20 * HOUR, MINUTE));
    assertThat(ids(await(store.top(Duration.ofHours(24), new long[] {1, 1}, 10, NOW + 5 * HOUR))))
        .containsExactly("kept");
    // the longer windows were recounted with it, from their hour buckets, and slide on from there
    assertThat(await(store.top(Duration.ofDays(7), new long[] {1, 1}, 10, NOW + 5 * HOUR)))
        .extracting(t -> t.articleId().value() + "=" + t.counts()[0]).containsExactly("gone=5", "kept=1");
    assertThat(await(store.top(Duration.ofDays(7), new long[] {1, 1}, 10, NOW + 8 * DAY))).isEmpty();
    assertThat(await(store.top(Duration.ofDays(30), new long[] {1, 1}, 10, NOW + 8 * DAY)))
        .extracting(t -> t.articleId().value() + "=" + t.counts()[0]).containsExactly("gone=5", "kept=1");
  }

  @Test
  void builderRefusesBadValues() {
    assertThatThrownBy(() -> RedisCounterStore.builder(connection).namespace("a{b}"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("namespace");
    assertThatThrownBy(() -> RedisCounterStore.builder(connection).chunkCells(0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("chunkCells");
    assertThatThrownBy(() -> RedisCounterStore.builder(connection).build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("layout");
    RedisCounterStore store = store();
    assertThatThrownBy(() -> store.top(Duration.ofHours(2), new long[] {1, 1}, 10, NOW))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not tracked");
    assertThatThrownBy(() -> store.add(new Batch("k", List.of(new Cell(ArticleId.of("a"), 0, 5, 1, 0))), NOW))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("outside its bucket");
  }
}
