package io.openvpc.store.jdbc;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.openvpc.model.Cidr;
import io.openvpc.model.IpAddr;
import io.openvpc.model.Resource;
import io.openvpc.model.ResourceTypes;
import io.openvpc.model.SecurityGroupPolicy;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Resource records to and from their stored JSON form. */
final class ResourceCodec {
  private final ObjectMapper json;

  ResourceCodec() {
    SimpleModule values = new SimpleModule("openvpc-values");
    values.addSerializer(Cidr.class, new ToStringSerializer<>(Cidr.class));
    values.addSerializer(IpAddr.class, new ToStringSerializer<>(IpAddr.class));
    values.addDeserializer(Cidr.class, new JsonDeserializer<>() {
      @Override
      public Cidr deserialize(JsonParser p, DeserializationContext c) throws IOException {
        return Cidr.parseLenient(p.getValueAsString());
      }
    });
    values.addDeserializer(IpAddr.class, new JsonDeserializer<>() {
      @Override
      public IpAddr deserialize(JsonParser p, DeserializationContext c) throws IOException {
        return IpAddr.parse(p.getValueAsString());
      }
    });
    json = new ObjectMapper()
        .registerModule(new JavaTimeModule())
        .registerModule(values)
        .setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
        .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
        .setVisibility(PropertyAccessor.CREATOR, JsonAutoDetect.Visibility.ANY)
        // Times as epoch milliseconds: formatting ISO text was 8% of a rule insert into a large group
        // (every rule carries its modification time). Rows written as ISO text still read.
        .enable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(SerializationFeature.WRITE_DATE_TIMESTAMPS_AS_NANOSECONDS)
        .disable(DeserializationFeature.READ_DATE_TIMESTAMPS_AS_NANOSECONDS)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        // A rule sets one peer and one service of several possible: the rest are empty strings, which
        // its constructor restores. Leaving them out halves the stored size of a large group.
        .addMixIn(SecurityGroupPolicy.class, OmitEmpty.class);
  }

  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  private interface OmitEmpty {}

  String encode(Resource resource) {
    try {
      return json.writeValueAsString(resource);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot encode " + resource.id(), e);
    }
  }

  Resource decode(String kind, String body) {
    try {
      return json.readValue(body, ResourceTypes.byKind(kind));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot decode stored " + kind, e);
    }
  }

  /** The elements of a stored list splice, as a JSON array. */
  String encodeItems(java.util.List<?> items) {
    try {
      return json.writeValueAsString(items);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot encode list elements", e);
    }
  }

  java.util.List<?> decodeItems(String items, Class<?> element) {
    try {
      return json.readValue(items, json.getTypeFactory().constructCollectionType(java.util.List.class, element));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot decode stored " + element.getSimpleName() + " list elements", e);
    }
  }

  private static final class ToStringSerializer<T> extends JsonSerializer<T> {
    private final Class<T> type;

    ToStringSerializer(Class<T> type) {
      this.type = type;
    }

    @Override
    public Class<T> handledType() {
      return type;
    }

    @Override
    public void serialize(T value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
      gen.writeString(value.toString());
    }
  }
}
