package io.webconnexkit.validator;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Builds a conforming payload of one event type for tests and mocks: the bundled sample of the
 * event (valid under both profiles), with fresh ids, shaped by overrides of single fields.
 *
 * <pre>{@code
 * byte[] body = WebconnexSample.of(EventType.REGISTRATION)
 *     .with("/data/total", 250)
 *     .with("/meta/name", "Orders webhook")
 *     .without("/meta/appKey")
 *     .toBytes();
 * }</pre>
 *
 * <p>Fresh ids: {@code eventId}, the data object's {@code id} (a 19-digit string, never a number),
 * {@code lookupId}, {@code transactionId} and registrant ids change with every sample, so that two
 * samples never look like a resend of each other. A builder is not thread-safe; make one per use.
 * Overrides are not checked here: validate the result to know whether it still conforms.
 */
public final class WebconnexSample {

  private static final ObjectMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
  private static final SecureRandom SEEDS = new SecureRandom();

  private final EventType eventType;
  private final List<Consumer<ObjectNode>> overrides = new ArrayList<>();
  private Random random;

  private WebconnexSample(EventType eventType) {
    this.eventType = eventType;
  }

  /** A sample of this event type with fresh random ids. */
  public static WebconnexSample of(EventType eventType) {
    return new WebconnexSample(Objects.requireNonNull(eventType, "eventType"));
  }

  /** Makes the ids repeatable: the same seed gives the same ids. */
  public WebconnexSample seed(long seed) {
    this.random = new Random(seed);
    return this;
  }

  /**
   * Sets the value at a JSON Pointer (RFC 6901). The parent must exist; the last token may name a
   * new member, an existing array index, or {@code -} to append.
   *
   * @param value a String, Number, Boolean, null, a Jackson JsonNode, or any object Jackson can write
   * @throws IllegalArgumentException naming the pointer when its parent does not exist
   */
  public WebconnexSample with(String pointer, Object value) {
    JsonPointer at = pointer(pointer);
    JsonNode node = value instanceof JsonNode n ? n.deepCopy() : MAPPER.valueToTree(value);
    overrides.add(root -> {
      JsonNode parent = parentOf(root, at, pointer);
      String last = at.last().getMatchingProperty();
      if (parent instanceof ObjectNode object) {
        object.set(last, node.deepCopy());
      } else if (parent instanceof ArrayNode array) {
        if (last.equals("-")) {
          array.add(node.deepCopy());
        } else {
          array.set(index(last, array, pointer), node.deepCopy());
        }
      }
    });
    return this;
  }

  /** Removes the member or array element at a JSON Pointer; absent ones are an error. */
  public WebconnexSample without(String pointer) {
    JsonPointer at = pointer(pointer);
    overrides.add(root -> {
      JsonNode parent = parentOf(root, at, pointer);
      String last = at.last().getMatchingProperty();
      if (parent instanceof ObjectNode object) {
        if (object.remove(last) == null) {
          throw new IllegalArgumentException("nothing to remove at " + pointer + " in the " + eventType + " sample");
        }
      } else if (parent instanceof ArrayNode array) {
        array.remove(index(last, array, pointer));
      }
    });
    return this;
  }

  /** The event type of the sample. */
  public EventType eventType() {
    return eventType;
  }

  /** The payload as a new tree. */
  public ObjectNode toTree() {
    ObjectNode root = load();
    refreshIds(root, random != null ? random : new Random(SEEDS.nextLong()));
    for (Consumer<ObjectNode> override : overrides) {
      override.accept(root);
    }
    return root;
  }

  /** The payload as pretty-printed UTF-8 JSON, ready to sign and send. */
  public byte[] toBytes() {
    try {
      return MAPPER.writeValueAsBytes(toTree());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a sample", e);
    }
  }

  @Override
  public String toString() {
    return new String(toBytes(), StandardCharsets.UTF_8);
  }

  private ObjectNode load() {
    String resource = "webconnex/samples/v1/" + eventType.wireName() + ".json";
    try (InputStream in = WebconnexSample.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("webconnex-schemas is not on the classpath (" + resource + " not found)");
      }
      return (ObjectNode) MAPPER.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void refreshIds(ObjectNode root, Random random) {
    if (root.path("eventId").isIntegralNumber()) {
      root.put("eventId", 100_000 + random.nextInt(900_000_000));
    }
    JsonNode data = root.path("data");
    if (data instanceof ObjectNode d) {
      if (d.path("id").isTextual()) {
        d.put("id", nineteenDigits(random));
      }
      if (d.path("lookupId").isIntegralNumber()) {
        d.put("lookupId", 1_000 + random.nextInt(900_000_000));
      } else if (d.path("lookupId").isTextual()) {
        d.put("lookupId", String.valueOf(1_000 + random.nextInt(900_000_000)));
      }
      if (d.path("transactionId").isIntegralNumber()) {
        d.put("transactionId", 1_000 + random.nextInt(900_000_000));
      }
      for (JsonNode registrant : d.path("registrants")) {
        if (registrant instanceof ObjectNode r && r.path("id").isTextual()) {
          r.put("id", nineteenDigits(random));
        }
      }
    }
  }

  private static String nineteenDigits(Random random) {
    StringBuilder s = new StringBuilder().append(1 + random.nextInt(9));
    for (int i = 1; i < 19; i++) {
      s.append(random.nextInt(10));
    }
    return s.toString();
  }

  private static JsonPointer pointer(String pointer) {
    Objects.requireNonNull(pointer, "pointer");
    try {
      JsonPointer at = JsonPointer.compile(pointer);
      if (at.matches()) {
        throw new IllegalArgumentException("the pointer must name a field, not the whole payload: \"" + pointer + "\"");
      }
      return at;
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("not a JSON Pointer: \"" + pointer + "\" (" + e.getMessage() + ")");
    }
  }

  private JsonNode parentOf(ObjectNode root, JsonPointer at, String pointer) {
    JsonNode parent = root.at(at.head());
    if (!parent.isContainerNode()) {
      throw new IllegalArgumentException("the " + eventType + " sample has no object or array at the parent of " + pointer);
    }
    return parent;
  }

  private int index(String token, ArrayNode array, String pointer) {
    try {
      int i = Integer.parseInt(token);
      if (i >= 0 && i < array.size()) {
        return i;
      }
    } catch (NumberFormatException ignored) {
      // Reported below with the pointer.
    }
    throw new IllegalArgumentException("no element " + token + " in the array at the parent of " + pointer
        + " in the " + eventType + " sample");
  }
}
