package dev.masthead.core.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import dev.masthead.core.Article;
import dev.masthead.core.ArticleStatus;
import dev.masthead.core.Author;
import dev.masthead.core.LeadImage;
import dev.masthead.core.Section;
import dev.masthead.core.Tag;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** {@link Article} as a JSON object, read back through the builder so that every model rule applies. */
final class ArticleCodec {
  private ArticleCodec() {}

  static final class Serializer extends StdSerializer<Article> {
    private static final long serialVersionUID = 1L;

    Serializer() {
      super(Article.class);
    }

    @Override
    public void serialize(Article a, JsonGenerator g, SerializerProvider provider) throws IOException {
      g.writeStartObject();
      g.writeStringField("id", a.id().value());
      g.writeStringField("slug", a.slug());
      g.writeStringField("headline", a.headline());
      if (a.dek() != null) {
        g.writeStringField("dek", a.dek());
      }
      g.writeStringField("bodyHtml", a.bodyHtml());
      g.writeArrayFieldStart("authors");
      for (Author author : a.authors()) {
        g.writeStartObject();
        g.writeStringField("name", author.name());
        if (author.url() != null) {
          g.writeStringField("url", author.url().toString());
        }
        g.writeEndObject();
      }
      g.writeEndArray();
      if (a.section() != null) {
        g.writeObjectFieldStart("section");
        g.writeStringField("slug", a.section().slug());
        g.writeStringField("name", a.section().name());
        g.writeEndObject();
      }
      g.writeArrayFieldStart("tags");
      for (Tag tag : a.tags()) {
        g.writeStartObject();
        g.writeStringField("slug", tag.slug());
        g.writeStringField("name", tag.name());
        g.writeEndObject();
      }
      g.writeEndArray();
      if (a.publishedAt() != null) {
        g.writeStringField("publishedAt", a.publishedAt().toString());
      }
      if (a.updatedAt() != null) {
        g.writeStringField("updatedAt", a.updatedAt().toString());
      }
      g.writeStringField("status", a.status().name());
      if (a.canonicalUrl() != null) {
        g.writeStringField("canonicalUrl", a.canonicalUrl().toString());
      }
      LeadImage image = a.leadImage();
      if (image != null) {
        g.writeObjectFieldStart("leadImage");
        g.writeStringField("url", image.url().toString());
        g.writeStringField("altText", image.altText());
        if (image.credit() != null) {
          g.writeStringField("credit", image.credit());
        }
        g.writeEndObject();
      }
      g.writeStringField("language", a.language().toLanguageTag());
      g.writeEndObject();
    }
  }

  static final class Deserializer extends StdDeserializer<Article> {
    private static final long serialVersionUID = 1L;

    Deserializer() {
      super(Article.class);
    }

    @Override
    public Article deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      JsonNode node = p.readValueAsTree();
      if (node == null || !node.isObject()) {
        throw JsonMappingException.from(p, "Article must be a JSON object");
      }
      String field = "id";
      try {
        Article.Builder b = Article.builder();
        b.id(requiredText(node, "id"));
        field = "headline";
        b.headline(requiredText(node, "headline"));
        field = "slug";
        String slug = text(node, "slug");
        if (slug != null) {
          b.slug(slug);
        }
        field = "dek";
        b.dek(text(node, "dek"));
        field = "bodyHtml";
        String body = text(node, "bodyHtml");
        b.bodyHtml(body == null ? "" : body);
        field = "authors";
        List<Author> authors = new ArrayList<>();
        for (JsonNode author : array(node, "authors")) {
          String url = text(author, "url");
          authors.add(new Author(requiredText(author, "name"), url == null ? null : new URI(url)));
        }
        b.authors(authors);
        field = "section";
        JsonNode section = node.get("section");
        if (section != null && !section.isNull()) {
          String name = requiredText(section, "name");
          String sectionSlug = text(section, "slug");
          b.section(sectionSlug == null ? Section.of(name) : new Section(sectionSlug, name));
        }
        field = "tags";
        List<Tag> tags = new ArrayList<>();
        for (JsonNode tag : array(node, "tags")) {
          String name = requiredText(tag, "name");
          String tagSlug = text(tag, "slug");
          tags.add(tagSlug == null ? Tag.of(name) : new Tag(tagSlug, name));
        }
        b.tags(tags);
        field = "publishedAt";
        b.publishedAt(instant(text(node, "publishedAt")));
        field = "updatedAt";
        b.updatedAt(instant(text(node, "updatedAt")));
        field = "status";
        String status = text(node, "status");
        if (status != null) {
          b.status(ArticleStatus.valueOf(status));
        }
        field = "canonicalUrl";
        String canonical = text(node, "canonicalUrl");
        if (canonical != null) {
          b.canonicalUrl(canonical);
        }
        field = "leadImage";
        JsonNode image = node.get("leadImage");
        if (image != null && !image.isNull()) {
          String alt = text(image, "altText");
          b.leadImage(new LeadImage(new URI(requiredText(image, "url")), alt == null ? "" : alt, text(image, "credit")));
        }
        field = "language";
        String language = text(node, "language");
        if (language != null) {
          b.language(Locale.forLanguageTag(language));
        }
        field = "article";
        return b.build();
      } catch (IllegalArgumentException | IllegalStateException | NullPointerException | DateTimeParseException
          | java.net.URISyntaxException e) {
        throw JsonMappingException.from(p, "Invalid Article." + field + ": " + e.getMessage(), e);
      }
    }

    private static String requiredText(JsonNode node, String name) {
      String value = text(node, name);
      if (value == null) {
        throw new IllegalArgumentException(name + " is required");
      }
      return value;
    }

    private static @Nullable String text(JsonNode node, String name) {
      JsonNode value = node.get(name);
      if (value == null || value.isNull()) {
        return null;
      }
      if (!value.isTextual()) {
        throw new IllegalArgumentException(name + " must be a string, was " + value.getNodeType());
      }
      return value.textValue();
    }

    private static Iterable<JsonNode> array(JsonNode node, String name) {
      JsonNode value = node.get(name);
      if (value == null || value.isNull()) {
        return List.of();
      }
      if (!value.isArray()) {
        throw new IllegalArgumentException(name + " must be an array, was " + value.getNodeType());
      }
      return value;
    }

    private static @Nullable Instant instant(@Nullable String text) {
      if (text == null) {
        return null;
      }
      try {
        return Instant.parse(text);
      } catch (DateTimeParseException e) {
        return OffsetDateTime.parse(text).toInstant();
      }
    }
  }
}
