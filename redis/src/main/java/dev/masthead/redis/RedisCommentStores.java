package dev.masthead.redis;

import dev.masthead.comments.spam.ApprovedAuthors;
import dev.masthead.comments.spam.DuplicateStore;
import dev.masthead.comments.spam.FloodStore;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * The comment spam checks' memory in Redis, shared by every app server of a site: flood times, duplicate
 * fingerprints and approved authors, behind the comments SPIs ({@link FloodStore}, {@link DuplicateStore},
 * {@link ApprovedAuthors}). Hand them to the checks with the site secret, the same on every server:
 *
 * <pre>{@code
 * RedisCommentStores stores = RedisCommentStores.builder(connection).build();
 * StoreSettings shared = StoreSettings.of(siteSecret);       // SpamChecks.StoreSettings
 * SpamFilter filter = SpamFilter.builder()
 *     .check(SpamChecks.flood(SpamChecks.DEFAULT_FLOOD_INTERVAL, stores.flood(), shared))
 *     .check(SpamChecks.duplicate(SpamChecks.DEFAULT_DUPLICATE_RETENTION, stores.duplicates(), shared))
 *     .check(SpamChecks.approvedAuthors(stores.approvedAuthors(), shared))
 *     .build();
 * }</pre>
 *
 * <p><b>Commands.</b> One round trip per call:
 * <ul>
 *   <li>flood: one Lua script (by {@code EVALSHA}; {@code EVAL} once after a restart) over the comment's IP and
 *       email keys: it {@code GET}s both and, only if neither holds a time less than the interval away,
 *       {@code SET}s both to the comment's time with {@code PX retention}. A plain {@code SET key t GET PX ttl}
 *       would record refused attempts too and restart the interval on every retry, so the script is atomic
 *       check-then-set;</li>
 *   <li>duplicates: {@code SET fingerprint t NX PX retention} (a null reply means seen before);</li>
 *   <li>approved authors: {@code EXISTS} to ask, {@code SET key 1 PX retention} to approve.</li>
 * </ul>
 *
 * <p><b>Keys.</b> {@code mh:{namespace}:flood:<fingerprint>}, {@code mh:{namespace}:duplicate:<fingerprint>},
 * {@code mh:{namespace}:author:<fingerprint>}, as the module's other stores name theirs, where the fingerprint
 * is the check's HMAC-SHA256 digest (32 hex digits): Redis, its append-only file, its backups and replicas hold
 * no address and no text. The namespace (default {@value #DEFAULT_NAMESPACE}, apart from the ranking stores'
 * {@code masthead}) is a Cluster hash tag, so the flood script's two keys share a slot; all comment memory of a
 * site lives on one Cluster node, which is fine at comment rates (a few per second). Every
 * key has a TTL. Under {@code maxmemory}, use a {@code volatile-ttl} or {@code volatile-lru} policy: both evict
 * the oldest entries first, never a fingerprint written a moment ago (an LFU policy would, as Caffeine's
 * W-TinyLFU did in memory).
 *
 * <p><b>Failures.</b> Every call is asynchronous and completes exceptionally with Lettuce's exception when Redis
 * is down (at once: the connection rejects commands while disconnected), slow (after the connection's command
 * timeout) or answers an error. Nothing is retried (a repeated flood or duplicate call would refuse its own
 * comment). The checks bound each call by their own store timeout and hold the comment with
 * {@code store.unavailable}; their opt-in fallback decides on server memory instead.
 *
 * <p>Immutable and thread-safe; the stores hold no resources of their own (closing the connection ends them).
 */
public final class RedisCommentStores {
  /** The default namespace: {@value}. */
  public static final String DEFAULT_NAMESPACE = "masthead-comments";

  /** KEYS: the comment's flood keys. ARGV: its time, the interval, the retention, all in ms. */
  static final RedisScript FLOOD_SCRIPT = new RedisScript("""
      local at = tonumber(ARGV[1])
      local interval = tonumber(ARGV[2])
      local refusing = false
      local gap = nil
      for i = 1, #KEYS do
        local recorded = redis.call('GET', KEYS[i])
        local t = recorded and tonumber(recorded)
        if t then
          local d = math.abs(at - t)
          if d < interval and (gap == nil or d < gap) then
            refusing = recorded
            gap = d
          end
        end
      end
      if refusing then
        return refusing
      end
      for i = 1, #KEYS do
        redis.call('SET', KEYS[i], ARGV[1], 'PX', ARGV[3])
      end
      return false
      """);

  private final RedisConnection connection;
  private final RedisNamespace namespace;
  private final FloodStore flood = new Flood();
  private final DuplicateStore duplicates = new Duplicates();
  private final ApprovedAuthors approvedAuthors = new Authors();

  private RedisCommentStores(Builder b) {
    this.connection = b.connection;
    this.namespace = new RedisNamespace(b.namespace);
  }

  /**
   * Returns a builder on a connection.
   *
   * @param connection the site's Redis connection
   * @return a builder with the default namespace
   * @throws NullPointerException if {@code connection} is null
   */
  public static Builder builder(RedisConnection connection) {
    return new Builder(connection);
  }

  /**
   * Returns the flood store.
   *
   * @return the flood store on this connection and namespace
   */
  public FloodStore flood() {
    return flood;
  }

  /**
   * Returns the duplicate store.
   *
   * @return the duplicate store on this connection and namespace
   */
  public DuplicateStore duplicates() {
    return duplicates;
  }

  /**
   * Returns the approved-author store.
   *
   * @return the approved-author store on this connection and namespace
   */
  public ApprovedAuthors approvedAuthors() {
    return approvedAuthors;
  }

  @Override
  public String toString() {
    return "RedisCommentStores[namespace " + namespace + " on " + connection.description() + "]";
  }

  private static String millis(Duration d) {
    return Long.toString(Math.max(1, d.toMillis()));
  }

  private final class Flood implements FloodStore {
    @Override
    public CompletionStage<Optional<Instant>> recordUnlessFlooding(List<String> keys, Instant at, Duration interval,
        Duration retention) {
      FloodStore.checkArguments(keys, at, interval, retention);
      String[] redisKeys = new String[keys.size()];
      for (int i = 0; i < redisKeys.length; i++) {
        redisKeys[i] = namespace.key("flood:" + keys.get(i));
      }
      return FLOOD_SCRIPT.<String>run(connection.commands(), ScriptOutputType.VALUE, redisKeys,
              Long.toString(at.toEpochMilli()), millis(interval), millis(retention))
          .thenApply(refusing -> refusing == null
              ? Optional.<Instant>empty() : Optional.of(Instant.ofEpochMilli(Long.parseLong(refusing))));
    }

    @Override
    public String toString() {
      return "RedisFloodStore[" + namespace.key("flood:*") + "]";
    }
  }

  private final class Duplicates implements DuplicateStore {
    @Override
    public CompletionStage<Boolean> seenBefore(String fingerprint, Instant at, Duration retention) {
      Objects.requireNonNull(fingerprint, "fingerprint");
      Objects.requireNonNull(at, "at");
      checkRetention(retention);
      return connection.commands()
          .set(namespace.key("duplicate:" + fingerprint), Long.toString(at.toEpochMilli()),
              SetArgs.Builder.nx().px(Math.max(1, retention.toMillis())))
          .thenApply(ok -> ok == null);
    }

    @Override
    public String toString() {
      return "RedisDuplicateStore[" + namespace.key("duplicate:*") + "]";
    }
  }

  private final class Authors implements ApprovedAuthors {
    @Override
    public CompletionStage<Boolean> isApproved(String author) {
      Objects.requireNonNull(author, "author");
      return connection.commands().exists(namespace.key("author:" + author)).thenApply(n -> n != null && n > 0);
    }

    @Override
    public CompletionStage<Void> approve(String author, Duration retention) {
      Objects.requireNonNull(author, "author");
      checkRetention(retention);
      return connection.commands()
          .set(namespace.key("author:" + author), "1", SetArgs.Builder.px(Math.max(1, retention.toMillis())))
          .thenApply(ok -> null);
    }

    @Override
    public String toString() {
      return "RedisApprovedAuthors[" + namespace.key("author:*") + "]";
    }
  }

  private static void checkRetention(Duration retention) {
    Objects.requireNonNull(retention, "retention");
    if (retention.isNegative() || retention.isZero()) {
      throw new IllegalArgumentException("retention must be positive, was " + retention);
    }
  }

  /** Builds {@link RedisCommentStores}. Not thread-safe. */
  public static final class Builder {
    private final RedisConnection connection;
    private String namespace = DEFAULT_NAMESPACE;

    private Builder(RedisConnection connection) {
      this.connection = Objects.requireNonNull(connection, "connection");
    }

    /**
     * Sets the namespace every key starts with, {@code mh:{namespace}:}, a Cluster hash tag (default
     * {@value RedisCommentStores#DEFAULT_NAMESPACE}). Sites that share one Redis use one namespace each.
     *
     * @param namespace 1 to 64 characters of {@code A-Z a-z 0-9 _ . : -}
     * @return this builder
     * @throws NullPointerException if {@code namespace} is null
     * @throws IllegalArgumentException if it is empty, too long or has another character (braces above all,
     *     which would break the hash tag)
     */
    public Builder namespace(String namespace) {
      this.namespace = RedisNamespace.check(namespace);
      return this;
    }

    /**
     * Builds the stores. Nothing is sent to Redis until a check calls a store.
     *
     * @return the stores, immutable and thread-safe
     */
    public RedisCommentStores build() {
      return new RedisCommentStores(this);
    }
  }
}
