package dev.masthead.comments;

import dev.masthead.core.ArticleId;
import java.util.Optional;

/**
 * What the host knows about the article a reader comments on. The host implements it over its catalog (a
 * database, a CMS API, an in-memory map of {@link dev.masthead.core.Article}s).
 *
 * <p>Implementations must be safe for concurrent use; {@link CommentValidator} calls them from any thread.
 * An exception thrown by an implementation (for example a database failure) propagates out of
 * {@link CommentValidator#validate} unchanged.
 */
@FunctionalInterface
public interface ArticleLookup {
  /**
   * Finds an article's comment state.
   *
   * @param id a well-formed article id taken from the submission
   * @return the article's state, or empty if the host has no such article (or the reader may not see it)
   */
  Optional<ArticleState> find(ArticleId id);
}
