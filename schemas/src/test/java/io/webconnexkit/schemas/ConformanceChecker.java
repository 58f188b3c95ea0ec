package io.webconnexkit.schemas;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares the documented tables with a set of schemas and lists every disagreement that is not a
 * recorded decision of docs/documentation-discrepancies.md.
 */
final class ConformanceChecker {

  /** Which schema files an event section of either text describes. */
  static final Map<String, List<String>> SECTION_FILES =
      Map.ofEntries(
          Map.entry("Registration Notification", List.of("registration.json")),
          Map.entry("Registration", List.of("registration.json")),
          Map.entry("Form Publish Notification", List.of("publish.json")),
          Map.entry("Form Publish", List.of("publish.json")),
          Map.entry("Subscription / Reoccurring Notification", List.of("subscription.json")),
          Map.entry("Subscription", List.of("subscription.json")),
          Map.entry("Reoccurring SMS Donation Notification (Beta)", List.of("sms.json")),
          Map.entry("Inventory Notification", List.of("inventory.json")),
          Map.entry("Inventory", List.of("inventory.json")),
          Map.entry("Coupons Notification", List.of("coupon.json")),
          Map.entry("Coupons", List.of("coupon.json")),
          Map.entry("Edit/Cancel Registrant Notification", List.of("edit-registrant.json", "cancel-registrant.json")),
          Map.entry("Edit/Cancel Ticket Notification", List.of("edit-ticket.json", "cancel-ticket.json")),
          Map.entry("Test", List.of("test.json")));

  /** Where in an event schema each object table lives ("[]" steps into array items). */
  static final Map<String, List<String>> TABLE_PATHS =
      Map.of(
          "Payload", List.of(),
          "Data Object", List.of("data"),
          "Meta Object", List.of("meta"),
          "Subscription Object", List.of("data", "subscription"),
          "Inventory Object", List.of("data", "inventory"),
          "Codes Object", List.of("data", "codes", "[]"),
          "Discounts Object", List.of("data", "discounts", "[]"));

  /**
   * Type disagreements that are decisions, keyed "file:path", valued with the decision's id in
   * docs/documentation-discrepancies.md.
   */
  static final Map<String, String> TYPE_DECISIONS =
      Map.of(
          "coupon.json:data.formId", "D-COUPON-FORMID",
          "coupon.json:data.codes", "D-OBJECT-ARRAYS",
          "registration.json:data.registrants", "D-OBJECT-ARRAYS",
          "registration.json:data.tickets", "D-OBJECT-ARRAYS",
          "edit-registrant.json:data.data", "D-OBJECT-ARRAYS",
          "cancel-registrant.json:data.data", "D-OBJECT-ARRAYS",
          "edit-ticket.json:data.data", "D-OBJECT-ARRAYS",
          "cancel-ticket.json:data.data", "D-OBJECT-ARRAYS");

  private final Map<String, JsonNode> lenient;
  private final Map<String, JsonNode> strict;

  ConformanceChecker(Map<String, JsonNode> lenient, Map<String, JsonNode> strict) {
    this.lenient = lenient;
    this.strict = strict;
  }

  /** A node of a schema file, with the file it was found in (for relative references). */
  record Located(String file, JsonNode node) {}

  List<String> check(List<DocumentationTables.Row> rows) {
    List<String> findings = new ArrayList<>();
    // Group rows by schema location so that the two texts are judged together.
    Map<String, List<DocumentationTables.Row>> byField = new LinkedHashMap<>();
    Map<String, Set<String>> textsByTable = new LinkedHashMap<>();
    for (DocumentationTables.Row row : rows) {
      List<String> files = SECTION_FILES.get(row.section());
      List<String> tablePath = TABLE_PATHS.get(row.table());
      if (files == null || tablePath == null) {
        findings.add("no schema mapping for documented table " + row.where());
        continue;
      }
      for (String file : files) {
        String tableKey = file + ":" + String.join(".", tablePath);
        textsByTable.computeIfAbsent(tableKey, k -> new TreeSet<>()).add(row.text());
        byField.computeIfAbsent(tableKey + "|" + row.parameter(), k -> new ArrayList<>()).add(row);
      }
    }
    for (Map.Entry<String, List<DocumentationTables.Row>> entry : byField.entrySet()) {
      String tableKey = entry.getKey().substring(0, entry.getKey().indexOf('|'));
      String parameter = entry.getKey().substring(entry.getKey().indexOf('|') + 1);
      String file = tableKey.substring(0, tableKey.indexOf(':'));
      String objectPath = tableKey.substring(tableKey.indexOf(':') + 1);
      List<String> steps = objectPath.isEmpty() ? List.of() : List.of(objectPath.split("\\."));
      String fieldPath = (objectPath.isEmpty() ? "" : objectPath + ".") + parameter;
      fieldPath = fieldPath.replace(".[].", "[].");
      String name = file + ": " + fieldPath;
      List<DocumentationTables.Row> documented = entry.getValue();

      Located object = navigate(lenient, file, steps);
      Located strictObject = navigate(strict, file, steps);
      if (object == null || strictObject == null) {
        findings.add(name + " is documented (" + documented.get(0).where() + ") but its object is missing from the schema");
        continue;
      }
      JsonNode property = object.node().path("properties").get(parameter);
      if (property == null) {
        findings.add(name + " is documented (" + documented.get(0).where() + ", " + documented.get(0).type()
            + ") but missing from the schema");
        continue;
      }
      Located resolved = deref(lenient, new Located(object.file(), property));
      checkType(findings, file + ":" + fieldPath, name, documented, resolved);
      checkDescription(findings, name, documented, property, resolved);

      boolean optional = documented.stream().anyMatch(DocumentationTables.Row::optional)
          || documented.size() < textsByTable.get(tableKey).size();
      boolean lenientRequired = contains(object.node().path("required"), parameter);
      boolean strictRequired = contains(strictObject.node().path("required"), parameter);
      if (!optional && !strictRequired) {
        findings.add(name + " is documented as always present in every text but the strict profile does not require it");
      }
      if (optional && strictRequired && !lenientRequired) {
        findings.add(name + " is documented as optional (or in one text only) but the strict profile requires it");
      }
    }
    return findings;
  }

  private void checkType(List<String> findings, String key, String name, List<DocumentationTables.Row> documented,
      Located resolved) {
    Set<String> schemaTypes = types(resolved.node());
    for (DocumentationTables.Row row : documented) {
      String expected = jsonType(row.type());
      if (expected == null) {
        findings.add(name + " has an unknown documented type '" + row.type() + "' (" + row.where() + ")");
        continue;
      }
      boolean compatible = schemaTypes.contains(expected);
      if (compatible && (row.type().equals("timestamp") || row.type().equals("date"))) {
        compatible = acceptsDateTime(resolved.node());
      }
      if (compatible && row.type().equals("[] string")) {
        compatible = types(deref(lenient, new Located(resolved.file(), resolved.node().path("items"))).node()).contains("string");
      }
      if (!compatible && !TYPE_DECISIONS.containsKey(key)) {
        findings.add(name + " is documented as " + row.type() + " (" + row.where() + ") but the schema allows " + schemaTypes
            + (resolved.node().has("format") ? " format " + resolved.node().get("format").asText() : ""));
      }
    }
  }

  private static void checkDescription(List<String> findings, String name, List<DocumentationTables.Row> documented,
      JsonNode property, Located resolved) {
    String description = property.has("description") ? property.get("description").asText()
        : resolved.node().path("description").asText();
    String actual = normalise(description);
    boolean matches = documented.stream().anyMatch(row -> actual.startsWith(normalise(row.description())));
    if (!matches) {
      findings.add(name + " has description '" + description + "' but the documentation says '"
          + documented.get(0).description() + "'");
    }
  }

  /** A timestamp is checked as date-time, directly or (lenient) as the first of its alternatives. */
  private static boolean acceptsDateTime(JsonNode schema) {
    return "date-time".equals(schema.path("format").asText())
        || "date-time".equals(schema.path("anyOf").path(0).path("format").asText());
  }

  static String normalise(String text) {
    String s = text.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
  }

  static String jsonType(String documented) {
    return switch (documented) {
      case "string", "timestamp", "date" -> "string";
      case "integer", "int" -> "integer";
      case "float" -> "number";
      case "bool" -> "boolean";
      case "object" -> "object";
      case "[] string" -> "array";
      default -> null;
    };
  }

  static Set<String> types(JsonNode schema) {
    Set<String> types = new LinkedHashSet<>();
    if (schema.has("const")) {
      types.add(jsonTypeOf(schema.get("const")));
    }
    schema.path("enum").forEach(v -> types.add(jsonTypeOf(v)));
    JsonNode type = schema.path("type");
    if (type.isTextual()) {
      types.add(type.asText());
    }
    type.forEach(t -> types.add(t.asText()));
    return types;
  }

  private static String jsonTypeOf(JsonNode value) {
    if (value.isTextual()) {
      return "string";
    }
    if (value.isIntegralNumber()) {
      return "integer";
    }
    if (value.isNumber()) {
      return "number";
    }
    if (value.isBoolean()) {
      return "boolean";
    }
    return value.isNull() ? "null" : value.isArray() ? "array" : "object";
  }

  static boolean contains(JsonNode array, String name) {
    for (JsonNode n : array) {
      if (n.asText().equals(name)) {
        return true;
      }
    }
    return false;
  }

  /** Follows property names (and "[]" for items) from a schema's root, through references. */
  static Located navigate(Map<String, JsonNode> schemas, String file, List<String> steps) {
    Located at = deref(schemas, new Located(file, schemas.get(file)));
    for (String step : steps) {
      if (at == null || at.node() == null) {
        return null;
      }
      JsonNode next = step.equals("[]") ? at.node().get("items") : at.node().path("properties").get(step);
      if (next == null) {
        return null;
      }
      at = deref(schemas, new Located(at.file(), next));
    }
    return at;
  }

  /** Resolves {@code $ref}s of the forms {@code defs.json#/$defs/x} and {@code #/$defs/x}. */
  static Located deref(Map<String, JsonNode> schemas, Located located) {
    Located at = located;
    for (int hops = 0; at.node() != null && at.node().has("$ref") && hops < 10; hops++) {
      String ref = at.node().get("$ref").asText();
      int hash = ref.indexOf('#');
      String file = hash > 0 ? ref.substring(0, hash) : at.file();
      JsonNode root = schemas.get(file);
      JsonNode target = root == null ? null : root.at(ref.substring(hash + 1));
      at = new Located(file, target == null || target.isMissingNode() ? null : target);
    }
    return at;
  }
}
