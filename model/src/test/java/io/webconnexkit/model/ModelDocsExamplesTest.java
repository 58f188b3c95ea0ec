package io.webconnexkit.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.webconnexkit.validator.DeliveryVerifier;
import io.webconnexkit.validator.Problem;
import io.webconnexkit.validator.SigningSecret;
import io.webconnexkit.validator.WebconnexDelivery;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The samples of docs/model.md, compiled and run here (the docs module checks that the page quotes them verbatim). */
class ModelDocsExamplesTest {

  /** Stands in for a receiver's own service. */
  static final class Orders {
    final List<String> recorded = new ArrayList<>();

    void record(String orderId, BigDecimal total, Instant registered, String email) {
      recorded.add(orderId + " " + total + " " + registered + " " + email);
    }
  }

  private final Orders orders = new Orders();
  private final List<String> log = new ArrayList<>();

  @Test
  void parse() {
    byte[] body = Json.resource("payloads/registration-real-shaped.json");

    WebconnexEvent event = WebconnexEvents.parse(body);
    if (event instanceof RegistrationEvent registration) {
      RegistrationEvent.Data data = registration.data();
      String email = data.registrants().get(0).field("email", EmailField.class).map(EmailField::value).orElse(null);
      orders.record(data.id(), data.total(), data.registrationTimestamp().instant(), email);
    }

    assertThat(orders.recorded).containsExactly("1450805189464127571 20.6 2015-12-02T16:26:58Z robert.jones@example.com");
  }

  @Test
  void refusal() {
    byte[] body = Json.resource("payloads/registration-total-as-string.json");

    try {
      WebconnexEvents.parse(body);
    } catch (WebconnexEventException e) {
      for (Problem problem : e.report().errors()) {
        log.add(problem.pointer() + ": " + problem.message());
      }
    }

    assertThat(log).containsExactly("/data/total: expected number but found string \"100\"");
  }

  @Test
  void verifyThenBind() {
    String secret = "docs-example-secret";
    byte[] rawBody = Json.resource("payloads/coupon-global.json");
    Map<String, List<String>> headers = WebconnexDelivery.signed("coupon", rawBody, SigningSecret.of(secret)).headers();

    DeliveryVerifier verifier = DeliveryVerifier.builder()
        .signingSecret(SigningSecret.of(secret))
        .build();
    WebconnexEvent event = WebconnexEvents.verifyAndParse(verifier, WebconnexDelivery.of(headers, rawBody));

    assertThat(event).isInstanceOf(CouponEvent.class);
  }

  @Test
  void yourOwnMapper() throws Exception {
    byte[] body = Json.resource("payloads/registration-real-shaped.json");

    ObjectMapper mapper = new ObjectMapper().registerModule(new WebconnexModule());
    WebconnexEvent event = mapper.readValue(body, WebconnexEvent.class);
    byte[] written = mapper.writeValueAsBytes(event);

    assertThat(Json.canonical(Json.tree(written))).isEqualTo(Json.canonical(Json.tree(body)));
  }

  @Test
  void extras() {
    RegistrationEvent event = WebconnexEvents.parse(Json.resource("payloads/registration-real-shaped.json"), RegistrationEvent.class);

    String version = event.extras().get("webhookVersion").textValue();
    String seat = event.data().tickets().get(0).extras().get("seat").textValue();

    assertThat(version).isEqualTo("2015-11");
    assertThat(seat).isEqualTo("A12");
  }
}
