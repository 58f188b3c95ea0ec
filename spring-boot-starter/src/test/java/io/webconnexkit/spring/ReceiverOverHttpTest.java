package io.webconnexkit.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.webconnexkit.model.RegistrationEvent;
import io.webconnexkit.spring.app.ReceiverApplication;
import io.webconnexkit.spring.app.Received;
import io.webconnexkit.validator.EventType;
import io.webconnexkit.validator.SigningSecret;
import io.webconnexkit.validator.WebconnexDelivery;
import io.webconnexkit.validator.WebconnexSample;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The application over real HTTP on 127.0.0.1, as Webconnex would reach it: exact bytes and
 * headers sent by the JDK's client to the embedded server on a random port.
 */
@SpringBootTest(classes = ReceiverApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "server.address=127.0.0.1")
class ReceiverOverHttpTest {

  private static final SigningSecret SECRET = SigningSecret.of("starter-test-secret");

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @LocalServerPort
  int port;

  @Autowired
  Received received;

  private HttpResponse<String> post(WebconnexDelivery delivery) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/webhooks/webconnex"))
        .timeout(Duration.ofSeconds(10))
        .POST(HttpRequest.BodyPublishers.ofByteArray(delivery.body()));
    delivery.headers().forEach((name, values) -> {
      // The JDK client sets User-Agent itself and refuses to override it.
      if (!name.equalsIgnoreCase("User-Agent")) {
        values.forEach(value -> request.header(name, value));
      }
    });
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aSignedConformingDeliveryIs200AndItsResendIs200WithoutASecondCall() throws Exception {
    byte[] body = WebconnexSample.of(EventType.REGISTRATION).with("/data/total", 20.6).toBytes();
    WebconnexDelivery delivery = WebconnexDelivery.signed("registration", body, SECRET);

    HttpResponse<String> first = post(delivery);
    HttpResponse<String> resend = post(delivery);

    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(first.body()).contains("\"status\":\"accepted\"");
    assertThat(resend.statusCode()).isEqualTo(200);
    assertThat(resend.body()).contains("\"status\":\"duplicate\"");
    assertThat(received.of(delivery.header(WebconnexDelivery.DELIVERY_HEADER).orElseThrow())).singleElement()
        .satisfies(call -> assertThat(((RegistrationEvent) call.event()).data().total()).hasToString("20.6"));
  }

  @Test
  void aDeliverySignedWithAnotherSecretIs401() throws Exception {
    WebconnexDelivery forged = WebconnexDelivery.signed("registration",
        WebconnexSample.of(EventType.REGISTRATION).toBytes(), SigningSecret.of("not-the-secret"));

    HttpResponse<String> response = post(forged);

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.body()).isEqualTo("{\"error\":\"signature\",\"signature\":\"invalid\"}");
  }

  @Test
  void aNonconformingDeliveryIs400WithTheProblem() throws Exception {
    byte[] body = WebconnexSample.of(EventType.REGISTRATION).with("/data/total", "100").toBytes();

    HttpResponse<String> response = post(WebconnexDelivery.signed("registration", body, SECRET));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("\"pointer\":\"/data/total\"", "expected number but found string \\\"100\\\"");
  }
}
