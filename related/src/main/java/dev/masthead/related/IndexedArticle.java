package dev.masthead.related;

import dev.masthead.core.Article;
import dev.masthead.core.Author;
import dev.masthead.core.Section;
import dev.masthead.core.Tag;
import java.text.Normalizer;
import java.time.Instant;
import java.util.Comparator;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * An article as the index holds it: the article, its analysed terms, its tag slugs and author keys (sorted,
 * distinct), its section slug, and the slot the index gave it.
 *
 * <p>Immutable but for the slot, which the index sets under its write lock before publishing the article.
 */
final class IndexedArticle {
  /** Newest first; articles never published last; then by id. */
  static final Comparator<IndexedArticle> NEWEST_FIRST =
      Comparator.comparing(
              (IndexedArticle a) -> a.article.publishedAt(), Comparator.nullsLast(Comparator.reverseOrder()))
          .thenComparing(a -> a.article.id());

  final Article article;
  final TermVector terms;
  final String[] tagSlugs;
  final String[] authorKeys;
  final @Nullable String sectionSlug;
  int slot = -1;

  IndexedArticle(Article article, TermVector terms) {
    this.article = article;
    this.terms = terms;
    this.tagSlugs = article.tags().stream().map(Tag::slug).distinct().sorted().toArray(String[]::new);
    this.authorKeys = article.authors().stream().map(IndexedArticle::authorKey).distinct().sorted()
        .toArray(String[]::new);
    Section section = article.section();
    this.sectionSlug = section == null ? null : section.slug();
  }

  /** The key two bylines are compared by: the name in Unicode NFKC, lower case, white space collapsed. */
  static String authorKey(Author author) {
    return Normalizer.normalize(author.name(), Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).strip()
        .replaceAll("\\s+", " ");
  }

  @Nullable Instant publishedAt() {
    return article.publishedAt();
  }
}
