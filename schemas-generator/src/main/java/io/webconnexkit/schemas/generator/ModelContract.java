package io.webconnexkit.schemas.generator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.webconnexkit.schemas.generator.ModelSpec.Component;
import io.webconnexkit.schemas.generator.ModelSpec.FamilySpec;
import io.webconnexkit.schemas.generator.ModelSpec.JavaType;
import io.webconnexkit.schemas.generator.ModelSpec.Kind;
import io.webconnexkit.schemas.generator.ModelSpec.Model;
import io.webconnexkit.schemas.generator.ModelSpec.RecordSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import javax.lang.model.SourceVersion;

/**
 * Reads the contract sources as the model generator sees them: which records, sealed families and
 * Java types they describe. The rules, in the order they are tried on a field's schema:
 *
 * <ul>
 *   <li>{@code $ref} to {@code defs.json#/$defs/X}: the type of definition X, a record named X
 *       (first letter upper case) when X is an object with properties;
 *   <li>{@code const} or {@code enum} of strings: {@code String} (an enum type would fail on a value
 *       Webconnex adds);
 *   <li>{@code string}: {@code Timestamp} with {@code format: date-time}, {@code BigDecimal}
 *       written as a string when its pattern is {@value #DECIMAL_PATTERN}, else {@code String};
 *       {@code integer}: {@code Long}; {@code number}: {@code BigDecimal}; {@code boolean}:
 *       {@code Boolean}; {@code integer} or {@code string}: {@code WebconnexId}; {@code null}
 *       beside one type adds nothing (an absent and a null field are both a null component);
 *   <li>{@code object} with properties: a record nested in the one that holds the field, named after
 *       the field ({@code data} gives {@code Data}); without properties: {@code JsonNode};
 *   <li>{@code array}: {@code List} of the items' type ({@code JsonNode} without {@code items});
 *   <li>no {@code type}, {@code $ref}, {@code const} or {@code enum} (an observed field whose type the
 *       evidence does not settle): {@code JsonNode}, any JSON value.
 * </ul>
 *
 * <p>A definition whose {@code allOf} entries each read "if {@code p} is the constant c, then
 * {@code $ref} R" is a sealed family told apart by {@code p}: R for each c, and a record of the
 * definition's own properties for any other value, named {@code Other} plus the last word the
 * variants share ({@code OtherField}). Each event contract is a record named by its {@code title};
 * two contracts titled {@code Edit<X>Event} and {@code Cancel<X>Event} share the record
 * {@code <X>Event}, and must then describe the same fields. The envelope is {@code UnknownEvent}.
 * Every event record and {@code UnknownEvent} form the sealed family {@code WebconnexEvent}, told
 * apart by {@code eventType}, whose members are the envelope fields every event has with one type.
 */
final class ModelContract {

  /** The pattern of an amount written as a decimal string. */
  static final String DECIMAL_PATTERN = "^-?[0-9]+(\\.[0-9]+)?$";

  static final String EVENT_FAMILY = "WebconnexEvent";
  static final String UNKNOWN_EVENT = "UnknownEvent";
  /** The family whose lists are looked up by key ({@code FormFields}, hand-written in the model). */
  static final String FIELD_VALUE_FAMILY = "FieldValue";
  static final String FORM_FIELDS = "FormFields";

  private static final Pattern EVENT_TITLE = Pattern.compile("[A-Z][A-Za-z0-9]*Event");
  private static final Pattern SHARED_TITLE = Pattern.compile("(Edit|Cancel)([A-Z][A-Za-z0-9]*Event)");
  private static final Pattern DEF_REF = Pattern.compile("(?:defs\\.json)?#/\\$defs/([A-Za-z0-9_]+)");
  /** Names a record component may not have (JLS 8.10.1), and the component every record adds. */
  private static final Set<String> RESERVED =
      Set.of("clone", "finalize", "getClass", "hashCode", "notify", "notifyAll", "toString", "wait", "extras");

  private final Path contractDir;
  private final Map<String, ObjectNode> sources;
  private final JsonNode defs;
  private final Map<String, RecordSpec> records = new TreeMap<>();
  private final Map<String, FamilySpec> families = new TreeMap<>();
  private final Map<String, JavaType> defTypes = new HashMap<>();

  private ModelContract(Path contractDir, Map<String, ObjectNode> sources) {
    this.contractDir = contractDir;
    this.sources = sources;
    ObjectNode definitions = sources.get(SchemaGenerator.DEFINITIONS);
    if (definitions == null || !definitions.path("$defs").isObject()) {
      throw new ContractException(where(SchemaGenerator.DEFINITIONS, "") + "no \"$defs\" object (the model's shared records come from it)");
    }
    if (!sources.containsKey(SchemaGenerator.ENVELOPE)) {
      throw new ContractException(Text.printable(contractDir.toString()) + ": no " + SchemaGenerator.ENVELOPE
          + " (it is the record of unknown events)");
    }
    this.defs = definitions.get("$defs");
  }

  /** The model described by the contract sources of a directory. */
  static Model read(Path contractDir) {
    ModelContract contract = new ModelContract(contractDir, SchemaGenerator.readSources(contractDir));
    return contract.model();
  }

  private Model model() {
    for (Iterator<String> names = defs.fieldNames(); names.hasNext(); ) {
      defType(names.next());
    }
    Map<String, String> eventRecords = new TreeMap<>();
    Map<String, String> recordFiles = new HashMap<>();
    for (Map.Entry<String, ObjectNode> source : sources.entrySet()) {
      String file = source.getKey();
      if (file.equals(SchemaGenerator.DEFINITIONS) || file.equals(SchemaGenerator.ENVELOPE)) {
        continue;
      }
      List<String> eventTypes =
          SchemaGenerator.eventTypes(Text.printable(contractDir.resolve(file).toString()), source.getValue());
      if (eventTypes.isEmpty()) {
        continue;
      }
      String name = eventRecordName(file, source.getValue());
      RecordSpec event = objectRecord(name, file, source.getValue(), "", null, name);
      event.interfaces.add(EVENT_FAMILY);
      event.eventTypes.addAll(eventTypes);
      RecordSpec earlier = records.get(name);
      if (earlier != null) {
        String difference = difference(earlier, event, "");
        if (difference != null) {
          throw new ContractException(where(file, "") + "shares the record " + name + " with "
              + Text.printable(recordFiles.get(name)) + " but describes other fields: " + difference);
        }
        earlier.eventTypes.addAll(eventTypes);
      } else {
        records.put(name, event);
        recordFiles.put(name, file);
      }
      eventTypes.forEach(eventType -> eventRecords.put(eventType, name));
    }
    RecordSpec unknown = objectRecord(UNKNOWN_EVENT, SchemaGenerator.ENVELOPE, sources.get(SchemaGenerator.ENVELOPE), "",
        null, UNKNOWN_EVENT);
    unknown.interfaces.add(EVENT_FAMILY);
    unknown.unknownEvent = true;
    records.put(UNKNOWN_EVENT, unknown);
    families.put(EVENT_FAMILY, eventFamily(unknown, eventRecords));
    for (RecordSpec record : records.values()) {
      markFormFields(record);
    }
    return new Model(records, List.copyOf(families.values()), List.copyOf(sources.keySet()));
  }

  // --- events ----------------------------------------------------------------------------------

  private String eventRecordName(String file, JsonNode contract) {
    String title = contract.path("title").asText("");
    if (!EVENT_TITLE.matcher(title).matches()) {
      throw new ContractException(where(file, "/title") + "an event contract's title names its record and must look like"
          + " RegistrationEvent (letters and digits ending in Event), but it is \"" + Text.printable(title) + "\"");
    }
    var shared = SHARED_TITLE.matcher(title);
    if (shared.matches()) {
      String other = (shared.group(1).equals("Edit") ? "Cancel" : "Edit") + shared.group(2);
      boolean counterpart = sources.values().stream().anyMatch(s -> s.path("title").asText("").equals(other));
      if (counterpart) {
        return shared.group(2);
      }
    }
    return title;
  }

  private FamilySpec eventFamily(RecordSpec unknown, Map<String, String> eventRecords) {
    List<Component> members = new ArrayList<>();
    for (Component component : unknown.components) {
      if (component.name().equals("data")) {
        continue;
      }
      boolean everywhere = eventRecords.values().stream().distinct().map(records::get).allMatch(record -> {
        Component same = record.component(component.name());
        return same != null && same.type().source().equals(component.type().source());
      });
      if (everywhere) {
        members.add(component);
      }
    }
    return new FamilySpec(EVENT_FAMILY, "One Webconnex webhook payload, bound to the record of its event type.",
        SchemaGenerator.ENVELOPE, "eventType", new LinkedHashMap<>(eventRecords), UNKNOWN_EVENT, members);
  }

  private void markFormFields(RecordSpec record) {
    Component data = record.component("data");
    if (data != null && data.type().kind() == Kind.LIST && data.type().element().kind() == Kind.FAMILY
        && data.type().element().name().equals(FIELD_VALUE_FAMILY)) {
      record.interfaces.add(FORM_FIELDS);
    }
    record.nested.forEach(this::markFormFields);
  }

  // --- records ---------------------------------------------------------------------------------

  /**
   * The record of an object schema.
   *
   * @param pointer where the schema is in its file
   * @param outer the record this one is nested in, or null for a top-level record
   * @param qualified the record's name as seen from outside ({@code RegistrationEvent.Data})
   */
  private RecordSpec objectRecord(String name, String file, JsonNode schema, String pointer, RecordSpec outer, String qualified) {
    String source = file.equals(SchemaGenerator.DEFINITIONS) && outer == null ? file + "#" + pointer : file;
    RecordSpec record = new RecordSpec(qualified, description(schema), source);
    JsonNode properties = schema.path("properties");
    for (Iterator<Map.Entry<String, JsonNode>> fields = properties.fields(); fields.hasNext(); ) {
      Map.Entry<String, JsonNode> field = fields.next();
      String fieldName = field.getKey();
      String at = pointer + "/properties/" + pointerToken(fieldName);
      if (!SourceVersion.isName(fieldName) || RESERVED.contains(fieldName)) {
        throw new ContractException(where(file, at) + "the field \"" + Text.printable(fieldName)
            + "\" cannot be the name of a Java record component (a Java keyword, not an identifier, or a name records"
            + " reserve); the model generator cannot hold it");
      }
      JavaType type = typeOf(field.getValue(), file, at, record, fieldName);
      String doc = description(field.getValue());
      var ref = DEF_REF.matcher(field.getValue().path("$ref").asText(""));
      if (doc.isEmpty() && ref.matches() && defs.has(ref.group(1))) {
        doc = description(defs.get(ref.group(1)));
      }
      record.components.add(new Component(fieldName, type, doc));
    }
    return record;
  }

  private JavaType typeOf(JsonNode schema, String file, String pointer, RecordSpec owner, String fieldName) {
    if (schema.has("$ref")) {
      String ref = schema.get("$ref").asText();
      var matcher = DEF_REF.matcher(ref);
      if (!matcher.matches()) {
        throw new ContractException(where(file, pointer) + "$ref \"" + Text.printable(ref)
            + "\" is not a shared definition (defs.json#/$defs/NAME), the only kind the model generator follows");
      }
      return defType(matcher.group(1));
    }
    if (schema.has("const") || schema.has("enum")) {
      List<JsonNode> values = new ArrayList<>();
      if (schema.has("const")) {
        values.add(schema.get("const"));
      } else {
        schema.get("enum").forEach(values::add);
      }
      if (values.isEmpty() || !values.stream().allMatch(JsonNode::isTextual)) {
        throw new ContractException(where(file, pointer) + "a const or enum of other values than strings has no Java type"
            + " in the model");
      }
      return JavaType.of(Kind.STRING);
    }
    List<String> types = new ArrayList<>();
    JsonNode type = schema.get("type");
    if (type != null && type.isTextual()) {
      types.add(type.asText());
    } else if (type != null && type.isArray()) {
      type.forEach(t -> types.add(t.asText()));
    }
    types.remove("null");
    if (types.equals(List.of("string"))) {
      if ("date-time".equals(schema.path("format").asText())) {
        return JavaType.of(Kind.TIMESTAMP);
      }
      if (DECIMAL_PATTERN.equals(schema.path("pattern").asText())) {
        return JavaType.of(Kind.DECIMAL_STRING);
      }
      return JavaType.of(Kind.STRING);
    }
    if (types.equals(List.of("integer"))) {
      return JavaType.of(Kind.LONG);
    }
    if (types.equals(List.of("number"))) {
      return JavaType.of(Kind.DECIMAL);
    }
    if (types.equals(List.of("boolean"))) {
      return JavaType.of(Kind.BOOLEAN);
    }
    if (types.size() == 2 && types.containsAll(List.of("integer", "string"))) {
      return JavaType.of(Kind.ID);
    }
    if (types.isEmpty() && type == null) {
      // A field whose type the evidence does not settle (an observed field): any JSON value.
      return JavaType.of(Kind.JSON);
    }
    if (types.equals(List.of("array"))) {
      if (!schema.has("items")) {
        return JavaType.listOf(JavaType.of(Kind.JSON));
      }
      if (!schema.get("items").isObject()) {
        throw new ContractException(where(file, pointer) + "an array whose \"items\" is not one schema has no Java element type");
      }
      JsonNode items = schema.get("items");
      if (!items.has("$ref") && items.path("properties").size() > 0) {
        throw new ContractException(where(file, pointer + "/items")
            + "objects in an array need a shared definition (\"$ref\": \"defs.json#/$defs/NAME\") to name their record");
      }
      return JavaType.listOf(typeOf(items, file, pointer + "/items", owner, fieldName));
    }
    if (types.equals(List.of("object"))) {
      if (schema.path("properties").size() == 0) {
        return JavaType.of(Kind.JSON);
      }
      if (owner == null) {
        throw new ContractException(where(file, pointer) + "an object with properties needs a record to be nested in");
      }
      String name = upperCamel(fieldName);
      String ownerName = owner.name.substring(owner.name.lastIndexOf('.') + 1);
      if (records.containsKey(name) || families.containsKey(name) || name.equals(EVENT_FAMILY) || name.equals(ownerName)
          || owner.nested.stream().anyMatch(n -> n.name.endsWith("." + name))) {
        throw new ContractException(where(file, pointer) + "the nested record " + name
            + " would hide another type of the model; give the object a shared definition instead");
      }
      RecordSpec nested = objectRecord(name, file, schema, pointer, owner, owner.name + "." + name);
      owner.nested.add(nested);
      return JavaType.named(Kind.RECORD, name);
    }
    throw new ContractException(where(file, pointer) + "the model has no Java type for type " + (types.isEmpty() ? type : types));
  }

  /** The Java type of a shared definition, making its record or family on first use. */
  private JavaType defType(String name) {
    JavaType known = defTypes.get(name);
    if (known != null) {
      return known;
    }
    JsonNode def = defs.get(name);
    String pointer = "/$defs/" + pointerToken(name);
    if (def == null) {
      throw new ContractException(where(SchemaGenerator.DEFINITIONS, "") + "no definition \"" + Text.printable(name)
          + "\", which a contract refers to");
    }
    if (def.has("allOf") && def.path("properties").size() > 0) {
      JavaType family = JavaType.named(Kind.FAMILY, upperCamel(name));
      defTypes.put(name, family);
      family(name, def, pointer);
      return family;
    }
    if ("object".equals(def.path("type").asText()) && def.path("properties").size() > 0) {
      String recordName = upperCamel(name);
      JavaType record = JavaType.named(Kind.RECORD, recordName);
      defTypes.put(name, record);
      records.put(recordName, objectRecord(recordName, SchemaGenerator.DEFINITIONS, def, pointer, null, recordName));
      return record;
    }
    JavaType type = typeOf(def, SchemaGenerator.DEFINITIONS, pointer, null, name);
    defTypes.put(name, type);
    return type;
  }

  private void family(String name, JsonNode def, String pointer) {
    String familyName = upperCamel(name);
    String discriminator = null;
    LinkedHashMap<String, String> variants = new LinkedHashMap<>();
    int i = 0;
    for (JsonNode entry : def.get("allOf")) {
      String at = pointer + "/allOf/" + i++;
      JsonNode ifProperties = entry.path("if").path("properties");
      String thenRef = entry.path("then").path("$ref").asText(null);
      if (ifProperties.size() != 1 || thenRef == null) {
        throw new ContractException(where(SchemaGenerator.DEFINITIONS, at) + "a family entry reads \"if\" one field is a"
            + " constant \"then\" a $ref; this one does not");
      }
      String field = ifProperties.fieldNames().next();
      JsonNode constant = ifProperties.get(field).get("const");
      if (constant == null || !constant.isTextual()) {
        throw new ContractException(where(SchemaGenerator.DEFINITIONS, at) + "the \"if\" of a family entry needs a string"
            + " \"const\"");
      }
      if (discriminator != null && !discriminator.equals(field)) {
        throw new ContractException(where(SchemaGenerator.DEFINITIONS, at) + "tells the family apart by \""
            + Text.printable(field) + "\" where an earlier entry uses \"" + Text.printable(discriminator) + "\"");
      }
      discriminator = field;
      var ref = DEF_REF.matcher(thenRef);
      JavaType variant = ref.matches() ? defType(ref.group(1)) : null;
      if (variant == null || variant.kind() != Kind.RECORD) {
        throw new ContractException(where(SchemaGenerator.DEFINITIONS, at + "/then") + "a family variant must be a shared"
            + " definition of an object with properties");
      }
      variants.put(constant.asText(), variant.name());
    }
    if (discriminator == null) {
      throw new ContractException(where(SchemaGenerator.DEFINITIONS, pointer) + "a family needs at least one allOf entry");
    }
    String fallbackName = "Other" + sharedLastWord(variants.values(), familyName);
    if (records.containsKey(fallbackName)) {
      throw new ContractException(where(SchemaGenerator.DEFINITIONS, pointer) + "the record for other values, "
          + fallbackName + ", would clash with a definition of that name");
    }
    RecordSpec fallback = objectRecord(fallbackName, SchemaGenerator.DEFINITIONS, def, pointer, null, fallbackName);
    records.put(fallbackName, fallback);
    List<Component> members = List.copyOf(fallback.components);
    for (String variantName : new ArrayList<>(variants.values())) {
      RecordSpec variant = records.get(variantName);
      for (Component member : members) {
        Component same = variant.component(member.name());
        if (same == null || !same.type().source().equals(member.type().source())) {
          throw new ContractException(where(SchemaGenerator.DEFINITIONS, pointer) + "every variant of " + familyName
              + " must have the field \"" + Text.printable(member.name()) + "\" as " + member.type().source()
              + ", and " + variantName + " does not");
        }
      }
      variant.interfaces.add(familyName);
    }
    fallback.interfaces.add(familyName);
    families.put(familyName, new FamilySpec(familyName, description(def), SchemaGenerator.DEFINITIONS + "#" + pointer,
        discriminator, variants, fallbackName, members));
  }

  // --- comparing two contracts of one record ---------------------------------------------------

  /** The first way two records differ in their fields (names, order or types), or null when they do not. */
  private String difference(RecordSpec a, RecordSpec b, String at) {
    List<String> namesA = a.components.stream().map(Component::name).toList();
    List<String> namesB = b.components.stream().map(Component::name).toList();
    if (!namesA.equals(namesB)) {
      return (at.isEmpty() ? "the top level" : at) + " has the fields " + namesB + " where the other has " + namesA;
    }
    for (int i = 0; i < namesA.size(); i++) {
      JavaType typeA = a.components.get(i).type();
      JavaType typeB = b.components.get(i).type();
      String field = at + "/" + namesA.get(i);
      if (!typeA.source().equals(typeB.source())) {
        return field + " is " + typeB.source() + " where the other has " + typeA.source();
      }
      if (typeA.kind() == Kind.RECORD && a.nested.stream().anyMatch(n -> n.name.endsWith("." + typeA.name()))) {
        RecordSpec nestedA = nested(a, typeA.name());
        RecordSpec nestedB = nested(b, typeB.name());
        String inner = difference(nestedA, nestedB, field);
        if (inner != null) {
          return inner;
        }
      }
    }
    return null;
  }

  private static RecordSpec nested(RecordSpec record, String simpleName) {
    return record.nested.stream().filter(n -> n.name.endsWith("." + simpleName)).findFirst().orElseThrow();
  }

  // --- text ------------------------------------------------------------------------------------

  private String where(String file, String pointer) {
    return Text.printable(contractDir.resolve(file).toString()) + (pointer.isEmpty() ? "" : ": " + Text.printable(pointer))
        + ": ";
  }

  private static String description(JsonNode schema) {
    return Objects.requireNonNullElse(schema.path("description").asText(null), "");
  }

  static String upperCamel(String name) {
    return Character.toUpperCase(name.charAt(0)) + name.substring(1);
  }

  /** The last camel-case word every name ends with ("Field" for NameField and EmailField), or the fallback. */
  private static String sharedLastWord(Iterable<String> names, String fallback) {
    String shared = null;
    for (String name : names) {
      int cut = name.length() - 1;
      while (cut > 0 && !Character.isUpperCase(name.charAt(cut))) {
        cut--;
      }
      String word = name.substring(cut);
      if (shared != null && !shared.equals(word)) {
        return fallback;
      }
      shared = word;
    }
    return shared == null ? fallback : shared;
  }

  private static String pointerToken(String name) {
    return name.replace("~", "~0").replace("/", "~1");
  }
}
