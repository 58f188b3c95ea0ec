package io.webconnexkit.schemas.generator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the model generator makes of a contract, before it is written as Java: records with their
 * components, the sealed families they belong to, and the Java type of every field.
 */
final class ModelSpec {

  private ModelSpec() {}

  /** How a JSON field is held in Java. */
  enum Kind {
    STRING("String", null),
    LONG("Long", null),
    BOOLEAN("Boolean", null),
    /** A JSON number of money: {@code java.math.BigDecimal}. */
    DECIMAL("BigDecimal", "java.math.BigDecimal"),
    /** An amount sent as a decimal string ({@code "100"}): a BigDecimal written back as a string. */
    DECIMAL_STRING("BigDecimal", "java.math.BigDecimal"),
    /** RFC 3339 (or the legacy form): the model's {@code Timestamp}, which keeps the text as sent. */
    TIMESTAMP("Timestamp", null),
    /** An id sent as an integer or a string: the model's {@code WebconnexId}, which keeps the form. */
    ID("WebconnexId", null),
    /** An open object the contract gives no fields for, or a value whose type it does not settle. */
    JSON("JsonNode", "com.fasterxml.jackson.databind.JsonNode"),
    LIST("List", "java.util.List"),
    RECORD(null, null),
    FAMILY(null, null);

    final String simpleName;
    final String importName;

    Kind(String simpleName, String importName) {
      this.simpleName = simpleName;
      this.importName = importName;
    }
  }

  /**
   * A Java type of a component.
   *
   * @param kind how the field is held
   * @param name for RECORD and FAMILY, the type's name as written in the record's own file
   *     ({@code Billing}, {@code RegistrationEvent.Data}); null otherwise
   * @param element for LIST, the element type
   */
  record JavaType(Kind kind, String name, JavaType element) {

    static JavaType of(Kind kind) {
      return new JavaType(kind, null, null);
    }

    static JavaType listOf(JavaType element) {
      return new JavaType(Kind.LIST, null, element);
    }

    static JavaType named(Kind kind, String name) {
      return new JavaType(kind, name, null);
    }

    /** The type as written in Java source. */
    String source() {
      return switch (kind) {
        case LIST -> "List<" + element.source() + ">";
        case RECORD, FAMILY -> name;
        default -> kind.simpleName;
      };
    }

    /** The imports the type needs, outside the model package. */
    void imports(Set<String> into) {
      if (kind.importName != null) {
        into.add(kind.importName);
      }
      if (element != null) {
        element.imports(into);
      }
    }

    /** Whether values of the type hold mutable JSON nodes, which the record copies in and out. */
    boolean isJson() {
      return kind == Kind.JSON || (kind == Kind.LIST && element.isJson());
    }
  }

  /**
   * One component of a record: one documented JSON field.
   *
   * @param name the JSON field name, which is also the component's name
   * @param type its Java type
   * @param description the contract's description of the field
   */
  record Component(String name, JavaType type, String description) {}

  /** A record to generate: an event, a data object, a shared definition. */
  static final class RecordSpec {
    final String name;
    final String description;
    final String source;
    final List<Component> components = new ArrayList<>();
    final Set<String> interfaces = new TreeSet<>();
    final List<RecordSpec> nested = new ArrayList<>();
    /** For an event record: the event types it binds, in name order. */
    final Set<String> eventTypes = new TreeSet<>();
    /** For the record of unknown events: true. */
    boolean unknownEvent;

    RecordSpec(String name, String description, String source) {
      this.name = name;
      this.description = description;
      this.source = source;
    }

    Component component(String name) {
      return components.stream().filter(c -> c.name().equals(name)).findFirst().orElse(null);
    }
  }

  /**
   * A sealed interface whose records are told apart by one string field.
   *
   * @param name the interface's name
   * @param description what a value of it is
   * @param source the contract file it comes from, for the header
   * @param discriminator the JSON field that says which record a value is
   * @param variants each documented value of the discriminator and the record it binds to
   * @param fallback the record every other value binds to
   * @param members the components every record of the family has, declared on the interface
   */
  record FamilySpec(String name, String description, String source, String discriminator,
      LinkedHashMap<String, String> variants, String fallback, List<Component> members) {

    /** Every record of the family, in name order: the {@code permits} list. */
    List<String> permitted() {
      Set<String> names = new TreeSet<>(variants.values());
      names.add(fallback);
      return List.copyOf(names);
    }
  }

  /**
   * Everything to generate.
   *
   * @param records top-level records by name (nested records are inside them)
   * @param families the sealed interfaces
   * @param sources every contract file read, for the headers
   */
  record Model(Map<String, RecordSpec> records, List<FamilySpec> families, List<String> sources) {}
}
