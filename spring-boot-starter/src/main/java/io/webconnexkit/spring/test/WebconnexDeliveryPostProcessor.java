package io.webconnexkit.spring.test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.webconnexkit.spring.WebconnexProperties;
import io.webconnexkit.validator.EventType;
import io.webconnexkit.validator.SigningSecret;
import io.webconnexkit.validator.WebconnexDelivery;
import io.webconnexkit.validator.WebconnexSample;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.context.support.WebApplicationContextUtils;

/**
 * A Webconnex delivery for a MockMvc request: headers ({@code Content-Type},
 * {@code User-Agent: Webconnex-Divvy}, {@code X-Webconnex-Delivery}, {@code X-Webconnex-Event},
 * {@code X-Webconnex-Signature}) and the body, signed over the exact bytes sent. Made with
 * {@link WebconnexRequestPostProcessors#webconnex()}.
 *
 * <p>The delivery is made the first time it is used and then kept: posting the same processor
 * twice sends the same bytes with the same signature and delivery id, as a Webconnex resend does.
 * Not thread-safe; make one per test.
 */
public final class WebconnexDeliveryPostProcessor implements RequestPostProcessor {

  private static final ObjectMapper JSON = new ObjectMapper();

  private WebconnexSample sample;
  private byte[] body;
  private String eventHeader;
  private String deliveryId = WebconnexDelivery.newDeliveryId();
  private SigningSecret secret;
  private String signature;
  private boolean unsigned;
  private final List<Consumer<WebconnexSample>> changes = new ArrayList<>();
  private final Map<String, String> headers = new LinkedHashMap<>();
  private WebconnexDelivery made;

  WebconnexDeliveryPostProcessor() {}

  /** @return this, with the bundled registration sample (fresh ids) as the payload */
  public WebconnexDeliveryPostProcessor registration() {
    return event(EventType.REGISTRATION);
  }

  /** @return this, with the bundled publish sample as the payload */
  public WebconnexDeliveryPostProcessor publish() {
    return event(EventType.PUBLISH);
  }

  /** @return this, with the bundled subscription sample as the payload */
  public WebconnexDeliveryPostProcessor subscription() {
    return event(EventType.SUBSCRIPTION);
  }

  /** @return this, with the bundled coupon sample as the payload */
  public WebconnexDeliveryPostProcessor coupon() {
    return event(EventType.COUPON);
  }

  /** @return this, with the bundled test-event sample as the payload */
  public WebconnexDeliveryPostProcessor testEvent() {
    return event(EventType.TEST);
  }

  /**
   * @param type any documented event type
   * @return this, with that event's bundled sample (fresh ids) as the payload
   */
  public WebconnexDeliveryPostProcessor event(EventType type) {
    requireUnmade();
    this.sample = WebconnexSample.of(Objects.requireNonNull(type, "type"));
    this.body = null;
    return this;
  }

  /**
   * Sets a field of the sample, as {@link WebconnexSample#with} does.
   *
   * @param pointer a JSON Pointer, such as {@code /data/total}
   * @param value a String, Number, Boolean, null, a JsonNode, or any object Jackson can write
   * @return this
   */
  public WebconnexDeliveryPostProcessor set(String pointer, Object value) {
    requireSample("set(\"" + pointer + "\", ...)");
    changes.add(s -> s.with(pointer, value));
    return this;
  }

  /**
   * Removes a field of the sample, as {@link WebconnexSample#without} does.
   *
   * @param pointer a JSON Pointer
   * @return this
   */
  public WebconnexDeliveryPostProcessor without(String pointer) {
    requireSample("without(\"" + pointer + "\")");
    changes.add(s -> s.without(pointer));
    return this;
  }

  /**
   * @param payload the exact bytes to send instead of a sample
   * @return this
   */
  public WebconnexDeliveryPostProcessor body(byte[] payload) {
    requireUnmade();
    this.body = Objects.requireNonNull(payload, "payload").clone();
    this.sample = null;
    return this;
  }

  /**
   * @param resource a classpath resource holding the payload to send, such as
   *     {@code webconnex/registration.json}
   * @return this
   * @throws IllegalArgumentException when there is no such resource
   */
  public WebconnexDeliveryPostProcessor fixture(String resource) {
    String name = resource.startsWith("/") ? resource.substring(1) : resource;
    try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalArgumentException("no classpath resource " + name + " to send as a Webconnex delivery");
      }
      return body(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * @param eventType the {@code X-Webconnex-Event} header; by default the payload's {@code eventType}
   * @return this
   */
  public WebconnexDeliveryPostProcessor eventHeader(String eventType) {
    requireUnmade();
    this.eventHeader = eventType;
    return this;
  }

  /**
   * @param id the {@code X-Webconnex-Delivery} header; by default a fresh 32-hex id
   * @return this
   */
  public WebconnexDeliveryPostProcessor deliveryId(String id) {
    requireUnmade();
    this.deliveryId = Objects.requireNonNull(id, "id");
    return this;
  }

  /**
   * @param signingSecret the secret to sign with, instead of the application's first
   *     {@code webconnex.signing-secrets}: another one gives a delivery the application refuses
   * @return this
   */
  public WebconnexDeliveryPostProcessor signedWith(String signingSecret) {
    requireUnmade();
    this.secret = SigningSecret.of(signingSecret);
    return this;
  }

  /**
   * @param value the {@code X-Webconnex-Signature} header to send as it is, instead of a signature
   * @return this
   */
  public WebconnexDeliveryPostProcessor signature(String value) {
    requireUnmade();
    this.signature = Objects.requireNonNull(value, "value");
    return this;
  }

  /** @return this, sending no {@code X-Webconnex-Signature} at all */
  public WebconnexDeliveryPostProcessor unsigned() {
    requireUnmade();
    this.unsigned = true;
    return this;
  }

  /**
   * @param name a header to add or replace
   * @param value its value
   * @return this
   */
  public WebconnexDeliveryPostProcessor header(String name, String value) {
    requireUnmade();
    headers.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
    return this;
  }

  /**
   * The delivery, made on first use with the secret given or, without one, with the first
   * {@code webconnex.signing-secrets} of the application the request goes to.
   *
   * @return the delivery as sent
   * @throws IllegalStateException when no payload was chosen, or there is no secret to sign with
   */
  public WebconnexDelivery delivery() {
    return delivery(null);
  }

  @Override
  public MockHttpServletRequest postProcessRequest(MockHttpServletRequest request) {
    WebconnexDelivery delivery = delivery(request);
    delivery.headers().forEach((name, values) -> {
      request.removeHeader(name);
      values.forEach(value -> request.addHeader(name, value));
    });
    request.setContentType(delivery.header(WebconnexDelivery.CONTENT_TYPE).orElse("application/json"));
    request.setContent(delivery.body());
    return request;
  }

  private WebconnexDelivery delivery(MockHttpServletRequest request) {
    if (made != null) {
      return made;
    }
    byte[] payload;
    if (sample != null) {
      changes.forEach(change -> change.accept(sample));
      payload = sample.toBytes();
    } else if (body != null) {
      payload = body.clone();
    } else {
      throw new IllegalStateException("no payload for the Webconnex delivery: choose one with registration(), event(...),"
          + " fixture(...) or body(...)");
    }
    String event = eventHeader != null ? eventHeader : eventTypeOf(payload);
    SigningSecret key = secret != null ? secret : applicationSecret(request);
    WebconnexDelivery signed = WebconnexDelivery.signed(event, payload, key, deliveryId);
    Map<String, List<String>> all = new LinkedHashMap<>(signed.headers());
    if (unsigned) {
      all.remove(WebconnexDelivery.SIGNATURE_HEADER);
    } else if (signature != null) {
      all.put(WebconnexDelivery.SIGNATURE_HEADER, List.of(signature));
    }
    headers.forEach((name, value) -> {
      all.keySet().removeIf(existing -> existing.equalsIgnoreCase(name));
      all.put(name, List.of(value));
    });
    made = WebconnexDelivery.of(all, payload);
    return made;
  }

  private static String eventTypeOf(byte[] payload) {
    try {
      JsonNode eventType = JSON.readTree(payload).path("eventType");
      return eventType.isTextual() ? eventType.textValue() : "";
    } catch (IOException e) {
      return "";
    }
  }

  private SigningSecret applicationSecret(MockHttpServletRequest request) {
    if (unsigned || signature != null) {
      return SigningSecret.of("unused: the delivery carries no signature made with it");
    }
    WebApplicationContext context = request == null ? null
        : WebApplicationContextUtils.getWebApplicationContext(request.getServletContext());
    WebconnexProperties properties = context == null ? null : context.getBeanProvider(WebconnexProperties.class).getIfAvailable();
    if (properties == null || properties.signingSecrets().isEmpty()) {
      throw new IllegalStateException("no secret to sign the Webconnex delivery with: set webconnex.signing-secrets in the"
          + " application under test, or call signedWith(...)");
    }
    return properties.secrets().get(0);
  }

  private void requireSample(String call) {
    requireUnmade();
    if (sample == null) {
      throw new IllegalStateException(call + " changes a sample: choose one first, such as webconnex().registration()");
    }
  }

  private void requireUnmade() {
    if (made != null) {
      throw new IllegalStateException("this Webconnex delivery was already sent; make a new one with webconnex()");
    }
  }

  @Override
  public String toString() {
    return made != null ? made.toString() : "WebconnexDeliveryPostProcessor[not made yet]";
  }
}
