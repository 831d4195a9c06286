/**
 * Spring Boot 4 auto-configuration for Masthead. Add {@code masthead-spring-boot-starter}; each Masthead module on
 * the class path then gets its beans, bound to {@code masthead.*} properties ({@link
 * dev.masthead.spring.MastheadProperties}):
 *
 * <ul>
 *   <li>{@link dev.masthead.spring.MastheadCommentsAutoConfiguration}: {@code CommentPolicy},
 *       {@code CommentValidator} (needs the host's {@code ArticleLookup} bean), {@code SpamFilter},
 *       {@code FormTokens} and {@code SpamClassifier} when configured;</li>
 *   <li>{@link dev.masthead.spring.MastheadRankingAutoConfiguration}: {@code RankingConfig}, a counter store,
 *       {@code RankingEngine} (closed, so flushed, at shutdown), and an optional snapshot file;</li>
 *   <li>{@link dev.masthead.spring.MastheadRelatedAutoConfiguration}: {@code RelatedConfig} and an empty
 *       {@code RelatedArticles} index for the host to fill;</li>
 *   <li>{@link dev.masthead.spring.MastheadRedisAutoConfiguration} and
 *       {@link dev.masthead.spring.MastheadRedisStoresAutoConfiguration}: with {@code masthead-redis} and
 *       {@code masthead.redis.uri}, the shared stores;</li>
 *   <li>{@link dev.masthead.spring.MastheadJacksonAutoConfiguration}: Masthead's JSON in Boot's Jackson 3
 *       mapper.</li>
 * </ul>
 *
 * <p>Every bean backs off when the host declares its own of the same type.
 */
@NullMarked
package dev.masthead.spring;

import org.jspecify.annotations.NullMarked;
