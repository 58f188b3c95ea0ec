package io.webconnexkit.junit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.webconnexkit.validator.DeliveryVerifier;
import io.webconnexkit.validator.Profile;
import io.webconnexkit.validator.SignatureStatus;
import io.webconnexkit.validator.SigningSecret;
import io.webconnexkit.validator.ValidationReport;
import io.webconnexkit.validator.WebconnexDelivery;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class PayloadParameterTypesTest {

  /** A receiver's class with a java.time field, as users write them. */
  record TimedRegistration(String eventType, Data data) {
    record Data(String orderNumber, OffsetDateTime registrationTimestamp) {}
  }

  private static byte[] resource(String path) throws IOException {
    try (InputStream in = PayloadParameterTypesTest.class.getClassLoader().getResourceAsStream(path)) {
      return in.readAllBytes();
    }
  }

  @Nested
  class FromAFixture {

    @Test
    void injectsTheFileAsText(@WebconnexPayload("webconnex/registration.json") String body) throws IOException {
      assertThat(body).isEqualTo(new String(resource("webconnex/registration.json"), StandardCharsets.UTF_8));
    }

    @Test
    void injectsTheFileByteForByte(@WebconnexPayload(fixture = "webconnex/registration.json") byte[] body) throws IOException {
      assertThat(body).isEqualTo(resource("webconnex/registration.json"));
    }

    @Test
    void injectsATree(@WebconnexPayload("webconnex/registration.json") JsonNode payload) {
      assertThat(payload.path("eventType").asText()).isEqualTo("registration");
      assertThat(payload.at("/data/total").decimalValue()).isEqualByComparingTo("100");
    }

    @Test
    void injectsAnObjectNode(@WebconnexPayload("webconnex/publish.json") ObjectNode payload) {
      assertThat(payload.at("/data/status").asText()).isEqualTo("open");
    }

    @Test
    void bindsTheReceiversOwnClassIgnoringFieldsItDoesNotDeclare(
        @WebconnexPayload("webconnex/registration.json") RegistrationEvent event) {
      assertThat(event.eventType()).isEqualTo("registration");
      assertThat(event.accountId()).isEqualTo(14);
      assertThat(event.data().total()).isEqualByComparingTo(new BigDecimal("100"));
      assertThat(event.data().registrants()).hasSize(1);
    }

    @Test
    void aTreeKeepsMoneyAsTheDecimalWritten(
        @WebconnexPayload(eventType = "registration", set = "/data/total=250.10") JsonNode payload) {
      JsonNode total = payload.at("/data/total");
      assertThat(total.isBigDecimal()).as("250.10 as a decimal node, not a double").isTrue();
      assertThat(total.decimalValue()).isEqualTo(new BigDecimal("250.10"));
      assertThat(total.toString()).isEqualTo("250.10");
    }

    @Test
    void bindsJavaTimeTypesWithoutAModuleOfTheUsers(@WebconnexPayload("webconnex/registration.json") TimedRegistration event) {
      assertThat(event.data().registrationTimestamp()).isEqualTo(OffsetDateTime.parse("2026-11-24T17:26:29Z"));
    }

    @Test
    void bindsGenericTypes(@WebconnexPayload("webconnex/registration.json") Map<String, Object> payload) {
      assertThat(payload).containsEntry("eventType", "registration").containsKey("data");
    }

    @Test
    void injectsTheReport(@WebconnexPayload("webconnex/registration.json") ValidationReport report) {
      assertThat(report.isValid()).isTrue();
      assertThat(report.eventType()).contains("registration");
      assertThat(report.profile()).isEqualTo(Profile.LENIENT);
    }

    @Test
    void injectsASignedDeliveryOfTheExactBytes(@WebconnexPayload("webconnex/registration.json") WebconnexDelivery delivery)
        throws IOException {
      assertThat(delivery.body()).isEqualTo(resource("webconnex/registration.json"));
      assertThat(delivery.header(WebconnexDelivery.EVENT_HEADER)).contains("registration");
      assertThat(DeliveryVerifier.builder().signingSecret(SigningSecret.of(WebconnexPayload.TEST_SECRET)).build()
          .verify(delivery).signature()).isEqualTo(SignatureStatus.VERIFIED);
    }

    @Test
    void validatesAsTheEventTypeGiven(
        @WebconnexPayload(value = "webconnex/publish.json", eventType = "publish") ValidationReport report) {
      assertThat(report.isValid()).isTrue();
      assertThat(report.eventType()).contains("publish");
    }

    @Test
    void readsFromTheClasspathRootWithALeadingSlash(@WebconnexPayload("/webconnex/publish.json") JsonNode payload) {
      assertThat(payload.path("eventType").asText()).isEqualTo("publish");
    }

    @Test
    void readsFixturesFromDependencyJars(@WebconnexPayload("webconnex/samples/v1/coupon.json") JsonNode payload) {
      // The samples ship inside the webconnex-schemas jar.
      assertThat(payload.path("eventType").asText()).isEqualTo("coupon");
    }
  }

  @Nested
  class Generated {

    @Test
    void injectsEveryType(
        @WebconnexPayload(eventType = "registration") String text,
        @WebconnexPayload(eventType = "registration") byte[] bytes,
        @WebconnexPayload(eventType = "registration") JsonNode tree,
        @WebconnexPayload(eventType = "registration") RegistrationEvent event,
        @WebconnexPayload(eventType = "registration") ValidationReport report,
        @WebconnexPayload(eventType = "registration") WebconnexDelivery delivery) {
      assertThat(text).contains("\"eventType\" : \"registration\"");
      assertThat(new String(bytes, StandardCharsets.UTF_8)).contains("\"eventType\" : \"registration\"");
      assertThat(tree.path("eventType").asText()).isEqualTo("registration");
      assertThat(event.data().id()).hasSize(19);
      assertThat(report.isValid()).isTrue();
      assertThat(delivery.header(WebconnexDelivery.EVENT_HEADER)).contains("registration");
    }
  }

  @Nested
  class InConstructorsAndLifecycleMethods {

    private final JsonNode fromConstructor;
    private String fromBeforeEach;

    InConstructorsAndLifecycleMethods(@WebconnexPayload("webconnex/publish.json") JsonNode payload) {
      this.fromConstructor = payload;
    }

    @BeforeEach
    void setUp(@WebconnexPayload(eventType = "coupon") String body) {
      this.fromBeforeEach = body;
    }

    @Test
    void injectsConstructorParameters() {
      assertThat(fromConstructor.path("eventType").asText()).isEqualTo("publish");
    }

    @Test
    void injectsLifecycleMethodParameters() {
      assertThat(fromBeforeEach).contains("\"eventType\" : \"coupon\"");
    }
  }
}
