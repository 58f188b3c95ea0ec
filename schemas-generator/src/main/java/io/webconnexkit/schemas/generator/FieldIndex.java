package io.webconnexkit.schemas.generator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The field index ({@code webconnex/schemas/v1/fields.json}): for each event type, every field its
 * contract describes, as a JSON Pointer with {@code *} for array positions, with the JSON types the
 * contract allows, its format, where the contract describes it, and, for an observed field, the
 * evidence. It lets a tool compare traffic with the contract field by field (the validator's drift
 * report) without walking schemas and their {@code $ref}s at run time.
 *
 * <p>Fields that exist only in one branch of an {@code allOf}/{@code then} (the shapes of a form
 * field's value by its {@code type}) are marked {@code "conditional": true}: their absence from a
 * payload says nothing.
 */
final class FieldIndex {

  static final String FILE = "fields.json";

  private final Map<String, ObjectNode> sources;
  private final String contractDir;

  private FieldIndex(Map<String, ObjectNode> sources, String contractDir) {
    this.sources = sources;
    this.contractDir = contractDir;
  }

  /**
   * The index of every event type.
   *
   * @param sources the contract files by name
   * @param eventFiles each event type and its contract file
   * @param contractDir the contract directory, for messages
   */
  static ObjectNode of(Map<String, ObjectNode> sources, Map<String, String> eventFiles, String contractDir) {
    FieldIndex index = new FieldIndex(sources, contractDir);
    ObjectNode root = Json.MAPPER.createObjectNode();
    root.put("description", "Every field each event contract describes: JSON Pointers with * for array positions,"
        + " the JSON types allowed, the format, where the contract describes it, and the evidence of an observed field.");
    ObjectNode events = root.putObject("events");
    Map<String, ArrayNode> byFile = new LinkedHashMap<>();
    eventFiles.forEach((eventType, file) -> events.set(eventType,
        byFile.computeIfAbsent(file, f -> index.fields(f)).deepCopy()));
    return root;
  }

  private ArrayNode fields(String file) {
    Map<String, Entry> entries = new LinkedHashMap<>();
    walk(sources.get(file), "", file, "#", false, null, entries, 0);
    ArrayNode array = Json.MAPPER.createArrayNode();
    for (Entry entry : entries.values()) {
      if (entry.pointer.isEmpty()) {
        continue;
      }
      ObjectNode field = array.addObject();
      field.put("pointer", entry.pointer);
      ArrayNode types = field.putArray("types");
      entry.types.forEach(types::add);
      if (entry.format != null) {
        field.put("format", entry.format);
      }
      if (entry.conditional) {
        field.put("conditional", true);
      }
      field.put("documentedIn", entry.documentedIn);
      if (entry.observed != null) {
        field.put("observed", entry.observed);
      }
    }
    return array;
  }

  private static final class Entry {
    final String pointer;
    final Set<String> types = new LinkedHashSet<>();
    final String documentedIn;
    String format;
    boolean conditional;
    String observed;

    Entry(String pointer, String documentedIn, boolean conditional) {
      this.pointer = pointer;
      this.documentedIn = documentedIn;
      this.conditional = conditional;
    }
  }

  private void walk(JsonNode node, String pointer, String file, String location, boolean conditional,
      String observed, Map<String, Entry> entries, int depth) {
    if (depth > 64 || !node.isObject()) {
      return;
    }
    String evidence = observedOf(node, file, location);
    String own = evidence != null ? evidence : observed;
    if (node.has("$ref")) {
      String ref = node.get("$ref").asText();
      int hash = ref.indexOf('#');
      String targetFile = hash <= 0 ? file : ref.substring(0, hash);
      String fragment = hash < 0 ? "" : ref.substring(hash + 1);
      JsonNode target = sources.get(targetFile);
      if (target == null) {
        throw new ContractException(where(file) + ": " + location + " refers to " + Text.printable(ref)
            + ", but there is no contract file " + Text.printable(targetFile));
      }
      JsonNode resolved = fragment.isEmpty() ? target : target.at(fragment);
      if (resolved.isMissingNode()) {
        throw new ContractException(where(file) + ": " + location + " refers to " + Text.printable(ref)
            + ", which does not exist");
      }
      walk(resolved, pointer, targetFile, "#" + fragment, conditional, own, entries, depth + 1);
      return;
    }
    Entry entry = entries.get(pointer);
    if (entry == null) {
      entry = new Entry(pointer, file + location, conditional);
      entries.put(pointer, entry);
    } else {
      entry.conditional &= conditional;
    }
    if (own != null && entry.observed == null) {
      entry.observed = own;
    }
    types(node, entry.types);
    if (node.has("format") && entry.format == null) {
      entry.format = node.get("format").asText();
    }
    JsonNode properties = node.path("properties");
    for (Map.Entry<String, JsonNode> p : (Iterable<Map.Entry<String, JsonNode>>) properties::fields) {
      String name = p.getKey().replace("~", "~0").replace("/", "~1");
      walk(p.getValue(), pointer + "/" + name, file, location + "/properties/" + name, conditional, null,
          entries, depth + 1);
    }
    if (node.has("items")) {
      walk(node.get("items"), pointer + "/*", file, location + "/items", conditional, null, entries, depth + 1);
    }
    JsonNode allOf = node.path("allOf");
    for (int i = 0; i < allOf.size(); i++) {
      JsonNode part = allOf.get(i);
      if (part.has("then")) {
        walk(part.get("then"), pointer, file, location + "/allOf/" + i + "/then", true, null, entries, depth + 1);
      } else {
        walk(part, pointer, file, location + "/allOf/" + i, conditional, null, entries, depth + 1);
      }
    }
  }

  private String observedOf(JsonNode node, String file, String location) {
    JsonNode evidence = node.get(Profiles.OBSERVED);
    if (evidence == null) {
      return null;
    }
    if (!evidence.isTextual() || evidence.asText().isBlank()) {
      throw new ContractException(where(file) + ": " + location + " has \"" + Profiles.OBSERVED
          + "\" that is not a non-empty string: its value is the evidence (where the field was seen)");
    }
    return evidence.asText();
  }

  private String where(String file) {
    return Text.printable(contractDir + "/" + file);
  }

  private static void types(JsonNode node, Set<String> types) {
    JsonNode type = node.get("type");
    if (type != null && type.isTextual()) {
      types.add(type.asText());
    } else if (type != null && type.isArray()) {
      type.forEach(t -> types.add(t.asText()));
    } else if (node.has("const")) {
      types.add(jsonType(node.get("const")));
    } else if (node.has("enum")) {
      List<String> seen = new ArrayList<>();
      node.get("enum").forEach(v -> seen.add(jsonType(v)));
      types.addAll(seen);
    }
  }

  private static String jsonType(JsonNode value) {
    return switch (value.getNodeType()) {
      case STRING -> "string";
      case NUMBER -> value.isIntegralNumber() ? "integer" : "number";
      case BOOLEAN -> "boolean";
      case ARRAY -> "array";
      case OBJECT -> "object";
      default -> "null";
    };
  }
}
