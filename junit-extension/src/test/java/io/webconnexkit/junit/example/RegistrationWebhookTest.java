package io.webconnexkit.junit.example;

import static io.webconnexkit.junit.WebconnexAssertions.assertConforms;
import static io.webconnexkit.junit.WebconnexAssertions.assertSignedBy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.webconnexkit.junit.WebconnexFixtures;
import io.webconnexkit.junit.WebconnexPayload;
import io.webconnexkit.validator.EventType;
import io.webconnexkit.validator.SigningSecret;
import io.webconnexkit.validator.WebconnexDelivery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;

class RegistrationWebhookTest {

  // The receiver is configured with the kit's public test secret, which signs every injected delivery.
  private static final SigningSecret SECRET = SigningSecret.of(WebconnexPayload.TEST_SECRET);

  private final RegistrationWebhookHandler handler = new RegistrationWebhookHandler(SECRET);

  @Test
  void recordsTheOrderTotal(
      @WebconnexPayload(eventType = "registration", set = "/data/total=250") WebconnexDelivery delivery) {
    assertThat(handler.handle(delivery).total()).isEqualByComparingTo("250");
  }

  @Test
  void handlesTheRecordedRegistration(@WebconnexPayload("webconnex/registration.json") WebconnexDelivery delivery) {
    assertThat(handler.handle(delivery).orderNumber()).isEqualTo("NWBGBY-1001");
  }

  @Test
  void rejectsATotalSentAsText(
      @WebconnexPayload(eventType = "registration", set = "/data/total=\"250\"", invalid = true) WebconnexDelivery delivery) {
    assertThatThrownBy(() -> handler.handle(delivery)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void rejectsADeliveryNotSignedWithItsSecret(@WebconnexPayload(eventType = "registration") WebconnexDelivery delivery) {
    RegistrationWebhookHandler production = new RegistrationWebhookHandler(SigningSecret.of("another-secret"));

    assertThatThrownBy(() -> production.handle(delivery)).isInstanceOf(SecurityException.class);
  }

  @Test
  void storesTheBodyExactlyAsReceived(@WebconnexPayload(eventType = "registration") WebconnexDelivery delivery) {
    handler.handle(delivery);

    assertConforms(handler.lastBody(), EventType.REGISTRATION);
    assertSignedBy(WebconnexDelivery.of(delivery.headers(), handler.lastBody()), SECRET);
  }

  @ParameterizedTest
  @WebconnexFixtures("webconnex/registrations/")
  void handlesEveryRecordedRegistration(WebconnexDelivery delivery) {
    assertThat(handler.handle(delivery).total()).isPositive();
  }
}
