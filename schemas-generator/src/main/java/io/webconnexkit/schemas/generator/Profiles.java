package io.webconnexkit.schemas.generator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Applies a profile to a contract schema. The build-time annotations, removed from the output:
 *
 * <ul>
 *   <li>{@code x-optional} on a property: the documentation marks it optional (or documents it
 *       only by example), so the strict profile does not require it;
 *   <li>{@code x-lenient-required} on an object: what the lenient profile requires;
 *   <li>{@code x-open} on an object: its properties cannot be listed (form fields vary per form),
 *       so even the strict profile allows others;
 *   <li>{@code x-lenient} / {@code x-strict} on any schema: keywords to set (or, with null, remove)
 *       in that profile only;
 *   <li>{@code x-observed} on a property: its evidence (a non-empty string saying where the field was
 *       seen). The field is listed by no table but real traffic is known to carry it: neither
 *       profile requires it, lenient accepts it silently, and strict accepts it with the keyword
 *       {@code webconnexObserved} holding the evidence, through which the validator reports a
 *       warning ({@code schema.observed}) instead of an undocumented-property error.
 * </ul>
 *
 * Lenient: {@code required} is the object's {@code x-lenient-required}; other properties are
 * allowed. Strict: {@code required} adds every property not marked {@code x-optional}, and every
 * object that is not {@code x-open} gets {@code additionalProperties: false}.
 */
final class Profiles {

  /** The contract annotation of an observed field; its value is the evidence. */
  static final String OBSERVED = "x-observed";
  /** The keyword the strict schemas carry on an observed field (the validator reports it). */
  static final String OBSERVED_KEYWORD = "webconnexObserved";

  private Profiles() {}

  /** Applies the profile to a schema node and, recursively, to every subschema in it. */
  static JsonNode shape(JsonNode node, boolean strict) {
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
    ObjectNode result = Json.MAPPER.createObjectNode();
    Iterator<Map.Entry<String, JsonNode>> fields = source.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      String key = field.getKey();
      JsonNode value = field.getValue();
      if (key.equals(OBSERVED) && strict) {
        result.set(OBSERVED_KEYWORD, value);
        continue;
      }
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
                if (!e.getValue().path("x-optional").asBoolean(false) && !e.getValue().has(OBSERVED)) {
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
}
