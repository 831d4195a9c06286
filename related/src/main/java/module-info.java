/**
 * Masthead related: the "Related Posts" box. An index of articles that the host keeps current, and the most
 * related visible articles to one of them, by tf-idf weighted term similarity (text analysed by Lucene), shared
 * tags, shared byline and same section, each result with its explanation.
 *
 * <p>Exports {@code dev.masthead.related} only: the entry point {@link dev.masthead.related.RelatedArticles}, its
 * builder, the query and the result. The index and the scorer are package-private.
 */
module dev.masthead.related {
  requires static transitive org.jspecify;
  requires transitive dev.masthead.core;
  requires transitive com.github.benmanes.caffeine; // StatsCounter in RelatedArticles.Builder
  requires org.apache.lucene.core;
  requires org.apache.lucene.analysis.common;
  requires org.slf4j;

  exports dev.masthead.related;
}
