package dev.masthead.related;

import dev.masthead.core.Article;
import dev.masthead.core.Author;
import dev.masthead.core.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One entry of a "Related Posts" box: the article, its score and why it was chosen.
 *
 * <p>The score is the weighted sum {@code textWeight × text similarity + tagWeight × tag overlap + sectionWeight ×
 * same section + bylineWeight × byline overlap}, each similarity in [0, 1] (cosine of tf-idf term vectors; shared
 * count over the geometric mean of the two set sizes for tags and authors), times the time-proximity factor
 * {@code 1 + timeProximityWeight × 0.5^(publication gap / half-life)}, times the recency decay when the query asks
 * for one. It is comparable between the results of one index, not between indexes built with
 * different weights.
 *
 * <p>Immutable and thread-safe.
 *
 * @param article the related article; always visible at the time of the query, never the subject nor an excluded
 *     article
 * @param score the relatedness score, finite and not negative; for a {@link Basis#CONTENT} result at least the
 *     index's minimum score, for a fallback result what the article scored (below the minimum, often zero)
 * @param basis why the article is in the box: it reached the minimum score, or it fills the box as a recent
 *     article
 * @param matchingTerms the words the two articles share, most weighty first, as written in the related article
 *     (lower case); at most {@value #MAX_MATCHING_TERMS}
 * @param sharedTags the related article's tags that the subject also has, in the related article's order
 * @param sameSection whether the two articles run in the same section
 * @param sharedAuthors the related article's authors who are also in the subject's byline (names compared
 *     ignoring case and spacing), in byline order
 */
public record RelatedArticle(
    Article article,
    double score,
    Basis basis,
    List<String> matchingTerms,
    List<Tag> sharedTags,
    boolean sameSection,
    List<Author> sharedAuthors) {

  /** The most matching terms a result lists. */
  public static final int MAX_MATCHING_TERMS = 10;

  /** Why an article is in the box. */
  public enum Basis {
    /** Its score reached the index's minimum score. */
    CONTENT,
    /** Nothing else reached the minimum score: it is one of the newest articles of the subject's section. */
    RECENT_IN_SECTION,
    /**
     * Nothing else reached the minimum score and the subject's section had no more (or the subject has no
     * section): it is one of the newest articles of the whole index.
     */
    RECENT
  }

  /**
   * Validates the result.
   *
   * @throws NullPointerException if a component or a list element is null
   * @throws IllegalArgumentException if {@code score} is negative or not finite, or there are more than
   *     {@value #MAX_MATCHING_TERMS} matching terms
   */
  public RelatedArticle {
    Objects.requireNonNull(article, "article");
    Objects.requireNonNull(basis, "basis");
    if (!(score >= 0) || Double.isInfinite(score)) {
      throw new IllegalArgumentException("score must be finite and not negative, was " + score);
    }
    matchingTerms = List.copyOf(matchingTerms);
    if (matchingTerms.size() > MAX_MATCHING_TERMS) {
      throw new IllegalArgumentException(
          "matchingTerms must hold at most " + MAX_MATCHING_TERMS + ", held " + matchingTerms.size());
    }
    sharedTags = List.copyOf(sharedTags);
    sharedAuthors = List.copyOf(sharedAuthors);
  }

  /**
   * Returns the reasons in one line for a tooltip or a log, for example
   * {@code "shared tags: Elections; same section; matching terms: senate, runoff"}, or
   * {@code "recent in the same section"} for a fallback.
   *
   * @return the explanation, never empty
   */
  public String explanation() {
    List<String> parts = new ArrayList<>();
    if (basis == Basis.RECENT_IN_SECTION) {
      parts.add("recent in the same section");
    } else if (basis == Basis.RECENT) {
      parts.add("recent");
    }
    if (!sharedTags.isEmpty()) {
      parts.add("shared tags: " + sharedTags.stream().map(Tag::name).collect(Collectors.joining(", ")));
    }
    if (sameSection && basis == Basis.CONTENT) {
      parts.add("same section");
    }
    if (!sharedAuthors.isEmpty()) {
      parts.add("same byline: " + sharedAuthors.stream().map(Author::name).collect(Collectors.joining(", ")));
    }
    if (!matchingTerms.isEmpty()) {
      parts.add("matching terms: " + String.join(", ", matchingTerms));
    }
    return parts.isEmpty() ? "related" : String.join("; ", parts);
  }
}
