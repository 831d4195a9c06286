package dev.masthead.ranking;

import dev.masthead.core.Article;
import dev.masthead.core.ArticleId;
import java.util.Optional;

/**
 * The host's catalog, as the ranking engine reads it: visibility ({@link Article#isVisibleAt}), section, tags
 * and publication time of a ranked article.
 *
 * <p>The engine calls it from {@link RankingEngine#top(RankingQuery)} for the candidates it is about to show
 * (and for every counted article under {@link Scoring.Gravity}), also on a cache hit to re-check visibility,
 * so it should answer from memory (a Caffeine cache in front of the CMS is the usual shape).
 *
 * <p>Implementations must be thread-safe. An exception thrown here propagates out of {@code top}.
 */
@FunctionalInterface
public interface ArticleLookup {
  /**
   * Finds an article.
   *
   * @param id the article's id
   * @return the article, or empty if the catalog does not know it (then the ranking never shows it)
   */
  Optional<Article> find(ArticleId id);
}
