package io.webconnexkit.junit.example;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.webconnexkit.validator.SigningSecret;
import io.webconnexkit.validator.WebconnexDelivery;
import io.webconnexkit.validator.WebconnexSignature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;

/**
 * The code under test in docs/junit-extension.md: how a receiver might handle registration
 * webhooks. It verifies the signature over the raw body, keeps the body for replay, and reads the
 * order.
 */
final class RegistrationWebhookHandler {

  record Order(String orderNumber, BigDecimal total) {}

  private final SigningSecret secret;
  private final ObjectMapper mapper = new ObjectMapper();
  private byte[] lastBody;

  RegistrationWebhookHandler(SigningSecret secret) {
    this.secret = secret;
  }

  /**
   * @throws SecurityException when the delivery is not signed with the webhook's secret
   * @throws IllegalArgumentException when the payload is not a registration the handler can record
   */
  Order handle(WebconnexDelivery delivery) {
    String signature = delivery.header(WebconnexDelivery.SIGNATURE_HEADER).orElse("");
    if (!WebconnexSignature.matches(secret, delivery.body(), signature)) {
      throw new SecurityException("signature does not match");
    }
    lastBody = delivery.body();
    JsonNode payload;
    try {
      payload = mapper.readTree(lastBody);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    JsonNode total = payload.at("/data/total");
    if (!payload.path("eventType").asText().equals("registration") || !total.isNumber()) {
      throw new IllegalArgumentException("not a registration with a numeric total");
    }
    return new Order(payload.at("/data/orderNumber").asText(), total.decimalValue());
  }

  /** The raw body of the last delivery accepted, as stored for replay. */
  byte[] lastBody() {
    return lastBody;
  }
}
