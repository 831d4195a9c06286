package dev.masthead.redis;

import dev.masthead.core.BackendUnavailableException;
import dev.masthead.ranking.VisitorMemory;
import io.lettuce.core.ScriptOutputType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A shared {@link VisitorMemory} in Redis: every engine of a site asks the same memory, so a visitor counts once
 * per period site-wide, however the load balancer spreads the requests. Build one with
 * {@link #builder(RedisConnection)}.
 *
 * <p>Each (article, kind, visitor) is one string key {@code mh:{<namespace>}:v:<fingerprint>} holding the event
 * time of the last first sighting, written with {@code SET … PX remember}, so Redis forgets it when the engine
 * allows (no size bound: Redis memory is the bound, about 100 bytes a key). The fingerprint is the first 128 bits
 * of SHA-256 over the article id, kind and visitor id, so visitor ids (which may be derived from personal data)
 * are never stored in clear. One call is one Lua script per 500 sightings, decided in order, atomically: two
 * servers asking about the same visitor at once get one "first".
 *
 * <p>Failures: the stage completes exceptionally with {@link BackendUnavailableException} when Redis is down
 * or slow (within the connection's command timeout per script), and then the engine counts the events as
 * unverified, as {@link VisitorMemory} says. Thread-safe; {@link #close()} does not close the connection.
 */
public final class RedisVisitorMemory implements VisitorMemory {
  private static final int SIGHTINGS_PER_CALL = 500;
  private static final RedisScript SIGHTINGS = new RedisScript(resource("visitor-sightings.lua"));

  private final RedisConnection connection;
  private final RedisNamespace namespace;
  private final String[] routingKey;
  private final AtomicBoolean closed = new AtomicBoolean();

  private RedisVisitorMemory(Builder b) {
    this.connection = b.connection;
    this.namespace = new RedisNamespace(b.namespace);
    this.routingKey = new String[] {namespace.key("v")};
  }

  private static String resource(String name) {
    try (InputStream in = RedisVisitorMemory.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing script " + name + " in masthead-redis");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Returns a new builder for a memory on a connection.
   *
   * @param connection the shared connection; not closed by the memory
   * @return a builder
   * @throws NullPointerException if {@code connection} is null
   */
  public static Builder builder(RedisConnection connection) {
    return new Builder(connection);
  }

  @Override
  public CompletionStage<boolean[]> firstSightings(
      List<Sighting> sightings, Duration period, Duration remember, long nowEpochMillis) {
    Objects.requireNonNull(sightings, "sightings");
    Objects.requireNonNull(period, "period");
    Objects.requireNonNull(remember, "remember");
    if (period.toMillis() < 1 || remember.compareTo(period) < 0) {
      throw new IllegalArgumentException("period must be at least 1 ms and remember at least period, were "
          + period + " and " + remember);
    }
    if (closed.get()) {
      throw new IllegalStateException("RedisVisitorMemory for namespace '" + namespace + "' is closed");
    }
    String[] fingerprints = new String[sightings.size()];
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
    for (int i = 0; i < fingerprints.length; i++) {
      Sighting s = Objects.requireNonNull(sightings.get(i), "sighting");
      sha.reset();
      sha.update(s.articleId().value().getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
      sha.update(s.kind().name().getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
      sha.update(s.visitorId().getBytes(StandardCharsets.UTF_8));
      fingerprints[i] = HexFormat.of().formatHex(sha.digest(), 0, 16);
    }
    boolean[] first = new boolean[fingerprints.length];
    String prefix = namespace.key("v:");
    CompletableFuture<Void> all = CompletableFuture.completedFuture(null);
    // One connection, one node: scripts sent in order run in order, so a later slice sees the earlier ones.
    CompletableFuture<?>[] calls = new CompletableFuture<?>[(fingerprints.length + SIGHTINGS_PER_CALL - 1)
        / SIGHTINGS_PER_CALL];
    for (int c = 0; c < calls.length; c++) {
      int from = c * SIGHTINGS_PER_CALL;
      int to = Math.min(fingerprints.length, from + SIGHTINGS_PER_CALL);
      String[] a = new String[3 + 2 * (to - from)];
      a[0] = prefix;
      a[1] = Long.toString(period.toMillis());
      a[2] = Long.toString(remember.toMillis());
      for (int i = from; i < to; i++) {
        a[3 + 2 * (i - from)] = fingerprints[i];
        a[4 + 2 * (i - from)] = Long.toString(sightings.get(i).occurredAtEpochMillis());
      }
      calls[c] = SIGHTINGS.<List<Object>>run(connection.commands(), ScriptOutputType.MULTI, routingKey, a)
          .thenAccept(reply -> {
            for (int i = 0; i < reply.size(); i++) {
              first[from + i] = ((Number) reply.get(i)).longValue() == 1;
            }
          });
    }
    all = CompletableFuture.allOf(calls);
    return all.handle((v, error) -> {
      if (error != null) {
        Throwable c = RedisErrors.unwrap(error);
        if (RedisErrors.WRONG_TYPE.equals(RedisErrors.scriptError(c))) {
          throw new BackendUnavailableException("Redis namespace '" + namespace + "': "
              + RedisErrors.detail(c, RedisErrors.WRONG_TYPE) + "; something other than Masthead writes under "
              + "this namespace", c);
        }
        throw RedisErrors.backend("visitor memory in namespace '" + namespace + "'", connection, c);
      }
      return first;
    });
  }

  /** Marks the memory closed; later calls throw {@link IllegalStateException}. The connection stays open. */
  @Override
  public void close() {
    closed.set(true);
  }

  @Override
  public String toString() {
    return "RedisVisitorMemory[" + namespace + " on " + connection.description() + "]";
  }

  /**
   * Builds a {@link RedisVisitorMemory}. Not thread-safe: use a builder from one thread.
   */
  public static final class Builder {
    private final RedisConnection connection;
    private String namespace = "masthead";

    private Builder(RedisConnection connection) {
      this.connection = Objects.requireNonNull(connection, "connection");
    }

    /**
     * Sets the namespace (default {@code masthead}), as for {@link RedisCounterStore.Builder#namespace}; the
     * memory's keys share the counter store's hash tag when both use the same name.
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
     * Builds the memory; it connects to nothing more than the connection already does.
     *
     * @return the memory, thread-safe
     */
    public RedisVisitorMemory build() {
      return new RedisVisitorMemory(this);
    }
  }
}
