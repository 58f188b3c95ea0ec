package io.webconnexkit.validator.internal;

import com.fasterxml.jackson.databind.JsonNode;

/** How reports name and show JSON values. Not API. */
public final class JsonValues {

  private static final int SHOWN = 60;

  private JsonValues() {}

  public static String typeOf(JsonNode node) {
    if (node == null || node.isMissingNode()) {
      return "nothing";
    }
    return switch (node.getNodeType()) {
      case STRING -> "string";
      case NUMBER -> node.isIntegralNumber() ? "integer" : "number";
      case BOOLEAN -> "boolean";
      case NULL -> "null";
      case ARRAY -> "array";
      case OBJECT -> "object";
      default -> node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    };
  }

  /** The value as it could appear in the source, shortened: {@code "100"}, {@code 12.5}, {@code true}. */
  public static String show(JsonNode node) {
    String shown = node.isTextual() ? quote(node.textValue()) : node.isValueNode() ? node.asText() : null;
    if (node.isNumber()) {
      shown = node.numberValue().toString();
    }
    return shown;
  }

  /** Type and value: {@code string "100"}, {@code integer 3}, {@code object}. */
  public static String describe(JsonNode node) {
    String shown = show(node);
    return node.isNull() ? "null" : shown == null ? typeOf(node) : typeOf(node) + " " + shown;
  }

  public static String quote(String text) {
    String t = text.length() > SHOWN ? text.substring(0, SHOWN) + "…" : text;
    StringBuilder s = new StringBuilder("\"");
    for (char c : t.toCharArray()) {
      switch (c) {
        case '"' -> s.append("\\\"");
        case '\\' -> s.append("\\\\");
        case '\n' -> s.append("\\n");
        case '\r' -> s.append("\\r");
        case '\t' -> s.append("\\t");
        default -> {
          if (c < 0x20) {
            s.append(String.format("\\u%04x", (int) c));
          } else {
            s.append(c);
          }
        }
      }
    }
    return s.append('"').toString();
  }
}
