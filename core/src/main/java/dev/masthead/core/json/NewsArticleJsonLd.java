package dev.masthead.core.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.masthead.core.Article;
import dev.masthead.core.Author;
import dev.masthead.core.Tag;
import java.util.Objects;

/**
 * Writes the schema.org <a href="https://schema.org/NewsArticle">{@code NewsArticle}</a> JSON-LD of an
 * article, the structured data that search engines read from a news page.
 *
 * <p>The object has {@code @context} {@code "https://schema.org"}, {@code @type} {@code "NewsArticle"}, and,
 * where the article has them: {@code headline}, {@code description} (the dek), {@code datePublished},
 * {@code dateModified} (the update time, else the publication time), both ISO-8601 instants in UTC such as
 * {@code "2025-12-07T14:30:00Z"}; {@code author} (an array of {@code Person} with {@code name} and
 * {@code url}), {@code image} (an array with the lead image's URL), {@code articleSection} (the section's
 * name), {@code keywords} (an array of the tag names), {@code mainEntityOfPage} (a {@code WebPage} whose
 * {@code @id} is the canonical URL), {@code url} and {@code inLanguage} (a BCP 47 tag, left out when the
 * language is undetermined).
 *
 * <p>The output is valid JSON and safe to place inside an HTML {@code <script type="application/ld+json">}
 * element as it is: {@code <}, {@code >} and {@code &}, and the line and paragraph separators U+2028 and
 * U+2029, are written as {@code \}{@code uXXXX} escapes, so a headline holding {@code </script>} cannot end
 * the element.
 *
 * <p>Thread-safe: every method is a pure function.
 */
public final class NewsArticleJsonLd {
  private static final ObjectWriter WRITER = new ObjectMapper().writer().with(new HtmlSafeEscapes());

  private NewsArticleJsonLd() {}

  /**
   * Returns the JSON-LD object of an article.
   *
   * @param article the article
   * @return the JSON-LD as a tree, for a host that adds its own properties (such as {@code publisher})
   * @throws NullPointerException if {@code article} is null
   */
  public static ObjectNode toTree(Article article) {
    Objects.requireNonNull(article, "article");
    JsonNodeFactory f = JsonNodeFactory.instance;
    ObjectNode o = f.objectNode();
    o.put("@context", "https://schema.org");
    o.put("@type", "NewsArticle");
    o.put("headline", article.headline());
    if (article.dek() != null) {
      o.put("description", article.dek());
    }
    if (article.publishedAt() != null) {
      o.put("datePublished", article.publishedAt().toString());
    }
    if (article.updatedAt() != null) {
      o.put("dateModified", article.updatedAt().toString());
    } else if (article.publishedAt() != null) {
      o.put("dateModified", article.publishedAt().toString());
    }
    if (!article.authors().isEmpty()) {
      ArrayNode authors = o.putArray("author");
      for (Author author : article.authors()) {
        ObjectNode person = authors.addObject();
        person.put("@type", "Person");
        person.put("name", author.name());
        if (author.url() != null) {
          person.put("url", author.url().toString());
        }
      }
    }
    if (article.leadImage() != null) {
      o.putArray("image").add(article.leadImage().url().toString());
    }
    if (article.section() != null) {
      o.put("articleSection", article.section().name());
    }
    if (!article.tags().isEmpty()) {
      ArrayNode keywords = o.putArray("keywords");
      for (Tag tag : article.tags()) {
        keywords.add(tag.name());
      }
    }
    if (article.canonicalUrl() != null) {
      ObjectNode page = o.putObject("mainEntityOfPage");
      page.put("@type", "WebPage");
      page.put("@id", article.canonicalUrl().toString());
      o.put("url", article.canonicalUrl().toString());
    }
    if (!article.language().getLanguage().isEmpty()) {
      o.put("inLanguage", article.language().toLanguageTag());
    }
    return o;
  }

  /**
   * Returns the JSON-LD of an article as compact JSON text, safe to embed in HTML.
   *
   * @param article the article
   * @return the JSON text of {@link #toTree(Article)}
   * @throws NullPointerException if {@code article} is null
   */
  public static String write(Article article) {
    try {
      return WRITER.writeValueAsString(toTree(article));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree of strings always serializes", e);
    }
  }

  /**
   * Returns the JSON-LD of an article inside its HTML element, ready for a page's {@code <head>}.
   *
   * @param article the article
   * @return {@code <script type="application/ld+json">…</script>}
   * @throws NullPointerException if {@code article} is null
   */
  public static String scriptElement(Article article) {
    return "<script type=\"application/ld+json\">" + write(article) + "</script>";
  }

  /** Escapes the characters that could end or confuse an HTML script element. */
  private static final class HtmlSafeEscapes extends CharacterEscapes {
    private static final long serialVersionUID = 1L;
    private final int[] asciiEscapes;

    HtmlSafeEscapes() {
      asciiEscapes = standardAsciiEscapesForJSON();
      asciiEscapes['<'] = ESCAPE_STANDARD;
      asciiEscapes['>'] = ESCAPE_STANDARD;
      asciiEscapes['&'] = ESCAPE_STANDARD;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
      return asciiEscapes;
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
      if (ch == 0x2028) {
        return new SerializedString("\\u2028");
      }
      if (ch == 0x2029) {
        return new SerializedString("\\u2029");
      }
      return null;
    }
  }
}
