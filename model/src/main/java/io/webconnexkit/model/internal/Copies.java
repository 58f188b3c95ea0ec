package io.webconnexkit.model.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The copies the generated records take and give, so that a record never changes. Not API. */
public final class Copies {

  private Copies() {}

  /**
   * @param list a list, or null
   * @param <T> its elements
   * @return an unmodifiable copy, or null
   * @throws NullPointerException when an element is null
   */
  public static <T> List<T> list(List<T> list) {
    return list == null ? null : List.copyOf(list);
  }

  /**
   * @param node a JSON value, or null
   * @return a deep copy, or null
   */
  public static JsonNode json(JsonNode node) {
    return node == null ? null : node.deepCopy();
  }

  /**
   * @param list a list of JSON values, or null
   * @return an unmodifiable list of deep copies, or null
   * @throws NullPointerException when an element is null
   */
  public static List<JsonNode> jsonList(List<JsonNode> list) {
    return list == null ? null : list.stream().<JsonNode>map(JsonNode::deepCopy).toList();
  }

  /**
   * @param extras members no component holds, or null
   * @return an unmodifiable copy in the same order, each value deep-copied (a Java null as JSON null)
   * @throws NullPointerException when a name is null
   */
  public static Map<String, JsonNode> extras(Map<String, JsonNode> extras) {
    if (extras == null || extras.isEmpty()) {
      return Map.of();
    }
    Map<String, JsonNode> copy = new LinkedHashMap<>();
    extras.forEach((name, value) -> {
      if (name == null) {
        throw new NullPointerException("a member name in extras is null");
      }
      copy.put(name, value == null ? NullNode.getInstance() : value.deepCopy());
    });
    return Collections.unmodifiableMap(copy);
  }
}
