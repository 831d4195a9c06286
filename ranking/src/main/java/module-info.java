/**
 * Masthead ranking: time-windowed top-N over engagement events, for the "Top 5 This Week" and "Popular
 * Articles" boxes of a news page.
 *
 * <p>Exports {@code dev.masthead.ranking}: the entry point {@link dev.masthead.ranking.RankingEngine}, its
 * value types and the SPI interfaces a host may implement ({@link dev.masthead.ranking.CounterStore},
 * {@link dev.masthead.ranking.VisitorMemory}) with the in-memory store
 * {@link dev.masthead.ranking.InMemoryCounterStore}; the article catalog comes through core's
 * {@link dev.masthead.core.ArticleLookup}. The engine classes are package-private.
 */
module dev.masthead.ranking {
  requires static transitive org.jspecify;
  requires transitive dev.masthead.core;
  requires com.fasterxml.jackson.databind;
  requires transitive com.github.benmanes.caffeine; // StatsCounter in RankingEngine.Builder
  requires org.slf4j;

  exports dev.masthead.ranking;
}
