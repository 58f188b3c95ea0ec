package io.webconnexkit.validator.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Finds the line and column of JSON Pointers in a source text. Run only when a payload has
 * problems, so that valid payloads pay nothing for locations. Not API.
 */
public final class SourceLocator {

  /** Line and column, both 1-based. */
  public record Location(int line, int column) {}

  // Without the collision check, as in PayloadParser: with it, colliding names stopped the search at
  // a point that depended on what earlier bodies left in the shared name table.
  private static final JsonFactory FACTORY = JsonFactory.builder()
      .disable(JsonFactory.Feature.FAIL_ON_SYMBOL_HASH_OVERFLOW).build();

  private SourceLocator() {}

  /**
   * Locates each wanted pointer: a value's first token, or, for pointers in {@code keys}, the
   * member's key (where an unexpected property is best shown).
   */
  public static Map<String, Location> locate(byte[] body, Set<String> values, Set<String> keys) {
    Map<String, Location> found = new HashMap<>();
    int wanted = values.size() + keys.size();
    try (JsonParser parser = FACTORY.createParser(body)) {
      JsonToken token;
      while ((token = parser.nextToken()) != null && found.size() < wanted) {
        String pointer;
        if (token == JsonToken.FIELD_NAME) {
          pointer = parser.getParsingContext().pathAsPointer().toString();
          if (keys.contains(pointer)) {
            found.putIfAbsent("key:" + pointer, at(parser.currentTokenLocation()));
          }
          continue;
        }
        if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
          continue;
        }
        // On a container's start token the new context has no segment yet, so this is the container's own pointer.
        pointer = parser.getParsingContext().pathAsPointer().toString();
        if (values.contains(pointer)) {
          found.putIfAbsent(pointer, at(parser.currentTokenLocation()));
        }
      }
    } catch (IOException | RuntimeException e) {
      // Located as far as the text allows; problems without a location still say where by pointer.
    }
    Map<String, Location> result = new HashMap<>();
    for (String key : keys) {
      Location l = found.get("key:" + key);
      if (l != null) {
        result.put("key:" + key, l);
      }
    }
    for (String value : values) {
      Location l = found.get(value);
      if (l != null) {
        result.put(value, l);
      }
    }
    return result;
  }

  private static Location at(JsonLocation location) {
    return new Location(location.getLineNr(), location.getColumnNr());
  }
}
