package io.webconnexkit.examples.receiver;

import static org.assertj.core.api.Assertions.assertThat;

import io.webconnexkit.model.RegistrationEvent;
import io.webconnexkit.model.WebconnexEvents;
import io.webconnexkit.validator.EventType;
import io.webconnexkit.validator.SigningSecret;
import io.webconnexkit.wiremock.DeliveryLog;
import io.webconnexkit.wiremock.MockWebconnex;
import io.webconnexkit.wiremock.SendResult;
import io.webconnexkit.wiremock.WebhookSettings;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The running application, driven by the kit's mock Webconnex as the real one would drive it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"webconnex.signing-secrets=" + MockWebconnexDeliveriesTest.SECRET, "server.address=127.0.0.1"})
class MockWebconnexDeliveriesTest {

  static final String SECRET = "mock-webconnex-secret";

  @LocalServerPort
  int port;

  @Autowired
  Orders orders;

  private MockWebconnex webconnex(String secret) {
    return MockWebconnex.builder()
        .webhook(WebhookSettings.builder().id(1).name("Receiver").url(new ReceiverClient(port).url())
            .signingSecret(SigningSecret.of(secret)).build())
        .timeout(Duration.ofSeconds(5))
        .build();
  }

  @Test
  void aDeliveryIsHandledAndItsResendIsAcknowledgedButNotHandledAgain() {
    MockWebconnex webconnex = webconnex(SECRET);

    SendResult sent = webconnex.send(EventType.REGISTRATION);
    DeliveryLog first = sent.deliveries().get(0);
    DeliveryLog resent = webconnex.resend(1, first.id());

    assertThat(first.status()).isEqualTo(DeliveryLog.Status.SUCCESS);
    assertThat(first.responseBody()).contains("\"status\":\"accepted\"");
    assertThat(resent.status()).isEqualTo(DeliveryLog.Status.SUCCESS);
    assertThat(resent.responseBody()).contains("\"status\":\"duplicate\"");
    assertThat(resent.requestHeaders().get("X-Webconnex-Signature")).isEqualTo(first.requestHeaders().get("X-Webconnex-Signature"));
    String orderNumber = WebconnexEvents.parse(first.requestBody(), RegistrationEvent.class).data().orderNumber();
    assertThat(orders.withNumber(orderNumber)).hasSize(1);
  }

  @Test
  void aWebhookWithTheWrongSecretIsRefusedAndLoggedAsAnError() {
    MockWebconnex webconnex = webconnex("a-secret-the-receiver-does-not-know");

    DeliveryLog log = webconnex.send(EventType.SUBSCRIPTION).deliveries().get(0);

    assertThat(log.responseCode()).isEqualTo(401);
    assertThat(log.status()).isEqualTo(DeliveryLog.Status.ERROR);
  }
}
