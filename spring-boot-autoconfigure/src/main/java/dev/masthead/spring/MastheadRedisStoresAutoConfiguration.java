package dev.masthead.spring;

import dev.masthead.comments.spam.ApprovedAuthors;
import dev.masthead.comments.spam.DuplicateStore;
import dev.masthead.comments.spam.FloodStore;
import dev.masthead.ranking.RankingConfig;
import dev.masthead.redis.RedisCommentStores;
import dev.masthead.redis.RedisConnection;
import dev.masthead.redis.RedisCounterStore;
import dev.masthead.redis.RedisVisitorMemory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Redis stores, on the {@link RedisConnection} bean (made by {@link MastheadRedisAutoConfiguration} from
 * {@code masthead.redis.*}, or the host's): the ranking counts ({@link RedisCounterStore}, in the layout of the
 * {@link RankingConfig} bean) and unique-visitor memory ({@link RedisVisitorMemory}) under
 * {@code masthead.redis.ranking-namespace}, and the comment flood, duplicate and approved-author memory
 * ({@link RedisCommentStores}) under {@code masthead.redis.comments-namespace}. Each backs off when the host
 * declares a bean of the same SPI.
 */
@AutoConfiguration(after = MastheadRedisAutoConfiguration.class)
@ConditionalOnClass(RedisConnection.class)
@ConditionalOnBean(RedisConnection.class)
@EnableConfigurationProperties(MastheadProperties.class)
public class MastheadRedisStoresAutoConfiguration {

  /** Creates the configuration (Spring calls it). */
  public MastheadRedisStoresAutoConfiguration() {}

  /** The ranking's Redis stores, when the ranking module is present. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(RankingConfig.class)
  static class RankingStores {
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean(dev.masthead.ranking.CounterStore.class)
    RedisCounterStore mastheadRedisCounterStore(RedisConnection connection, RankingConfig config,
        MastheadProperties properties) {
      RedisCounterStore.Builder b = RedisCounterStore.builder(connection)
          .namespace(properties.getRedis().getRankingNamespace())
          .layout(config.layout());
      if (properties.getRedis().isAllowEviction()) {
        b.allowEviction();
      }
      return b.build();
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean(dev.masthead.ranking.VisitorMemory.class)
    RedisVisitorMemory mastheadRedisVisitorMemory(RedisConnection connection, MastheadProperties properties) {
      return RedisVisitorMemory.builder(connection).namespace(properties.getRedis().getRankingNamespace()).build();
    }
  }

  /** The comments' Redis stores, when the comments module is present. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(FloodStore.class)
  static class CommentStores {
    @Bean
    @ConditionalOnMissingBean
    RedisCommentStores mastheadRedisCommentStores(RedisConnection connection, MastheadProperties properties) {
      return RedisCommentStores.builder(connection).namespace(properties.getRedis().getCommentsNamespace()).build();
    }

    @Bean
    @ConditionalOnMissingBean
    FloodStore mastheadRedisFloodStore(RedisCommentStores stores) {
      return stores.flood();
    }

    @Bean
    @ConditionalOnMissingBean
    DuplicateStore mastheadRedisDuplicateStore(RedisCommentStores stores) {
      return stores.duplicates();
    }

    @Bean
    @ConditionalOnMissingBean
    ApprovedAuthors mastheadRedisApprovedAuthors(RedisCommentStores stores) {
      return stores.approvedAuthors();
    }
  }

}
