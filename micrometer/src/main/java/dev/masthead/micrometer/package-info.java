/**
 * Micrometer binders for Masthead's stats. Names are lowercase and dotted, in base units (seconds, bytes), with
 * bounded tags only: a decision, an outcome, a check's name, a field, an error code, a rejection reason; never an
 * article id, an email or an address.
 *
 * <ul>
 *   <li>{@link dev.masthead.micrometer.CommentValidationMetrics}: {@code masthead.comments.validations{result}},
 *       {@code masthead.comments.field.errors{field,code}};</li>
 *   <li>{@link dev.masthead.micrometer.SpamFilterMetrics}: {@code masthead.spam.verdicts{decision}} and
 *       {@code masthead.spam.checks{check,outcome}} (timers), {@code masthead.spam.refusals{refusal}};</li>
 *   <li>{@link dev.masthead.micrometer.RankingMetrics}: {@code masthead.ranking.events{outcome,reason}},
 *       delivered, dropped and buffered events, {@code masthead.ranking.store.cells}, articles, bytes and
 *       availability;</li>
 *   <li>{@link dev.masthead.micrometer.RankingFlushMetrics}: {@code masthead.ranking.flushes{result}} and
 *       {@code masthead.ranking.store.batches{result}} (timers);</li>
 *   <li>{@link dev.masthead.micrometer.RelatedMetrics}: {@code masthead.related.queries{cache}} (timer);</li>
 *   <li>{@link dev.masthead.micrometer.CacheMetrics}: the result caches through Micrometer's Caffeine binder,
 *       {@code cache.gets{cache,result}}, {@code cache.puts}, {@code cache.evictions} for
 *       {@code masthead.ranking.results} and {@code masthead.related.results}.</li>
 * </ul>
 *
 * <p>The listener binders (all but {@code RankingMetrics}) are given to a module's builder before it builds, and
 * bound to a registry after; what happens before the first {@code bindTo} is not counted. Each may be bound to
 * several registries.
 */
@NullMarked
package dev.masthead.micrometer;

import org.jspecify.annotations.NullMarked;
