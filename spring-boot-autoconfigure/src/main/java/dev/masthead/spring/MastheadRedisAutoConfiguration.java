package dev.masthead.spring;

import dev.masthead.redis.RedisConnection;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.ConfigurationCondition;

/**
 * Redis, shared by every app server of a site, when {@code masthead-redis} is on the class path and either
 * {@code masthead.redis.uri} (or {@code masthead.redis.cluster-seeds}) is set or the host declares its own
 * {@link RedisConnection} bean: this makes the connection, and {@link MastheadRedisStoresAutoConfiguration} the
 * stores on it, which the ranking and comments auto-configurations then use instead of this server's memory.
 *
 * <p>The connection is Masthead's own ({@link RedisConnection}: no command replay after a reconnect, commands
 * refused while disconnected, a 500 ms timeout), not Spring Data Redis's connection factory, whose Lettuce
 * client options those guarantees would override. Building it connects at once: a Redis that cannot be reached
 * at start fails the start with {@code BackendUnavailableException}. Spring closes it after the stores.
 */
@AutoConfiguration
@ConditionalOnClass(RedisConnection.class)
@EnableConfigurationProperties(MastheadProperties.class)
public class MastheadRedisAutoConfiguration {

  /** Creates the configuration (Spring calls it). */
  public MastheadRedisAutoConfiguration() {}

  /**
   * The connection, from {@code masthead.redis.*}.
   *
   * @param properties the bound properties
   * @return the connection, connected
   */
  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean
  @Conditional(RedisConfigured.class)
  public RedisConnection mastheadRedisConnection(MastheadProperties properties) {
    MastheadProperties.Redis p = properties.getRedis();
    RedisConnection.Builder b = RedisConnection.builder()
        .commandTimeout(p.getCommandTimeout())
        .connectTimeout(p.getConnectTimeout());
    if (!p.getClusterSeeds().isEmpty()) {
      b.clusterSeeds(p.getClusterSeeds());
    } else {
      b.uri(java.util.Objects.requireNonNull(p.getUri()));
    }
    return b.build();
  }

  /** Matches when {@code masthead.redis.uri} or {@code masthead.redis.cluster-seeds} is set. */
  static final class RedisConfigured extends AnyNestedCondition {
    RedisConfigured() {
      super(ConfigurationCondition.ConfigurationPhase.REGISTER_BEAN);
    }

    @ConditionalOnProperty(prefix = "masthead.redis", name = "uri")
    static final class Uri {}

    @ConditionalOnProperty(prefix = "masthead.redis", name = "cluster-seeds[0]")
    static final class ClusterSeeds {}
  }
}
