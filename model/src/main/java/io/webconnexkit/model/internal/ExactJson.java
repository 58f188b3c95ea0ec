package io.webconnexkit.model.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;

/**
 * Reads JSON into a tree that keeps every number exactly as written: a decimal as the BigDecimal of
 * its text ({@code 20.60} keeps its zero), an integer of any size as itself. Jackson's own tree
 * reading would turn decimals into doubles unless the user's mapper says otherwise, and a value
 * bound through a user's mapper must not depend on how it is configured. Not API.
 */
public final class ExactJson {

  /** The mapper the model writes with and parses bytes with; duplicate keys are an error, not a lost value. */
  public static final ObjectMapper MAPPER = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private ExactJson() {}

  /**
   * @param body a JSON document
   * @return its tree, numbers exact
   * @throws IOException when it is not one JSON document
   */
  public static JsonNode read(byte[] body) throws IOException {
    try (JsonParser p = MAPPER.createParser(body)) {
      if (p.nextToken() == null) {
        throw new IOException("no JSON value");
      }
      JsonNode tree = read(p);
      if (p.nextToken() != null) {
        throw new IOException("more than one JSON value");
      }
      return tree;
    }
  }

  /**
   * Reads the value at the parser's current token (or, on a field name, the rest of the object it
   * belongs to), leaving the parser on the value's last token.
   *
   * @param p a parser on a value
   * @return the value's tree, numbers exact
   * @throws IOException when the parser fails
   */
  public static JsonNode read(JsonParser p) throws IOException {
    JsonToken token = p.currentToken();
    if (token == null) {
      token = p.nextToken();
    }
    if (token == null) {
      throw new IOException("no JSON value");
    }
    switch (token) {
      case START_OBJECT:
        return object(p, p.nextToken());
      case FIELD_NAME:
        return object(p, token);
      case START_ARRAY: {
        ArrayNode array = NODES.arrayNode();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          array.add(read(p));
        }
        return array;
      }
      case VALUE_STRING:
        return TextNode.valueOf(p.getText());
      case VALUE_NUMBER_INT:
        return switch (p.getNumberType()) {
          case INT -> IntNode.valueOf(p.getIntValue());
          case LONG -> LongNode.valueOf(p.getLongValue());
          default -> BigIntegerNode.valueOf(p.getBigIntegerValue());
        };
      case VALUE_NUMBER_FLOAT:
        return DecimalNode.valueOf(p.getDecimalValue());
      case VALUE_TRUE:
        return BooleanNode.TRUE;
      case VALUE_FALSE:
        return BooleanNode.FALSE;
      case VALUE_NULL:
        return NullNode.getInstance();
      default:
        throw new IOException("unexpected " + token + " in JSON");
    }
  }

  private static ObjectNode object(JsonParser p, JsonToken first) throws IOException {
    ObjectNode object = NODES.objectNode();
    for (JsonToken token = first; token == JsonToken.FIELD_NAME; token = p.nextToken()) {
      String name = p.currentName();
      p.nextToken();
      object.set(name, read(p));
    }
    return object;
  }
}
