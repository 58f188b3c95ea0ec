package io.webconnexkit.validator.generator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Compiles the kit's schemas of one profile into one Java class of plain checks.
 *
 * <p>The generated {@code accepts(eventType, root)} answers one question: is this parsed payload
 * certainly valid, with no problem of any level, under the schema the interpreting validator
 * would use? {@code true} must never be wrong; {@code false} only means "ask networknt", so checks
 * whose exact rule belongs to networknt ({@code format}, {@code integer} for {@code 1.0},
 * {@code pattern} around line terminators) answer conservatively. An {@code if} decides which
 * checks run, so it must be exact: the generator refuses a schema whose {@code if} is not.
 * Keywords it does not know also stop generation, so a new keyword in the schemas fails the build
 * instead of being skipped.
 *
 * <p>Output is deterministic: the same schemas give the same bytes.
 */
public final class ValidatorGenerator {

  /** Keywords that never change a verdict. */
  private static final Set<String> ANNOTATIONS = Set.of(
      "$schema", "$id", "$defs", "$comment", "title", "description", "examples", "default", "deprecated",
      "readOnly", "writeOnly");

  private static final Set<String> CHECKS = Set.of(
      "type", "required", "additionalProperties", "properties", "items", "$ref", "const", "enum", "format",
      "pattern", "minLength", "allOf", "anyOf", "if", "then", "else", "webconnexLegacyTimestamp", "webconnexObserved");

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final Path profileDir;
  private final String profile;
  private final String packageName;
  private final String className;
  private final JsonNode index;
  private final Map<String, JsonNode> files = new TreeMap<>();

  private final Map<String, String> methodNames = new HashMap<>();
  private final Set<String> usedNames = new HashSet<>();
  private final ArrayDeque<String> pending = new ArrayDeque<>();
  private final Map<String, String> patterns = new LinkedHashMap<>();
  private final Map<String, List<String>> enums = new LinkedHashMap<>();
  private final Map<String, Boolean> exactness = new HashMap<>();

  /**
   * @param schemasDir the folder holding {@code index.json} and one folder per profile
   * @param profile {@code lenient} or {@code strict}
   * @param packageName the package of the generated class
   * @param className the simple name of the generated class
   */
  public ValidatorGenerator(Path schemasDir, String profile, String packageName, String className) {
    this.profileDir = schemasDir.resolve(profile);
    this.profile = profile;
    this.packageName = packageName;
    this.className = className;
    this.index = read(schemasDir.resolve("index.json"));
    try (Stream<Path> list = Files.list(profileDir)) {
      list.filter(p -> p.getFileName().toString().endsWith(".json"))
          .forEach(p -> files.put(p.getFileName().toString(), read(p)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Arguments: {@code --schemas=DIR} (index.json and the profile folders), {@code --out=DIR} (a
   * source root), {@code --package=NAME}.
   *
   * @param args the arguments
   * @throws IOException when the output cannot be written
   */
  public static void main(String[] args) throws IOException {
    Map<String, String> options = new HashMap<>();
    for (String arg : args) {
      int eq = arg.indexOf('=');
      if (!arg.startsWith("--") || eq < 0) {
        throw new IllegalArgumentException("expected --name=value, got " + arg);
      }
      options.put(arg.substring(2, eq), arg.substring(eq + 1));
    }
    Path schemas = Path.of(required(options, "schemas"));
    Path out = Path.of(required(options, "out"));
    String pkg = required(options, "package");
    Path dir = out.resolve(pkg.replace('.', '/'));
    Files.createDirectories(dir);
    for (String profile : List.of("lenient", "strict")) {
      String name = Character.toUpperCase(profile.charAt(0)) + profile.substring(1) + "CompiledSchema";
      String source = new ValidatorGenerator(schemas, profile, pkg, name).generate();
      Path file = dir.resolve(name + ".java");
      byte[] bytes = source.getBytes(StandardCharsets.UTF_8);
      // Same bytes, same file: an unchanged source keeps its timestamp, so the compiler has nothing new to do.
      if (!Files.exists(file) || !java.util.Arrays.equals(Files.readAllBytes(file), bytes)) {
        Files.write(file, bytes);
      }
    }
  }

  private static String required(Map<String, String> options, String name) {
    String value = options.get(name);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("missing --" + name + "=...");
    }
    return value;
  }

  private static JsonNode read(Path file) {
    try {
      return MAPPER.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /** @return the Java source of the class */
  public String generate() {
    Map<String, String> roots = new LinkedHashMap<>();
    roots.put(null, key(index.get("envelope").asText(), ""));
    index.get("events").fields().forEachRemaining(e -> roots.put(e.getKey(), key(e.getValue().asText(), "")));
    Map<String, String> dispatch = new LinkedHashMap<>();
    roots.forEach((event, k) -> dispatch.put(event, methodFor(k)));
    StringBuilder methods = new StringBuilder();
    Set<String> done = new HashSet<>();
    while (!pending.isEmpty()) {
      String k = pending.poll();
      if (done.add(k)) {
        methods.append(method(k));
      }
    }

    StringBuilder out = new StringBuilder();
    out.append("// Generated by webconnex-validator-generator (io.webconnexkit.validator.generator.ValidatorGenerator)\n");
    out.append("// from the ").append(profile).append(" schemas of webconnex-schemas: webconnex/schemas/v1/")
        .append(profile).append("/*.json and index.json,\n");
    out.append("// sha-256 ").append(digest()).append(".\n");
    out.append("// Build output: do not edit. Change the schemas or the generator instead.\n");
    out.append("package ").append(packageName).append(";\n\n");
    out.append("import com.fasterxml.jackson.databind.JsonNode;\n");
    out.append("import java.util.Iterator;\n");
    out.append("import java.util.Set;\n");
    out.append("import java.util.regex.Pattern;\n\n");
    out.append("/** The ").append(profile).append(" schemas as plain checks: true only for a payload with no problem at all. Not API. */\n");
    out.append("final class ").append(className).append(" {\n\n");
    for (Map.Entry<String, String> p : patterns.entrySet()) {
      out.append("  private static final Pattern ").append(p.getValue()).append(" = Pattern.compile(")
          .append(literal(p.getKey())).append(");\n");
    }
    for (Map.Entry<String, List<String>> e : enums.entrySet()) {
      out.append("  private static final Set<String> ").append(e.getKey()).append(" = Set.of(");
      List<String> values = new ArrayList<>();
      e.getValue().forEach(v -> values.add(literal(v)));
      out.append(String.join(", ", values)).append(");\n");
    }
    out.append("\n  private ").append(className).append("() {}\n\n");
    out.append("  /** True when the payload certainly has no problem under the schema of this event type (null: the envelope). */\n");
    out.append("  static boolean accepts(String eventType, JsonNode n) {\n");
    out.append("    if (eventType == null) {\n      return ").append(dispatch.get(null)).append("(n);\n    }\n");
    out.append("    switch (eventType) {\n");
    dispatch.forEach((event, method) -> {
      if (event != null) {
        out.append("      case ").append(literal(event)).append(":\n        return ").append(method).append("(n);\n");
      }
    });
    out.append("      default:\n        // Unknown to the kit: the interpreting validator reports it, so this path never accepts it.\n");
    out.append("        return false;\n    }\n  }\n");
    out.append(methods);
    out.append("}\n");
    return out.toString();
  }

  private String digest() {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(MAPPER.writeValueAsBytes(index));
      for (Map.Entry<String, JsonNode> f : files.entrySet()) {
        sha.update(f.getKey().getBytes(StandardCharsets.UTF_8));
        sha.update(MAPPER.writeValueAsBytes(f.getValue()));
      }
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException | IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String key(String file, String pointer) {
    return file + "#" + pointer;
  }

  private JsonNode schemaAt(String key) {
    int hash = key.indexOf('#');
    JsonNode doc = files.get(key.substring(0, hash));
    if (doc == null) {
      throw new IllegalStateException(profile + ": no schema file " + key.substring(0, hash));
    }
    JsonNode node = key.length() == hash + 1 ? doc : doc.at(key.substring(hash + 1));
    if (node.isMissingNode()) {
      throw new IllegalStateException(profile + ": nothing at " + key);
    }
    return node;
  }

  private String methodFor(String key) {
    String name = methodNames.get(key);
    if (name == null) {
      String base = key.replace(".json", "").replace("#", "/").replace("$defs", "")
          .replace("properties", "").replaceAll("[^A-Za-z0-9]+", "_").replaceAll("^_+|_+$", "");
      base = base.replace("_defs_", "_");
      if (base.isEmpty() || !Character.isJavaIdentifierStart(base.charAt(0))) {
        base = "s_" + base;
      }
      name = base;
      for (int i = 2; !usedNames.add(name); i++) {
        name = base + "_" + i;
      }
      methodNames.put(key, name);
      pending.add(key);
    }
    return name;
  }

  private String resolve(String fromKey, String ref) {
    String file = fromKey.substring(0, fromKey.indexOf('#'));
    JsonNode doc = files.get(file);
    URI base = URI.create(doc.path("$id").asText("https://invalid/" + profile + "/" + file));
    URI target = base.resolve(ref);
    String path = target.getPath();
    String targetFile = path.substring(path.lastIndexOf('/') + 1);
    String fragment = target.getFragment() == null ? "" : target.getFragment();
    String expectedPrefix = base.resolve(".").toString();
    if (!target.toString().startsWith(expectedPrefix)) {
      throw new IllegalStateException(profile + ": $ref " + ref + " in " + fromKey + " leaves the profile's schemas");
    }
    return key(targetFile, fragment);
  }

  private String sub(String key, String... tokens) {
    StringBuilder pointer = new StringBuilder(key.substring(key.indexOf('#') + 1));
    for (String t : tokens) {
      pointer.append('/').append(t.replace("~", "~0").replace("/", "~1"));
    }
    return key(key.substring(0, key.indexOf('#')), pointer.toString());
  }

  /** Whether the generated check answers exactly as networknt does, not just conservatively. */
  private boolean exact(String key) {
    Boolean known = exactness.get(key);
    if (known != null) {
      return known;
    }
    exactness.put(key, true); // a cycle adds nothing inexact of its own
    JsonNode s = schemaAt(key);
    boolean result = true;
    if (s.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = s.fields(); it.hasNext() && result; ) {
        Map.Entry<String, JsonNode> e = it.next();
        JsonNode v = e.getValue();
        switch (e.getKey()) {
          case "format", "pattern", "minLength", "webconnexLegacyTimestamp", "webconnexObserved" -> result = false;
          case "type" -> result = !v.toString().contains("integer");
          case "$ref" -> result = exact(resolve(key, v.asText()));
          case "items", "if", "then", "else" -> result = exact(sub(key, e.getKey()));
          case "properties" -> {
            for (Iterator<String> names = v.fieldNames(); names.hasNext() && result; ) {
              result = exact(sub(key, "properties", names.next()));
            }
          }
          case "allOf", "anyOf" -> {
            for (int i = 0; i < v.size() && result; i++) {
              result = exact(sub(key, e.getKey(), String.valueOf(i)));
            }
          }
          default -> { }
        }
      }
    }
    exactness.put(key, result);
    return result;
  }

  private String method(String key) {
    JsonNode s = schemaAt(key);
    String name = methodNames.get(key);
    StringBuilder b = new StringBuilder();
    b.append("\n  // ").append(key.replaceAll("[^A-Za-z0-9_.#/$-]", "?")).append("\n");
    b.append("  private static boolean ").append(name).append("(JsonNode n) {\n");
    if (s.isBoolean()) {
      b.append("    return ").append(s.booleanValue()).append(";\n  }\n");
      return b.toString();
    }
    if (!s.isObject()) {
      throw new IllegalStateException(profile + ": " + key + " is not a schema");
    }
    for (Iterator<String> it = s.fieldNames(); it.hasNext(); ) {
      String k = it.next();
      if (!ANNOTATIONS.contains(k) && !CHECKS.contains(k)) {
        throw new IllegalStateException(profile + ": " + key + " uses keyword \"" + k
            + "\", which the validator generator does not compile; teach it, or keep the keyword out of the schemas");
      }
    }
    if (s.has("webconnexObserved")) {
      // An observed field, present: the strict report warns about it, and the interpreting path writes that warning.
      b.append("    return false;\n  }\n");
      return b.toString();
    }
    if (s.has("type")) {
      List<String> tests = new ArrayList<>();
      JsonNode type = s.get("type");
      if (type.isArray()) {
        type.forEach(t -> tests.add(typeTest(key, t.asText())));
      } else {
        tests.add(typeTest(key, type.asText()));
      }
      b.append("    if (!(").append(String.join(" || ", tests)).append(")) {\n      return false;\n    }\n");
    }
    if (s.has("const")) {
      JsonNode c = s.get("const");
      if (!c.isTextual()) {
        throw new IllegalStateException(profile + ": " + key + ": only string constants are compiled");
      }
      b.append("    if (!(n.isTextual() && ").append(literal(c.textValue())).append(".equals(n.textValue()))) {\n")
          .append("      return false;\n    }\n");
    }
    if (s.has("enum")) {
      List<String> values = new ArrayList<>();
      for (JsonNode v : s.get("enum")) {
        if (!v.isTextual()) {
          throw new IllegalStateException(profile + ": " + key + ": only string enums are compiled");
        }
        values.add(v.textValue());
      }
      String field = "ENUM_" + (enums.size() + 1);
      enums.put(field, values);
      b.append("    if (!(n.isTextual() && ").append(field).append(".contains(n.textValue()))) {\n")
          .append("      return false;\n    }\n");
    }
    boolean stringChecks = s.has("pattern") || s.has("minLength") || s.has("format")
        || s.path("webconnexLegacyTimestamp").asBoolean(false);
    if (stringChecks) {
      b.append("    if (n.isTextual()) {\n      String text = n.textValue();\n");
      if (s.has("minLength")) {
        b.append("      if (text.codePointCount(0, text.length()) < ").append(s.get("minLength").asInt()).append(") {\n")
            .append("        return false;\n      }\n");
      }
      if (s.has("pattern")) {
        String field = patterns.computeIfAbsent(s.get("pattern").asText(), p -> "PATTERN_" + (patterns.size() + 1));
        b.append("      if (!CompiledChecks.matches(").append(field).append(", text)) {\n        return false;\n      }\n");
      }
      if (s.has("format")) {
        String format = s.get("format").asText();
        if (!format.equals("date-time")) {
          throw new IllegalStateException(profile + ": " + key + ": format " + format + " is not compiled");
        }
        b.append("      if (!CompiledChecks.isDateTime(text)) {\n        return false;\n      }\n");
      }
      if (s.path("webconnexLegacyTimestamp").asBoolean(false)) {
        b.append("      if (CompiledChecks.isLegacyTimestamp(text)) {\n")
            .append("        return false; // a warning in the report: the interpreting path writes it\n      }\n");
      }
      b.append("    }\n");
    }
    boolean objectChecks = s.has("required") || s.has("properties") || s.has("additionalProperties");
    boolean objectOnly = s.path("type").isTextual() && s.get("type").asText().equals("object");
    if (objectChecks) {
      b.append(objectOnly ? "    {\n" : "    if (n.isObject()) {\n");
      for (JsonNode r : s.path("required")) {
        b.append("      if (!n.has(").append(literal(r.asText())).append(")) {\n        return false;\n      }\n");
      }
      if (s.has("properties")) {
        b.append("      JsonNode v;\n");
        for (Iterator<String> it = s.get("properties").fieldNames(); it.hasNext(); ) {
          String p = it.next();
          b.append("      v = n.get(").append(literal(p)).append(");\n");
          b.append("      if (v != null && !").append(test(sub(key, "properties", p), "v")).append(") {\n")
              .append("        return false;\n      }\n");
        }
      }
      if (s.has("additionalProperties")) {
        JsonNode ap = s.get("additionalProperties");
        if (!ap.isBoolean()) {
          throw new IllegalStateException(profile + ": " + key + ": only boolean additionalProperties is compiled");
        }
        if (!ap.booleanValue()) {
          List<String> names = new ArrayList<>();
          s.path("properties").fieldNames().forEachRemaining(p -> names.add(literal(p)));
          b.append("      for (Iterator<String> names = n.fieldNames(); names.hasNext(); ) {\n");
          if (names.isEmpty()) {
            b.append("        names.next();\n        return false;\n");
          } else {
            b.append("        switch (names.next()) {\n          case ").append(String.join(", ", names))
                .append(":\n            break;\n          default:\n            return false;\n        }\n");
          }
          b.append("      }\n");
        }
      }
      b.append("    }\n");
    }
    if (s.has("items")) {
      b.append("    if (n.isArray()) {\n      for (JsonNode item : n) {\n        if (!")
          .append(test(sub(key, "items"), "item")).append(") {\n          return false;\n        }\n      }\n    }\n");
    }
    if (s.has("$ref")) {
      b.append("    if (!").append(methodFor(resolve(key, s.get("$ref").asText()))).append("(n)) {\n      return false;\n    }\n");
    }
    if (s.has("allOf")) {
      for (int i = 0; i < s.get("allOf").size(); i++) {
        b.append("    if (!").append(test(sub(key, "allOf", String.valueOf(i)), "n")).append(") {\n      return false;\n    }\n");
      }
    }
    if (s.has("anyOf")) {
      List<String> calls = new ArrayList<>();
      for (int i = 0; i < s.get("anyOf").size(); i++) {
        calls.add(methodFor(sub(key, "anyOf", String.valueOf(i))) + "(n)");
      }
      b.append("    if (!(").append(String.join(" || ", calls)).append(")) {\n      return false;\n    }\n");
    }
    if (s.has("if")) {
      String condition = sub(key, "if");
      if (!exact(condition)) {
        throw new IllegalStateException(profile + ": " + key + "/if is not compiled exactly (it uses format, pattern,"
            + " minLength or integer), so which branch applies could differ from networknt");
      }
      String ifCall = methodFor(condition) + "(n)";
      if (s.has("then")) {
        b.append("    if (").append(ifCall).append(" && !").append(methodFor(sub(key, "then")))
            .append("(n)) {\n      return false;\n    }\n");
      }
      if (s.has("else")) {
        b.append("    if (!").append(ifCall).append(" && !").append(methodFor(sub(key, "else")))
            .append("(n)) {\n      return false;\n    }\n");
      }
    }
    b.append("    return true;\n  }\n");
    return b.toString();
  }

  /**
   * The check of the schema at {@code key} on the variable {@code var}, as one expression: inline
   * when the schema is a bare {@code type} or a bare {@code $ref} (annotations aside), else a call.
   */
  private String test(String key, String var) {
    JsonNode s = schemaAt(key);
    List<String> checks = new ArrayList<>();
    if (s.isObject()) {
      s.fieldNames().forEachRemaining(k -> {
        if (!ANNOTATIONS.contains(k)) {
          checks.add(k);
        }
      });
    }
    if (checks.equals(List.of("type")) && s.get("type").isTextual()) {
      return typeTest(key, s.get("type").asText(), var);
    }
    if (checks.equals(List.of("$ref"))) {
      return test(resolve(key, s.get("$ref").asText()), var);
    }
    return methodFor(key) + "(" + var + ")";
  }

  private String typeTest(String key, String type) {
    return typeTest(key, type, "n");
  }

  private String typeTest(String key, String type, String n) {
    return switch (type) {
      case "object" -> n + ".isObject()";
      case "array" -> n + ".isArray()";
      case "string" -> n + ".isTextual()";
      case "boolean" -> n + ".isBoolean()";
      case "null" -> n + ".isNull()";
      case "number" -> n + ".isNumber()";
      // 1.0 is an integer to JSON Schema; the tree holds it as a decimal, so it goes to networknt.
      case "integer" -> n + ".isIntegralNumber()";
      default -> throw new IllegalStateException(profile + ": " + key + ": unknown type " + type);
    };
  }

  /** A Java string literal: ASCII only, everything else escaped. */
  static String literal(String text) {
    StringBuilder b = new StringBuilder("\"");
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        default -> {
          if (c < 0x20) {
            // Octal, not a Unicode escape: javac turns a Unicode escape of a line break into a real one.
            b.append(String.format("\\%03o", (int) c));
          } else if (c > 0x7e) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }
}
