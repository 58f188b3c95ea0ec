package io.webconnexkit.schemas.generator;

import io.webconnexkit.schemas.generator.ModelSpec.Component;
import io.webconnexkit.schemas.generator.ModelSpec.FamilySpec;
import io.webconnexkit.schemas.generator.ModelSpec.Kind;
import io.webconnexkit.schemas.generator.ModelSpec.Model;
import io.webconnexkit.schemas.generator.ModelSpec.RecordSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Writes the model as Java source: one file per top-level record and per sealed family, and the
 * index the model's binder reads. Plain text with a fixed layout (two-space indents, {@code \n}
 * line ends, imports sorted), so that the same model always gives the same bytes.
 */
final class ModelSource {

  static final String PACKAGE = "io.webconnexkit.model";
  static final String INTERNAL = PACKAGE + ".internal";
  private static final String FOLDER = PACKAGE.replace('.', '/') + "/";
  private static final int WIDTH = 110;

  private static final String EXTRAS_DOC = "the members of the JSON object that no component holds: fields the contract"
      + " does not document, and documented fields sent as JSON null. They are written back as they came, so that"
      + " writing the record gives the JSON it was read from.";

  private ModelSource() {}

  /** Every file, keyed by its path under the generated sources folder. */
  static Map<String, String> files(Model model) {
    Map<String, String> files = new TreeMap<>();
    for (RecordSpec record : model.records().values()) {
      files.put(FOLDER + record.name + ".java", recordFile(record));
    }
    for (FamilySpec family : model.families()) {
      files.put(FOLDER + family.name() + ".java", familyFile(family));
    }
    files.put(FOLDER + "internal/ModelIndex.java", indexFile(model));
    return files;
  }

  // --- records ---------------------------------------------------------------------------------

  private static String recordFile(RecordSpec record) {
    Set<String> imports = new TreeSet<>();
    collectImports(record, imports);
    StringBuilder out = new StringBuilder();
    header(out, record.source);
    out.append("package ").append(PACKAGE).append(";\n\n");
    imports.forEach(i -> out.append("import ").append(i).append(";\n"));
    out.append('\n');
    record(out, record, "");
    return out.toString();
  }

  private static void collectImports(RecordSpec record, Set<String> imports) {
    imports.add("com.fasterxml.jackson.databind.JsonNode");
    imports.add("java.util.Map");
    imports.add(INTERNAL + ".Copies");
    imports.add(INTERNAL + ".Redaction");
    for (Component component : record.components) {
      component.type().imports(imports);
      if (component.type().kind() == Kind.DECIMAL_STRING) {
        imports.add("com.fasterxml.jackson.annotation.JsonFormat");
      }
    }
    record.nested.forEach(n -> collectImports(n, imports));
  }

  private static void record(StringBuilder out, RecordSpec record, String indent) {
    String simpleName = record.name.substring(record.name.lastIndexOf('.') + 1);
    List<String> doc = new ArrayList<>();
    doc.add(sentence(record.description, simpleName));
    doc.add("");
    StringBuilder about = new StringBuilder("<p>");
    if (record.unknownEvent) {
      about.append("Any event type the contract does not document ({@code ping}, {@code cancel_order}, a near-miss such as"
          + " {@code registrant_edit}), bound to the common envelope; its {@code data} is kept whole. ");
    } else if (!record.eventTypes.isEmpty()) {
      about.append("Event type").append(record.eventTypes.size() > 1 ? "s " : " ")
          .append(record.eventTypes.stream().map(t -> "{@code " + t + "}").collect(Collectors.joining(", ")))
          .append(". ");
    }
    about.append("Generated from {@code ").append(record.source).append("}. A component is null when the payload does not"
        + " carry its field; {@link #extras()} keeps every other member, so nothing the payload carries is lost.");
    doc.add(about.toString());
    doc.add("");
    for (Component component : record.components) {
      doc.add("@param " + component.name() + " " + text(component.description(), component.name()));
    }
    doc.add("@param extras " + EXTRAS_DOC);
    javadoc(out, indent, doc);

    out.append(indent).append("public record ").append(simpleName).append("(\n");
    for (Component component : record.components) {
      out.append(indent).append("    ");
      if (component.type().kind() == Kind.DECIMAL_STRING) {
        out.append("@JsonFormat(shape = JsonFormat.Shape.STRING) ");
      }
      out.append(component.type().source()).append(' ').append(component.name()).append(",\n");
    }
    out.append(indent).append("    Map<String, JsonNode> extras)");
    if (!record.interfaces.isEmpty()) {
      out.append(" implements ").append(String.join(", ", record.interfaces));
    }
    out.append(" {\n\n");

    String body = indent + "  ";
    List<String> constructorDoc = new ArrayList<>();
    constructorDoc.add("Makes the record from its components, taking its own copies of lists and JSON values so that it never"
        + " changes.");
    constructorDoc.add("");
    for (Component component : record.components) {
      constructorDoc.add("@param " + component.name() + " the {@code " + component.name() + "} field, or null");
    }
    constructorDoc.add("@param extras the members no component holds, or null for none");
    javadoc(out, body, constructorDoc);
    out.append(body).append("public ").append(simpleName).append(" {\n");
    for (Component component : record.components) {
      String copy = copier(component);
      if (copy != null) {
        out.append(body).append("  ").append(component.name()).append(" = ").append(copy).append("(")
            .append(component.name()).append(");\n");
      }
    }
    out.append(body).append("  extras = Copies.extras(extras);\n");
    out.append(body).append("}\n");

    for (Component component : record.components) {
      if (component.type().isJson()) {
        out.append('\n');
        javadoc(out, body, List.of("@return " + text(component.description(), component.name())
            + " (a copy: changing it changes nothing here)"));
        out.append(body).append("@Override\n");
        out.append(body).append("public ").append(component.type().source()).append(' ').append(component.name())
            .append("() {\n");
        out.append(body).append("  return ").append(copier(component)).append("(").append(component.name()).append(");\n");
        out.append(body).append("}\n");
      }
    }
    out.append('\n');
    javadoc(out, body, List.of("@return " + EXTRAS_DOC + " A copy: changing it changes nothing here."));
    out.append(body).append("@Override\n");
    out.append(body).append("public Map<String, JsonNode> extras() {\n");
    out.append(body).append("  return Copies.extras(extras);\n");
    out.append(body).append("}\n");
    out.append('\n');
    javadoc(out, body, List.of("@return the components and extras, with the values of fields that may hold a credential or card"
        + " data (such as {@code appKey}) shown as {@code [redacted]}"));
    out.append(body).append("@Override\n");
    out.append(body).append("public String toString() {\n");
    out.append(body).append("  return Redaction.describe(this);\n");
    out.append(body).append("}\n");
    for (RecordSpec nested : record.nested) {
      out.append('\n');
      record(out, nested, body);
    }
    out.append(indent).append("}\n");
  }

  /** The {@code Copies} method that copies a component in and out, or null for a value that needs no copy. */
  private static String copier(Component component) {
    if (component.type().kind() == Kind.LIST) {
      return component.type().isJson() ? "Copies.jsonList" : "Copies.list";
    }
    return component.type().isJson() ? "Copies.json" : null;
  }

  // --- families --------------------------------------------------------------------------------

  private static String familyFile(FamilySpec family) {
    Set<String> imports = new TreeSet<>();
    imports.add("com.fasterxml.jackson.databind.JsonNode");
    imports.add("java.util.Map");
    family.members().forEach(m -> m.type().imports(imports));
    StringBuilder out = new StringBuilder();
    header(out, family.source());
    out.append("package ").append(PACKAGE).append(";\n\n");
    imports.forEach(i -> out.append("import ").append(i).append(";\n"));
    out.append('\n');
    List<String> doc = new ArrayList<>();
    doc.add(sentence(family.description(), family.name()));
    doc.add("");
    Map<String, List<String>> valuesByRecord = new TreeMap<>();
    new TreeMap<>(family.variants()).forEach((value, record) ->
        valuesByRecord.computeIfAbsent(record, r -> new ArrayList<>()).add("{@code " + value + "}"));
    String variants = valuesByRecord.entrySet().stream()
        .map(v -> "{@link " + v.getKey() + "} for " + String.join(" and ", v.getValue()))
        .collect(Collectors.joining(", "));
    doc.add("<p>The field {@code " + family.discriminator() + "} says which record a value is: " + variants + ", and {@link "
        + family.fallback() + "} for any other value. Switch over the records to handle each one. Generated from {@code "
        + family.source() + "}.");
    javadoc(out, "", doc);
    out.append("public sealed interface ").append(family.name()).append(" permits");
    List<String> permitted = family.permitted();
    for (int i = 0; i < permitted.size(); i++) {
      out.append("\n    ").append(permitted.get(i)).append(i == permitted.size() - 1 ? " {\n" : ",");
    }
    for (Component member : family.members()) {
      out.append('\n');
      javadoc(out, "  ", List.of("@return " + text(member.description(), member.name()) + "; null when the payload does not"
          + " carry it"));
      out.append("  ").append(member.type().source()).append(' ').append(member.name()).append("();\n");
    }
    out.append('\n');
    javadoc(out, "  ", List.of("@return " + EXTRAS_DOC));
    out.append("  Map<String, JsonNode> extras();\n");
    out.append("}\n");
    return out.toString();
  }

  // --- index -----------------------------------------------------------------------------------

  private static String indexFile(Model model) {
    Set<String> imports = new TreeSet<>();
    imports.add("java.util.List");
    model.records().keySet().forEach(name -> imports.add(PACKAGE + "." + name));
    model.families().forEach(f -> imports.add(PACKAGE + "." + f.name()));
    StringBuilder out = new StringBuilder();
    header(out, "every file");
    out.append("package ").append(INTERNAL).append(";\n\n");
    imports.forEach(i -> out.append("import ").append(i).append(";\n"));
    out.append('\n');
    javadoc(out, "", List.of("What the model's binder needs to know beyond the records themselves: which record each value of a",
        "family's discriminator binds to, and every record of the model. Not API."));
    out.append("public final class ModelIndex {\n\n");
    javadoc(out, "  ", List.of("Each sealed family: its discriminator, the record for other values, and each documented value's",
        "record."));
    out.append("  public static final List<Family> FAMILIES = List.of(");
    List<FamilySpec> families = model.families();
    for (int f = 0; f < families.size(); f++) {
      FamilySpec family = families.get(f);
      out.append("\n      Family.of(").append(family.name()).append(".class, \"").append(family.discriminator())
          .append("\", ").append(family.fallback()).append(".class");
      new TreeMap<>(family.variants()).forEach((value, record) ->
          out.append(",\n          \"").append(value).append("\", ").append(record).append(".class"));
      out.append(f == families.size() - 1 ? ")" : "),");
    }
    out.append(");\n\n");
    javadoc(out, "  ", List.of("Every record of the model, nested ones included, in name order."));
    out.append("  public static final List<Class<? extends Record>> RECORDS = List.of(");
    List<String> names = new ArrayList<>();
    model.records().values().forEach(r -> allNames(r, names));
    names.sort(null);
    for (int i = 0; i < names.size(); i++) {
      out.append("\n      ").append(names.get(i)).append(".class").append(i == names.size() - 1 ? ");\n" : ",");
    }
    out.append("\n  private ModelIndex() {}\n}\n");
    return out.toString();
  }

  private static void allNames(RecordSpec record, List<String> into) {
    into.add(record.name);
    record.nested.forEach(n -> allNames(n, into));
  }

  // --- text ------------------------------------------------------------------------------------

  private static void header(StringBuilder out, String source) {
    out.append("// Generated by io.webconnexkit.schemas.generator.ModelGenerator from ").append(source).append("\n");
    out.append("// in schemas/src/contract. Do not edit: change the contract and build again.\n");
  }

  /** The description as the first sentence of a Javadoc comment, never empty. */
  private static String sentence(String description, String name) {
    String text = text(description, name);
    return text.endsWith(".") ? text : text + ".";
  }

  /** Description text made safe for a Javadoc comment. */
  private static String text(String description, String name) {
    String text = description == null || description.isBlank() ? "The field " + name : description.strip();
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("@", "&#64;")
        .replace("*/", "*&#47;").replaceAll("\\s+", " ");
  }

  /** A Javadoc comment, each entry wrapped to the width; an empty entry is a blank comment line. */
  private static void javadoc(StringBuilder out, String indent, List<String> entries) {
    out.append(indent).append("/**\n");
    int width = WIDTH - indent.length() - 3;
    for (String entry : entries) {
      if (entry.isEmpty()) {
        out.append(indent).append(" *\n");
        continue;
      }
      String continuation = entry.startsWith("@") ? "    " : "";
      String line = "";
      for (String word : entry.split(" ")) {
        String longer = line.isEmpty() ? word : line + " " + word;
        if (longer.length() > width && !line.isEmpty()) {
          out.append(indent).append(" * ").append(line).append('\n');
          line = continuation + word;
        } else {
          line = longer;
        }
      }
      out.append(indent).append(" * ").append(line).append('\n');
    }
    out.append(indent).append(" */\n");
  }
}
