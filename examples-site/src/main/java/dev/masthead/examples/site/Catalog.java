package dev.masthead.examples.site;

import dev.masthead.core.Article;
import dev.masthead.core.ArticleId;
import dev.masthead.core.ArticleLookup;
import java.time.InstantSource;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The site's articles by id and by slug, as a reader may see them now: an article that is not
 * {@linkplain Article#isVisibleAt visible} at the clock's instant (a draft, a story scheduled for later) is not
 * found. In a real site this is the CMS; here it is the sample catalog. It is the {@link ArticleLookup} the
 * validator and the ranking engine ask. Immutable and thread-safe.
 */
public final class Catalog implements ArticleLookup {
  private final Map<ArticleId, Article> byId = new LinkedHashMap<>();
  private final Map<String, Article> bySlug = new LinkedHashMap<>();
  private final InstantSource clock;

  /**
   * Creates the catalog.
   *
   * @param articles the articles; ids and slugs unique
   * @param clock the time that decides what is visible
   * @throws IllegalArgumentException if two articles share an id or a slug
   */
  public Catalog(List<Article> articles, InstantSource clock) {
    this.clock = clock;
    for (Article a : articles) {
      if (byId.putIfAbsent(a.id(), a) != null) {
        throw new IllegalArgumentException("two articles have the id " + a.id().value());
      }
      if (bySlug.putIfAbsent(a.slug(), a) != null) {
        throw new IllegalArgumentException("two articles have the slug " + a.slug());
      }
    }
  }

  /**
   * Returns every article, visible or not, for the related-posts index (which checks visibility itself).
   *
   * @return the articles in catalog order
   */
  public List<Article> all() {
    return List.copyOf(byId.values());
  }

  @Override
  public Optional<Article> find(ArticleId id) {
    return Optional.ofNullable(byId.get(id)).filter(a -> a.isVisibleAt(clock.instant()));
  }

  /**
   * Finds a visible article by its slug.
   *
   * @param slug the slug from the URL
   * @return the article, or empty if none is visible under that slug
   */
  public Optional<Article> findBySlug(String slug) {
    return Optional.ofNullable(bySlug.get(slug)).filter(a -> a.isVisibleAt(clock.instant()));
  }

  /**
   * Returns the most recently published visible article, where {@code GET /} sends the reader.
   *
   * @return the newest article, or empty if none is visible yet
   */
  public Optional<Article> newest() {
    return byId.values().stream()
        .filter(a -> a.isVisibleAt(clock.instant()))
        .max(Comparator.comparing(Article::publishedAt).thenComparing(Article::id));
  }

  /**
   * Returns the path of an article's page.
   *
   * @param article the article
   * @return {@code /articles/<slug>}
   */
  public static String path(Article article) {
    return "/articles/" + article.slug();
  }
}
