package dev.masthead.related;

import dev.masthead.core.Article;
import dev.masthead.core.ArticleId;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What a "Related Posts" box asks for: the subject article, how many results, which articles to leave out, and
 * optional recency.
 *
 * <p>The subject is either an article of the index, by id ({@link #forArticle(ArticleId)}), or an article given
 * whole ({@link #forArticle(Article)}), for example a draft in the editor that the index does not hold yet; an
 * indexed article with the same id is then still never returned.
 *
 * <p>Immutable and thread-safe; equal queries share a cache entry.
 *
 * @param subjectId the id of the article the box sits under; never returned
 * @param subject the article given whole, or {@code null} to use the index's article with {@code subjectId}
 * @param limit the most results, 1 to {@value #MAX_LIMIT}
 * @param excluded ids never to return (for example the articles already in the page's "Top 5" box)
 * @param maxAge only articles published at most this long before the query are returned (the last D days), or
 *     {@code null} for no limit; positive
 * @param halfLife the age at which a score is halved (score × 0.5^(age / halfLife)), or {@code null} for no
 *     decay; positive
 * @param fallback whether to fill the box with the newest articles of the subject's section, then of the whole
 *     index, when fewer than {@code limit} articles reach the minimum score
 */
public record RelatedQuery(
    ArticleId subjectId,
    @Nullable Article subject,
    int limit,
    Set<ArticleId> excluded,
    @Nullable Duration maxAge,
    @Nullable Duration halfLife,
    boolean fallback) {

  /** The largest {@code limit}. */
  public static final int MAX_LIMIT = 100;

  /** The default {@code limit}: 5, the size of the usual "Related Posts" box. */
  public static final int DEFAULT_LIMIT = 5;

  /**
   * Validates the query.
   *
   * @throws NullPointerException if {@code subjectId} or {@code excluded} is null or holds a null
   * @throws IllegalArgumentException if {@code limit} is out of range, a duration is zero or negative, or
   *     {@code subject} does not have the id {@code subjectId}
   */
  public RelatedQuery {
    Objects.requireNonNull(subjectId, "subjectId");
    if (subject != null && !subject.id().equals(subjectId)) {
      throw new IllegalArgumentException(
          "subject has id " + subject.id() + " but subjectId is " + subjectId);
    }
    checkLimit(limit);
    excluded = Set.copyOf(excluded);
    checkPositive("maxAge", maxAge);
    checkPositive("halfLife", halfLife);
  }

  /**
   * Returns the query for the {@value #DEFAULT_LIMIT} default results of an indexed article, with fallback, no
   * exclusion and no recency.
   *
   * @param subjectId the article the box sits under
   * @param limit the most results, 1 to {@value #MAX_LIMIT}
   * @return the query
   * @throws IllegalArgumentException if {@code limit} is out of range
   */
  public static RelatedQuery of(ArticleId subjectId, int limit) {
    return new RelatedQuery(subjectId, null, limit, Set.of(), null, null, true);
  }

  /**
   * Returns a builder for the articles related to an indexed article.
   *
   * @param subjectId the article the box sits under
   * @return a builder with the defaults: {@value #DEFAULT_LIMIT} results, no exclusion, no recency, fallback on
   * @throws NullPointerException if {@code subjectId} is null
   */
  public static Builder forArticle(ArticleId subjectId) {
    return new Builder(Objects.requireNonNull(subjectId, "subjectId"), null);
  }

  /**
   * Returns a builder for the articles related to an article given whole, indexed or not.
   *
   * @param subject the article the box sits under
   * @return a builder with the same defaults as {@link #forArticle(ArticleId)}
   * @throws NullPointerException if {@code subject} is null
   */
  public static Builder forArticle(Article subject) {
    Objects.requireNonNull(subject, "subject");
    return new Builder(subject.id(), subject);
  }

  private static int checkLimit(int limit) {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be 1 to " + MAX_LIMIT + ", was " + limit);
    }
    return limit;
  }

  private static @Nullable Duration checkPositive(String name, @Nullable Duration d) {
    if (d != null && (d.isZero() || d.isNegative())) {
      throw new IllegalArgumentException(name + " must be positive, was " + d);
    }
    return d;
  }

  /**
   * Builds a {@link RelatedQuery}; each setter checks its value at once.
   *
   * <p>Not thread-safe: use a builder from one thread.
   */
  public static final class Builder {
    private final ArticleId subjectId;
    private final @Nullable Article subject;
    private int limit = DEFAULT_LIMIT;
    private final Set<ArticleId> excluded = new LinkedHashSet<>();
    private @Nullable Duration maxAge;
    private @Nullable Duration halfLife;
    private boolean fallback = true;

    private Builder(ArticleId subjectId, @Nullable Article subject) {
      this.subjectId = subjectId;
      this.subject = subject;
    }

    /**
     * Sets the most results (default {@value RelatedQuery#DEFAULT_LIMIT}).
     *
     * @param limit 1 to {@value RelatedQuery#MAX_LIMIT}
     * @return this builder
     * @throws IllegalArgumentException if {@code limit} is out of range
     */
    public Builder limit(int limit) {
      this.limit = checkLimit(limit);
      return this;
    }

    /**
     * Leaves an article out of the results.
     *
     * @param id the article never to return
     * @return this builder
     * @throws NullPointerException if {@code id} is null
     */
    public Builder exclude(ArticleId id) {
      excluded.add(Objects.requireNonNull(id, "id"));
      return this;
    }

    /**
     * Leaves articles out of the results.
     *
     * @param ids the articles never to return
     * @return this builder
     * @throws NullPointerException if {@code ids} or one of them is null
     */
    public Builder exclude(Collection<ArticleId> ids) {
      for (ArticleId id : ids) {
        exclude(id);
      }
      return this;
    }

    /**
     * Returns only articles published at most {@code maxAge} before the query, for example
     * {@code Duration.ofDays(30)} for the last 30 days (default: no limit). Applies to the fallback too.
     *
     * @param maxAge a positive duration
     * @return this builder
     * @throws NullPointerException if {@code maxAge} is null
     * @throws IllegalArgumentException if {@code maxAge} is zero or negative
     */
    public Builder maxAge(Duration maxAge) {
      this.maxAge = checkPositive("maxAge", Objects.requireNonNull(maxAge, "maxAge"));
      return this;
    }

    /**
     * Decays scores by age: an article {@code halfLife} old scores half of what a fresh one would (default: no
     * decay).
     *
     * @param halfLife a positive duration
     * @return this builder
     * @throws NullPointerException if {@code halfLife} is null
     * @throws IllegalArgumentException if {@code halfLife} is zero or negative
     */
    public Builder halfLife(Duration halfLife) {
      this.halfLife = checkPositive("halfLife", Objects.requireNonNull(halfLife, "halfLife"));
      return this;
    }

    /**
     * Sets whether to fill the box with recent articles when fewer than {@code limit} reach the minimum score
     * (default {@code true}, so that the box is empty only when no other visible article is eligible).
     *
     * @param fallback whether to fill the box
     * @return this builder
     */
    public Builder fallback(boolean fallback) {
      this.fallback = fallback;
      return this;
    }

    /**
     * Builds the query.
     *
     * @return the immutable query
     */
    public RelatedQuery build() {
      return new RelatedQuery(subjectId, subject, limit, excluded, maxAge, halfLife, fallback);
    }
  }
}
