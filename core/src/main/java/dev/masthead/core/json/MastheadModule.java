package dev.masthead.core.json;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.Version;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.masthead.core.Article;
import dev.masthead.core.ArticleId;
import dev.masthead.core.Author;
import dev.masthead.core.LeadImage;
import dev.masthead.core.Section;
import dev.masthead.core.Tag;
import java.time.Instant;
import java.util.List;

/**
 * The Jackson module for Masthead's model: register it on the host's {@code ObjectMapper} and articles (and
 * the records of the other Masthead modules) round-trip as JSON.
 *
 * <pre>{@code
 * ObjectMapper mapper = new ObjectMapper().registerModule(new MastheadModule());
 * String json = mapper.writeValueAsString(article);
 * Article back = mapper.readValue(json, Article.class);   // equals(article)
 * }</pre>
 *
 * <p>What it does:
 * <ul>
 *   <li>registers Jackson's {@link JavaTimeModule} (as a dependency, once) and writes every {@link Instant} as
 *       an ISO-8601 string such as {@code "2025-12-07T14:30:00Z"}, whatever the mapper's
 *       {@code WRITE_DATES_AS_TIMESTAMPS} setting; instants are read from ISO-8601 strings, with {@code Z} or
 *       an offset;</li>
 *   <li>writes an {@link ArticleId} as a plain JSON string;</li>
 *   <li>writes an {@link Article} as an object with the record's component names ({@code id}, {@code slug},
 *       {@code headline}, {@code dek}, {@code bodyHtml}, {@code authors}, {@code section}, {@code tags},
 *       {@code publishedAt}, {@code updatedAt}, {@code status}, {@code canonicalUrl}, {@code leadImage},
 *       {@code language} as a BCP 47 tag), leaving out null values, and reads it back through
 *       {@link Article#builder()}, so that every rule of the model applies: a missing or bad field is
 *       reported as a Jackson {@code JsonMappingException} naming the field;</li>
 *   <li>tolerates unknown properties in Masthead's types, so that documents written by a newer version can be
 *       read by an older one.</li>
 * </ul>
 *
 * <p>Thread-safe and stateless: one instance may be registered on any number of mappers.
 */
public final class MastheadModule extends SimpleModule {
  private static final long serialVersionUID = 1L;

  /** Creates the module. */
  public MastheadModule() {
    super("MastheadModule", Version.unknownVersion());
    addSerializer(ArticleId.class, new ArticleIdCodec.Serializer());
    addDeserializer(ArticleId.class, new ArticleIdCodec.Deserializer());
    addSerializer(Article.class, new ArticleCodec.Serializer());
    addDeserializer(Article.class, new ArticleCodec.Deserializer());
  }

  @Override
  public Iterable<? extends Module> getDependencies() {
    return List.of(new JavaTimeModule());
  }

  @Override
  public void setupModule(SetupContext context) {
    super.setupModule(context);
    context.configOverride(Instant.class).setFormat(JsonFormat.Value.forShape(JsonFormat.Shape.STRING));
    JsonIgnoreProperties.Value ignoreUnknown = JsonIgnoreProperties.Value.forIgnoreUnknown(true);
    for (Class<?> type : List.of(Article.class, Author.class, Section.class, Tag.class, LeadImage.class)) {
      context.configOverride(type).setIgnorals(ignoreUnknown);
    }
  }

  /**
   * Returns the id under which Jackson registers this module once per mapper.
   *
   * @return the module's type id
   */
  @Override
  public Object getTypeId() {
    return MastheadModule.class.getName();
  }
}
