package dev.masthead.examples.site;

import dev.masthead.comments.CommentValidator;
import dev.masthead.comments.spam.ApprovedAuthors;
import dev.masthead.comments.spam.DuplicateStore;
import dev.masthead.comments.spam.FloodStore;
import dev.masthead.comments.spam.FormTokens;
import dev.masthead.comments.spam.SpamChecks;
import dev.masthead.comments.spam.SpamFilter;
import dev.masthead.comments.spam.TermList;
import dev.masthead.ranking.RankingConfig;
import dev.masthead.ranking.RankingEngine;
import dev.masthead.redis.RedisCommentStores;
import dev.masthead.redis.RedisConnection;
import dev.masthead.redis.RedisCounterStore;
import dev.masthead.redis.RedisVisitorMemory;
import dev.masthead.related.RelatedArticles;
import java.time.InstantSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Masthead beans, wired by hand until the Spring Boot starter provides them: the validator, the spam filter,
 * the ranking engine and the related-posts index; Redis stores when {@code masthead.redis.uri} is set, memory
 * otherwise.
 */
@Configuration(proxyBeanMethods = false)
class MastheadWiring {
  /** The disallowed and moderation terms of this example site ({@link TermList} syntax). */
  static final String DISALLOWED_TERMS = "v*agra\ncialis\n~casino\nreplica watches\n";
  static final String MODERATION_TERMS = "refund\nlawsuit\n";

  @Bean(destroyMethod = "close")
  @ConditionalOnExpression("!'${masthead.redis.uri:}'.isBlank()")
  RedisConnection redisConnection(org.springframework.core.env.Environment env) {
    return RedisConnection.builder().uri(env.getRequiredProperty("masthead.redis.uri")).build();
  }

  @Bean
  SiteSecret siteSecret(SiteProperties properties, ObjectProvider<RedisConnection> redis) {
    if (properties.siteSecret() == null || properties.siteSecret().isBlank()) {
      if (redis.getIfAvailable() != null) {
        throw new IllegalStateException("masthead.site.site-secret is required with masthead.redis.uri: every server"
            + " of the site must key its form tokens and flood fingerprints alike");
      }
      return SiteSecret.random();
    }
    return SiteSecret.of(properties.siteSecret());
  }

  @Bean
  CommentStores commentStores(ObjectProvider<RedisConnection> redis, InstantSource clock) {
    RedisConnection connection = redis.getIfAvailable();
    if (connection == null) {
      return new CommentStores(FloodStore.inMemory(clock), DuplicateStore.inMemory(clock),
          ApprovedAuthors.inMemory(clock));
    }
    RedisCommentStores stores = RedisCommentStores.builder(connection).build();
    return new CommentStores(stores.flood(), stores.duplicates(), stores.approvedAuthors());
  }

  @Bean
  FormTokens formTokens(SiteSecret secret, InstantSource clock) {
    return FormTokens.create(secret.bytes(), clock);
  }

  @Bean
  CommentValidator commentValidator(Catalog catalog, CommentStore comments, InstantSource clock) {
    return CommentValidator.builder().clock(clock).articles(catalog).parents(comments).build();
  }

  @Bean
  SpamFilter spamFilter(FormTokens tokens, CommentStores stores, SiteSecret secret) {
    SpamChecks.StoreSettings settings = SpamChecks.StoreSettings.of(secret.bytes());
    // Cheap checks first; a refusal or a SPAM floor skips the rest.
    return SpamFilter.builder()
        .check(SpamChecks.honeypot())
        .check(SpamChecks.formToken(tokens))
        .check(SpamChecks.links())
        .check(SpamChecks.terms(TermList.parse(DISALLOWED_TERMS), TermList.parse(MODERATION_TERMS)))
        .check(SpamChecks.contentHeuristics())
        .check(SpamChecks.flood(SpamChecks.DEFAULT_FLOOD_INTERVAL, stores.flood(), settings))
        .check(SpamChecks.duplicate(SpamChecks.DEFAULT_DUPLICATE_RETENTION, stores.duplicates(), settings))
        .check(SpamChecks.approvedAuthors(stores.approved(), settings))
        .build();
  }

  @Bean(destroyMethod = "close") // flushes the buffered counts
  RankingEngine rankingEngine(Catalog catalog, InstantSource clock, SiteProperties properties,
      ObjectProvider<RedisConnection> redis) {
    RankingEngine.Builder builder = RankingEngine.builder().clock(clock).articles(catalog)
        .resultCacheTtl(properties.rankingCacheTtl());
    RedisConnection connection = redis.getIfAvailable();
    if (connection != null) {
      RankingConfig config = builder.config();
      builder.counterStore(RedisCounterStore.builder(connection).layout(config.layout()).build())
          .visitorMemory(RedisVisitorMemory.builder(connection).build());
    }
    return builder.build();
  }

  @Bean
  RelatedArticles relatedArticles(Catalog catalog, InstantSource clock) {
    RelatedArticles related = RelatedArticles.builder().clock(clock).build();
    related.putAll(catalog.all());
    return related;
  }

  /**
   * The shared comment memory: flood, duplicates and approved authors.
   *
   * @param flood the flood memory (also the single-use form tokens' ledger)
   * @param duplicates the duplicate memory
   * @param approved the approved authors
   */
  record CommentStores(FloodStore flood, DuplicateStore duplicates, ApprovedAuthors approved) {}
}
