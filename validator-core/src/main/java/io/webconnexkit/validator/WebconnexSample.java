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
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * A builder of conforming payloads of one event type, for tests and mocks: the bundled sample of the
 * event (valid under both profiles), with fresh ids, the {@code meta} and form of a webhook, and
 * overrides of single fields.
 *
 * <pre>{@code
 * byte[] body = WebconnexSample.of(EventType.REGISTRATION)
 *     .meta(WebhookMeta.of("Orders webhook").withAppKey("orders-app"))
 *     .forForm(432)
 *     .with("/data/total", 250)
 *     .without("/data/billing/check")
 *     .toBytes();
 * }</pre>
 *
 * <p><b>A builder, not a value.</b> {@link #seed}, {@link #meta}, {@link #forForm}, {@link #with}
 * and {@link #without} change this builder and return it, so that calls chain; a builder shared
 * between two places changes for both. {@link #copy()} gives an independent builder to branch from.
 * Each {@link #toTree()} or {@link #toBytes()} makes a new payload from what the builder holds. A
 * builder is not thread-safe; make one per use (or a copy per thread).
 *
 * <p>Fresh ids: {@code eventId}, the data object's {@code id} (a 19-digit string, never a number),
 * {@code lookupId}, {@code transactionId} and registrant ids change with every payload, so that two
 * payloads never look like a resend of each other, unless {@link #seed} makes them repeatable.
 *
 * <p>Order: ids first, then {@link #meta} and {@link #forForm}, then the overrides in the order
 * given, so an override always has the last word. Overrides are not checked here: validate the
 * result to know whether it still conforms.
 */
public final class WebconnexSample {

  private static final ObjectMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
  private static final SecureRandom SEEDS = new SecureRandom();
  /** The bundled samples, parsed once; every payload starts from a deep copy. */
  private static final Map<EventType, ObjectNode> BUNDLED = new ConcurrentHashMap<>();

  private final EventType eventType;
  private final List<Consumer<ObjectNode>> overrides;
  private Long seed;
  private WebhookMeta meta;
  private Long formId;
  private boolean documentedOnly;

  private WebconnexSample(EventType eventType, List<Consumer<ObjectNode>> overrides) {
    this.eventType = eventType;
    this.overrides = overrides;
  }

  /**
   * A builder of payloads of this event type, with fresh random ids.
   *
   * @param eventType the event type to sample; not null
   * @return a new builder; each payload it makes gets fresh random ids unless {@link #seed} is set
   */
  public static WebconnexSample of(EventType eventType) {
    return new WebconnexSample(Objects.requireNonNull(eventType, "eventType"), new ArrayList<>());
  }

  /** {@return an independent builder holding what this one holds now: changes to either leave the other alone} */
  public WebconnexSample copy() {
    WebconnexSample copy = new WebconnexSample(eventType, new ArrayList<>(overrides));
    copy.seed = seed;
    copy.meta = meta;
    copy.formId = formId;
    copy.documentedOnly = documentedOnly;
    return copy;
  }

  /**
   * Makes the ids repeatable: every payload of this builder, and of any builder of the same event
   * type with the same seed, carries the same ids. Changes this builder.
   *
   * @param seed any number; the same seed gives the same ids
   * @return this builder
   */
  public WebconnexSample seed(long seed) {
    this.seed = seed;
    return this;
  }

  /**
   * Fills {@code meta} from a webhook's settings, as Webconnex does: {@code name}, and
   * {@code appKey} / {@code appToken} exactly when the webhook has them (see {@link WebhookMeta}).
   * Without it, the bundled sample's {@code meta} stays. Changes this builder.
   *
   * @param meta the webhook's name, App Key and App/API Token; not null
   * @return this builder
   */
  public WebconnexSample meta(WebhookMeta meta) {
    this.meta = Objects.requireNonNull(meta, "meta");
    return this;
  }

  /**
   * The payload belongs to this form: sets the top-level {@code formId}, {@code data.formId} where
   * the event carries one (a coupon, the test event), and a publish event's {@code data.id} (the
   * published form). {@link EventType#formIdOf} reads it back. Changes this builder.
   *
   * @param formId the form's id
   * @return this builder
   */
  public WebconnexSample forForm(long formId) {
    this.formId = formId;
    return this;
  }

  /**
   * Sets the value at a JSON Pointer (RFC 6901). The parent must exist; the last token may name a
   * new member, an existing array index, or {@code -} to append.
   *
   * <p>Changes this builder. The value is taken as it is now (a later change to a mutable value
   * does not reach the builder).
   *
   * @param value a String, Number, Boolean, null, a Jackson JsonNode, or any object Jackson can write
   * @throws IllegalArgumentException naming the pointer when it is not a JSON Pointer to a field; a
   * parent that does not exist is reported by {@link #toTree()}
   * @param pointer a JSON Pointer (RFC 6901) such as {@code /data/total}, or ending in {@code -} to append
   * @return this builder
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

  /**
   * Removes the member or array element at a JSON Pointer; one that is absent is reported by
   * {@link #toTree()}. Changes this builder.
   *
   * @param pointer a JSON Pointer (RFC 6901) such as {@code /data/formName}
   * @return this builder
   */
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

  /**
   * Leaves out the sample's <em>observed</em> fields: those no table of Webconnex's documentation
   * lists but real traffic is known to carry (such as a registration's {@code data.formName} and
   * each registrant's {@code lookupId}; {@code docs/documentation-discrepancies.md} lists them with
   * their evidence). By default a sample carries them, as a real delivery does. They are removed
   * before {@link #meta} and the overrides, so an override can still set one. Changes this builder.
   *
   * @return this builder
   */
  public WebconnexSample documentedOnly() {
    this.documentedOnly = true;
    return this;
  }

  /** {@return the event type of the sample} */
  public EventType eventType() {
    return eventType;
  }

  /**
   * A new payload as a tree.
   *
   * @throws IllegalArgumentException naming the pointer when an override's parent, or a field to
   * remove, does not exist in the sample
   * @return a new payload, its ids fresh unless {@link #seed} is set; the caller may change it
   */
  public ObjectNode toTree() {
    ObjectNode root = bundled(eventType).deepCopy();
    refreshIds(root, new Random(seed != null ? seed : SEEDS.nextLong()));
    if (documentedOnly) {
      removeObserved(root);
    }
    if (meta != null) {
      root.set("meta", meta.toTree());
    }
    if (formId != null) {
      applyForm(root, formId);
    }
    for (Consumer<ObjectNode> override : overrides) {
      override.accept(root);
    }
    return root;
  }

  /** {@return a new payload as pretty-printed UTF-8 JSON, ready to sign and send (see {@link #toTree()})} */
  public byte[] toBytes() {
    try {
      return MAPPER.writeValueAsBytes(toTree());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a sample", e);
    }
  }

  /**
   * What the builder holds, such as {@code WebconnexSample[registration, seed 7, form 432, 2 overrides]};
   * a payload is {@link #toBytes()}.
   */
  @Override
  public String toString() {
    return "WebconnexSample[" + eventType + (seed != null ? ", seed " + seed : "") + (meta != null ? ", " + meta : "")
        + (formId != null ? ", form " + formId : "") + (documentedOnly ? ", documented only" : "") + ", " + overrides.size() + (overrides.size() == 1 ? " override" : " overrides")
        + "]";
  }

  private void removeObserved(ObjectNode root) {
    io.webconnexkit.validator.internal.ContractFields.shared().of(eventType.wireName()).ifPresent(fields ->
        fields.fields().values().stream()
            .filter(f -> f.observed() != null)
            .forEach(f -> removeAt(root, f.pointer().substring(1).split("/", -1), 0)));
  }

  private static void removeAt(JsonNode node, String[] tokens, int i) {
    String token = tokens[i].replace("~1", "/").replace("~0", "~");
    if (token.equals("*") && node instanceof ArrayNode array) {
      for (JsonNode element : array) {
        if (i + 1 < tokens.length) {
          removeAt(element, tokens, i + 1);
        }
      }
    } else if (node instanceof ObjectNode object) {
      if (i + 1 == tokens.length) {
        object.remove(token);
      } else if (object.has(token)) {
        removeAt(object.get(token), tokens, i + 1);
      }
    }
  }

  private void applyForm(ObjectNode root, long form) {
    root.put("formId", form);
    if (root.path("data") instanceof ObjectNode data) {
      if (data.has("formId")) {
        data.put("formId", form);
      }
      if (eventType == EventType.PUBLISH && data.has("id")) {
        data.put("id", form);
      }
    }
  }

  private static ObjectNode bundled(EventType eventType) {
    return BUNDLED.computeIfAbsent(eventType, WebconnexSample::load);
  }

  private static ObjectNode load(EventType eventType) {
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
