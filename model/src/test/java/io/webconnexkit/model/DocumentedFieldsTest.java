package io.webconnexkit.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The records against the contract they were generated from, read here on its own: every
 * documented field of every event, data object and shared definition is a record component of the
 * Java type the decisions call for (ids the docs call strings are String, money BigDecimal,
 * timestamps Timestamp, lookupId WebconnexId), in the contract's order, and no component lacks a
 * documented field. A field added to the contract without reaching the records, or a component
 * left over after one is removed, fails here.
 */
class DocumentedFieldsTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Path CONTRACT = Json.ROOT.resolve("schemas/src/contract");
  private static final String PACKAGE = "io.webconnexkit.model.";

  @Test
  void everyDocumentedFieldIsARecordComponentOfItsTypeAndEveryComponentIsADocumentedField() throws IOException {
    Map<String, JsonNode> contract = contract();

    List<String> mismatches = compareAll(contract);

    assertThat(mismatches).isEmpty();
  }

  @Test
  void aFieldMissingFromTheRecordsAndAComponentWithoutAFieldAreBothReported() throws IOException {
    Map<String, JsonNode> contract = contract();
    ObjectNode data = (ObjectNode) contract.get("registration.json").at("/properties/data/properties");
    data.putObject("refundTotal").put("type", "number");
    data.remove("orderStatus");
    ((ObjectNode) contract.get("defs.json").at("/$defs/card/properties")).remove("expYear");

    List<String> mismatches = compareAll(contract);

    assertThat(mismatches).containsExactlyInAnyOrder(
        "registration.json/properties/data (RegistrationEvent.Data): documented fields without a component: [refundTotal]",
        "registration.json/properties/data (RegistrationEvent.Data): components without a documented field: [orderStatus]",
        "defs.json#/$defs/card (Card): components without a documented field: [expYear]");
  }

  @Test
  void aFieldOfAnotherJavaTypeThanTheContractCallsForIsReported() throws IOException {
    Map<String, JsonNode> contract = contract();
    ((ObjectNode) contract.get("registration.json").at("/properties/data/properties/id")).put("type", "integer");

    List<String> mismatches = compareAll(contract);

    assertThat(mismatches).containsExactly(
        "registration.json/properties/data/properties/id (RegistrationEvent.Data.id): the contract calls for Long, the record has String");
  }

  // --- the comparison ---------------------------------------------------------------------------

  private static Map<String, JsonNode> contract() throws IOException {
    Map<String, JsonNode> files = new TreeMap<>();
    try (Stream<Path> listing = Files.list(CONTRACT)) {
      for (Path file : listing.filter(p -> p.toString().endsWith(".json")).toList()) {
        files.put(file.getFileName().toString(), MAPPER.readTree(file.toFile()));
      }
    }
    return files;
  }

  private static List<String> compareAll(Map<String, JsonNode> contract) {
    JsonNode defs = contract.get("defs.json").get("$defs");
    List<String> mismatches = new ArrayList<>();
    Set<String> seen = new java.util.HashSet<>();
    Comparison comparison = new Comparison(defs, mismatches, seen);
    contract.forEach((file, schema) -> {
      if (file.equals("defs.json")) {
        return;
      }
      if (file.equals("envelope.json")) {
        comparison.record(schema, UnknownEvent.class, file);
        return;
      }
      JsonNode eventType = schema.at("/properties/eventType");
      List<String> names = new ArrayList<>();
      if (eventType.has("const")) {
        names.add(eventType.get("const").asText());
      }
      eventType.path("enum").forEach(n -> names.add(n.asText()));
      for (String name : names) {
        Class<?> record = EveryPayloadTest.RECORDS.get(name);
        if (record == null) {
          mismatches.add(file + ": the event type " + name + " has no record");
        } else {
          comparison.record(schema, record, file);
        }
      }
    });
    for (Iterator<String> names = defs.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      JsonNode def = defs.get(name);
      if (def.path("properties").size() > 0) {
        String className = Character.toUpperCase(name.charAt(0)) + name.substring(1);
        Class<?> record = classNamed(className.equals("FieldValue") ? "OtherField" : className);
        if (record == null) {
          mismatches.add("defs.json#/$defs/" + name + ": no record " + className);
        } else {
          comparison.record(def, record, "defs.json#/$defs/" + name);
        }
      }
    }
    return mismatches;
  }

  private static Class<?> classNamed(String name) {
    try {
      return Class.forName(PACKAGE + name);
    } catch (ClassNotFoundException e) {
      return null;
    }
  }

  /** Walks a schema and a record side by side. */
  private record Comparison(JsonNode defs, List<String> mismatches, Set<String> seen) {

    void record(JsonNode schema, Class<?> record, String where) {
      if (!seen.add(where + " " + record.getName())) {
        return;
      }
      String name = record.getName().substring(PACKAGE.length()).replace('$', '.');
      List<String> documented = new ArrayList<>();
      schema.path("properties").fieldNames().forEachRemaining(documented::add);
      List<String> components = new ArrayList<>(Arrays.stream(record.getRecordComponents()).map(RecordComponent::getName).toList());
      if (!components.isEmpty() && components.get(components.size() - 1).equals("extras")) {
        components.remove(components.size() - 1);
      } else {
        mismatches.add(where + " (" + name + "): no extras component last");
      }
      List<String> missing = documented.stream().filter(f -> !components.contains(f)).toList();
      List<String> extra = components.stream().filter(c -> !documented.contains(c)).toList();
      if (!missing.isEmpty()) {
        mismatches.add(where + " (" + name + "): documented fields without a component: " + missing);
      }
      if (!extra.isEmpty()) {
        mismatches.add(where + " (" + name + "): components without a documented field: " + extra);
      }
      if (missing.isEmpty() && extra.isEmpty() && !documented.equals(components)) {
        mismatches.add(where + " (" + name + "): components in another order than the contract's: " + components);
      }
      for (RecordComponent component : record.getRecordComponents()) {
        JsonNode field = schema.path("properties").get(component.getName());
        if (field != null) {
          field(field, component.getGenericType(), where + "/properties/" + component.getName(), name + "." + component.getName());
        }
      }
    }

    private void field(JsonNode schema, Type javaType, String where, String name) {
      JsonNode resolved = resolve(schema);
      String defName = defName(schema);
      Class<?> raw = javaType instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) javaType;
      Class<?> expected = expectedType(resolved, defName);
      if (expected == Record.class ? !raw.isRecord() || raw == WebconnexId.class : expected != raw) {
        mismatches.add(where + " (" + name + "): the contract calls for " + expected.getSimpleName() + ", the record has "
            + raw.getSimpleName());
        return;
      }
      if (raw == List.class) {
        Type element = ((ParameterizedType) javaType).getActualTypeArguments()[0];
        if (resolved.has("items")) {
          field(resolved.get("items"), element, where + "/items", name + "[]");
        } else if (element != JsonNode.class) {
          mismatches.add(where + " (" + name + "): items of no settled shape call for JsonNode, the record has "
              + element.getTypeName());
        }
      } else if (raw == FieldValue.class) {
        for (JsonNode entry : resolved.path("allOf")) {
          String variantDef = entry.at("/then/$ref").asText().replace("#/$defs/", "");
          String variantName = Character.toUpperCase(variantDef.charAt(0)) + variantDef.substring(1);
          Class<?> variant = classNamed(variantName);
          if (variant == null || !FieldValue.class.isAssignableFrom(variant)) {
            mismatches.add(where + " (" + name + "): no FieldValue record " + variantName + " for type "
                + entry.at("/if/properties/type/const").asText());
          } else {
            record(defs.get(variantDef), variant, "defs.json#/$defs/" + variantDef);
          }
        }
        record(resolved, OtherField.class, "defs.json#/$defs/" + defName);
      } else if (raw.isRecord() && raw != WebconnexId.class) {
        record(resolved, raw, defName != null ? "defs.json#/$defs/" + defName : where);
      }
    }

    /** The Java type each kind of field is held as, as the issue and the discrepancies page decide. */
    private static Class<?> expectedType(JsonNode schema, String defName) {
      if ("fieldValue".equals(defName)) {
        return FieldValue.class;
      }
      if (schema.has("const") || schema.has("enum")) {
        return String.class;
      }
      List<String> types = new ArrayList<>();
      JsonNode type = schema.path("type");
      if (type.isArray()) {
        type.forEach(t -> types.add(t.asText()));
      } else if (type.isTextual()) {
        types.add(type.asText());
      }
      types.remove("null");
      if (types.isEmpty() && schema.path("type").isMissingNode()) {
        return JsonNode.class;
      }
      if (types.size() == 2 && types.containsAll(List.of("integer", "string"))) {
        return WebconnexId.class;
      }
      return switch (types.size() == 1 ? types.get(0) : "?") {
        case "string" -> "date-time".equals(schema.path("format").asText()) ? Timestamp.class
            : "moneyString".equals(defName) ? BigDecimal.class : String.class;
        case "integer" -> Long.class;
        case "number" -> BigDecimal.class;
        case "boolean" -> Boolean.class;
        case "array" -> List.class;
        case "object" -> schema.path("properties").size() == 0 ? JsonNode.class : Record.class;
        default -> Void.class;
      };
    }

    private JsonNode resolve(JsonNode schema) {
      String def = defName(schema);
      return def == null ? schema : defs.get(def);
    }

    private static String defName(JsonNode schema) {
      String ref = schema.path("$ref").asText(null);
      return ref == null ? null : ref.substring(ref.lastIndexOf('/') + 1);
    }
  }
}
