package dev.masthead.redis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A Redis Cluster of three masters (no replicas) on free 127.0.0.1 ports, each a {@link RedisServer} started
 * with {@code --cluster-enabled yes}; the 16,384 slots are split in three with {@code CLUSTER ADDSLOTS}, the
 * nodes joined with {@code CLUSTER MEET}, and {@link #start()} returns once every node reports
 * {@code cluster_state:ok}. {@link #close()} stops the three processes. Not thread-safe.
 */
public final class RedisCluster implements AutoCloseable {
  private static final int SLOTS = 16_384;

  private final List<RedisServer> nodes;

  private RedisCluster(List<RedisServer> nodes) {
    this.nodes = List.copyOf(nodes);
  }

  /**
   * Starts the three masters and forms the cluster.
   *
   * @return the running cluster
   * @throws org.opentest4j.TestAbortedException if no binary is found and {@code CI} is not {@code true}
   * @throws IllegalStateException if a node does not start or the cluster does not form within 20 seconds
   */
  public static RedisCluster start() {
    List<RedisServer> nodes = new ArrayList<>();
    try {
      for (int i = 0; i < 3; i++) {
        nodes.add(RedisServer.start("--cluster-enabled", "yes", "--cluster-config-file", "nodes.conf",
            "--cluster-node-timeout", "2000"));
      }
      for (int i = 0; i < 3; i++) {
        RedisServer n = nodes.get(i);
        n.command("CLUSTER", "SET-CONFIG-EPOCH", Integer.toString(i + 1));
        int from = i * SLOTS / 3;
        int to = (i + 1) * SLOTS / 3;
        String[] args = new String[2 + to - from];
        args[0] = "CLUSTER";
        args[1] = "ADDSLOTS"; // ADDSLOTSRANGE is Redis 7.0; this works on 6.2 too
        for (int s = from; s < to; s++) {
          args[2 + s - from] = Integer.toString(s);
        }
        n.command(args);
      }
      for (int i = 1; i < 3; i++) {
        nodes.get(0).command("CLUSTER", "MEET", "127.0.0.1", Integer.toString(nodes.get(i).port()));
      }
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (!formed(nodes)) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("the cluster did not form within 20 s: "
              + nodes.get(0).command("CLUSTER", "INFO").lines().filter(l -> l.startsWith("cluster_state")).toList());
        }
        Thread.sleep(50); // waiting for the nodes' gossip, not for test time
      }
      return new RedisCluster(nodes);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      nodes.forEach(RedisServer::close);
      throw new IllegalStateException("interrupted", e);
    } catch (RuntimeException | Error e) {
      nodes.forEach(RedisServer::close);
      throw e;
    }
  }

  private static boolean formed(List<RedisServer> nodes) {
    for (RedisServer n : nodes) {
      String info = n.command("CLUSTER", "INFO");
      if (!info.contains("cluster_state:ok") || !info.contains("cluster_known_nodes:3")) {
        return false;
      }
    }
    return true;
  }

  /**
   * Returns the masters.
   *
   * @return three servers
   */
  public List<RedisServer> nodes() {
    return nodes;
  }

  /**
   * Returns the URIs of the masters, to seed a cluster client.
   *
   * @return three {@code redis://127.0.0.1:PORT} URIs
   */
  public List<String> seeds() {
    return nodes.stream().map(RedisServer::uri).toList();
  }

  /** Stops the three masters. */
  @Override
  public void close() {
    nodes.forEach(RedisServer::close);
  }
}
