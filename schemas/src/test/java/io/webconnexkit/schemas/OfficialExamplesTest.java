package io.webconnexkit.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.webconnexkit.schemas.ConformanceChecker.Located;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The example payloads of the API documentation text, checked against the lenient schemas. */
class OfficialExamplesTest {

  private static final Map<String, JsonNode> LENIENT = PublishedSchemas.profile("lenient");
  private static final Set<String> SCALARS = Set.of("string", "integer", "number", "boolean");

  static List<OfficialExamples.Example> examples() {
    return OfficialExamples.all();
  }

  @Test
  void findsOneExampleInEachEventSectionOfTheApiText() {
    assertThat(examples())
        .extracting(OfficialExamples.Example::section)
        .containsExactly("Registration", "Form Publish", "Subscription", "Inventory", "Coupons", "Test");
  }

  // (a)
  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void officialExampleIsValidUnderTheLenientProfile(OfficialExamples.Example example) {
    JsonNode payload = example.json();

    List<com.networknt.schema.Error> errors = SchemaValidation.validate("lenient", payload);

    assertThat(errors).as("%s example under lenient:%s", example.section(), SchemaValidation.describe(errors)).isEmpty();
  }

  // (b)
  @Test
  void subscriptionExampleAsPrintedIsNotJsonBecauseOfTheTrailingCommaAfterStatus() {
    OfficialExamples.Example example = OfficialExamples.section("Subscription");
    String text = example.text();

    JsonProcessingException failure =
        catchThrowableOfType(JsonProcessingException.class, () -> PublishedSchemas.MAPPER.readTree(text));

    int comma = text.indexOf("\"status\": \"active\",") + "\"status\": \"active\"".length();
    int commaLine = example.firstLine() + lineOf(text, comma) - 1;
    int commaColumn = columnOf(text, comma);
    assertThat(failure).as("Jackson must reject the subscription example as printed").isNotNull();
    // The trailing comma sits at line 276, column 25 of seeds/001_193fbef7f4e59dc6.txt.
    assertThat(commaLine + ":" + commaColumn).as("line:column of the trailing comma in the seed").isEqualTo("276:25");
    // Jackson stops at the first character after the comma: the '}' that closes "subscription".
    int next = comma + 1;
    while (Character.isWhitespace(text.charAt(next))) {
      next++;
    }
    JsonLocation at = failure.getLocation();
    assertThat(text.charAt(next)).isEqualTo('}');
    assertThat(at.getLineNr() + ":" + at.getColumnNr())
        .as("where Jackson reports the error, relative to the example")
        .isEqualTo(lineOf(text, next) + ":" + columnOf(text, next));
  }

  @Test
  void subscriptionExampleWithOnlyTheTrailingCommaRemovedIsValidUnderTheLenientProfile() {
    String text = OfficialExamples.section("Subscription").text();

    String repaired = OfficialExamples.repairSubscriptionComma(text);

    assertThat(repaired).hasSize(text.length() - 1);
    int removedAt = firstDifference(text, repaired);
    assertThat(text.charAt(removedAt)).isEqualTo(',');
    assertThat(text.substring(0, removedAt)).endsWith("\"status\": \"active\"");
    List<com.networknt.schema.Error> errors =
        SchemaValidation.validate("lenient", "subscription.json", readTree(repaired));
    assertThat(errors).as(SchemaValidation.describe(errors)).isEmpty();
  }

  // (c)
  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void everyFieldOfTheOfficialExampleIsAPropertyOfTheSchemaAtThatPlace(OfficialExamples.Example example) {
    JsonNode payload = example.json();
    String file = SchemaValidation.fileFor(payload.path("eventType").asText());

    List<String> undescribed = undescribedFields(payload, file, LENIENT);

    assertThat(undescribed).as("fields of the %s example with no schema property", example.section()).isEmpty();
  }

  @Test
  void walkingAnExampleNamesAFieldTheSchemaDoesNotDescribe() {
    ObjectNode payload = (ObjectNode) OfficialExamples.section("Registration").json();
    ((ObjectNode) payload.at("/data/registrants/0/data/0/first")).put("nickname", "Bob");
    ((ObjectNode) payload.at("/data/billing")).put("favouriteColour", "green");

    List<String> undescribed = undescribedFields(payload, "registration.json", LENIENT);

    assertThat(undescribed).containsExactlyInAnyOrder("/data/billing/favouriteColour", "/data/registrants/0/data/0/first/nickname");
  }

  // (d)
  @Test
  void everyPropertyOfEveryLenientSchemaHasADescriptionAndEveryScalarPropertyHasExamples() {
    List<String> findings = new ArrayList<>();
    LENIENT.forEach((file, schema) -> auditProperties(file, schema, "", LENIENT, findings));

    assertThat(findings).isEmpty();
  }

  @Test
  void auditNamesAPropertyWithoutDescriptionOrExamples() {
    Map<String, JsonNode> schemas = new HashMap<>(LENIENT);
    ObjectNode inventory = (ObjectNode) schemas.get("inventory.json").deepCopy();
    ObjectNode itemName = (ObjectNode) inventory.at("/properties/data/properties/itemName");
    itemName.remove("description");
    itemName.remove("examples");
    schemas.put("inventory.json", inventory);

    List<String> findings = new ArrayList<>();
    auditProperties("inventory.json", inventory, "", schemas, findings);

    assertThat(findings).containsExactlyInAnyOrder(
        "inventory.json#/properties/data/properties/itemName has no description",
        "inventory.json#/properties/data/properties/itemName is a scalar (string) with no examples");
  }

  // ---------------------------------------------------------------------------------------------

  /**
   * Walks a payload and its schema together and lists the pointer of every member for which the
   * schema at that place has no property. References are followed into defs.json, array elements
   * into {@code items}, and {@code allOf} entries are included, an {@code if}/{@code then} entry
   * only when its condition holds for the member's object (registrant field values select their
   * shape by "type").
   */
  static List<String> undescribedFields(JsonNode payload, String file, Map<String, JsonNode> schemas) {
    List<String> undescribed = new ArrayList<>();
    walk(payload, new Located(file, schemas.get(file)), "", schemas, undescribed);
    return undescribed;
  }

  private static void walk(JsonNode instance, Located schema, String pointer, Map<String, JsonNode> schemas,
      List<String> undescribed) {
    Located at = ConformanceChecker.deref(schemas, schema);
    if (at == null || at.node() == null) {
      undescribed.add(pointer + " (unresolvable schema)");
      return;
    }
    if (instance.isObject()) {
      Map<String, Located> properties = properties(at, instance, schemas);
      instance.fields().forEachRemaining(member -> {
        String memberPointer = pointer + "/" + member.getKey().replace("~", "~0").replace("/", "~1");
        Located property = properties.get(member.getKey());
        if (property == null) {
          undescribed.add(memberPointer);
        } else {
          walk(member.getValue(), property, memberPointer, schemas, undescribed);
        }
      });
    } else if (instance.isArray() && !instance.isEmpty()) {
      JsonNode items = at.node().get("items");
      if (items == null) {
        undescribed.add(pointer + " (array without items schema)");
        return;
      }
      for (int i = 0; i < instance.size(); i++) {
        walk(instance.get(i), new Located(at.file(), items), pointer + "/" + i, schemas, undescribed);
      }
    }
  }

  private static Map<String, Located> properties(Located schema, JsonNode instance, Map<String, JsonNode> schemas) {
    Map<String, Located> properties = new LinkedHashMap<>();
    schema.node().path("properties").fields()
        .forEachRemaining(p -> properties.put(p.getKey(), new Located(schema.file(), p.getValue())));
    for (JsonNode entry : schema.node().path("allOf")) {
      JsonNode branch = entry;
      if (entry.has("if")) {
        if (!conditionHolds(entry.get("if"), instance)) {
          continue;
        }
        branch = entry.get("then");
      }
      Located resolved = ConformanceChecker.deref(schemas, new Located(schema.file(), branch));
      if (resolved != null && resolved.node() != null) {
        properties.putAll(properties(resolved, instance, schemas));
      }
    }
    return properties;
  }

  /** Evaluates the {@code if} schemas these contracts use: required names and constant properties. */
  private static boolean conditionHolds(JsonNode condition, JsonNode instance) {
    for (JsonNode name : condition.path("required")) {
      if (!instance.has(name.asText())) {
        return false;
      }
    }
    var constants = condition.path("properties").fields();
    while (constants.hasNext()) {
      var constant = constants.next();
      JsonNode value = instance.get(constant.getKey());
      if (constant.getValue().has("const") && value != null && !value.equals(constant.getValue().get("const"))) {
        return false;
      }
    }
    return true;
  }

  /**
   * Visits every property of a schema (in properties, $defs, items, allOf/anyOf/oneOf, then/else
   * and additionalProperties; not in {@code if}, whose properties are conditions, not fields).
   */
  static void auditProperties(String file, JsonNode node, String pointer, Map<String, JsonNode> schemas,
      List<String> findings) {
    if (!node.isObject()) {
      return;
    }
    node.path("properties").fields().forEachRemaining(p -> {
      String where = pointer + "/properties/" + p.getKey();
      JsonNode property = p.getValue();
      if (property.path("description").asText().isBlank()) {
        findings.add(file + "#" + where + " has no description");
      }
      Located resolved = ConformanceChecker.deref(schemas, new Located(file, property));
      JsonNode target = resolved == null || resolved.node() == null ? property : resolved.node();
      Set<String> types = ConformanceChecker.types(target);
      types.remove("null");
      boolean scalar = !types.isEmpty() && SCALARS.containsAll(types);
      boolean hasExamples = !property.path("examples").isEmpty() || !target.path("examples").isEmpty();
      if (scalar && !hasExamples) {
        findings.add(file + "#" + where + " is a scalar (" + String.join(", ", types) + ") with no examples");
      }
      auditProperties(file, property, where, schemas, findings);
    });
    node.path("$defs").fields()
        .forEachRemaining(d -> auditProperties(file, d.getValue(), pointer + "/$defs/" + d.getKey(), schemas, findings));
    for (String key : List.of("items", "then", "else", "additionalProperties")) {
      if (node.has(key)) {
        auditProperties(file, node.get(key), pointer + "/" + key, schemas, findings);
      }
    }
    for (String key : List.of("allOf", "anyOf", "oneOf")) {
      for (int i = 0; i < node.path(key).size(); i++) {
        auditProperties(file, node.get(key).get(i), pointer + "/" + key + "/" + i, schemas, findings);
      }
    }
  }

  private static JsonNode readTree(String text) {
    try {
      return PublishedSchemas.MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw new AssertionError("not JSON: " + e.getOriginalMessage(), e);
    }
  }

  private static int lineOf(String text, int index) {
    int line = 1;
    for (int i = 0; i < index; i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }

  private static int columnOf(String text, int index) {
    return index - text.lastIndexOf('\n', index - 1);
  }

  private static int firstDifference(String a, String b) {
    int i = 0;
    while (i < b.length() && a.charAt(i) == b.charAt(i)) {
      i++;
    }
    return i;
  }
}
