package dev.masthead.spring;

import dev.masthead.related.RelatedArticles;
import dev.masthead.related.RelatedConfig;
import java.time.InstantSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Related posts: a {@link RelatedConfig} bound to {@code masthead.related.*} and an empty {@link RelatedArticles}
 * index. The host fills the index from its catalog ({@link RelatedArticles#putAll}) when it starts and keeps it
 * current ({@link RelatedArticles#put}, {@link RelatedArticles#remove}); an {@link InstantSource} bean, if
 * present, is its clock.
 */
@AutoConfiguration
@ConditionalOnClass(RelatedArticles.class)
@EnableConfigurationProperties(MastheadProperties.class)
public class MastheadRelatedAutoConfiguration {

  /** Creates the configuration (Spring calls it). */
  public MastheadRelatedAutoConfiguration() {}

  /**
   * The scoring and cache settings, from {@code masthead.related.*}.
   *
   * @param properties the bound properties
   * @return the configuration
   * @throws IllegalArgumentException if a property is out of its range
   */
  @Bean
  @ConditionalOnMissingBean
  public RelatedConfig mastheadRelatedConfig(MastheadProperties properties) {
    return PropertyMapping.relatedConfig(properties.getRelated());
  }

  /**
   * The index, empty.
   *
   * @param config the settings
   * @param clock the host's clock, if any
   * @param customizers changes to the builder, applied last
   * @return the index
   */
  @Bean
  @ConditionalOnMissingBean
  public RelatedArticles mastheadRelatedArticles(RelatedConfig config, ObjectProvider<InstantSource> clock,
      ObjectProvider<RelatedArticlesCustomizer> customizers) {
    RelatedArticles.Builder b = RelatedArticles.builder().config(config)
        .clock(clock.getIfAvailable(InstantSource::system));
    customizers.orderedStream().forEach(c -> c.customize(b));
    return b.build();
  }
}
