package io.webconnexkit.model.internal;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.webconnexkit.model.Timestamp;
import io.webconnexkit.model.WebconnexId;
import io.webconnexkit.validator.ReportLine;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Binds JSON trees to the model's records and writes records back as trees, by the records' own
 * components: a member whose name is a component's becomes that component, with its Java type
 * checked; every other member, and a documented member sent as JSON null, goes to
 * {@code extras}. Writing gives the components (those that are not null) and then the extras, so a
 * record read from a tree writes the same tree. Stateless and thread-safe. Not API.
 */
public final class Binder {

  private static final Pattern DECIMAL = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");
  private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
  private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

  private static final Map<Class<?>, Family> FAMILIES = new HashMap<>();
  private static final Map<Class<?>, Family> FAMILY_OF_RECORD = new HashMap<>();
  private static final Set<Class<?>> RECORDS = Set.copyOf(ModelIndex.RECORDS);

  static {
    for (Family family : ModelIndex.FAMILIES) {
      FAMILIES.put(family.type(), family);
      family.variants().values().forEach(record -> FAMILY_OF_RECORD.put(record, family));
    }
  }

  private static final ClassValue<Shape> SHAPES = new ClassValue<>() {
    @Override
    protected Shape computeValue(Class<?> type) {
      return new Shape(type);
    }
  };

  private Binder() {}

  /**
   * @param type a class
   * @return whether the binder reads and writes it: a record or sealed family of the model,
   *     {@link Timestamp} or {@link WebconnexId}
   */
  public static boolean handles(Class<?> type) {
    return RECORDS.contains(type) || FAMILIES.containsKey(type) || type == Timestamp.class || type == WebconnexId.class;
  }

  /**
   * @param node a JSON value
   * @param type a type the binder {@link #handles}
   * @return the value bound to the type
   * @throws BindingException naming where and why the JSON does not fit
   */
  public static Object bind(JsonNode node, Class<?> type) {
    return value(node, type, "", false);
  }

  /**
   * @param value a value of a type the binder {@link #handles}
   * @return its JSON
   * @throws IllegalArgumentException when the value is of no such type
   */
  public static JsonNode tree(Object value) {
    if (!(value instanceof Timestamp || value instanceof WebconnexId || RECORDS.contains(value.getClass()))) {
      throw new IllegalArgumentException("not a value of the Webconnex model: " + value.getClass().getName());
    }
    return node(value, false);
  }

  // --- reading ---------------------------------------------------------------------------------

  private static Object value(JsonNode node, Type type, String pointer, boolean asString) {
    Class<?> raw = raw(type);
    if (node.isNull()) {
      throw expected(pointer, describeType(raw, asString), node);
    }
    if (raw == String.class) {
      if (!node.isTextual()) {
        throw expected(pointer, "a string", node);
      }
      return node.textValue();
    }
    if (raw == Long.class) {
      if (!node.isIntegralNumber()) {
        throw expected(pointer, "an integer", node);
      }
      BigInteger value = node.bigIntegerValue();
      if (value.compareTo(LONG_MIN) < 0 || value.compareTo(LONG_MAX) > 0) {
        throw expected(pointer, "an integer that fits a Java long (the model holds this field as Long)", node);
      }
      return value.longValue();
    }
    if (raw == BigDecimal.class) {
      if (asString) {
        if (!node.isTextual() || !DECIMAL.matcher(node.textValue()).matches()) {
          throw expected(pointer, "a decimal number written as a string, such as \"100\"", node);
        }
        BigDecimal amount = new BigDecimal(node.textValue());
        if (!amount.toPlainString().equals(node.textValue())) {
          // "0100" or "-0" would be written back as "100" or "0": refuse rather than change what was sent.
          throw new BindingException(pointer, "the amount " + ReportLine.quote(node.textValue())
              + " cannot be held as a BigDecimal without changing its text (leading zeros or -0)");
        }
        return amount;
      }
      if (!node.isNumber()) {
        throw expected(pointer, "a number", node);
      }
      return node.isFloatingPointNumber() && !(node instanceof DecimalNode) ? new BigDecimal(node.asText()) : node.decimalValue();
    }
    if (raw == Boolean.class) {
      if (!node.isBoolean()) {
        throw expected(pointer, "true or false", node);
      }
      return node.booleanValue();
    }
    if (raw == Timestamp.class) {
      if (!node.isTextual()) {
        throw expected(pointer, "a date-time string", node);
      }
      try {
        return Timestamp.parse(node.textValue());
      } catch (IllegalArgumentException e) {
        throw new BindingException(pointer, e.getMessage());
      }
    }
    if (raw == WebconnexId.class) {
      if (node.isIntegralNumber()) {
        return new WebconnexId(node.bigIntegerValue().toString(), true);
      }
      if (!node.isTextual()) {
        throw expected(pointer, "an integer or a string", node);
      }
      return WebconnexId.of(node.textValue());
    }
    if (raw == JsonNode.class) {
      // An open object, or a value whose type the contract leaves open: any JSON value fits.
      return node.deepCopy();
    }
    if (raw == List.class) {
      if (!node.isArray()) {
        throw expected(pointer, "an array", node);
      }
      Type element = ((ParameterizedType) type).getActualTypeArguments()[0];
      List<Object> list = new ArrayList<>(node.size());
      for (int i = 0; i < node.size(); i++) {
        list.add(value(node.get(i), element, pointer + "/" + i, false));
      }
      return list;
    }
    Family family = FAMILIES.get(raw);
    if (family != null) {
      if (!node.isObject()) {
        throw expected(pointer, "an object", node);
      }
      JsonNode discriminator = node.get(family.discriminator());
      return record(node, family.recordFor(discriminator != null && discriminator.isTextual() ? discriminator.textValue() : null),
          pointer);
    }
    if (RECORDS.contains(raw)) {
      if (!node.isObject()) {
        throw expected(pointer, "an object", node);
      }
      return record(node, raw, pointer);
    }
    throw new IllegalStateException("the model binds no " + type.getTypeName());
  }

  private static Object record(JsonNode node, Class<?> type, String pointer) {
    Shape shape = SHAPES.get(type);
    Object[] arguments = new Object[shape.components.size()];
    Map<String, JsonNode> extras = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> member : node.properties()) {
      Part part = shape.byName.get(member.getKey());
      if (part == null || member.getValue().isNull()) {
        extras.put(member.getKey(), member.getValue());
      } else {
        arguments[part.index] = value(member.getValue(), part.type, pointer + "/" + token(part.name), part.asString);
      }
    }
    arguments[shape.extras] = extras;
    Family family = FAMILY_OF_RECORD.get(type);
    if (family != null) {
      JsonNode discriminator = node.get(family.discriminator());
      if (discriminator != null && discriminator.isTextual() && family.recordFor(discriminator.textValue()) != type) {
        List<String> own = family.variants().entrySet().stream().filter(v -> v.getValue() == type).map(Map.Entry::getKey)
            .sorted().toList();
        throw new BindingException(pointer + "/" + token(family.discriminator()), "is " + ReportLine.quote(discriminator.textValue())
            + ", but " + type.getSimpleName() + " holds " + String.join(" and ", own));
      }
    }
    try {
      return shape.constructor.newInstance(arguments);
    } catch (InvocationTargetException e) {
      throw new BindingException(pointer, String.valueOf(e.getCause().getMessage()));
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot make a " + type.getName(), e);
    }
  }

  private static BindingException expected(String pointer, String what, JsonNode found) {
    return new BindingException(pointer, "expected " + what + " but found " + describe(found));
  }

  private static String describeType(Class<?> raw, boolean asString) {
    if (raw == String.class) {
      return "a string";
    }
    if (raw == Long.class) {
      return "an integer";
    }
    if (raw == BigDecimal.class) {
      return asString ? "a decimal number written as a string" : "a number";
    }
    if (raw == Boolean.class) {
      return "true or false";
    }
    if (raw == List.class) {
      return "an array";
    }
    return raw == Timestamp.class || raw == WebconnexId.class || raw == JsonNode.class ? "a value" : "an object";
  }

  private static String describe(JsonNode node) {
    return switch (node.getNodeType()) {
      case STRING -> "the string " + ReportLine.quote(node.textValue());
      case NUMBER -> "the number " + (node.asText().length() > 60 ? node.asText().substring(0, 60) + "…" : node.asText());
      case BOOLEAN -> String.valueOf(node.booleanValue());
      case NULL -> "null";
      case ARRAY -> "an array";
      case OBJECT -> "an object";
      default -> node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    };
  }

  private static String token(String name) {
    return name.replace("~", "~0").replace("/", "~1");
  }

  private static Class<?> raw(Type type) {
    if (type instanceof Class<?> c) {
      return c;
    }
    if (type instanceof ParameterizedType p) {
      return (Class<?>) p.getRawType();
    }
    throw new IllegalStateException("the model binds no " + type.getTypeName());
  }

  // --- writing ---------------------------------------------------------------------------------

  private static JsonNode node(Object value, boolean asString) {
    if (value == null) {
      return NullNode.getInstance();
    }
    if (value instanceof String s) {
      return TextNode.valueOf(s);
    }
    if (value instanceof Long l) {
      return LongNode.valueOf(l);
    }
    if (value instanceof BigDecimal d) {
      return asString ? TextNode.valueOf(d.toPlainString()) : DecimalNode.valueOf(d);
    }
    if (value instanceof Boolean b) {
      return BooleanNode.valueOf(b);
    }
    if (value instanceof Timestamp t) {
      return TextNode.valueOf(t.text());
    }
    if (value instanceof WebconnexId id) {
      if (!id.number()) {
        return TextNode.valueOf(id.value());
      }
      BigInteger number = new BigInteger(id.value());
      return number.bitLength() < 64 ? LongNode.valueOf(number.longValue()) : BigIntegerNode.valueOf(number);
    }
    if (value instanceof JsonNode n) {
      return n.deepCopy();
    }
    if (value instanceof List<?> list) {
      ArrayNode array = JsonNodeFactory.instance.arrayNode(list.size());
      list.forEach(element -> array.add(node(element, false)));
      return array;
    }
    if (value instanceof Record record && RECORDS.contains(record.getClass())) {
      Shape shape = SHAPES.get(record.getClass());
      ObjectNode object = JsonNodeFactory.instance.objectNode();
      Map<String, JsonNode> extras = Map.of();
      for (Part part : shape.components) {
        Object component = part.read(record);
        if (part.index == shape.extras) {
          @SuppressWarnings("unchecked")
          Map<String, JsonNode> members = (Map<String, JsonNode>) component;
          extras = members;
        } else if (component != null) {
          object.set(part.name, node(component, part.asString));
        }
      }
      extras.forEach((name, member) -> {
        if (!object.has(name)) {
          object.set(name, member);
        }
      });
      return object;
    }
    throw new IllegalArgumentException("not a value of the Webconnex model: " + value.getClass().getName());
  }

  // --- the shape of a record -------------------------------------------------------------------

  /** One component of a record. */
  private record Part(int index, String name, Type type, Method accessor, boolean asString) {
    Object read(Record record) {
      try {
        return accessor.invoke(record);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("cannot read " + name + " of " + record.getClass().getName(), e);
      }
    }
  }

  /** The components of a record, by position and by JSON name, and its canonical constructor. */
  private static final class Shape {
    final List<Part> components = new ArrayList<>();
    final Map<String, Part> byName = new HashMap<>();
    final Constructor<?> constructor;
    final int extras;

    Shape(Class<?> type) {
      RecordComponent[] parts = type.getRecordComponents();
      if (parts == null || parts.length == 0 || !parts[parts.length - 1].getName().equals("extras")) {
        throw new IllegalStateException(type.getName() + " is not a record of the Webconnex model");
      }
      Class<?>[] types = new Class<?>[parts.length];
      for (int i = 0; i < parts.length; i++) {
        RecordComponent part = parts[i];
        JsonFormat format = part.getAccessor().getAnnotation(JsonFormat.class);
        boolean asString = format != null && format.shape() == JsonFormat.Shape.STRING;
        Part component = new Part(i, part.getName(), part.getGenericType(), part.getAccessor(), asString);
        components.add(component);
        if (i < parts.length - 1) {
          byName.put(part.getName(), component);
        }
        types[i] = part.getType();
      }
      this.extras = parts.length - 1;
      try {
        this.constructor = type.getDeclaredConstructor(types);
      } catch (NoSuchMethodException e) {
        throw new IllegalStateException(type.getName() + " has no canonical constructor", e);
      }
    }
  }
}
