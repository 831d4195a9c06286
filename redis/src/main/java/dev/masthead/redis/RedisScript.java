package dev.masthead.redis;

import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * A Lua script run by {@code EVALSHA}, and by {@code EVAL} (which also caches it on that node) when the server
 * answers {@code NOSCRIPT} (after a restart, a {@code SCRIPT FLUSH}, or on a Cluster node that has not seen it).
 * Every key a script touches must be passed in {@code keys} and share one hash tag, so that a Cluster routes the
 * call to one node. Immutable and thread-safe.
 */
final class RedisScript {
  private final String source;
  private final String sha1;

  RedisScript(String source) {
    this.source = source;
    try {
      this.sha1 = HexFormat.of().formatHex(
          MessageDigest.getInstance("SHA-1").digest(source.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-1", e); // every JDK must have it
    }
  }

  /** The SHA-1 of the source, as Redis names the script. */
  String sha1() {
    return sha1;
  }

  /**
   * Runs the script; the future fails with Lettuce's exception (timeout, connection, script error).
   *
   * @param commands the connection's commands
   * @param type how to read the script's reply
   * @param keys the keys, all with one hash tag
   * @param args the arguments
   * @return the reply, as {@code type} decodes it
   */
  <T> CompletableFuture<T> run(RedisClusterAsyncCommands<String, String> commands, ScriptOutputType type,
      String[] keys, String... args) {
    CompletionStage<T> first = commands.<T>evalsha(sha1, type, keys, args);
    return first.handle((value, error) -> {
      if (error == null) {
        return CompletableFuture.completedFuture(value);
      }
      Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
      if (cause instanceof RedisNoScriptException) {
        return commands.<T>eval(source, type, keys, args).toCompletableFuture();
      }
      return CompletableFuture.<T>failedFuture(cause);
    }).thenCompose(f -> f).toCompletableFuture();
  }
}
