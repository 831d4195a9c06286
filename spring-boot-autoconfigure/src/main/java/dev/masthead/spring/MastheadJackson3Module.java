package dev.masthead.spring;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.masthead.core.Article;
import dev.masthead.core.ArticleId;
import dev.masthead.core.json.MastheadModule;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.Version;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.module.SimpleModule;

/**
 * Masthead's JSON for a Jackson 3 mapper ({@code tools.jackson}, Spring Boot 4's default): {@link Article} and
 * {@link ArticleId} are written and read exactly as core's Jackson 2 {@link MastheadModule} writes and reads
 * them, because that module does the work. Each value is written by a private Jackson 2 mapper with
 * {@code MastheadModule} and inserted as raw JSON; each value read is parsed as a tree by the host's mapper and
 * handed to the Jackson 2 mapper. So there is one definition of the format, and a host on Jackson 3 cannot
 * drift from one on Jackson 2. The cost is a second pass over each article (a few microseconds).
 *
 * <p>The Jackson auto-configuration registers it with Boot's {@code JsonMapper}; outside Spring, add it with
 * {@code JsonMapper.builder().addModule(new MastheadJackson3Module())}.
 *
 * <p>A document core refuses (a missing headline, a malformed id) fails as a Jackson 3
 * {@link MismatchedInputException} naming core's reason, which Spring MVC answers with 400.
 *
 * <p>Thread-safe: the private mapper is configured once and only read.
 */
public final class MastheadJackson3Module extends SimpleModule {
  private static final long serialVersionUID = 1L;

  /** Creates the module. */
  public MastheadJackson3Module() {
    super("MastheadJackson3Module", Version.unknownVersion());
    ObjectMapper jackson2 = new ObjectMapper().registerModule(new MastheadModule());
    addSerializer(Article.class, new Bridge<>(jackson2, Article.class).serializer());
    addDeserializer(Article.class, new Bridge<>(jackson2, Article.class).deserializer());
    addSerializer(ArticleId.class, new Bridge<>(jackson2, ArticleId.class).serializer());
    addDeserializer(ArticleId.class, new Bridge<>(jackson2, ArticleId.class).deserializer());
  }

  /** One type, both ways, through the Jackson 2 mapper. */
  private static final class Bridge<T> {
    private final ObjectMapper jackson2;
    private final Class<T> type;

    Bridge(ObjectMapper jackson2, Class<T> type) {
      this.jackson2 = jackson2;
      this.type = type;
    }

    ValueSerializer<T> serializer() {
      return new ValueSerializer<T>() {
        @Override
        public void serialize(T value, JsonGenerator gen, SerializationContext ctxt) {
          String json;
          try {
            json = jackson2.writeValueAsString(value);
          } catch (JsonProcessingException e) {
            throw tools.jackson.databind.DatabindException.from(gen, "cannot write " + type.getSimpleName()
                + " as Masthead's JSON: " + e.getOriginalMessage(), e);
          }
          gen.writeRawValue(json);
        }

        @Override
        public Class<?> handledType() {
          return type;
        }
      };
    }

    ValueDeserializer<T> deserializer() {
      return new ValueDeserializer<T>() {
        @Override
        public T deserialize(JsonParser p, DeserializationContext ctxt) {
          JsonNode tree = ctxt.readTree(p);
          try {
            return jackson2.readValue(tree.toString(), type);
          } catch (JsonProcessingException e) {
            throw MismatchedInputException.from(p, type, "not a Masthead " + type.getSimpleName() + ": "
                + e.getOriginalMessage());
          }
        }

        @Override
        public Class<?> handledType() {
          return type;
        }
      };
    }
  }
}
