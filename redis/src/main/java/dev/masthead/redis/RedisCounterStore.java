package dev.masthead.redis;

import dev.masthead.core.ArticleId;
import dev.masthead.core.BackendUnavailableException;
import dev.masthead.core.InvalidDataException;
import dev.masthead.ranking.Bucket;
import dev.masthead.ranking.CounterStore;
import dev.masthead.ranking.StoreLayout;
import io.lettuce.core.ScriptOutputType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link CounterStore} in Redis, shared by every app server of a site: each server's
 * {@link dev.masthead.ranking.RankingEngine} flushes its buffered counts here, and every server's top-N is
 * read from the same counts. Build one with {@link #builder(RedisConnection)}.
 *
 * <p><b>Keys.</b> Every key of a namespace starts with {@code mh:{<namespace>}:}; the braces are a Redis
 * Cluster hash tag, so a namespace lives in one slot and each operation is one Lua script on one node. The key
 * layout has a version (4, field {@code v} of the meta hash); a namespace written in another version is refused,
 * naming it. A bucket of a tier is one hash per kind ({@code c:<tier>:<bucket>:<kind>}, field the article id,
 * value the count and the latest event's offset in the bucket packed as one decimal integer, {@code count ×
 * resolution + offset} in milliseconds, while that is at most 2^53, and the text {@code <count>:<offset>}
 * beyond), expiring at an absolute time ({@code PEXPIREAT}):
 * the end of the tier's horizon for that bucket plus the clock-skew allowance and one bucket. The tracked rolling
 * windows all end now and slide together, so they nest: each keeps the running totals of its band, the cells it
 * holds that the next shorter window does not, one hash per kind ({@code w:<window>:<kind>}), and a window's
 * totals are the sum of its band and the shorter windows' (so a current cell writes one band, not every window);
 * each keeps one sorted set per scoring in use ({@code ws:<window>:<id>}, score {@code Σ weight × count} over its
 * band, so a current cell writes one score per scoring), and a top-N of a window is found over its bands' sets by
 * Fagin's threshold algorithm (read each band's best by {@code ZREVRANGE}, total the articles met with
 * {@code ZMSCORE}, read deeper until the cut is above what an article not met could score); one sorted set of latest event times
 * ({@code wl}) serves every tracked window. The meta hash ({@code meta}) holds the
 * {@linkplain StoreLayout#encoded() layout}. Only Redis 6.2 commands are used (so Valkey and managed Redis
 * work).
 *
 * <p><b>Writes count once.</b> {@link #add} splits a batch into chunks of {@link Builder#chunkCells} cells, in
 * order (so a resent batch splits the same way), and runs one script per chunk ({@code EVALSHA}, and
 * {@code EVAL} on {@code NOSCRIPT}). The script checks the type of every key it will write, then writes the
 * idempotency marker {@code ok:<batch id>:<chunk>} with {@code SET NX PX} (kept for
 * {@link Batch#RESEND_WINDOW} plus 10 minutes), and only if the marker was new applies the chunk. Nothing can
 * fail after the marker, so a chunk lands whole or not at all, and a chunk resent after a lost reply is skipped.
 * A chunk costs a few commands per key it writes, not per cell: its cells are summed per key and member in the
 * script and written with one {@code HMGET} and one {@code HSET} per hash (and one {@code ZADD GT} for the
 * shared latest times), per slice of 1,000 members.
 * The connection never re-sends a command by itself ({@link RedisConnection}).
 *
 * <p><b>Maintenance</b> is one script: for each tracked window, shortest first, it moves a pointer
 * ({@code roll:<window>} in the meta hash) to the first bucket the window holds at the caller's time and, in the
 * same atomic step, moves the buckets it passed from the window's band to the next longer window's (the longest
 * subtracts them); so each bucket leaves each window once, whichever servers run it, in whatever order, and an
 * earlier time changes nothing. Then it deletes the buckets no tier answers for one clock-skew allowance before the
 * caller's time ({@link StoreLayout#keepStart} at {@code now - futureSkew}), since a server whose clock is behind
 * by up to the allowance still reads them; a write skips the same buckets. {@link #top} slides every
 * window the same way before reading, so a ranking never includes a bucket that left its window even if no
 * server ran maintenance. If every server was down long enough for a bucket to expire before it left a window,
 * the totals of that window are recounted from the buckets left; so is every window whose pointer is missing or
 * not a number (a new namespace, or a meta hash edited by hand), instead of sliding it from the first bucket, and
 * every window after a script met a bucket cell edited by hand (counted as 0), so that no window keeps a count
 * its buckets no longer hold.
 *
 * <p><b>Attaching.</b> {@link Builder#build()} checks {@code maxmemory-policy} (a Redis that evicts keys would
 * lose counts silently: refused unless {@link Builder#allowEviction()}), then creates the namespace's meta
 * hash or compares it with the engine's layout, and refuses another layout, naming the differences. If Redis
 * comes back empty (a restart without persistence), the next call recreates the meta hash and counting goes on.
 * If the meta hash alone is gone (deleted by hand, or evicted) while buckets remain, it is recreated with every
 * tracked window's totals marked to be recounted from the buckets at its next slide, since the positions of
 * the windows went with it.
 *
 * <p><b>Failures.</b> Every method returns at once and completes from Lettuce's threads, within the
 * connection's command timeout per command (see {@link RedisConnection.Builder#commandTimeout}); a batch of many
 * chunks takes one timeout per chunk at most, with {@value #CHUNKS_IN_FLIGHT} chunks in flight. A stage
 * completes exceptionally with {@link BackendUnavailableException} when Redis is down, slow or refuses, and
 * when the namespace holds a key of the wrong type (named in the message: something else writes under the
 * namespace) or, since attaching, another layout. An {@link #add} that failed may have applied some of its
 * chunks: resending it applies the rest, and each chunk once.
 *
 * <p><b>Exactness.</b> Counts are exact up to 2<sup>53</sup> per cell and total (Redis scores are doubles); the
 * order of a top-N is score descending, latest event descending, article id ascending, ties at the limit
 * included, as {@link CounterStore#top} requires.
 *
 * <p>Thread-safe. {@link #close()} does not close the connection, which the host owns.
 */
public final class RedisCounterStore implements CounterStore {
  private static final Logger LOG = LoggerFactory.getLogger(RedisCounterStore.class);
  /** How many chunk scripts of one batch may wait for their replies at once. */
  static final int CHUNKS_IN_FLIGHT = 4;
  private static final int UNION_BUCKETS_PER_CALL = 256;
  private static final long MARKER_TTL_MILLIS = Batch.RESEND_WINDOW.plusMinutes(10).toMillis();
  /** The key layout the scripts read and write ({@code v} in the meta hash; VERSION in ranking-prelude.lua). */
  static final int KEY_LAYOUT_VERSION = 4;
  /** 2^53: every integer up to it is exact in a double, as the scripts' numbers are. */
  private static final long MAX_EXACT = 1L << 53;

  private static final RedisScript ADD = script("ranking-add.lua");
  private static final RedisScript IMPORT = script("ranking-import.lua");
  /** Cells one import script writes. */
  private static final int IMPORT_CELLS = 1_000;
  private static final RedisScript MAINTAIN = script("ranking-maintain.lua");
  private static final RedisScript TOP = script("ranking-top.lua");
  private static final RedisScript UNION = script("ranking-union.lua");
  private static final RedisScript ATTACH = script("ranking-attach.lua");
  private static final RedisScript STATS = script("ranking-stats.lua");

  private final RedisConnection connection;
  private final RedisNamespace namespace;
  private final StoreLayout layout;
  private final String layoutText;
  private final String layoutHash;
  private final int chunkCells;
  private final String[] metaKey;
  private final int tiers;
  private final int kinds;
  private final long[] resolution;
  private final long[] coarse;
  private final long[] life;
  private final long[] finestPerBucket;
  private final long[] windowMillis;
  private final int[] windowTier;
  /** Each tracked window's rank by length (0: the shortest; equal lengths by position), as the scripts nest them. */
  private final int[] windowRank;
  private final int longestWindow;
  private final boolean allowEviction;
  private final AtomicBoolean closed = new AtomicBoolean();

  private RedisCounterStore(Builder b) {
    this.connection = b.connection;
    this.namespace = new RedisNamespace(b.namespace);
    this.layout = Objects.requireNonNull(b.layout);
    this.layoutText = layout.encoded();
    this.layoutHash = sha1(layoutText);
    this.chunkCells = b.chunkCells;
    this.allowEviction = b.allowEviction;
    this.metaKey = new String[] {namespace.key("meta")};
    this.tiers = layout.tiers().size();
    this.kinds = layout.kinds().size();
    this.resolution = new long[tiers];
    this.coarse = new long[tiers];
    this.life = new long[tiers];
    this.finestPerBucket = new long[tiers];
    long finest = layout.tiers().get(0).resolution().toMillis();
    long skew = layout.futureSkew().toMillis();
    for (int t = 0; t < tiers; t++) {
      resolution[t] = layout.tiers().get(t).resolution().toMillis();
      coarse[t] = t + 1 < tiers ? layout.tiers().get(t + 1).resolution().toMillis() : resolution[t];
      life[t] = layout.tiers().get(t).horizon().toMillis() + skew + resolution[t];
      finestPerBucket[t] = resolution[t] / finest;
    }
    List<Duration> tracked = layout.trackedWindows();
    this.windowMillis = new long[tracked.size()];
    this.windowTier = new int[tracked.size()];
    int longest = -1;
    for (int w = 0; w < tracked.size(); w++) {
      windowMillis[w] = tracked.get(w).toMillis();
      windowTier[w] = tierFor(windowMillis[w]);
      if (longest < 0 || windowMillis[w] > windowMillis[longest]) {
        longest = w;
      }
    }
    this.longestWindow = longest;
    this.windowRank = new int[tracked.size()];
    for (int w = 0; w < tracked.size(); w++) {
      for (int v = 0; v < tracked.size(); v++) {
        if (windowMillis[v] < windowMillis[w] || (windowMillis[v] == windowMillis[w] && v < w)) {
          windowRank[w]++;
        }
      }
    }
  }

  private int tierFor(long windowLength) {
    for (int t = 0; t < tiers; t++) {
      if (layout.tiers().get(t).horizon().toMillis() >= windowLength) {
        return t;
      }
    }
    throw new IllegalArgumentException("tracked window of " + Duration.ofMillis(windowLength)
        + " is longer than every tier's horizon " + layout.tiers());
  }

  private static RedisScript script(String name) {
    return new RedisScript(resource("ranking-prelude.lua") + "\n" + resource(name));
  }

  private static String resource(String name) {
    try (InputStream in = RedisCounterStore.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing script " + name + " in masthead-redis");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String sha1(String s) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-1", e);
    }
  }

  /**
   * Returns a new builder for a store on a connection, with the defaults documented on its setters.
   *
   * @param connection the shared connection; not closed by the store
   * @return a builder
   * @throws NullPointerException if {@code connection} is null
   */
  public static Builder builder(RedisConnection connection) {
    return new Builder(connection);
  }

  @Override
  public StoreLayout layout() {
    return layout;
  }

  /**
   * Returns the namespace this store counts in.
   *
   * @return the namespace name
   */
  public String namespace() {
    return namespace.name();
  }

  // ---------------------------------------------------------------------------------------------- attaching

  private void attachNow() {
    checkEvictionPolicy();
    try {
      List<Object> reply = attach().get(2 * connection.commandTimeout().toMillis(), TimeUnit.MILLISECONDS);
      String outcome = String.valueOf(reply.get(0));
      if ("other".equals(outcome)) {
        throw new IllegalStateException(otherLayout(String.valueOf(reply.get(1))));
      }
      if ("version".equals(outcome)) {
        throw new IllegalStateException(otherVersion(String.valueOf(reply.get(1))));
      }
      LOG.debug("ranking namespace '{}' {} on Redis at {}", namespace, outcome, connection.description());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BackendUnavailableException("interrupted while attaching to Redis", e);
    } catch (ExecutionException | TimeoutException e) {
      Throwable c = RedisErrors.unwrap(e);
      if (RedisErrors.WRONG_TYPE.equals(RedisErrors.scriptError(c))) {
        throw new IllegalStateException(wrongType(c), c);
      }
      throw RedisErrors.backend("attaching ranking namespace '" + namespace + "'", connection, c);
    }
  }

  private CompletableFuture<List<Object>> attach() {
    return ATTACH.run(connection.commands(), ScriptOutputType.MULTI, metaKey, layoutHash, layoutText,
        Integer.toString(tiers), Integer.toString(windowMillis.length));
  }

  private String otherLayout(String storedText) {
    String differences;
    try {
      differences = String.join("; ", layout.differencesFrom(StoreLayout.decode(storedText)));
    } catch (InvalidDataException e) {
      differences = "the namespace holds an unreadable layout: " + storedText;
    }
    return "Redis namespace '" + namespace + "' holds counts of another layout, so this engine cannot attach to it: "
        + differences + ". Use another namespace, or give every engine of the site the same layout.";
  }

  private String otherVersion(String storedVersion) {
    return "Redis namespace '" + namespace + "' holds counts in key layout version " + storedVersion
        + " (an older masthead-redis; this one reads and writes version " + KEY_LAYOUT_VERSION
        + "), so this engine cannot attach to it. Use a new namespace, or delete the old one's keys (mh:{"
        + namespace.name() + "}:*) once no engine of the old version writes there.";
  }

  private String wrongType(Throwable c) {
    return "Redis namespace '" + namespace + "': " + RedisErrors.detail(c, RedisErrors.WRONG_TYPE)
        + "; something other than Masthead writes under this namespace";
  }

  private void checkEvictionPolicy() {
    // Without noeviction, Redis deletes keys when it is full: counts would vanish without an error.
    String policy;
    try {
      Map<String, String> config = connection.commands().configGet("maxmemory-policy")
          .get(2 * connection.commandTimeout().toMillis(), TimeUnit.MILLISECONDS);
      policy = config.get("maxmemory-policy");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BackendUnavailableException("interrupted while attaching to Redis", e);
    } catch (ExecutionException | TimeoutException e) {
      if (RedisErrors.unwrap(e) instanceof io.lettuce.core.RedisCommandExecutionException) {
        LOG.warn("cannot read maxmemory-policy of Redis at {} (CONFIG is disabled here?): make sure it is "
            + "noeviction, or counts may vanish when Redis is full", connection.description());
        return;
      }
      throw RedisErrors.backend("reading maxmemory-policy", connection, e);
    }
    if (policy == null || "noeviction".equals(policy)) {
      return;
    }
    String message = "Redis at " + connection.description() + " has maxmemory-policy " + policy
        + ": when it is full it deletes keys, and counts vanish without an error. Set maxmemory-policy "
        + "noeviction (writes then fail and are counted as dropped)";
    if (!allowEviction) {
      throw new IllegalStateException(message + ", or accept it with RedisCounterStore.Builder.allowEviction()");
    }
    LOG.warn("{} (allowed by RedisCounterStore.Builder.allowEviction())", message);
  }

  /**
   * Runs a call; if the namespace has no meta hash (Redis came back empty), recreates it and runs the call
   * once more, or completes with {@code ifEmpty} when the namespace being empty answers the call (only if the
   * namespace held no buckets: a meta hash deleted alone is recreated with every window marked to be recounted).
   */
  private <T> CompletableFuture<T> withMeta(String what, java.util.function.Supplier<CompletableFuture<T>> call,
      @Nullable T ifEmpty) {
    return call.get().handle((v, error) -> {
      if (error == null) {
        return CompletableFuture.completedFuture(v);
      }
      Throwable c = RedisErrors.unwrap(error);
      if (RedisErrors.NO_META.equals(RedisErrors.scriptError(c))) {
        LOG.debug("ranking namespace '{}' has no meta hash on Redis at {}: recreating it", namespace,
            connection.description());
        return attach().thenCompose(reply -> {
          if ("other".equals(String.valueOf(reply.get(0)))) {
            return CompletableFuture.<T>failedFuture(new BackendUnavailableException(
                otherLayout(String.valueOf(reply.get(1))), null));
          }
          if ("version".equals(String.valueOf(reply.get(0)))) {
            return CompletableFuture.<T>failedFuture(new BackendUnavailableException(
                otherVersion(String.valueOf(reply.get(1))), null));
          }
          // only a namespace this call created is known empty; one recreated over left buckets is not
          return ifEmpty != null && "created".equals(String.valueOf(reply.get(0)))
              ? CompletableFuture.completedFuture(ifEmpty) : call.get();
        });
      }
      return CompletableFuture.<T>failedFuture(c);
    }).thenCompose(f -> f).handle((v, error) -> {
      if (error == null) {
        return v;
      }
      Throwable c = RedisErrors.unwrap(error);
      String code = RedisErrors.scriptError(c);
      if (RedisErrors.WRONG_TYPE.equals(code)) {
        throw new BackendUnavailableException(wrongType(c), c);
      }
      if (RedisErrors.LAYOUT.equals(code)) {
        throw new BackendUnavailableException(otherLayout(RedisErrors.detail(c, RedisErrors.LAYOUT)), c);
      }
      if (RedisErrors.VERSION.equals(code)) {
        throw new BackendUnavailableException(otherVersion(RedisErrors.detail(c, RedisErrors.VERSION)), c);
      }
      throw RedisErrors.backend(what + " in ranking namespace '" + namespace + "'", connection, c);
    });
  }

  // ---------------------------------------------------------------------------------------------- writing

  @Override
  public CompletionStage<Void> add(Batch batch, long nowEpochMillis) {
    Objects.requireNonNull(batch, "batch");
    long finest = resolution[0];
    for (Cell c : batch.cells()) {
      if (c.kindIndex() >= kinds) {
        throw new IllegalArgumentException("Cell.kindIndex " + c.kindIndex() + " is outside the layout's "
            + kinds + " kinds");
      }
      long start = Math.multiplyExact(c.bucketIndex(), finest);
      if (c.lastEventEpochMillis() < start || c.lastEventEpochMillis() - start >= finest) {
        throw new IllegalArgumentException("Cell.lastEventEpochMillis " + c.lastEventEpochMillis()
            + " is outside its bucket " + c.bucketIndex() + " of " + finest + " ms");
      }
    }
    checkOpen();
    List<Cell> cells = batch.cells();
    int chunks = (cells.size() + chunkCells - 1) / chunkCells;
    String[] head = addHead(nowEpochMillis);
    return inFlight(chunks, CHUNKS_IN_FLIGHT, i -> {
      List<Cell> part = cells.subList(i * chunkCells, Math.min(cells.size(), (i + 1) * chunkCells));
      String[] args = chunkArgs(head, part);
      String[] keys = {metaKey[0], namespace.key("ok:" + batch.id() + ":" + i)};
      return withMeta("adding batch " + batch.id(),
          () -> ADD.<Long>run(connection.commands(), ScriptOutputType.INTEGER, keys, args), null)
          .thenApply(applied -> null);
    });
  }

  /**
   * The add script's arguments for a chunk: the head, then the chunk's cells in groups of one kind and finest
   * bucket (in the order each group first appears, so a resent chunk encodes the same), each group as kind,
   * bucket, cell count, then per cell the article and one value for its count and the last event's offset in the
   * bucket (ms), written as a stored cell is ({@link #cellValue}).
   */
  private String[] chunkArgs(String[] head, List<Cell> part) {
    long finest = resolution[0];
    long mostPacked = mostPacked(finest);
    Map<CellGroup, List<Cell>> groups = new LinkedHashMap<>();
    for (Cell c : part) {
      groups.computeIfAbsent(new CellGroup(c.bucketIndex(), c.kindIndex()), x -> new ArrayList<>()).add(c);
    }
    String[] args = Arrays.copyOf(head, head.length + 3 * groups.size() + 2 * part.size());
    args[5] = Integer.toString(part.size());
    int j = head.length;
    for (List<Cell> g : groups.values()) {
      Cell first = g.get(0);
      args[j++] = Integer.toString(first.kindIndex());
      args[j++] = Long.toString(first.bucketIndex());
      args[j++] = Integer.toString(g.size());
      long start = first.bucketIndex() * finest;
      for (Cell c : g) {
        args[j++] = c.articleId().value();
        args[j++] = cellValue(c.count(), c.lastEventEpochMillis() - start, finest, mostPacked);
      }
    }
    return args;
  }

  /**
   * A cell's count and last event offset (ms, 0 to {@code resolution - 1}) as key layout 4 stores them: the
   * decimal integer {@code count × resolution + offset} while {@code count <= most} (so that it is at most 2^53,
   * exact in the scripts' doubles), else {@code <count>:<offset>}.
   */
  static String cellValue(long count, long offset, long resolution, long most) {
    return count <= most ? Long.toString(count * resolution + offset) : count + ":" + offset;
  }

  /**
   * A stored cell's count and last event offset (ms), from either form of {@link #cellValue}; null if the value is
   * neither (edited by hand), also for a text whose offset is not inside the bucket (as the scripts read it).
   */
  static long @Nullable [] cellParts(String value, long resolution) {
    int colon = value.indexOf(':');
    try {
      if (colon < 0) {
        long packed = Long.parseLong(value);
        return packed < 0 || packed > MAX_EXACT ? null : new long[] {packed / resolution, packed % resolution};
      }
      if (!digits(value, 0, colon) || !digits(value, colon + 1, value.length())) {
        return null;
      }
      // a count past Long.MAX_VALUE (kept in a double by the scripts) reads as Long.MAX_VALUE
      long offset = Long.parseLong(value, colon + 1, value.length(), 10);
      double count = Double.parseDouble(value.substring(0, colon));
      return offset >= resolution || Double.isInfinite(count) ? null : new long[] {(long) count, offset};
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static boolean digits(String s, int from, int to) {
    if (from >= to) {
      return false;
    }
    for (int i = from; i < to; i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  /** The largest count {@link #cellValue} packs into one number for a resolution (ms). */
  static long mostPacked(long resolution) {
    return (MAX_EXACT - resolution) / resolution - 1;
  }

  /** The cells of one finest bucket and kind in a chunk. */
  private record CellGroup(long bucketIndex, int kindIndex) {}

  /** The arguments of the add script before its cells. */
  private String[] addHead(long now) {
    int w = windowMillis.length;
    String[] a = new String[7 + 5 * tiers + 3 * w];
    a[0] = layoutHash;
    a[1] = Long.toString(MARKER_TTL_MILLIS);
    a[2] = Integer.toString(tiers);
    a[3] = Integer.toString(w);
    a[4] = Integer.toString(kinds);
    a[5] = "0"; // cells, per chunk
    a[6] = Long.toString(now);
    int i = 7;
    for (int t = 0; t < tiers; t++) {
      a[i++] = Long.toString(finestPerBucket[t]);
      a[i++] = Long.toString(sharedKeepStart(t, now));
      a[i++] = Long.toString(resolution[t]);
      a[i++] = Long.toString(coarse[t]);
      a[i++] = Long.toString(life[t]);
    }
    for (int x = 0; x < w; x++) {
      a[i++] = Integer.toString(windowTier[x]);
      a[i++] = Integer.toString(windowRank[x]);
      a[i++] = Long.toString(resolution[windowTier[x]]);
    }
    return a;
  }

  /** Runs {@code count} calls with at most {@code parallel} waiting at once; fails with the first failure. */
  private static CompletableFuture<Void> inFlight(int count, int parallel, IntFunction<CompletableFuture<?>> call) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    if (count == 0) {
      done.complete(null);
      return done;
    }
    AtomicInteger next = new AtomicInteger();
    AtomicInteger finished = new AtomicInteger();
    Runnable[] launch = new Runnable[1];
    launch[0] = () -> {
      int i = next.getAndIncrement();
      if (i >= count || done.isDone()) {
        return;
      }
      CompletableFuture<?> f;
      try {
        f = call.apply(i);
      } catch (RuntimeException e) {
        done.completeExceptionally(e);
        return;
      }
      f.whenComplete((v, error) -> {
        if (error != null) {
          done.completeExceptionally(RedisErrors.unwrap(error));
        } else if (finished.incrementAndGet() == count) {
          done.complete(null);
        } else {
          launch[0].run();
        }
      });
    };
    for (int p = 0; p < Math.min(parallel, count); p++) {
      launch[0].run();
    }
    return done;
  }

  @Override
  public CompletionStage<Void> maintain(long nowEpochMillis) {
    checkOpen();
    int w = windowMillis.length;
    String[] a = new String[4 + 4 * w + tiers];
    a[0] = layoutHash;
    a[1] = Integer.toString(tiers);
    a[2] = Integer.toString(w);
    a[3] = Integer.toString(kinds);
    int i = 4;
    for (int x = 0; x < w; x++) {
      a[i++] = Integer.toString(windowTier[x]);
      a[i++] = Long.toString(windowTarget(x, nowEpochMillis));
      a[i++] = Integer.toString(windowRank[x]);
      a[i++] = Long.toString(resolution[windowTier[x]]);
    }
    for (int t = 0; t < tiers; t++) {
      a[i++] = Long.toString(sharedKeepStart(t, nowEpochMillis));
    }
    return withMeta("maintenance",
        () -> MAINTAIN.<Long>run(connection.commands(), ScriptOutputType.INTEGER, metaKey, a), 0L)
        .thenApply(freed -> null);
  }

  /**
   * The first bucket of a tier this store keeps (writes and does not free) at a caller's time: the layout's
   * {@link StoreLayout#keepStart} one clock-skew allowance earlier. Every engine plans its reads with its own
   * clock, so an engine whose clock is ahead must not free (or skip writing) a bucket that an engine up to the
   * allowance behind still reads: with the caller's own keep start, an engine one second ahead freed, at each hour
   * boundary, the minute buckets of the hour a second behind still read in minutes (half-life rankings and
   * windows starting just inside the last day lost that hour's counts there).
   */
  private long sharedKeepStart(int t, long now) {
    return layout.keepStart(t, now - layout.futureSkew().toMillis());
  }

  /** The first bucket (in its tier) of tracked window {@code w} at a time, as {@link #top} reads it. */
  private long windowTarget(int w, long now) {
    return Math.floorDiv(now - windowMillis[w], resolution[windowTier[w]]);
  }

  // ---------------------------------------------------------------------------------------------- reading

  @Override
  public CompletionStage<List<Tally>> top(Duration window, long[] kindWeights, int limit, long nowEpochMillis) {
    Objects.requireNonNull(window, "window");
    Objects.requireNonNull(kindWeights, "kindWeights");
    int w = layout.trackedWindows().indexOf(window);
    if (w < 0) {
      throw new IllegalArgumentException("window " + window + " is not tracked; tracked are "
          + layout.trackedWindows());
    }
    if (kindWeights.length != kinds) {
      throw new IllegalArgumentException("kindWeights has " + kindWeights.length + " weights for " + kinds + " kinds");
    }
    for (long x : kindWeights) {
      if (x < 0) {
        throw new IllegalArgumentException("kindWeights must not be negative: " + Arrays.toString(kindWeights));
      }
    }
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1, was " + limit);
    }
    checkOpen();
    long[] weights = kindWeights.clone();
    String[] a = new String[7 + kinds + 4 * windowMillis.length];
    a[0] = layoutHash;
    a[1] = Integer.toString(windowMillis.length);
    a[2] = Integer.toString(kinds);
    a[3] = Integer.toString(w);
    a[4] = Integer.toString(windowTier[w]);
    a[5] = Long.toString(windowTarget(w, nowEpochMillis));
    a[6] = limit == Integer.MAX_VALUE ? "-1" : Integer.toString(limit);
    for (int k = 0; k < kinds; k++) {
      a[7 + k] = Long.toString(weights[k]);
    }
    for (int x = 0; x < windowMillis.length; x++) {
      a[7 + kinds + 4 * x] = Integer.toString(windowTier[x]);
      a[8 + kinds + 4 * x] = Long.toString(windowTarget(x, nowEpochMillis));
      a[9 + kinds + 4 * x] = Integer.toString(windowRank[x]);
      a[10 + kinds + 4 * x] = Long.toString(resolution[windowTier[x]]);
    }
    return withMeta("top of " + window,
        () -> TOP.<List<Object>>run(connection.commands(), ScriptOutputType.MULTI, metaKey, a), List.of())
        .thenApply(reply -> rank(reply, weights, limit));
  }

  private List<Tally> rank(List<Object> flat, long[] weights, int limit) {
    int stride = kinds + 2;
    List<Tally> tallies = new ArrayList<>(flat.size() / stride);
    long[] scores = new long[flat.size() / stride];
    for (int i = 0; i + stride <= flat.size(); i += stride) {
      long[] counts = new long[kinds];
      for (int k = 0; k < kinds; k++) {
        counts[k] = count(flat.get(i + 1 + k));
      }
      scores[tallies.size()] = score(counts, weights);
      tallies.add(Tally.unweighted(ArticleId.of(String.valueOf(flat.get(i))), counts, count(flat.get(i + kinds + 1))));
    }
    Integer[] order = new Integer[tallies.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.<Integer>comparingLong(i -> scores[i]).reversed()
        .thenComparing(Comparator.<Integer>comparingLong(i -> tallies.get(i).lastEventEpochMillis()).reversed())
        .thenComparing(i -> tallies.get(i).articleId()));
    List<Tally> out = new ArrayList<>(Math.min(limit, order.length));
    for (int i = 0; i < order.length && out.size() < limit; i++) {
      out.add(tallies.get(order[i]));
    }
    return out;
  }

  /** A count as Redis returns a score: a double's text, exact below 2^53; saturates like a cast. */
  private static long count(Object score) {
    return (long) Double.parseDouble(String.valueOf(score));
  }

  private static long score(long[] counts, long[] weights) {
    long s = 0;
    for (int k = 0; k < counts.length; k++) {
      long term;
      try {
        term = Math.multiplyExact(counts[k], weights[k]);
      } catch (ArithmeticException e) {
        return Long.MAX_VALUE;
      }
      s = s + term < s ? Long.MAX_VALUE : s + term; // both are non-negative
      if (s == Long.MAX_VALUE) {
        return s;
      }
    }
    return s;
  }

  @Override
  public CompletionStage<List<Tally>> union(List<Bucket> buckets, double[] bucketWeights, long nowEpochMillis) {
    Objects.requireNonNull(buckets, "buckets");
    Objects.requireNonNull(bucketWeights, "bucketWeights");
    if (bucketWeights.length != buckets.size()) {
      throw new IllegalArgumentException("bucketWeights has " + bucketWeights.length + " weights for "
          + buckets.size() + " buckets");
    }
    int[] tierOf = new int[buckets.size()];
    for (int i = 0; i < tierOf.length; i++) {
      Bucket b = Objects.requireNonNull(buckets.get(i), "bucket");
      long r = b.resolution().toMillis();
      tierOf[i] = -1;
      for (int t = 0; t < tiers; t++) {
        if (resolution[t] == r) {
          tierOf[i] = t;
        }
      }
      if (tierOf[i] < 0) {
        throw new IllegalArgumentException("bucket resolution " + b.resolution() + " is not a tier's; tiers are "
            + layout.tiers());
      }
    }
    checkOpen();
    double[] weights = bucketWeights.clone();
    int calls = (buckets.size() + UNION_BUCKETS_PER_CALL - 1) / UNION_BUCKETS_PER_CALL;
    @SuppressWarnings({"unchecked", "rawtypes"})
    List<Object>[] parts = new List[calls];
    CompletableFuture<Void> all = inFlight(calls, CHUNKS_IN_FLIGHT, c -> {
      int from = c * UNION_BUCKETS_PER_CALL;
      int to = Math.min(buckets.size(), from + UNION_BUCKETS_PER_CALL);
      String[] a = new String[2 + 2 * (to - from)];
      a[0] = layoutHash;
      a[1] = Integer.toString(kinds);
      for (int i = from; i < to; i++) {
        a[2 + 2 * (i - from)] = Integer.toString(tierOf[i]);
        a[3 + 2 * (i - from)] = Long.toString(buckets.get(i).index());
      }
      return withMeta("union of " + buckets.size() + " buckets",
          () -> UNION.<List<Object>>run(connection.commands(), ScriptOutputType.MULTI, metaKey, a), List.of())
          .thenAccept(reply -> parts[c] = reply);
    });
    long[] starts = new long[buckets.size()];
    long[] resolutions = new long[buckets.size()];
    for (int i = 0; i < starts.length; i++) {
      starts[i] = buckets.get(i).index() * resolution[tierOf[i]];
      resolutions[i] = resolution[tierOf[i]];
    }
    return all.thenApply(v -> merge(parts, weights, starts, resolutions));
  }

  private static final class Acc {
    final long[] counts;
    final double[] weighted;
    long last = Long.MIN_VALUE;

    Acc(int kinds) {
      counts = new long[kinds];
      weighted = new double[kinds];
    }
  }

  /**
   * Sums the buckets in the order given (so decayed scores are reproducible). Each cell's value is
   * {@code count × resolution + last event ms after the bucket's start}, or {@code <count>:<last event ms>} for a
   * count too large to pack exactly (ranking-prelude.lua).
   */
  private List<Tally> merge(List<Object>[] parts, double[] weights, long[] starts, long[] resolutions) {
    Map<String, Acc> acc = new HashMap<>();
    int bucket = 0;
    int unreadable = 0;
    for (List<Object> part : parts) {
      if (part.isEmpty()) { // the namespace was empty: every bucket reads as empty
        bucket += UNION_BUCKETS_PER_CALL;
        continue;
      }
      for (Object perBucket : part) {
        List<?> lists = (List<?>) perBucket;
        long start = starts[bucket];
        long res = resolutions[bucket];
        double weight = weights[bucket++];
        for (int k = 0; k < kinds; k++) {
          List<?> cells = (List<?>) lists.get(k);
          for (int i = 0; i + 1 < cells.size(); i += 2) {
            String value = String.valueOf(cells.get(i + 1));
            long[] cell = cellParts(value, res);
            if (cell == null) {
              if (unreadable++ == 0) {
                LOG.warn("ranking namespace '{}' on Redis at {}: a bucket cell of '{}' holds \"{}\", not a count;"
                    + " counted as 0 (as the scripts do)", namespace, connection.description(), cells.get(i),
                    value.length() > 40 ? value.substring(0, 40) : value);
              }
            }
            if (cell == null || cell[0] == 0) { // no tally of nothing, and no latest event from it
              continue;
            }
            Acc a = acc.computeIfAbsent(String.valueOf(cells.get(i)), x -> new Acc(kinds));
            long n = cell[0];
            long offset = cell[1];
            long sum = a.counts[k] + n;
            a.counts[k] = sum < a.counts[k] ? Long.MAX_VALUE : sum;
            a.weighted[k] += weight * n;
            a.last = Math.max(a.last, start + offset);
          }
        }
      }
    }
    List<Tally> out = new ArrayList<>(acc.size());
    for (Map.Entry<String, Acc> e : acc.entrySet()) {
      Acc a = e.getValue();
      out.add(new Tally(ArticleId.of(e.getKey()), a.counts, a.weighted, a.last));
    }
    return out;
  }

  /**
   * Copies every count another store holds into this namespace, which must hold none yet: the way to move a site
   * from one server's {@link dev.masthead.ranking.InMemoryCounterStore} to Redis (restore that server's snapshot
   * into an in-memory store of the same layout, then import it here, before any engine writes to this namespace).
   * Reads the source one bucket at a time through {@link CounterStore#union} (every bucket of every tier from
   * {@link StoreLayout#keepStart} at {@code now} to the future-skew allowance after it), writes each bucket's
   * cells with one script per 1,000 cells, then marks the tracked windows to be recounted from the imported
   * buckets and runs {@link #maintain} once, so that the running totals, scorings and latest times are whole when
   * it returns. An article's latest event in a bucket is kept per article, for each of its kinds, as the
   * in-memory store and its snapshots keep it.
   *
   * <p>Blocking, for a one-off operation at start-up: each script waits at most the connection's command
   * timeout. Not atomic: if it fails part-way the namespace holds part of the counts, and a second import is
   * refused (the namespace is no longer empty); delete the namespace's keys ({@code mh:{<namespace>}:*}) and
   * import again.
   *
   * @param source the store to copy, of this store's layout; only read
   * @param now the engine's time, at which the source's retention is read
   * @return the number of (article, kind, bucket) cells written
   * @throws IllegalArgumentException if the source's layout is not this store's
   * @throws IllegalStateException if this namespace already holds counts, or this store is closed
   * @throws BackendUnavailableException if Redis or the source fails or times out
   * @throws NullPointerException if an argument is null
   */
  public long importFrom(CounterStore source, Instant now) {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(now, "now");
    checkOpen();
    if (!source.layout().equals(layout)) {
      throw new IllegalArgumentException("the source counts in another layout: " + source.layout().encoded()
          + "; this store's is " + layoutText);
    }
    Stats held = join(stats(), "reading the namespace's stats");
    if (held.liveCells() > 0 || held.articles() > 0) {
      throw new IllegalStateException("import needs an empty ranking namespace; '" + namespace + "' holds "
          + held.liveCells() + " cells of " + held.articles() + " articles");
    }
    long at = now.toEpochMilli();
    long skew = layout.futureSkew().toMillis();
    long written = 0;
    for (int t = 0; t < tiers; t++) {
      long res = resolution[t];
      long most = mostPacked(res);
      for (long b = layout.keepStart(t, at); b <= Math.floorDiv(at + skew, res); b++) {
        List<Tally> cells = join(source.union(List.of(new Bucket(Duration.ofMillis(res), b)), new double[] {1}, at),
            "reading bucket " + b + " of tier " + t + " from the source");
        List<String> args = new ArrayList<>();
        for (Tally c : cells) {
          for (int k = 0; k < kinds; k++) {
            if (c.counts()[k] > 0) {
              args.add(c.articleId().value());
              args.add(Integer.toString(k));
              args.add(cellValue(c.counts()[k], c.lastEventEpochMillis() - b * res, res, most));
            }
          }
        }
        for (int from = 0; from < args.size(); from += 3 * IMPORT_CELLS) {
          written += join(importCall(at, t, b, args.subList(from, Math.min(args.size(), from + 3 * IMPORT_CELLS))),
              "importing bucket " + b + " of tier " + t);
        }
      }
    }
    join(importCall(at, -1, 0, List.of()), "ending the import");
    join(maintain(at), "recounting the imported windows");
    LOG.info("ranking namespace '{}' on Redis at {}: {} cells imported", namespace, connection.description(),
        written);
    return written;
  }

  private CompletionStage<Long> importCall(long now, int tier, long bucket, List<String> cells) {
    String[] a = new String[9 + cells.size()];
    a[0] = layoutHash;
    a[1] = Long.toString(now);
    a[2] = Integer.toString(windowMillis.length);
    a[3] = Integer.toString(kinds);
    a[4] = Integer.toString(tier);
    a[5] = Long.toString(bucket);
    int t = Math.max(tier, 0);
    a[6] = Long.toString(resolution[t]);
    a[7] = Long.toString(coarse[t]);
    a[8] = Long.toString(life[t]);
    for (int i = 0; i < cells.size(); i++) {
      a[9 + i] = cells.get(i);
    }
    return withMeta("import into ranking namespace",
        () -> IMPORT.<Long>run(connection.commands(), ScriptOutputType.INTEGER, metaKey, a), 0L);
  }

  /** Waits for a stage of this store (its own timeouts bound it); a failure is thrown as it is, or wrapped. */
  private <T> T join(CompletionStage<T> stage, String what) {
    try {
      return stage.toCompletableFuture().join();
    } catch (CompletionException e) {
      Throwable c = RedisErrors.unwrap(e);
      if (c instanceof RuntimeException r && !(c instanceof CompletionException)) {
        throw r;
      }
      throw RedisErrors.backend(what + " in ranking namespace '" + namespace + "'", connection, c);
    }
  }

  /**
   * {@inheritDoc}
   *
   * <p>Here: live cells and articles counted exactly, and the bytes as the sum of Redis's {@code MEMORY USAGE}
   * (an estimate of each key with its value, sampling 5 elements of a hash or sorted set) over the namespace's
   * meta hash, bucket registries, every held bucket's cells (counts and latest times), the windows' bands and
   * scorings and the shared latest times; the idempotency markers (about 90 bytes per applied chunk, for 70
   * minutes) and Redis's own overhead are not included. One script whose cost grows with the buckets held
   * (about 3 commands per bucket and kind: a few milliseconds for the default layout's 2,300 buckets), so call
   * it for monitoring, not per request.
   */
  @Override
  public CompletionStage<Stats> stats() {
    checkOpen();
    String[] a = {layoutHash, Integer.toString(tiers), Integer.toString(kinds), Integer.toString(longestWindow),
        Integer.toString(windowMillis.length)};
    return withMeta("stats",
        () -> STATS.<List<Object>>run(connection.commands(), ScriptOutputType.MULTI, metaKey, a),
        List.<Object>of(0L, longestWindow < 0 ? -1L : 0L, 0L))
        .thenApply(r -> new Stats(((Number) r.get(0)).longValue(), ((Number) r.get(2)).longValue(),
            ((Number) r.get(1)).longValue()));
  }

  private void checkOpen() {
    if (closed.get()) {
      throw new IllegalStateException("RedisCounterStore for namespace '" + namespace + "' is closed");
    }
  }

  /** Marks the store closed; later calls throw {@link IllegalStateException}. The connection stays open. */
  @Override
  public void close() {
    closed.set(true);
  }

  @Override
  public String toString() {
    return "RedisCounterStore[" + namespace + " on " + connection.description() + "]";
  }

  /**
   * Builds a {@link RedisCounterStore}. Setters check their value at once ({@link IllegalArgumentException}
   * naming it); {@link #build()} checks what is missing ({@link IllegalStateException}) and attaches.
   *
   * <p>Not thread-safe: use a builder from one thread.
   */
  public static final class Builder {
    private final RedisConnection connection;
    private String namespace = "masthead";
    private @Nullable StoreLayout layout;
    private int chunkCells = 500;
    private boolean allowEviction;

    private Builder(RedisConnection connection) {
      this.connection = Objects.requireNonNull(connection, "connection");
    }

    /**
     * Sets the namespace (default {@code masthead}): the engines of one site share one; other sites, or
     * engines of another layout, use their own. It becomes the hash tag of every key ({@code mh:{name}:…}).
     *
     * @param name 1 to 64 chars from {@code [A-Za-z0-9_.:-]}
     * @return this builder
     * @throws NullPointerException if {@code name} is null
     * @throws IllegalArgumentException if {@code name} is empty, too long or holds another char
     */
    public Builder namespace(String name) {
      this.namespace = RedisNamespace.check(name);
      return this;
    }

    /**
     * Sets the layout to hold (required): the engine's, as its builder derives it. Every engine of a namespace
     * must have the same.
     *
     * @param layout the layout
     * @return this builder
     * @throws NullPointerException if {@code layout} is null
     */
    public Builder layout(StoreLayout layout) {
      this.layout = Objects.requireNonNull(layout, "layout");
      return this;
    }

    /**
     * Sets how many cells one flush script applies (default 500: a few milliseconds of Redis time, so other
     * clients wait little). A batch is split into chunks of this size, in order.
     *
     * @param cells 1 to 10,000
     * @return this builder
     * @throws IllegalArgumentException if {@code cells} is out of range
     */
    public Builder chunkCells(int cells) {
      if (cells < 1 || cells > 10_000) {
        throw new IllegalArgumentException("chunkCells must be 1 to 10,000, was " + cells);
      }
      this.chunkCells = cells;
      return this;
    }

    /**
     * Accepts a Redis whose {@code maxmemory-policy} is not {@code noeviction} (default: refused). Such a
     * Redis deletes keys when full, so counts can vanish without an error; attaching then logs a WARN.
     *
     * @return this builder
     */
    public Builder allowEviction() {
      this.allowEviction = true;
      return this;
    }

    /**
     * Attaches to the namespace: checks {@code maxmemory-policy}, then creates the namespace's layout or
     * compares it with this one. Blocks for at most about four command timeouts.
     *
     * @return the store, thread-safe
     * @throws IllegalStateException if no layout was set; if the namespace holds another layout (the message
     *     names each difference) or a key of the wrong type; if Redis may evict keys and
     *     {@link #allowEviction()} was not called
     * @throws IllegalArgumentException if a tracked window is longer than every tier's horizon
     * @throws BackendUnavailableException if Redis cannot be reached or answers with an error
     */
    public RedisCounterStore build() {
      if (layout == null) {
        throw new IllegalStateException("RedisCounterStore.Builder.layout is required");
      }
      RedisCounterStore store = new RedisCounterStore(this);
      store.attachNow();
      return store;
    }
  }
}
