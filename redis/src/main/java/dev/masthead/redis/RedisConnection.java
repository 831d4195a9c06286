package dev.masthead.redis;

import dev.masthead.core.BackendUnavailableException;
import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.ClusterClientOptions;
import io.lettuce.core.cluster.ClusterTopologyRefreshOptions;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.protocol.ProtocolVersion;
import io.lettuce.core.protocol.RedisCommand;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Lettuce connection to Redis (a single server or a Redis Cluster), with the settings counting needs, shared
 * by every Masthead store of an app server. Build it with {@link #builder()}, hand it to the stores, close it
 * when the application stops.
 *
 * <p><b>What it changes from Lettuce's defaults, and why.</b>
 * <ul>
 *   <li>A short command timeout ({@link Builder#commandTimeout}, default 250 ms; Lettuce's is 60 s): a store
 *       call never holds a request thread or a flusher longer than this, and it is shorter than the ranking
 *       engine's store timeout (500 ms by default), as {@code CounterStore} asks.</li>
 *   <li>Commands are rejected at once while disconnected (Lettuce's default queues them until the server is
 *       back): a caller learns of an outage immediately instead of after its timeout.</li>
 *   <li>A bounded request queue ({@link Builder#requestQueueSize}, default 10,000 commands; Lettuce's is
 *       unbounded), so a slow server cannot fill the heap.</li>
 *   <li>No replay after a reconnect (Lettuce re-sends the commands that were in flight when the connection
 *       dropped, which counts an increment twice when the server had executed it). Such a command completes
 *       exceptionally instead, and its caller decides: Masthead's flush scripts carry an idempotency marker, so
 *       the caller retries and the server counts the chunk once.</li>
 *   <li>Reconnect attempts back off exponentially from 10 ms up to {@link Builder#maxReconnectDelay}
 *       (default 500 ms; Lettuce's cap is 30 s), so a store answers again within a second of the server's
 *       return.</li>
 *   <li>A connection that has sent a command and then received nothing for two command timeouts (at least one
 *       second) is closed and reconnected (Lettuce keeps it as long as TCP does not report it broken): a proxy or
 *       network that wedges mid-reply with the socket left open would otherwise time out every later command
 *       for good. An idle connection is kept.</li>
 *   <li>RESP2 (no {@code HELLO} handshake), so managed Redis, proxies and Valkey all accept it.</li>
 * </ul>
 *
 * <p>Building connects at once and fails with {@link BackendUnavailableException} if the server cannot be
 * reached; after that, Lettuce reconnects by itself and the connection is never replaced. The commands are
 * asynchronous: no Masthead store blocks on this connection except where its documentation says so, and then
 * for at most the command timeout.
 *
 * <p>Thread-safe: one instance serves every thread of an application. Closing it closes the stores built on it.
 */
public final class RedisConnection implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RedisConnection.class);

  private final AbstractRedisClient client;
  private final ClientResources resources;
  private final StatefulConnection<String, String> connection;
  private final RedisClusterAsyncCommands<String, String> commands;
  private final boolean cluster;
  private final Duration commandTimeout;
  private final String description;

  private RedisConnection(Builder b) {
    this.commandTimeout = b.commandTimeout;
    this.cluster = b.clusterSeeds != null;
    this.resources = ClientResources.builder()
        .reconnectDelay(Delay.exponential(Duration.ofMillis(10), b.maxReconnectDelay, 2, TimeUnit.MILLISECONDS))
        .nettyCustomizer(new ReplyWatchdog(ReplyWatchdog.limitFor(b.commandTimeout)))
        .build();
    TimeoutOptions timeouts = TimeoutOptions.builder().timeoutCommands(true).fixedTimeout(b.commandTimeout).build();
    SocketOptions socket = SocketOptions.builder().connectTimeout(b.connectTimeout).keepAlive(true).build();
    Predicate<RedisCommand<?, ?, ?>> noReplay = command -> {
      command.completeExceptionally(new RedisException("the connection to Redis dropped while "
          + command.getType() + " was in flight; it is not re-sent, and it may or may not have run"));
      return true; // filtered: never re-sent after the reconnect
    };
    List<RedisURI> uris = new ArrayList<>();
    for (String u : b.clusterSeeds != null ? b.clusterSeeds : List.of(Objects.requireNonNull(b.uri))) {
      RedisURI uri = RedisURI.create(u);
      uri.setTimeout(b.commandTimeout);
      uris.add(uri);
    }
    this.description = describe(uris);
    AbstractRedisClient c = null;
    try {
      if (cluster) {
        ClusterClientOptions.Builder options = ClusterClientOptions.builder();
        options.replayFilter(noReplay); // inherited setter: returns the plain builder, so it goes first
        options.topologyRefreshOptions(ClusterTopologyRefreshOptions.builder()
                .enableAllAdaptiveRefreshTriggers()
                .build())
            .autoReconnect(true)
            .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
            .requestQueueSize(b.requestQueueSize)
            .timeoutOptions(timeouts)
            .socketOptions(socket)
            .protocolVersion(ProtocolVersion.RESP2);
        RedisClusterClient clusterClient = RedisClusterClient.create(resources, uris);
        c = clusterClient;
        clusterClient.setOptions(options.build());
        StatefulRedisClusterConnection<String, String> conn = clusterClient.connect();
        conn.setTimeout(b.commandTimeout);
        this.connection = conn;
        this.commands = conn.async();
      } else {
        ClientOptions options = ClientOptions.builder()
            .replayFilter(noReplay)
            .autoReconnect(true)
            .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
            .requestQueueSize(b.requestQueueSize)
            .timeoutOptions(timeouts)
            .socketOptions(socket)
            .protocolVersion(ProtocolVersion.RESP2)
            .build();
        RedisClient standalone = RedisClient.create(resources, uris.get(0));
        c = standalone;
        standalone.setOptions(options);
        StatefulRedisConnection<String, String> conn = standalone.connect();
        conn.setTimeout(b.commandTimeout);
        this.connection = conn;
        this.commands = conn.async();
      }
      this.client = c;
    } catch (RuntimeException e) {
      if (c != null) {
        c.shutdown(Duration.ZERO, Duration.ofSeconds(2));
      }
      resources.shutdown(0, 2, TimeUnit.SECONDS);
      throw new BackendUnavailableException("cannot connect to Redis at " + description + ": " + e.getMessage(), e);
    }
    LOG.debug("connected to Redis at {} (command timeout {})", description, commandTimeout);
  }

  private static String describe(List<RedisURI> uris) {
    StringBuilder s = new StringBuilder();
    for (RedisURI u : uris) {
      if (s.length() > 0) {
        s.append(", ");
      }
      s.append(u.getHost()).append(':').append(u.getPort()); // never the password
    }
    return s.toString();
  }

  /**
   * Returns a new builder with the defaults documented on its setters.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns how long a command may take before it fails.
   *
   * @return the command timeout
   */
  public Duration commandTimeout() {
    return commandTimeout;
  }

  /**
   * Returns whether this connection talks to a Redis Cluster.
   *
   * @return true for a Cluster, false for a single server
   */
  public boolean isCluster() {
    return cluster;
  }

  /**
   * Returns whether the connection is up now. It goes down during an outage and comes back by itself.
   *
   * @return true if connected
   */
  public boolean isConnected() {
    return connection.isOpen();
  }

  /** The asynchronous commands, for the stores of this package. */
  RedisClusterAsyncCommands<String, String> commands() {
    return commands;
  }

  /** Where this connection points, {@code host:port} list, for messages; never holds a password. */
  String description() {
    return description;
  }

  /**
   * Closes the connection and releases the client's threads, waiting at most about two seconds. Commands in
   * flight fail. Idempotent.
   */
  @Override
  public void close() {
    try {
      connection.close();
    } finally {
      client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
      resources.shutdown(0, 2, TimeUnit.SECONDS);
    }
  }

  @Override
  public String toString() {
    return "RedisConnection[" + description + (cluster ? ", cluster" : "") + "]";
  }

  /**
   * Builds a {@link RedisConnection}. Setters check their value at once ({@link IllegalArgumentException}
   * naming it); {@link #build()} checks values that conflict ({@link IllegalStateException}).
   *
   * <p>Not thread-safe: use a builder from one thread.
   */
  public static final class Builder {
    private @Nullable String uri;
    private @Nullable List<String> clusterSeeds;
    private Duration commandTimeout = Duration.ofMillis(250);
    private Duration connectTimeout = Duration.ofSeconds(1);
    private Duration maxReconnectDelay = Duration.ofMillis(500);
    private int requestQueueSize = 10_000;

    private Builder() {}

    private static String checkUri(String name, String uri) {
      Objects.requireNonNull(uri, name);
      try {
        RedisURI.create(uri);
      } catch (RuntimeException e) {
        // Lettuce's and java.net.URI's messages quote the URI, password included: masked, and not chained
        throw new IllegalArgumentException(name + " is not a Redis URI (redis://host:port, rediss://..., "
            + "redis://:password@host:port/db): " + withoutUserInfo(String.valueOf(e.getMessage()), uri));
      }
      return uri;
    }

    /** The message with the URI's user info (user and password, between "://" and the last '@') masked. */
    private static String withoutUserInfo(String message, String uri) {
      int scheme = uri.indexOf("://");
      int at = uri.lastIndexOf('@');
      if (scheme < 0 || at <= scheme + 3) {
        return message;
      }
      String userInfo = uri.substring(scheme + 3, at);
      String masked = message.replace(userInfo, "********");
      int colon = userInfo.indexOf(':');
      return colon < 0 || colon + 1 == userInfo.length() ? masked
          : masked.replace(userInfo.substring(colon + 1), "********"); // the password alone, decoded or quoted
    }

    private static Duration range(String name, Duration d, Duration min, Duration max) {
      Objects.requireNonNull(d, name);
      if (d.compareTo(min) < 0 || d.compareTo(max) > 0) {
        throw new IllegalArgumentException(name + " must be " + min + " to " + max + ", was " + d);
      }
      return d;
    }

    /**
     * Sets the address of a single Redis server (no default). The URI may carry a password, a database number
     * and TLS ({@code rediss://}), as Lettuce's {@code RedisURI} reads them; the password never appears in a
     * message or a log.
     *
     * @param uri for example {@code redis://127.0.0.1:6379}
     * @return this builder
     * @throws NullPointerException if {@code uri} is null
     * @throws IllegalArgumentException if {@code uri} is not a Redis URI
     */
    public Builder uri(String uri) {
      this.uri = checkUri("uri", uri);
      return this;
    }

    /**
     * Connects to a Redis Cluster through these nodes (no default). Any reachable node is enough; the client
     * discovers the others and follows slot moves.
     *
     * @param seeds one URI or more, as for {@link #uri}
     * @return this builder
     * @throws NullPointerException if {@code seeds} or an element is null
     * @throws IllegalArgumentException if {@code seeds} is empty or holds something that is not a Redis URI
     */
    public Builder clusterSeeds(List<String> seeds) {
      List<String> copy = List.copyOf(seeds);
      if (copy.isEmpty()) {
        throw new IllegalArgumentException("clusterSeeds must hold at least one URI");
      }
      for (String s : copy) {
        checkUri("clusterSeeds element", s);
      }
      this.clusterSeeds = copy;
      return this;
    }

    /**
     * Sets how long a command may take before it fails with a timeout (default 250 ms, half the ranking engine's
     * default store timeout; Lettuce's default is 60 s). The stores never block a caller for longer than this;
     * a Lua script that times out on the client still runs to its end in Redis (and counts once if resent).
     *
     * @param timeout 1 ms to 1 minute
     * @return this builder
     * @throws IllegalArgumentException if {@code timeout} is out of range
     */
    public Builder commandTimeout(Duration timeout) {
      this.commandTimeout = range("commandTimeout", timeout, Duration.ofMillis(1), Duration.ofMinutes(1));
      return this;
    }

    /**
     * Sets how long opening a TCP connection may take (default 1 second; Lettuce's default is 10 s).
     *
     * @param timeout 1 ms to 1 minute
     * @return this builder
     * @throws IllegalArgumentException if {@code timeout} is out of range
     */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = range("connectTimeout", timeout, Duration.ofMillis(1), Duration.ofMinutes(1));
      return this;
    }

    /**
     * Sets the longest wait between two reconnect attempts during an outage (default 500 ms; Lettuce's is
     * 30 s). Attempts start 10 ms apart and double up to this.
     *
     * @param delay 10 ms to 1 minute
     * @return this builder
     * @throws IllegalArgumentException if {@code delay} is out of range
     */
    public Builder maxReconnectDelay(Duration delay) {
      this.maxReconnectDelay = range("maxReconnectDelay", delay, Duration.ofMillis(10), Duration.ofMinutes(1));
      return this;
    }

    /**
     * Sets how many commands may wait for their replies at once (default 10,000; Lettuce's default is
     * unbounded); beyond it a command fails at once.
     *
     * @param size 1 to 1,000,000
     * @return this builder
     * @throws IllegalArgumentException if {@code size} is out of range
     */
    public Builder requestQueueSize(int size) {
      if (size < 1 || size > 1_000_000) {
        throw new IllegalArgumentException("requestQueueSize must be 1 to 1,000,000, was " + size);
      }
      this.requestQueueSize = size;
      return this;
    }

    /**
     * Connects.
     *
     * @return a connected, thread-safe connection; close it when done
     * @throws IllegalStateException if neither or both of {@link #uri} and {@link #clusterSeeds} were set
     * @throws BackendUnavailableException if the server cannot be reached or refuses the connection
     */
    public RedisConnection build() {
      if ((uri == null) == (clusterSeeds == null)) {
        throw new IllegalStateException("set exactly one of RedisConnection.Builder.uri and clusterSeeds");
      }
      return new RedisConnection(this);
    }
  }
}
