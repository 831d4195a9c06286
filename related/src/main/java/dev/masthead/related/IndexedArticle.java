package dev.masthead.related;

import dev.masthead.core.Article;
import dev.masthead.core.Author;
import dev.masthead.core.Section;
import dev.masthead.core.Tag;
import java.text.Normalizer;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * An article as the index holds it: the article, its analysed terms, its tag slugs and author keys (sorted,
 * distinct), its section slug, and the slot the index gave it. The vector norm is computed lazily, because it
 * depends on the index-wide document frequencies; it is cached for one index version.
 *
 * <p>Thread-safe: immutable but for the norm cache, which holds an immutable pair in a volatile field.
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

  private volatile @Nullable Norm norm;

  private record Norm(long version, double value) {}

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

  boolean hasTag(String slug) {
    return Arrays.binarySearch(tagSlugs, slug) >= 0;
  }

  boolean hasAuthor(String key) {
    return Arrays.binarySearch(authorKeys, key) >= 0;
  }

  /**
   * Returns the Euclidean norm of this article's tf-idf vector, with {@code weight = ln(1 + boosted tf) × idf}.
   *
   * @param index the index, read under its read lock
   */
  double norm(ArticleIndex index) {
    long version = index.version();
    Norm cached = norm;
    if (cached != null && cached.version == version) {
      return cached.value;
    }
    double sum = 0;
    for (int i = 0; i < terms.size(); i++) {
      double w = Math.log1p(terms.weight(i)) * index.idf(terms.term(i));
      sum += w * w;
    }
    double value = Math.sqrt(sum);
    norm = new Norm(version, value);
    return value;
  }
}
