package io.webconnexkit.validator;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One webhook delivery as it travels over HTTP: headers and the raw body bytes. Header names are
 * case-insensitive. Immutable; the body is copied in and out.
 */
public final class WebconnexDelivery {

  /** The header naming the body's media type; Webconnex sends {@code application/json}. */
  public static final String CONTENT_TYPE = "Content-Type";
  /** The header naming the sender; Webconnex sends {@link #WEBCONNEX_USER_AGENT}. */
  public static final String USER_AGENT = "User-Agent";
  /** The header holding the delivery's id: 32 lowercase hex characters, kept by a resend. */
  public static final String DELIVERY_HEADER = "X-Webconnex-Delivery";
  /** The header repeating the body's {@code eventType}. */
  public static final String EVENT_HEADER = "X-Webconnex-Event";
  /** The header holding the lowercase hex HMAC-SHA256 of the raw body under the signing secret. */
  public static final String SIGNATURE_HEADER = "X-Webconnex-Signature";
  /** The {@code User-Agent} Webconnex sends. */
  public static final String WEBCONNEX_USER_AGENT = "Webconnex-Divvy";

  private static final SecureRandom RANDOM = new SecureRandom();

  private final Map<String, List<String>> headers;
  private final byte[] body;

  private WebconnexDelivery(Map<String, List<String>> headers, byte[] body) {
    this.headers = headers;
    this.body = body;
  }

  /**
   * A delivery from headers as received (names in any case, each with one or more values).
   *
   * @param headers each name, in any case, with its values; null names and value lists are dropped; copied
   * @param body the raw body bytes as received; copied
   * @return an immutable delivery, its header names case-insensitive
   */
  public static WebconnexDelivery of(Map<String, ? extends Collection<String>> headers, byte[] body) {
    Objects.requireNonNull(headers, "headers");
    Objects.requireNonNull(body, "body");
    Map<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.forEach((name, values) -> {
      if (name != null && values != null) {
        copy.computeIfAbsent(name, n -> new ArrayList<>()).addAll(values);
      }
    });
    copy.replaceAll((name, values) -> List.copyOf(values));
    return new WebconnexDelivery(Collections.unmodifiableMap(copy), body.clone());
  }

  /**
   * A delivery shaped exactly as Webconnex sends one: {@code Content-Type: application/json},
   * {@code User-Agent: Webconnex-Divvy}, a fresh 32-hex {@code X-Webconnex-Delivery}, the event
   * type, and the signature of these body bytes under {@code secret}.
   *
   * @param eventType the event type's wire name, sent as {@code X-Webconnex-Event}
   * @param body the raw body bytes to sign and send; copied
   * @param secret the webhook's signing secret
   * @return an immutable delivery with those five headers
   */
  public static WebconnexDelivery signed(String eventType, byte[] body, SigningSecret secret) {
    return signed(eventType, body, secret, newDeliveryId());
  }

  /**
   * As {@link #signed(String, byte[], SigningSecret)}, with a given delivery id (a resend keeps its id).
   *
   * @param eventType the event type's wire name, sent as {@code X-Webconnex-Event}
   * @param body the raw body bytes to sign and send; copied
   * @param secret the webhook's signing secret
   * @param deliveryId the {@code X-Webconnex-Delivery} value, sent as given (not checked)
   * @return an immutable delivery with the five headers of {@link #signed(String, byte[], SigningSecret)}
   */
  public static WebconnexDelivery signed(String eventType, byte[] body, SigningSecret secret, String deliveryId) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    headers.put(CONTENT_TYPE, List.of("application/json"));
    headers.put(USER_AGENT, List.of(WEBCONNEX_USER_AGENT));
    headers.put(DELIVERY_HEADER, List.of(deliveryId));
    headers.put(EVENT_HEADER, List.of(eventType));
    headers.put(SIGNATURE_HEADER, List.of(WebconnexSignature.sign(secret, body)));
    return of(headers, body);
  }

  /** {@return a fresh delivery id in Webconnex's form: 32 lowercase hex characters} */
  public static String newDeliveryId() {
    byte[] id = new byte[16];
    RANDOM.nextBytes(id);
    return HexFormat.of().formatHex(id);
  }

  /** {@return every header, names case-insensitive, in a read-only map} */
  public Map<String, List<String>> headers() {
    return headers;
  }

  /**
   * The first value of a header.
   *
   * @param name the header's name, in any case
   * @return the header's first value; empty when the header is absent or has no value
   */
  public Optional<String> header(String name) {
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /** {@return a copy of the raw body bytes} */
  public byte[] body() {
    return body.clone();
  }

  /** {@return the body decoded as UTF-8 (for display; verify and validate the bytes)} */
  public String bodyAsString() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /** {@return size of the body in bytes} */
  public int bodyLength() {
    return body.length;
  }

  byte[] bodyBytes() {
    return body;
  }

  @Override
  public String toString() {
    return "WebconnexDelivery[" + header(EVENT_HEADER).orElse("?") + ", " + header(DELIVERY_HEADER).orElse("?")
        + ", " + body.length + " bytes]";
  }
}
