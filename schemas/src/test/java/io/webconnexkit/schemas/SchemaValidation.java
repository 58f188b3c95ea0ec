package io.webconnexkit.schemas;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.NonValidationKeyword;
import java.util.List;
import java.util.Locale;

/**
 * Validates payloads against the published schemas the way a consumer of this jar would: by
 * {@code $id}, loaded from the classpath, with format assertions on. This is a test helper, not
 * the validator (that is validator-core): it only answers "which errors, at which pointers".
 */
final class SchemaValidation {

  /**
   * The 2020-12 dialect, keeping its id so the schemas' {@code $schema} selects it, plus the
   * lenient timestamp's custom keyword, which validator-core turns into a warning; here it is only
   * made known, so that it is silent.
   */
  private static final Dialect DIALECT =
      Dialect.builder(Dialects.getDraft202012())
          .keyword(new NonValidationKeyword("webconnexLegacyTimestamp"))
          .build();

  private static final SchemaRegistry REGISTRY =
      SchemaRegistry.withDefaultDialect(
          DIALECT,
          builder ->
              builder
                  .schemaRegistryConfig(
                      SchemaRegistryConfig.builder()
                          .formatAssertionsEnabled(true)
                          .locale(Locale.ENGLISH)
                          .build())
                  .schemaIdResolvers(
                      r -> r.mapPrefix(PublishedSchemas.ID_BASE, "classpath:" + PublishedSchemas.RESOURCE_ROOT)));

  private static final JsonNode EVENTS = PublishedSchemas.index().path("events");

  private SchemaValidation() {}

  /** A published schema by file name, e.g. {@code schema("strict", "coupon.json")}. */
  static Schema schema(String profile, String file) {
    Schema schema = REGISTRY.getSchema(SchemaLocation.of(PublishedSchemas.ID_BASE + profile + "/" + file));
    schema.initializeValidators(); // fails here, not later, if a $ref cannot be resolved
    return schema;
  }

  /** The schema file index.json names for an event type. */
  static String fileFor(String eventType) {
    JsonNode file = EVENTS.get(eventType);
    if (file == null) {
      throw new IllegalArgumentException("index.json has no event type " + eventType);
    }
    return file.asText();
  }

  static List<com.networknt.schema.Error> validate(String profile, String file, JsonNode payload) {
    return schema(profile, file).validate(payload);
  }

  /** Validates against the schema of the payload's own event type. */
  static List<com.networknt.schema.Error> validate(String profile, JsonNode payload) {
    return validate(profile, fileFor(payload.path("eventType").asText()), payload);
  }

  /**
   * The JSON Pointer of the member an error is about. {@code required} and
   * {@code additionalProperties} errors point at the parent object and name the member in
   * {@link com.networknt.schema.Error#getProperty()}; the member's own pointer is returned.
   */
  static String pointer(com.networknt.schema.Error error) {
    String parent = error.getInstanceLocation().toString();
    boolean namesMember =
        "required".equals(error.getKeyword()) || "additionalProperties".equals(error.getKeyword());
    if (namesMember && error.getProperty() != null) {
      return parent + "/" + error.getProperty().replace("~", "~0").replace("/", "~1");
    }
    return parent;
  }

  static List<String> pointers(List<com.networknt.schema.Error> errors) {
    return errors.stream().map(SchemaValidation::pointer).toList();
  }

  /** One line per error, for assertion messages. */
  static String describe(List<com.networknt.schema.Error> errors) {
    StringBuilder out = new StringBuilder();
    for (com.networknt.schema.Error error : errors) {
      out.append("\n  ").append(pointer(error)).append(" [").append(error.getKeyword()).append("] ")
          .append(error.getMessage());
    }
    return out.toString();
  }
}
