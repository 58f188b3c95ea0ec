package io.webconnexkit.wiremock;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.webconnexkit.validator.RecordedDelivery;
import io.webconnexkit.validator.SigningSecret;
import io.webconnexkit.validator.WebconnexDelivery;
import io.webconnexkit.validator.WebconnexSignature;
import io.webconnexkit.wiremock.internal.DeliveryEngine;
import io.webconnexkit.wiremock.internal.MockState;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Replays recorded deliveries (what {@link io.webconnexkit.validator.RecordedDeliveryReader} finds in
 * a WireMock journal, a webhook logs API record, a JSON Lines archive, a bare payload) into a
 * receiver, as {@code webconnex replay} does. The body is the recorded bytes where the record has
 * them (a WireMock journal), otherwise the recorded JSON serialised once, compactly and with every
 * number as written; the recorded headers are sent again, with {@code X-Webconnex-Signature}
 * computed over the exact bytes sent (or kept as recorded) and a fresh {@code X-Webconnex-Delivery}
 * (or the recorded one, to test de-duplication). Immutable.
 *
 * <pre>{@code
 * List<RecordedDelivery> recorded = RecordedDeliveryReader.standard().readAll(Path.of("pulled.jsonl"), "pulled.jsonl");
 * List<DeliveryLog> replayed = DeliveryReplay.standard().into(webconnex, 1, recorded);
 * }</pre>
 * Replayed into a {@link MockWebconnex}, each delivery goes to the webhook's URL, signed with its
 * secret, and the mock's log records it like any other delivery.
 */
public final class DeliveryReplay {

  private static final Set<String> NOT_SENT = Set.of("content-length", "host", "connection", "transfer-encoding",
      "expect", "upgrade", "keep-alive", "te", "trailer", "proxy-connection");
  private static final ObjectMapper EXACT = JsonMapper.builder()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
      .build();

  private final boolean keepSignature;
  private final boolean keepDeliveryId;

  private DeliveryReplay(boolean keepSignature, boolean keepDeliveryId) {
    this.keepSignature = keepSignature;
    this.keepDeliveryId = keepDeliveryId;
  }

  /** {@return a replay that signs again and sends a fresh delivery id} */
  public static DeliveryReplay standard() {
    return new DeliveryReplay(false, false);
  }

  /** {@return the same replay, sending {@code X-Webconnex-Signature} as recorded instead of signing again} */
  public DeliveryReplay keepingSignature() {
    return new DeliveryReplay(true, keepDeliveryId);
  }

  /** {@return the same replay, sending {@code X-Webconnex-Delivery} as recorded, to test a receiver's de-duplication} */
  public DeliveryReplay keepingDeliveryId() {
    return new DeliveryReplay(keepSignature, true);
  }

  /** {@return whether the recorded signature is sent instead of a new one} */
  public boolean keepsSignature() {
    return keepSignature;
  }

  /** {@return whether the recorded delivery id is sent instead of a fresh one} */
  public boolean keepsDeliveryId() {
    return keepDeliveryId;
  }

  /**
   * One request to send: its event type (from {@code X-Webconnex-Event} or the body), headers and body.
   *
   * @param eventType the event type, or {@code unknown}
   * @param headers the headers to send, names as recorded
   * @param body the exact bytes to send
   */
  public record Request(String eventType, Map<String, List<String>> headers, byte[] body) {
    /**
     * Copies what it is given.
     *
     * @param body the exact bytes to send; copied
     * @param eventType the event type's wire name, or {@code unknown}
     * @param headers the headers to send, names as recorded; copied
     */
    public Request {
      Map<String, List<String>> copy = new LinkedHashMap<>();
      headers.forEach((k, v) -> copy.put(k, List.copyOf(v)));
      headers = Collections.unmodifiableMap(copy);
      body = body.clone();
    }

    /** @return a copy of the bytes to send */
    @Override
    public byte[] body() {
      return body.clone();
    }

    /**
     * @return the header's first value, its name matched in any case; empty when it is absent
     * @param name the header's name, in any case
     */
    public Optional<String> header(String name) {
      return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty())
          .map(e -> e.getValue().get(0)).findFirst();
    }

    /** Never the body. */
    @Override
    public String toString() {
      return "Request[" + eventType + ", " + body.length + " bytes]";
    }
  }

  /**
   * The request a recorded delivery is replayed as.
   *
   * @param record a record the reader found
   * @param secret signs the bytes sent; may be null only when the signature is kept as recorded
   * @return the request, its headers completed and its body the exact bytes to send
   * @throws IllegalArgumentException when the record holds nothing to send (it could not be read or
   *     recognised: the message says why), or when there is no secret to sign with
   */
  public Request request(RecordedDelivery record, SigningSecret secret) {
    Objects.requireNonNull(record, "record");
    if (!record.hasBody()) {
      throw new IllegalArgumentException(record.readProblems().isEmpty() ? "nothing to send"
          : record.readProblems().get(0).message());
    }
    if (!keepSignature && secret == null) {
      throw new IllegalArgumentException("no signing secret: give one, or keep the recorded signature");
    }
    byte[] body = record.hasRawBody() ? record.body() : serialisedOnce(record.body());
    Map<String, List<String>> headers = new LinkedHashMap<>();
    record.headers().ifPresent(recorded -> recorded.forEach((name, values) -> {
      if (!NOT_SENT.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
        headers.put(name, List.copyOf(values));
      }
    }));
    String eventType = first(headers, WebconnexDelivery.EVENT_HEADER).orElseGet(() -> eventTypeOf(body));
    putIfAbsent(headers, WebconnexDelivery.CONTENT_TYPE, "application/json");
    putIfAbsent(headers, WebconnexDelivery.USER_AGENT, WebconnexDelivery.WEBCONNEX_USER_AGENT);
    putIfAbsent(headers, WebconnexDelivery.EVENT_HEADER, eventType);
    if (!keepDeliveryId || first(headers, WebconnexDelivery.DELIVERY_HEADER).isEmpty()) {
      put(headers, WebconnexDelivery.DELIVERY_HEADER, WebconnexDelivery.newDeliveryId());
    }
    if (!keepSignature) {
      put(headers, WebconnexDelivery.SIGNATURE_HEADER, WebconnexSignature.sign(secret, body));
    }
    return new Request(eventType, headers, body);
  }

  /**
   * Replays records into a mock's webhook, in their order, one after the other: each to the
   * webhook's URL, signed with its secret, logged by the mock like any other delivery. Records
   * with nothing to send (unreadable files) are skipped; see {@link #request}.
   *
   * @param webconnex the mock whose webhook and log are used
   * @param webhookId a configured webhook
   * @param records the records, in the order to send them; those with no body are skipped
   * @return the attempts as the mock logged them, in the records' order; immutable
   * @throws IllegalArgumentException when no such webhook is configured
   */
  public List<DeliveryLog> into(MockWebconnex webconnex, long webhookId, List<RecordedDelivery> records) {
    MockState state = webconnex.state();
    WebhookSettings webhook = state.settings().webhook(webhookId)
        .orElseThrow(() -> new IllegalArgumentException("no webhook " + webhookId + " is configured"));
    SigningSecret secret = state.secret(webhookId).orElse(null);
    List<DeliveryLog> logs = new ArrayList<>();
    for (RecordedDelivery record : records) {
      if (!record.hasBody()) {
        continue;
      }
      Request r = request(record, secret);
      JsonNode body = parse(r.body);
      logs.add(state.engine().dispatch(new DeliveryEngine.Outgoing(webhookId, webhook.url(), r.eventType(),
          longOf(body, "formId"), longOf(body, "eventId"), r.headers(), r.body, 1, false), Duration.ZERO).join());
    }
    return List.copyOf(logs);
  }

  private static byte[] serialisedOnce(byte[] written) {
    try {
      JsonNode tree = EXACT.readTree(written);
      return EXACT.writeValueAsBytes(tree);
    } catch (IOException e) {
      // Not JSON after all (a body kept as text): the bytes as recorded.
      return written;
    }
  }

  private static String eventTypeOf(byte[] body) {
    JsonNode type = parse(body).path("eventType");
    return type.isTextual() && !type.asText().isBlank() ? type.asText() : "unknown";
  }

  private static JsonNode parse(byte[] body) {
    try {
      JsonNode node = EXACT.readTree(body);
      return node == null ? EXACT.missingNode() : node;
    } catch (JsonProcessingException e) {
      return EXACT.missingNode();
    } catch (IOException e) {
      return EXACT.missingNode();
    }
  }

  private static Long longOf(JsonNode body, String field) {
    JsonNode n = body.path(field);
    return n.canConvertToLong() && n.isIntegralNumber() ? n.asLong() : null;
  }

  private static Optional<String> first(Map<String, List<String>> headers, String name) {
    return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty())
        .map(e -> e.getValue().get(0)).findFirst();
  }

  private static void putIfAbsent(Map<String, List<String>> headers, String name, String value) {
    if (first(headers, name).isEmpty()) {
      put(headers, name, value);
    }
  }

  private static void put(Map<String, List<String>> headers, String name, String value) {
    headers.keySet().removeIf(k -> k.equalsIgnoreCase(name));
    headers.put(name, List.of(value));
  }

  @Override
  public String toString() {
    return "DeliveryReplay[" + (keepSignature ? "recorded signature" : "signed again") + ", "
        + (keepDeliveryId ? "recorded delivery id" : "fresh delivery id") + "]";
  }
}
