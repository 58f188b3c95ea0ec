package io.webconnexkit.schemas;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Turns the contract sources ({@code src/contract/*.json}) into the published lenient and strict
 * schemas, the event index and the schema reference page.
 *
 * <p>The sources are plain draft 2020-12 schemas with three build-time annotations, removed from
 * the output:
 *
 * <ul>
 *   <li>{@code x-optional} on a property: the documentation marks it optional (or documents it
 *       only by example), so the strict profile does not require it;
 *   <li>{@code x-lenient-required} on an object: what the lenient profile requires;
 *   <li>{@code x-open} on an object: its properties cannot be listed (form fields vary per form),
 *       so even the strict profile allows others;
 *   <li>{@code x-lenient} / {@code x-strict} on any schema: keywords to set (or, with null, remove)
 *       in that profile only.
 * </ul>
 *
 * Lenient: {@code required} is the object's {@code x-lenient-required}; other properties are
 * allowed. Strict: {@code required} adds every property not marked {@code x-optional}, and every
 * object that is not {@code x-open} gets {@code additionalProperties: false}.
 */
final class SchemaGenerator {

  static final String ID_BASE = "https://webconnexkit.io/schemas/v1/";
  static final String RESOURCE_ROOT = "webconnex/schemas/v1/";
  static final List<String> PROFILES = List.of("lenient", "strict");

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final ObjectWriter WRITER =
      MAPPER.writer(
          new DefaultPrettyPrinter()
              .withObjectIndenter(new DefaultIndenter("  ", "\n"))
              .withArrayIndenter(new DefaultIndenter("  ", "\n"))
              .withSeparators(
                  Separators.createDefaultInstance()
                      .withObjectFieldValueSpacing(Separators.Spacing.AFTER)));

  private SchemaGenerator() {}

  /** Every generated file, keyed by its path relative to the schemas module. */
  static Map<String, String> generate(Path contractDir) {
    Map<String, JsonNode> sources = readSources(contractDir);
    Map<String, String> out = new TreeMap<>();
    Map<String, Map<String, ObjectNode>> byProfile = new LinkedHashMap<>();
    for (String profile : PROFILES) {
      Map<String, ObjectNode> generated = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> source : sources.entrySet()) {
        ObjectNode schema = (ObjectNode) source.getValue().deepCopy();
        schema.put("$id", ID_BASE + profile + "/" + source.getKey());
        ObjectNode shaped = (ObjectNode) shape(schema, profile.equals("strict"));
        generated.put(source.getKey(), shaped);
        out.put("src/main/resources/" + RESOURCE_ROOT + profile + "/" + source.getKey(), write(shaped));
      }
      byProfile.put(profile, generated);
    }
    out.put("src/main/resources/" + RESOURCE_ROOT + "index.json", write(index(sources)));
    out.put("../docs/schema-reference.md", SchemaReference.render(byProfile));
    return out;
  }

  static Map<String, JsonNode> readSources(Path contractDir) {
    Map<String, JsonNode> sources = new TreeMap<>();
    try (Stream<Path> files = Files.list(contractDir)) {
      for (Path file : (Iterable<Path>) files.sorted()::iterator) {
        if (file.getFileName().toString().endsWith(".json")) {
          sources.put(file.getFileName().toString(), MAPPER.readTree(file.toFile()));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return sources;
  }

  /**
   * The index maps each event type to its schema file. It is derived from each schema's own
   * {@code eventType} constant or enum, so it cannot disagree with the schemas.
   */
  private static ObjectNode index(Map<String, JsonNode> sources) {
    ObjectNode index = MAPPER.createObjectNode();
    index.put("description", "Webconnex webhook event types and the schema file that describes each.");
    index.put("idBase", ID_BASE);
    ArrayNode profiles = index.putArray("profiles");
    PROFILES.forEach(profiles::add);
    index.put("envelope", "envelope.json");
    index.put("definitions", "defs.json");
    ObjectNode events = index.putObject("events");
    Map<String, String> sorted = new TreeMap<>();
    sources.forEach(
        (file, schema) -> {
          JsonNode eventType = schema.path("properties").path("eventType");
          if (eventType.has("const")) {
            sorted.put(eventType.get("const").asText(), file);
          } else if (eventType.has("enum")) {
            eventType.get("enum").forEach(name -> sorted.put(name.asText(), file));
          }
        });
    sorted.forEach(events::put);
    return index;
  }

  /** Applies the profile to a schema node and, recursively, to every subschema in it. */
  private static JsonNode shape(JsonNode node, boolean strict) {
    if (!node.isObject()) {
      return node;
    }
    ObjectNode source = (ObjectNode) node;
    JsonNode override = source.get(strict ? "x-strict" : "x-lenient");
    if (override != null) {
      source = source.deepCopy();
      for (Map.Entry<String, JsonNode> entry : (Iterable<Map.Entry<String, JsonNode>>) override::fields) {
        if (entry.getValue().isNull()) {
          source.remove(entry.getKey());
        } else {
          source.set(entry.getKey(), entry.getValue());
        }
      }
    }
    boolean objectWithProperties = source.path("type").asText().equals("object") && source.has("properties");
    ObjectNode result = MAPPER.createObjectNode();
    Iterator<Map.Entry<String, JsonNode>> fields = source.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      String key = field.getKey();
      JsonNode value = field.getValue();
      if (key.startsWith("x-")) {
        continue;
      }
      switch (key) {
        case "properties", "$defs", "patternProperties" -> {
          ObjectNode map = result.putObject(key);
          value.fields().forEachRemaining(e -> map.set(e.getKey(), shape(e.getValue(), strict)));
          if (key.equals("properties") && objectWithProperties) {
            addProfileKeywords(source, result, strict);
          }
        }
        case "items", "if", "then", "else", "not", "contains", "additionalProperties", "propertyNames" ->
            result.set(key, shape(value, strict));
        case "allOf", "anyOf", "oneOf", "prefixItems" -> {
          ArrayNode array = result.putArray(key);
          value.forEach(item -> array.add(shape(item, strict)));
        }
        default -> result.set(key, value);
      }
    }
    return result;
  }

  private static void addProfileKeywords(ObjectNode source, ObjectNode result, boolean strict) {
    Set<String> required = new LinkedHashSet<>();
    source.path("x-lenient-required").forEach(name -> required.add(name.asText()));
    if (strict) {
      source
          .get("properties")
          .fields()
          .forEachRemaining(
              e -> {
                if (!e.getValue().path("x-optional").asBoolean(false)) {
                  required.add(e.getKey());
                }
              });
    }
    if (!required.isEmpty()) {
      ArrayNode array = result.putArray("required");
      required.forEach(array::add);
    }
    if (strict && !source.path("x-open").asBoolean(false)) {
      result.put("additionalProperties", false);
    }
  }

  static String write(JsonNode node) {
    try {
      return WRITER.writeValueAsString(node) + "\n";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes every generated file; run by {@code -Dwebconnex.schemas.write=true}. */
  static List<Path> writeAll(Path moduleDir) throws IOException {
    List<Path> written = new ArrayList<>();
    for (Map.Entry<String, String> file : generate(moduleDir.resolve("src/contract")).entrySet()) {
      Path target = moduleDir.resolve(file.getKey()).normalize();
      Files.createDirectories(target.getParent());
      Files.writeString(target, file.getValue());
      written.add(target);
    }
    return written;
  }
}
