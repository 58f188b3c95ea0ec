package io.webconnexkit.examples.receiver;

import static org.assertj.core.api.Assertions.assertThat;

import io.webconnexkit.junit.WebconnexFixtures;
import io.webconnexkit.junit.WebconnexPayload;
import io.webconnexkit.model.RegistrationEvent;
import io.webconnexkit.validator.WebconnexDelivery;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The kit's JUnit extension hands each test a delivery signed as Webconnex signs it, from a
 * recorded fixture (checked against the contract before the test runs) or a generated sample, or
 * the fixture as a typed event. The application is configured with the extension's public test
 * secret and driven over real HTTP on 127.0.0.1.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"webconnex.signing-secrets=" + WebconnexPayload.TEST_SECRET, "server.address=127.0.0.1"})
class RecordedAndGeneratedDeliveriesTest {

  @LocalServerPort
  int port;

  @Test
  void theRecordedRegistrationIsATypedEventWithExactValues(@WebconnexPayload("webconnex/registration.json") RegistrationEvent event) {
    assertThat(event.data().id()).isEqualTo("1450805189464127571");
    assertThat(event.data().total()).isEqualTo(new BigDecimal("100"));
    assertThat(event.data().registrationTimestamp().text()).isEqualTo("2026-11-24T17:26:29Z");
  }

  @Test
  void acceptsTheRecordedRegistration(@WebconnexPayload("webconnex/registration.json") WebconnexDelivery delivery)
      throws Exception {
    HttpResponse<String> response = new ReceiverClient(port).post(delivery);

    assertThat(response.statusCode()).isEqualTo(200);
  }

  @ParameterizedTest
  @WebconnexFixtures("webconnex/recorded/")
  void acceptsEveryRecordedDelivery(WebconnexDelivery delivery) throws Exception {
    HttpResponse<String> response = new ReceiverClient(port).post(delivery);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).containsAnyOf("\"status\":\"accepted\"", "\"status\":\"duplicate\"");
  }

  @Test
  void acceptsAGeneratedCouponWithFreshIds(@WebconnexPayload(eventType = "coupon") WebconnexDelivery delivery)
      throws Exception {
    HttpResponse<String> response = new ReceiverClient(port).post(delivery);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("\"status\":\"accepted\"");
  }

  @Test
  void answers400WithTheProblemForANonconformingPayload(
      @WebconnexPayload(eventType = "registration", set = "/data/total=\"100\"", invalid = true) WebconnexDelivery delivery)
      throws Exception {
    HttpResponse<String> response = new ReceiverClient(port).post(delivery);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("\"pointer\":\"/data/total\"", "expected number but found string");
  }
}
