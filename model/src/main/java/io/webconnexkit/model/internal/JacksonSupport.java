package io.webconnexkit.model.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializable;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.Deserializers;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.ser.Serializers;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;

/** The Jackson side of the model: serializers and deserializers that hand every model type to the {@link Binder}. Not API. */
public final class JacksonSupport {

  private JacksonSupport() {}

  /** @return deserializers for every type the binder handles */
  public static Deserializers deserializers() {
    return new Deserializers.Base() {
      @Override
      public JsonDeserializer<?> findBeanDeserializer(JavaType type, DeserializationConfig config, BeanDescription beanDesc) {
        return Binder.handles(type.getRawClass()) ? new ModelDeserializer(type.getRawClass()) : null;
      }

      @Override
      public boolean hasDeserializerFor(DeserializationConfig config, Class<?> valueType) {
        return Binder.handles(valueType);
      }
    };
  }

  /** @return serializers for every type the binder handles */
  public static Serializers serializers() {
    return new Serializers.Base() {
      @Override
      public JsonSerializer<?> findSerializer(SerializationConfig config, JavaType type, BeanDescription beanDesc) {
        return Binder.handles(type.getRawClass()) ? new ModelSerializer(type.getRawClass()) : null;
      }
    };
  }

  /** Reads the value as an exact tree and binds it; a value that does not fit is Jackson's own input mismatch. */
  static final class ModelDeserializer extends StdDeserializer<Object> {
    private static final long serialVersionUID = 1L;

    ModelDeserializer(Class<?> type) {
      super(type);
    }

    @Override
    public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      JsonNode tree = ExactJson.read(p);
      try {
        return Binder.bind(tree, handledType());
      } catch (BindingException e) {
        throw MismatchedInputException.from(p, handledType(),
            "Cannot bind " + handledType().getSimpleName() + ": " + e.getMessage());
      }
    }
  }

  /** Writes a model value as the tree the binder gives. */
  static final class ModelSerializer extends StdSerializer<Object> {
    private static final long serialVersionUID = 1L;

    @SuppressWarnings("unchecked")
    ModelSerializer(Class<?> type) {
      super((Class<Object>) type);
    }

    @Override
    public void serialize(Object value, JsonGenerator gen, SerializerProvider provider) throws IOException {
      ((JsonSerializable) Binder.tree(value)).serialize(gen, provider);
    }
  }
}
