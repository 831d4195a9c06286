package dev.masthead.core;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A news article as the page shows it: the record every Masthead module reads.
 *
 * <p>Build one with {@link #builder()}; the canonical constructor validates the same rules for callers (such
 * as JSON readers) that have every component at hand. Collections are copied and unmodifiable; tags with
 * the same slug are kept once (the first).
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the host's identity for the article
 * @param slug the URL key, a well-formed {@link Slug}; the builder derives it from the headline when unset
 * @param headline the title: not blank, at most 500 chars
 * @param dek the subheading under the headline (also called standfirst), or {@code null}; at most 2,000 chars
 * @param bodyHtml the body as HTML, as the CMS stores it; may be empty; Masthead never renders it unsanitized
 *     and only reads its text ({@link Excerpt#plainText(String)})
 * @param authors the byline, in order; may be empty (agency copy, editorials)
 * @param section the section the article runs in, or {@code null}
 * @param tags the keywords, in order, distinct by slug
 * @param publishedAt when the article went (or goes) live, or {@code null} for a draft never published;
 *     required for {@link ArticleStatus#PUBLISHED} and {@link ArticleStatus#SCHEDULED}
 * @param updatedAt when the article was last changed in a way readers should know, or {@code null}; never
 *     before {@code publishedAt}
 * @param status where the article is in its life
 * @param canonicalUrl the article's one true address, an absolute http or https URL, or {@code null}
 * @param leadImage the picture at the top, or {@code null}
 * @param language the language of the text; {@link Locale#ROOT} when undetermined
 */
public record Article(
    ArticleId id,
    String slug,
    String headline,
    @Nullable String dek,
    String bodyHtml,
    List<Author> authors,
    @Nullable Section section,
    List<Tag> tags,
    @Nullable Instant publishedAt,
    @Nullable Instant updatedAt,
    ArticleStatus status,
    @Nullable URI canonicalUrl,
    @Nullable LeadImage leadImage,
    Locale language) {

  /** The longest headline, in UTF-16 chars. */
  public static final int MAX_HEADLINE_LENGTH = 500;

  /** The longest dek, in UTF-16 chars. */
  public static final int MAX_DEK_LENGTH = 2_000;

  /**
   * Validates the article.
   *
   * @throws NullPointerException if a component that is not {@code @Nullable} is null, or a collection holds
   *     a null
   * @throws IllegalArgumentException if a value is malformed (a blank or too long headline, a malformed slug,
   *     a URL that is not absolute http or https, a time outside the years 1 to 9999), or values conflict: a
   *     published or scheduled article without {@code publishedAt}, or {@code updatedAt} before
   *     {@code publishedAt}
   */
  public Article {
    Objects.requireNonNull(id, "Article.id");
    Slug.requireWellFormed("Article.slug", slug);
    headline = Checks.text("Article.headline", headline, MAX_HEADLINE_LENGTH).strip();
    Checks.optionalText("Article.dek", dek, MAX_DEK_LENGTH);
    Objects.requireNonNull(bodyHtml, "Article.bodyHtml");
    authors = List.copyOf(Objects.requireNonNull(authors, "Article.authors"));
    tags = distinctBySlug(Objects.requireNonNull(tags, "Article.tags"));
    Objects.requireNonNull(status, "Article.status");
    Checks.webUrl("Article.canonicalUrl", canonicalUrl);
    Objects.requireNonNull(language, "Article.language");
    Checks.instant("Article.publishedAt", publishedAt);
    Checks.instant("Article.updatedAt", updatedAt);
    if (publishedAt == null && (status == ArticleStatus.PUBLISHED || status == ArticleStatus.SCHEDULED)) {
      throw new IllegalArgumentException("Article.publishedAt is required when status is " + status);
    }
    if (updatedAt != null && publishedAt != null && updatedAt.isBefore(publishedAt)) {
      throw new IllegalArgumentException(
          "Article.updatedAt (" + updatedAt + ") must not be before publishedAt (" + publishedAt + ")");
    }
  }

  private static List<Tag> distinctBySlug(List<Tag> tags) {
    Map<String, Tag> bySlug = new LinkedHashMap<>();
    for (Tag tag : tags) {
      bySlug.putIfAbsent(Objects.requireNonNull(tag, "Article.tags element").slug(), tag);
    }
    return List.copyOf(bySlug.values());
  }

  /**
   * Returns a new builder.
   *
   * @return an empty builder; {@link ArticleStatus#DRAFT} and {@link Locale#ROOT} until set
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a builder holding this article's values, to make a changed copy.
   *
   * @return a builder initialised from this article
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.id = id;
    b.slug = slug;
    b.headline = headline;
    b.dek = dek;
    b.bodyHtml = bodyHtml;
    b.authors.addAll(authors);
    b.section = section;
    b.tags.addAll(tags);
    b.publishedAt = publishedAt;
    b.updatedAt = updatedAt;
    b.status = status;
    b.canonicalUrl = canonicalUrl;
    b.leadImage = leadImage;
    b.language = language;
    return b;
  }

  /**
   * Returns whether readers may see the article at a moment: it is {@link ArticleStatus#PUBLISHED} or
   * {@link ArticleStatus#SCHEDULED}, and its {@code publishedAt} is not after {@code now}. A scheduled article
   * becomes visible when its time comes, even if the CMS has not yet flipped its status. Rankings and related
   * posts never show an article for which this is false.
   *
   * @param now the moment of the page view
   * @return whether the article is visible at {@code now}
   * @throws NullPointerException if {@code now} is null
   */
  public boolean isVisibleAt(Instant now) {
    Objects.requireNonNull(now, "now");
    return (status == ArticleStatus.PUBLISHED || status == ArticleStatus.SCHEDULED)
        && publishedAt != null
        && !publishedAt.isAfter(now);
  }

  /**
   * Returns the plain text of the body, as {@link Excerpt#plainText(String)}.
   *
   * @return the body's text, white space collapsed; empty if there is none
   */
  public String plainText() {
    return Excerpt.plainText(bodyHtml);
  }

  /**
   * Returns an excerpt of the body, as {@link Excerpt#of(String, int)}.
   *
   * @param maxLengthCodePoints the longest excerpt, ellipsis included, in code points; at least 2
   * @return the excerpt
   * @throws IllegalArgumentException if {@code maxLengthCodePoints} is less than 2
   */
  public String excerpt(int maxLengthCodePoints) {
    return Excerpt.of(bodyHtml, maxLengthCodePoints);
  }

  /**
   * Returns the reading time of the body at {@value ReadingTime#DEFAULT_WORDS_PER_MINUTE} words per minute.
   *
   * @return whole minutes; zero for an empty body
   */
  public Duration readingTime() {
    return ReadingTime.defaults().estimate(bodyHtml);
  }

  /**
   * Returns the date line of the article, as {@link Dateline#format}, in the article's language
   * ({@link Locale#US} when the language is undetermined).
   *
   * @param zone the newsroom's time zone
   * @return the formatted publication date, or empty if the article has no {@code publishedAt}
   * @throws NullPointerException if {@code zone} is null
   */
  public Optional<String> dateline(ZoneId zone) {
    Objects.requireNonNull(zone, "zone");
    if (publishedAt == null) {
      return Optional.empty();
    }
    Locale locale = language.getLanguage().isEmpty() ? Locale.US : language;
    return Optional.of(Dateline.format(publishedAt, zone, locale));
  }

  /** A short form: id, status, publication time and headline; never the body. */
  @Override
  public String toString() {
    return "Article[id=" + id + ", status=" + status + ", publishedAt=" + publishedAt + ", headline=\""
        + (headline.length() > 80 ? headline.substring(0, 80) + "…" : headline) + "\"]";
  }

  /**
   * Builds an {@link Article}. Each setter checks its value at once; {@link #build()} checks what is missing
   * and what conflicts.
   *
   * <p>Not thread-safe: use a builder from one thread.
   */
  public static final class Builder {
    private @Nullable ArticleId id;
    private @Nullable String slug;
    private @Nullable String headline;
    private @Nullable String dek;
    private String bodyHtml = "";
    private final List<Author> authors = new ArrayList<>();
    private @Nullable Section section;
    private final List<Tag> tags = new ArrayList<>();
    private @Nullable Instant publishedAt;
    private @Nullable Instant updatedAt;
    private ArticleStatus status = ArticleStatus.DRAFT;
    private @Nullable URI canonicalUrl;
    private @Nullable LeadImage leadImage;
    private Locale language = Locale.ROOT;

    private Builder() {}

    /**
     * Sets the id (required).
     *
     * @param id the host's identity for the article
     * @return this builder
     * @throws NullPointerException if {@code id} is null
     */
    public Builder id(ArticleId id) {
      this.id = Objects.requireNonNull(id, "id");
      return this;
    }

    /**
     * Sets the id (required).
     *
     * @param id the host's identity for the article
     * @return this builder
     * @throws IllegalArgumentException if {@code id} is not a valid {@link ArticleId}
     */
    public Builder id(String id) {
      return id(ArticleId.of(id));
    }

    /**
     * Sets the slug; when unset, {@link #build()} derives it from the headline with {@link Slug#of(String)}.
     *
     * @param slug a well-formed slug
     * @return this builder
     * @throws IllegalArgumentException if {@code slug} is not well-formed
     */
    public Builder slug(String slug) {
      this.slug = Slug.requireWellFormed("slug", slug);
      return this;
    }

    /**
     * Sets the headline (required).
     *
     * @param headline not blank, at most {@value Article#MAX_HEADLINE_LENGTH} chars
     * @return this builder
     * @throws IllegalArgumentException if {@code headline} is blank or too long
     */
    public Builder headline(String headline) {
      this.headline = Checks.text("headline", headline, MAX_HEADLINE_LENGTH);
      return this;
    }

    /**
     * Sets the dek, the subheading under the headline.
     *
     * @param dek at most {@value Article#MAX_DEK_LENGTH} chars, or {@code null} for none
     * @return this builder
     * @throws IllegalArgumentException if {@code dek} is too long
     */
    public Builder dek(@Nullable String dek) {
      this.dek = Checks.optionalText("dek", dek, MAX_DEK_LENGTH);
      return this;
    }

    /**
     * Sets the body (default empty).
     *
     * @param bodyHtml the body as HTML
     * @return this builder
     * @throws NullPointerException if {@code bodyHtml} is null
     */
    public Builder bodyHtml(String bodyHtml) {
      this.bodyHtml = Objects.requireNonNull(bodyHtml, "bodyHtml");
      return this;
    }

    /**
     * Adds an author to the byline.
     *
     * @param author the author
     * @return this builder
     * @throws NullPointerException if {@code author} is null
     */
    public Builder author(Author author) {
      authors.add(Objects.requireNonNull(author, "author"));
      return this;
    }

    /**
     * Adds an author with no profile page to the byline.
     *
     * @param name the name as printed
     * @return this builder
     * @throws IllegalArgumentException if {@code name} is blank or too long
     */
    public Builder author(String name) {
      return author(Author.of(name));
    }

    /**
     * Replaces the byline.
     *
     * @param authors the authors, in order
     * @return this builder
     * @throws NullPointerException if {@code authors} or one of them is null
     */
    public Builder authors(List<Author> authors) {
      List<Author> copy = List.copyOf(authors);
      this.authors.clear();
      this.authors.addAll(copy);
      return this;
    }

    /**
     * Sets the section.
     *
     * @param section the section, or {@code null} for none
     * @return this builder
     */
    public Builder section(@Nullable Section section) {
      this.section = section;
      return this;
    }

    /**
     * Sets the section by name; its slug is made with {@link Slug#of(String)}.
     *
     * @param name the section's name as printed
     * @return this builder
     * @throws IllegalArgumentException if {@code name} is blank or too long
     */
    public Builder section(String name) {
      return section(Section.of(name));
    }

    /**
     * Adds a tag.
     *
     * @param tag the tag
     * @return this builder
     * @throws NullPointerException if {@code tag} is null
     */
    public Builder tag(Tag tag) {
      tags.add(Objects.requireNonNull(tag, "tag"));
      return this;
    }

    /**
     * Adds a tag by name; its slug is made with {@link Slug#of(String)}.
     *
     * @param name the tag's name as printed
     * @return this builder
     * @throws IllegalArgumentException if {@code name} is blank or too long
     */
    public Builder tag(String name) {
      return tag(Tag.of(name));
    }

    /**
     * Replaces the tags.
     *
     * @param tags the tags, in order
     * @return this builder
     * @throws NullPointerException if {@code tags} or one of them is null
     */
    public Builder tags(List<Tag> tags) {
      List<Tag> copy = List.copyOf(tags);
      this.tags.clear();
      this.tags.addAll(copy);
      return this;
    }

    /**
     * Sets when the article went, or goes, live.
     *
     * @param publishedAt the moment, within the years 1 to 9999, or {@code null} for never
     * @return this builder
     * @throws IllegalArgumentException if the moment is outside the years 1 to 9999
     */
    public Builder publishedAt(@Nullable Instant publishedAt) {
      this.publishedAt = Checks.instant("publishedAt", publishedAt);
      return this;
    }

    /**
     * Sets when the article was last updated.
     *
     * @param updatedAt the moment, within the years 1 to 9999, or {@code null} for never
     * @return this builder
     * @throws IllegalArgumentException if the moment is outside the years 1 to 9999
     */
    public Builder updatedAt(@Nullable Instant updatedAt) {
      this.updatedAt = Checks.instant("updatedAt", updatedAt);
      return this;
    }

    /**
     * Sets the status (default {@link ArticleStatus#DRAFT}, so that nothing is shown by accident).
     *
     * @param status the status
     * @return this builder
     * @throws NullPointerException if {@code status} is null
     */
    public Builder status(ArticleStatus status) {
      this.status = Objects.requireNonNull(status, "status");
      return this;
    }

    /**
     * Sets the canonical URL.
     *
     * @param canonicalUrl an absolute http or https URL, or {@code null} for none
     * @return this builder
     * @throws IllegalArgumentException if the URL is not absolute http or https
     */
    public Builder canonicalUrl(@Nullable URI canonicalUrl) {
      this.canonicalUrl = Checks.webUrl("canonicalUrl", canonicalUrl);
      return this;
    }

    /**
     * Sets the canonical URL from a string.
     *
     * @param canonicalUrl an absolute http or https URL
     * @return this builder
     * @throws IllegalArgumentException if the string is not an absolute http or https URL
     */
    public Builder canonicalUrl(String canonicalUrl) {
      Objects.requireNonNull(canonicalUrl, "canonicalUrl");
      try {
        return canonicalUrl(new URI(canonicalUrl));
      } catch (URISyntaxException e) {
        throw new IllegalArgumentException("canonicalUrl is not a valid URI: " + e.getMessage(), e);
      }
    }

    /**
     * Sets the lead image.
     *
     * @param leadImage the image, or {@code null} for none
     * @return this builder
     */
    public Builder leadImage(@Nullable LeadImage leadImage) {
      this.leadImage = leadImage;
      return this;
    }

    /**
     * Sets the language of the text (default {@link Locale#ROOT}, undetermined).
     *
     * @param language the language, for example {@link Locale#ENGLISH} or {@code Locale.forLanguageTag("de")}
     * @return this builder
     * @throws NullPointerException if {@code language} is null
     */
    public Builder language(Locale language) {
      this.language = Objects.requireNonNull(language, "language");
      return this;
    }

    /**
     * Builds the article.
     *
     * @return a new immutable article
     * @throws IllegalStateException if the id or the headline was not set, or values conflict (a published or
     *     scheduled article without {@code publishedAt}, {@code updatedAt} before {@code publishedAt})
     */
    public Article build() {
      if (id == null) {
        throw new IllegalStateException("Article.id is required but was not set");
      }
      if (headline == null) {
        throw new IllegalStateException("Article.headline is required but was not set");
      }
      String theSlug = slug != null ? slug : Slug.of(headline);
      try {
        return new Article(id, theSlug, headline, dek, bodyHtml, authors, section, tags, publishedAt, updatedAt,
            status, canonicalUrl, leadImage, language);
      } catch (IllegalArgumentException e) {
        throw new IllegalStateException(e.getMessage(), e); // only conflicts remain to be found here
      }
    }
  }
}
