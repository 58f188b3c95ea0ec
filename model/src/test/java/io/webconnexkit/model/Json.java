package io.webconnexkit.model;

import com.fasterxml.jackson.databind.JsonNode;
import io.webconnexkit.model.internal.ExactJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Test helpers: payload resources, and JSON trees compared exactly (member order aside, numbers as written). */
final class Json {

  /** The repository root (the model module's parent folder). */
  static final Path ROOT = Path.of("").toAbsolutePath().getParent();

  private Json() {}

  static byte[] resource(String name) {
    try (InputStream in = Json.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("no resource " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode tree(byte[] json) {
    try {
      return ExactJson.read(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The tree as text with object members sorted by name and every number as written ({@code 20.60}
   * stays {@code 20.60}, unlike with JsonNode.equals, which may compare decimals by value), so that
   * two trees are the same exactly when their canonical texts are equal.
   */
  static String canonical(JsonNode node) {
    StringBuilder out = new StringBuilder();
    canonical(node, out);
    return out.toString();
  }

  private static void canonical(JsonNode node, StringBuilder out) {
    if (node.isObject()) {
      List<Map.Entry<String, JsonNode>> members = new ArrayList<>();
      node.properties().forEach(members::add);
      members.sort(Map.Entry.comparingByKey());
      out.append('{');
      for (int i = 0; i < members.size(); i++) {
        out.append(i == 0 ? "" : ",").append(quote(members.get(i).getKey())).append(':');
        canonical(members.get(i).getValue(), out);
      }
      out.append('}');
    } else if (node.isArray()) {
      out.append('[');
      for (int i = 0; i < node.size(); i++) {
        out.append(i == 0 ? "" : ",");
        canonical(node.get(i), out);
      }
      out.append(']');
    } else if (node.isTextual()) {
      out.append(quote(node.textValue()));
    } else if (node.isBigDecimal()) {
      out.append(node.decimalValue().toString());
    } else {
      out.append(node.toString());
    }
  }

  private static String quote(String text) {
    return com.fasterxml.jackson.databind.node.TextNode.valueOf(text).toString();
  }

  /** Whether writing the event gives back exactly the tree of the bytes it was read from. */
  static String roundTripOf(WebconnexEvent event) {
    return canonical(tree(WebconnexEvents.toJson(event)));
  }
}
