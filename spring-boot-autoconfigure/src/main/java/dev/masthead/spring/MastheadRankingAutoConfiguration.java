package dev.masthead.spring;

import dev.masthead.core.ArticleLookup;
import dev.masthead.ranking.CounterStore;
import dev.masthead.ranking.InMemoryCounterStore;
import dev.masthead.ranking.RankingConfig;
import dev.masthead.ranking.RankingEngine;
import dev.masthead.ranking.VisitorMemory;
import java.time.InstantSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The ranking engine behind "Top 5 This Week" and "Popular Articles": a {@link RankingConfig} bound to
 * {@code masthead.ranking.*}, a {@link CounterStore} (in memory, or Redis when the Redis auto-configuration made
 * one, or the host's), and a {@link RankingEngine} on it, closed (its buffered counts flushed) when the
 * application stops.
 *
 * <p>With the in-memory store and {@code masthead.ranking.snapshot.file} set, the counts are restored from the
 * file at start and written to it every {@code snapshot.interval} and at shutdown ({@link RankingSnapshots}).
 * An {@link ArticleLookup} bean, if present, lets rankings leave out unpublished articles and filter by
 * section and tag; a {@link VisitorMemory} bean replaces the per-server unique-visitor memory; an
 * {@link InstantSource} bean is the engine's clock.
 */
@AutoConfiguration(after = MastheadRedisStoresAutoConfiguration.class)
@ConditionalOnClass(RankingEngine.class)
@EnableConfigurationProperties(MastheadProperties.class)
public class MastheadRankingAutoConfiguration {

  /** Creates the configuration (Spring calls it). */
  public MastheadRankingAutoConfiguration() {}

  /**
   * The engine's settings, from {@code masthead.ranking.*}.
   *
   * @param properties the bound properties
   * @return the configuration
   * @throws IllegalArgumentException if a property is out of its range or properties conflict
   */
  @Bean
  @ConditionalOnMissingBean
  public RankingConfig mastheadRankingConfig(MastheadProperties properties) {
    return PropertyMapping.rankingConfig(properties.getRanking());
  }

  /**
   * This server's counter store, when no other {@link CounterStore} bean is present; restored from
   * {@code masthead.ranking.snapshot.file} if that file exists.
   *
   * @param config the engine's settings
   * @param properties the bound properties
   * @param clock the host's clock, if any
   * @return the store
   */
  @Bean
  @ConditionalOnMissingBean(CounterStore.class)
  public InMemoryCounterStore mastheadCounterStore(RankingConfig config, MastheadProperties properties,
      ObjectProvider<InstantSource> clock) {
    InMemoryCounterStore store = InMemoryCounterStore.create(config.layout());
    java.nio.file.Path file = properties.getRanking().getSnapshot().getFile();
    if (file != null) {
      RankingSnapshots.restore(store, new SnapshotFile(file), clock.getIfAvailable(InstantSource::system));
    }
    return store;
  }

  /**
   * The engine. Spring closes it at shutdown, which flushes its buffered counts to the store (bounded by the
   * store timeout per batch).
   *
   * @param config the settings
   * @param store the counter store
   * @param articles the host's catalog, if any
   * @param visitors a shared visitor memory, if any
   * @param clock the host's clock, if any
   * @param customizers changes to the builder, applied last
   * @return the engine
   * @throws IllegalStateException if the store holds another layout than the settings'
   */
  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean
  public RankingEngine mastheadRankingEngine(RankingConfig config, CounterStore store,
      ObjectProvider<ArticleLookup> articles, ObjectProvider<VisitorMemory> visitors,
      ObjectProvider<InstantSource> clock, ObjectProvider<RankingEngineCustomizer> customizers) {
    RankingEngine.Builder b = RankingEngine.builder().config(config).counterStore(store)
        .clock(clock.getIfAvailable(InstantSource::system));
    articles.ifAvailable(b::articles);
    visitors.ifAvailable(b::visitorMemory);
    customizers.orderedStream().forEach(c -> c.customize(b));
    return b.build();
  }

  /**
   * Writes the in-memory counts to {@code masthead.ranking.snapshot.file} periodically and at shutdown.
   *
   * @param engine the engine
   * @param store the in-memory store
   * @param properties the bound properties
   * @param clock the host's clock, if any
   * @return the lifecycle bean
   */
  @Bean
  @ConditionalOnBean({RankingEngine.class, InMemoryCounterStore.class})
  @ConditionalOnProperty(prefix = "masthead.ranking.snapshot", name = "file")
  public RankingSnapshots mastheadRankingSnapshots(RankingEngine engine, InMemoryCounterStore store,
      MastheadProperties properties, ObjectProvider<InstantSource> clock) {
    MastheadProperties.Snapshot p = properties.getRanking().getSnapshot();
    return new RankingSnapshots(engine, store, new SnapshotFile(java.util.Objects.requireNonNull(p.getFile())),
        p.getInterval(), clock.getIfAvailable(InstantSource::system));
  }
}
