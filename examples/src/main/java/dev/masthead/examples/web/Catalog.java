package dev.masthead.examples.web;

import dev.masthead.core.Article;
import dev.masthead.core.ArticleId;
import java.time.InstantSource;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The site's articles, by id and by slug, as a reader may see them now: an article that is not
 * {@linkplain Article#isVisibleAt visible} at the clock's instant (a draft, a story scheduled for later) is not
 * found. In a real site this is the CMS; here it is the list the site was built with. Immutable and thread-safe.
 */
final class Catalog {
  private final Map<ArticleId, Article> byId = new LinkedHashMap<>();
  private final Map<String, Article> bySlug = new LinkedHashMap<>();
  private final InstantSource clock;

  Catalog(List<Article> articles, InstantSource clock) {
    this.clock = clock;
    for (Article a : articles) {
      if (byId.putIfAbsent(a.id(), a) != null) {
        throw new IllegalArgumentException("two articles have the id " + a.id());
      }
      if (bySlug.putIfAbsent(a.slug(), a) != null) {
        throw new IllegalArgumentException("two articles have the slug " + a.slug());
      }
    }
  }

  List<Article> all() {
    return List.copyOf(byId.values());
  }

  Optional<Article> find(ArticleId id) {
    return Optional.ofNullable(byId.get(id)).filter(a -> a.isVisibleAt(clock.instant()));
  }

  Optional<Article> findBySlug(String slug) {
    return Optional.ofNullable(bySlug.get(slug)).filter(a -> a.isVisibleAt(clock.instant()));
  }

  /** The most recently published visible article, where {@code GET /} sends the reader. */
  Optional<Article> newest() {
    return byId.values().stream()
        .filter(a -> a.isVisibleAt(clock.instant()))
        .max(Comparator.comparing(Article::publishedAt).thenComparing(Article::id));
  }

  /** The path of an article's page. */
  static String path(Article article) {
    return "/articles/" + article.slug();
  }
}
