/**
 * Time-windowed top-N rankings of articles by engagement.
 *
 * <p>A host records {@link dev.masthead.ranking.EngagementEvent}s (page views, comments, shares) with
 * {@link dev.masthead.ranking.RankingEngine#record(EngagementEvent)} and asks for the top N articles of a
 * {@link dev.masthead.ranking.RankingQuery.Window} with {@link dev.masthead.ranking.RankingEngine#top(RankingQuery)}.
 * Counting goes through the {@link dev.masthead.ranking.CounterStore} SPI, in memory by default; article
 * metadata (visibility, section, tags, publication time) comes from the host's
 * {@link dev.masthead.core.ArticleLookup}.
 *
 * <p>Every type in this package is non-null unless marked {@code @Nullable}.
 */
@NullMarked
package dev.masthead.ranking;

import org.jspecify.annotations.NullMarked;
