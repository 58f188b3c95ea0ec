package io.webconnexkit.schemas.generator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Renders {@code docs/schema-reference.md} from the generated schemas. */
final class SchemaReference {

  private SchemaReference() {}

  static String render(Map<String, Map<String, ObjectNode>> byProfile) {
    Map<String, ObjectNode> strict = byProfile.get("strict");
    Map<String, ObjectNode> lenient = byProfile.get("lenient");
    ObjectNode strictDefs = (ObjectNode) strict.get(SchemaGenerator.DEFINITIONS).get("$defs");
    ObjectNode lenientDefs = (ObjectNode) lenient.get(SchemaGenerator.DEFINITIONS).get("$defs");

    StringBuilder md = new StringBuilder();
    md.append("# Schema reference\n\n")
        .append("<!-- Generated from schemas/src/contract by schemas-generator. Do not edit: run\n")
        .append("     ").append(SchemaGenerator.REGENERATE_COMMAND).append(" -->\n\n")
        .append("One section per event schema, then the shared definitions. *Strict* and *lenient* say\n")
        .append("whether each profile requires the field; see [profiles](profiles.md) for the rule.\n")
        .append("Schemas are published under `")
        .append(SchemaGenerator.ID_BASE)
        .append("{lenient,strict}/` and load from the\n")
        .append("classpath folder `")
        .append(SchemaGenerator.RESOURCE_ROOT)
        .append("` of `webconnex-schemas`.\n\n");

    List<String> files = new ArrayList<>(strict.keySet());
    files.remove(SchemaGenerator.DEFINITIONS);
    for (String file : files) {
      ObjectNode schema = strict.get(file);
      ObjectNode lenientSchema = lenient.get(file);
      md.append("## ").append(schema.path("title").asText()).append(" (`").append(file).append("`)\n\n");
      md.append("Event type: ").append(eventTypes(schema)).append(".\n\n");
      md.append(schema.path("description").asText()).append("\n\n");
      table(md);
      rows(md, "", schema, lenientSchema, strictDefs);
      md.append('\n');
    }
    md.append("## Shared definitions (`defs.json`)\n\n");
    strictDefs.fields()
        .forEachRemaining(
            def -> {
              md.append("### ").append(def.getKey()).append("\n\n");
              md.append(def.getValue().path("description").asText()).append("\n\n");
              if (def.getValue().has("properties")) {
                table(md);
                rows(md, "", def.getValue(), lenientDefs.get(def.getKey()), strictDefs);
                md.append('\n');
              } else {
                md.append("Type: ").append(type(def.getValue(), strictDefs)).append(".\n\n");
              }
            });
    return md.toString();
  }

  private static String eventTypes(JsonNode schema) {
    JsonNode eventType = schema.path("properties").path("eventType");
    if (eventType.has("const")) {
      return "`" + eventType.get("const").asText() + "`";
    }
    if (eventType.has("enum")) {
      List<String> names = new ArrayList<>();
      eventType.get("enum").forEach(n -> names.add("`" + n.asText() + "`"));
      return String.join(", ", names);
    }
    return "any event type without a schema of its own";
  }

  private static void table(StringBuilder md) {
    md.append("| Field | Type | Strict | Lenient | Description |\n");
    md.append("|---|---|---|---|---|\n");
  }

  /** Lists an object's properties; inline objects (such as {@code data}) are expanded in place. */
  private static void rows(StringBuilder md, String prefix, JsonNode strictNode, JsonNode lenientNode, ObjectNode defs) {
    JsonNode properties = strictNode.path("properties");
    properties
        .fields()
        .forEachRemaining(
            p -> {
              String path = prefix + p.getKey();
              JsonNode property = p.getValue();
              md.append("| `").append(path).append("` | ")
                  .append(type(property, defs)).append(" | ")
                  .append(contains(strictNode.path("required"), p.getKey()) ? "required" : "optional").append(" | ")
                  .append(contains(lenientNode.path("required"), p.getKey()) ? "required" : "optional").append(" | ")
                  .append(description(property, defs).replace("|", "\\|")).append(" |\n");
              if (property.has("properties")) {
                rows(md, path + ".", property, lenientNode.path("properties").path(p.getKey()), defs);
              }
            });
  }

  private static boolean contains(JsonNode array, String name) {
    for (JsonNode n : array) {
      if (n.asText().equals(name)) {
        return true;
      }
    }
    return false;
  }

  private static String description(JsonNode property, ObjectNode defs) {
    if (property.has(Profiles.OBSERVED_KEYWORD)) {
      String own = property.has("description") ? property.get("description").asText() : "";
      return (own.isEmpty() ? "" : own + " ") + "**Observed, not documented:** "
          + property.get(Profiles.OBSERVED_KEYWORD).asText();
    }
    if (property.has("description")) {
      return property.get("description").asText();
    }
    JsonNode target = resolve(property, defs);
    return target == null ? "" : target.path("description").asText();
  }

  private static JsonNode resolve(JsonNode node, ObjectNode defs) {
    if (!node.has("$ref")) {
      return null;
    }
    String ref = node.get("$ref").asText();
    return defs.get(ref.substring(ref.lastIndexOf('/') + 1));
  }

  static String type(JsonNode node, ObjectNode defs) {
    if (node.has("const")) {
      return "`\"" + node.get("const").asText() + "\"`";
    }
    if (node.has("enum")) {
      List<String> values = new ArrayList<>();
      node.get("enum").forEach(v -> values.add("`" + v + "`"));
      return "one of " + String.join(", ", values);
    }
    if (node.has("$ref")) {
      String ref = node.get("$ref").asText();
      String name = ref.substring(ref.lastIndexOf('/') + 1);
      JsonNode target = defs.get(name);
      if (target != null && (target.has("properties") || target.path("type").asText().equals("array"))) {
        return "[" + name + "](#" + name.toLowerCase(Locale.ROOT) + ")";
      }
      return target == null ? name : type(target, defs);
    }
    String type;
    JsonNode t = node.path("type");
    if (t.isArray()) {
      List<String> names = new ArrayList<>();
      t.forEach(n -> names.add(n.asText()));
      type = String.join(" or ", names);
    } else {
      type = t.asText("any");
    }
    if (type.equals("array") && node.has("items")) {
      type = "array of " + type(node.get("items"), defs);
    }
    if (node.has("format")) {
      type += " (" + node.get("format").asText() + ")";
    }
    if (node.has("pattern")) {
      type += ", pattern `" + node.get("pattern").asText() + "`";
    }
    return type;
  }
}
