/**
 * JSON for the article model: {@link dev.masthead.core.json.MastheadModule}, a Jackson module that a host
 * registers on its own {@code ObjectMapper}, and {@link dev.masthead.core.json.NewsArticleJsonLd}, the
 * schema.org {@code NewsArticle} JSON-LD writer.
 *
 * <p>Every type in this package is non-null unless marked {@code @Nullable}.
 */
@NullMarked
package dev.masthead.core.json;

import org.jspecify.annotations.NullMarked;
