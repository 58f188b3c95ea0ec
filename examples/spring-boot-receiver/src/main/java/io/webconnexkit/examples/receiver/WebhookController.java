package io.webconnexkit.examples.receiver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.webconnexkit.validator.DeliveryVerifier;
import io.webconnexkit.validator.Problem;
import io.webconnexkit.validator.SignatureStatus;
import io.webconnexkit.validator.ValidationReport;
import io.webconnexkit.validator.WebconnexDelivery;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Receives Webconnex webhooks: reads the raw body, verifies its signature before parsing anything,
 * validates the payload, and answers at once.
 */
@RestController
class WebhookController {

  private final DeliveryVerifier verifier;
  private final HandledDeliveries handledDeliveries;
  private final WebhookEvents events;
  private final ObjectMapper mapper;

  WebhookController(DeliveryVerifier verifier, HandledDeliveries handledDeliveries, WebhookEvents events, ObjectMapper mapper) {
    this.verifier = verifier;
    this.handledDeliveries = handledDeliveries;
    this.events = events;
    this.mapper = mapper;
  }

  // The body is taken as bytes: the signature covers the exact bytes sent, which a parsed and
  // re-serialised object would not reproduce.
  @PostMapping(path = "/webhooks/webconnex")
  ResponseEntity<Map<String, Object>> receive(@RequestHeader HttpHeaders headers, @RequestBody(required = false) byte[] body)
      throws IOException {
    WebconnexDelivery delivery = WebconnexDelivery.of(headers, body == null ? new byte[0] : body);

    SignatureStatus signature = verifier.verifySignature(delivery);
    if (signature != SignatureStatus.VERIFIED) {
      return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
          .body(Map.of("error", "signature", "signature", signature.label()));
    }

    ValidationReport report = verifier.verify(delivery);
    if (!report.isValid()) {
      return ResponseEntity.badRequest().body(Map.of("error", "payload", "problems", describe(report.errors())));
    }

    String deliveryId = delivery.header(WebconnexDelivery.DELIVERY_HEADER).orElse("");
    JsonNode payload = mapper.readTree(body);
    String eventType = payload.path("eventType").asText();
    Long eventId = payload.path("eventId").canConvertToLong() ? payload.path("eventId").asLong() : null;
    if (!handledDeliveries.firstTime(deliveryId, eventType, eventId)) {
      return ResponseEntity.ok(Map.of("status", "duplicate", "deliveryId", deliveryId));
    }
    events.handle(deliveryId, eventType, payload);
    return ResponseEntity.ok(Map.of("status", "accepted", "deliveryId", deliveryId));
  }

  private static List<Map<String, Object>> describe(List<Problem> problems) {
    return problems.stream().map(p -> {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("key", p.key());
      m.put("pointer", p.header().orElse(p.pointer()));
      m.put("message", p.message());
      if (p.hasLocation()) {
        m.put("line", p.line());
        m.put("column", p.column());
      }
      return m;
    }).toList();
  }
}
