/**
 * Related posts: {@link dev.masthead.related.RelatedArticles} indexes the host's articles and answers
 * {@link dev.masthead.related.RelatedArticles#related(dev.masthead.core.ArticleId, int)} and
 * {@link dev.masthead.related.RelatedArticles#related(dev.masthead.related.RelatedQuery)} with a list of
 * {@link dev.masthead.related.RelatedArticle}, best first, each with its score and why it was chosen.
 *
 * <p>Every type in this package is non-null unless marked {@code @Nullable}.
 */
@NullMarked
package dev.masthead.related;

import org.jspecify.annotations.NullMarked;
