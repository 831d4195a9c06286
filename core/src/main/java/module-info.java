/**
 * Masthead core: the article model, the text helpers a news page needs (slug, excerpt, reading time,
 * dateline), JSON through Jackson and schema.org {@code NewsArticle} JSON-LD.
 *
 * <p>Exports {@code dev.masthead.core} (model, helpers, exception root) and {@code dev.masthead.core.json}
 * (the Jackson module and the JSON-LD writer). Nothing else is public.
 */
module dev.masthead.core {
  requires static transitive org.jspecify;
  requires transitive com.fasterxml.jackson.databind;
  requires com.fasterxml.jackson.datatype.jsr310;
  requires org.jsoup;

  exports dev.masthead.core;
  exports dev.masthead.core.json;
}
