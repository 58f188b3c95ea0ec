package io.webconnexkit.examples.receiver;

import static org.assertj.core.api.Assertions.assertThat;

import io.webconnexkit.validator.EventType;
import io.webconnexkit.validator.SigningSecret;
import io.webconnexkit.validator.WebconnexDelivery;
import io.webconnexkit.validator.WebconnexSample;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Drives the running application over real HTTP on 127.0.0.1, as Webconnex would. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"webconnex.signing-secret=" + WebhookControllerTest.SECRET, "server.address=127.0.0.1"})
class WebhookControllerTest {

  static final String SECRET = "receiver-test-secret";

  @LocalServerPort
  int port;

  @Autowired
  WebhookEvents events;

  private ReceiverClient client() {
    return new ReceiverClient(port);
  }

  @Test
  void acceptsASignedConformingRegistrationAndHandlesItOnce() throws Exception {
    WebconnexDelivery delivery = WebconnexDelivery.signed("registration",
        WebconnexSample.of(EventType.REGISTRATION).toBytes(), SigningSecret.of(SECRET));

    HttpResponse<String> first = client().post(delivery);
    HttpResponse<String> resend = client().post(delivery);

    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(first.body()).contains("\"status\":\"accepted\"");
    assertThat(resend.statusCode()).isEqualTo(200);
    assertThat(resend.body()).contains("\"status\":\"duplicate\"");
    String deliveryId = delivery.header(WebconnexDelivery.DELIVERY_HEADER).orElseThrow();
    org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
        assertThat(events.handled()).filteredOn(h -> h.deliveryId().equals(deliveryId)).hasSize(1));
  }

  @Test
  void rejectsAWrongSignatureWith401() throws Exception {
    WebconnexDelivery forged = WebconnexDelivery.signed("registration",
        WebconnexSample.of(EventType.REGISTRATION).toBytes(), SigningSecret.of("not-the-secret"));

    HttpResponse<String> response = client().post(forged);

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.body()).contains("\"signature\":\"invalid\"");
  }

  @Test
  void rejectsANonconformingPayloadWith400AndSaysWhere() throws Exception {
    byte[] body = WebconnexSample.of(EventType.REGISTRATION).with("/data/total", "100").toBytes();

    HttpResponse<String> response = client().post(WebconnexDelivery.signed("registration", body, SigningSecret.of(SECRET)));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("\"pointer\":\"/data/total\"", "expected number but found string \\\"100\\\"");
  }
}
