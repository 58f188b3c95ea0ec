package io.webconnexkit.validator.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where each value and each member name of a JSON text starts (line, column, byte offset) and
 * where each value ends, by JSON Pointer. Lets a recorded delivery's body be cut out of the
 * fixture byte for byte, and problems be placed back in the fixture. Not API. Built only for records that
 * embed deliveries, never for plain payloads (those go to the validator as they are).
 */
public final class SourceIndex {

  /** A place in the text: 1-based line and column, 0-based byte offset. */
  public record Position(int line, int column, long offset) {}

  /** A value: where it starts and the byte offset just past its end. */
  public record Span(Position start, long end) {}

  private static final JsonFactory FACTORY = new JsonFactory();

  private final Map<String, Position> valueStarts = new HashMap<>();
  private final Map<String, Long> valueEnds = new HashMap<>();
  private final Map<String, Position> keyStarts = new HashMap<>();

  private SourceIndex() {}

  /**
   * Indexes a whole JSON text.
   *
   * @throws IOException when the text is not well-formed JSON
   */
  public static SourceIndex of(byte[] json) throws IOException {
    SourceIndex index = new SourceIndex();
    try (JsonParser p = FACTORY.createParser(json)) {
      Deque<Frame> frames = new ArrayDeque<>();
      JsonToken token;
      while ((token = p.nextToken()) != null) {
        if (token == JsonToken.FIELD_NAME) {
          Frame object = frames.peek();
          object.name = p.currentName();
          index.keyStarts.put(object.pointer + "/" + escape(object.name), position(p.currentTokenLocation()));
          continue;
        }
        if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
          Frame closed = frames.pop();
          index.valueEnds.put(closed.pointer, p.currentLocation().getByteOffset());
          continue;
        }
        String pointer = frames.isEmpty() ? "" : frames.peek().child();
        index.valueStarts.put(pointer, position(p.currentTokenLocation()));
        if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
          frames.push(new Frame(pointer, token == JsonToken.START_ARRAY));
        } else {
          index.valueEnds.put(pointer, p.currentLocation().getByteOffset());
        }
      }
    }
    return index;
  }

  /** The value at {@code pointer}, if the text has one. */
  public Optional<Span> value(String pointer) {
    Position start = valueStarts.get(pointer);
    Long end = valueEnds.get(pointer);
    return start == null || end == null ? Optional.empty() : Optional.of(new Span(start, end));
  }

  /** Where the value at {@code pointer} starts. */
  public Optional<Position> valueStart(String pointer) {
    return Optional.ofNullable(valueStarts.get(pointer));
  }

  /** Where the member name of the value at {@code pointer} starts (for object members only). */
  public Optional<Position> keyStart(String pointer) {
    return Optional.ofNullable(keyStarts.get(pointer));
  }

  /** A member name as a JSON Pointer token (RFC 6901). */
  public static String escape(String token) {
    return token.replace("~", "~0").replace("/", "~1");
  }

  private static Position position(JsonLocation l) {
    return new Position(l.getLineNr(), l.getColumnNr(), l.getByteOffset());
  }

  private static final class Frame {
    final String pointer;
    final boolean array;
    String name;
    int index = -1;

    Frame(String pointer, boolean array) {
      this.pointer = pointer;
      this.array = array;
    }

    String child() {
      if (array) {
        index++;
        return pointer + "/" + index;
      }
      return pointer + "/" + escape(name);
    }
  }
}
