package dev.masthead.core.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.ser.std.StdScalarSerializer;
import dev.masthead.core.ArticleId;
import java.io.IOException;

/** {@link ArticleId} as a JSON string. */
final class ArticleIdCodec {
  private ArticleIdCodec() {}

  static final class Serializer extends StdScalarSerializer<ArticleId> {
    private static final long serialVersionUID = 1L;

    Serializer() {
      super(ArticleId.class);
    }

    @Override
    public void serialize(ArticleId value, JsonGenerator gen, SerializerProvider provider) throws IOException {
      gen.writeString(value.value());
    }
  }

  static final class Deserializer extends StdScalarDeserializer<ArticleId> {
    private static final long serialVersionUID = 1L;

    Deserializer() {
      super(ArticleId.class);
    }

    @Override
    public ArticleId deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (p.currentToken() != JsonToken.VALUE_STRING) {
        return (ArticleId) ctxt.handleUnexpectedToken(ArticleId.class, p);
      }
      try {
        return ArticleId.of(p.getText());
      } catch (IllegalArgumentException e) {
        return (ArticleId) ctxt.handleWeirdStringValue(ArticleId.class, p.getText(), e.getMessage());
      }
    }
  }
}
