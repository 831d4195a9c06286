package dev.masthead.core;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The host's article catalog, as every Masthead module reads it: the one SPI through which the comment
 * validator and the ranking engine learn about an article. Both builders take it under the same name,
 * {@code articles(ArticleLookup)}.
 *
 * <p>Each module derives what it needs from the {@link Article}: the ranking engine its visibility
 * ({@link Article#isVisibleAt}), section, tags and publication time; the comment validator its visibility, its
 * publication time (for closing old articles) and {@link #commentsOpen(Article)}. The usual implementation is
 * a method reference, {@code catalog::find}, or {@link #of(Collection)} for an in-memory catalog.
 *
 * <p><b>Calls.</b> The modules call {@link #find} on request threads: the comment validator once per
 * submission with a well-formed id, the ranking engine once for every candidate of a ranking it is about to
 * show (for every counted article under gravity scoring), also when it serves a cached ranking, to re-check
 * visibility. An implementation should therefore answer from memory (a Caffeine cache in front of the CMS is
 * the usual shape). {@link #commentsOpen} is called only with an article {@code find} has just returned.
 *
 * <p><b>A networked implementation</b> (a CMS API, a database) may fail by throwing an unchecked exception
 * ({@link BackendUnavailableException} is the one to use); it propagates unchanged out of the module's
 * method that called it ({@code CommentValidator.validate}, {@code RankingEngine.top}), so the host decides
 * what the page shows. The callers impose no timeout, so the implementation must bound its own calls (a
 * connect and read timeout) and throw when it runs out rather than block the request thread. It may retry
 * within that bound. It must not answer empty for an article it could not fetch: empty means "no such
 * article", which makes the validator refuse a reply with {@code article.not_found} and the ranking drop it.
 *
 * <p>Implementations must be safe for concurrent use.
 */
@FunctionalInterface
public interface ArticleLookup {
  /**
   * Finds an article.
   *
   * @param id the article's id, well-formed
   * @return the article, or empty if the catalog has no article with that id (then no reply is accepted on
   *     it and no ranking shows it)
   * @throws RuntimeException if the catalog cannot answer (for example {@link BackendUnavailableException}
   *     after a timeout); never for an unknown id
   */
  Optional<Article> find(ArticleId id);

  /**
   * Returns whether the host takes comments on an article (WordPress's {@code comment_status} {@code "open"}).
   * The comment validator asks it only for an article that {@link #find} returned and that is visible at the
   * submission time; a closed article refuses replies with {@code article.closed}.
   *
   * @param article an article this lookup returned
   * @return whether readers may comment on it; the default implementation returns {@code true} (every
   *     visible article is open, subject to the comment policy's closing age)
   * @throws RuntimeException if the catalog cannot answer, as for {@link #find}
   */
  default boolean commentsOpen(Article article) {
    return true;
  }

  /**
   * Returns a lookup over a fixed in-memory catalog, every article open for comments.
   *
   * @param articles the catalog; copied, so later changes to the collection are not seen
   * @return an immutable, thread-safe lookup
   * @throws NullPointerException if {@code articles} is or holds null
   * @throws IllegalArgumentException if two articles have the same id, naming it
   */
  static ArticleLookup of(Collection<Article> articles) {
    Objects.requireNonNull(articles, "articles");
    Map<ArticleId, Article> byId = new HashMap<>(Math.max(16, articles.size() * 2));
    for (Article article : articles) {
      Objects.requireNonNull(article, "articles element");
      if (byId.putIfAbsent(article.id(), article) != null) {
        throw new IllegalArgumentException("two articles have the id " + article.id().value());
      }
    }
    Map<ArticleId, Article> catalog = Map.copyOf(byId);
    return id -> Optional.ofNullable(catalog.get(id));
  }
}
