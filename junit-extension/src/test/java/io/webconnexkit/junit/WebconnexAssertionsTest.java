package io.webconnexkit.junit;

import static io.webconnexkit.junit.WebconnexAssertions.assertConforms;
import static io.webconnexkit.junit.WebconnexAssertions.assertSignedBy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.webconnexkit.validator.EventType;
import io.webconnexkit.validator.Profile;
import io.webconnexkit.validator.SigningSecret;
import io.webconnexkit.validator.WebconnexDelivery;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

class WebconnexAssertionsTest {

  private static final SigningSecret TEST_SECRET = SigningSecret.of(WebconnexPayload.TEST_SECRET);

  @Test
  void passesForAConformingPayloadAndReturnsTheReport(@WebconnexPayload("webconnex/registration.json") String body) {
    assertThat(assertConforms(body).isValid()).isTrue();
    assertThat(assertConforms(body.getBytes(StandardCharsets.UTF_8)).eventType()).contains("registration");
    assertThat(assertConforms(body, EventType.REGISTRATION).isValid()).isTrue();
    assertThat(assertConforms(body, Profile.STRICT).profile()).isEqualTo(Profile.STRICT);
  }

  @Test
  void failsWithTheReportAndExpectedAndActual(
      @WebconnexPayload(value = "webconnex/broken/registration-total-as-string.json", invalid = true) byte[] body) {
    assertThatThrownBy(() -> assertConforms(body))
        .isInstanceOf(AssertionFailedError.class)
        .hasMessage(String.join(System.lineSeparator(),
            "payload does not conform to the Webconnex contract",
            "invalid registration payload (lenient profile): 1 error, 0 warnings",
            "  error: /data/total: expected number but found string \"100\" (line 123, column 14)"))
        .satisfies(failure -> {
          AssertionFailedError afe = (AssertionFailedError) failure;
          assertThat(afe.getExpected().getStringRepresentation()).isEqualTo("valid registration payload (lenient profile)");
          assertThat(afe.getActual().getStringRepresentation()).startsWith("invalid registration payload");
        });
  }

  @Test
  void checksAsTheEventTypeGiven(@WebconnexPayload("webconnex/publish.json") String body) {
    assertThatThrownBy(() -> assertConforms(body, EventType.REGISTRATION))
        .isInstanceOf(AssertionFailedError.class)
        .hasMessageContaining("/eventType: expected \"registration\" but found string \"publish\"");
    assertConforms(body, EventType.PUBLISH, Profile.STRICT);
  }

  @Test
  void checksUnderTheProfileGiven(@WebconnexPayload("webconnex/strict-only/registration-official-example.json") String body) {
    assertConforms(body);
    assertThatThrownBy(() -> assertConforms(body, Profile.STRICT))
        .isInstanceOf(AssertionFailedError.class)
        .hasMessageContaining("invalid registration payload (strict profile)");
    assertThatThrownBy(() -> assertConforms(body, EventType.REGISTRATION, Profile.STRICT))
        .hasMessageContaining("(strict profile)");
  }

  @Test
  void malformedJsonIsAFailureNotAnException() {
    assertThatThrownBy(() -> assertConforms("{\"eventType\": \"publish\",}"))
        .isInstanceOf(AssertionFailedError.class)
        .hasMessageContaining("malformed JSON")
        .hasMessageContaining("line 1");
  }

  @Test
  void assertSignedByPassesForTheRightSecret(@WebconnexPayload(eventType = "publish") WebconnexDelivery delivery) {
    assertSignedBy(delivery, TEST_SECRET);
  }

  @Test
  void assertSignedByFailsForAnotherSecretWithoutShowingEitherSecret(
      @WebconnexPayload(eventType = "publish") WebconnexDelivery delivery) {
    SigningSecret other = SigningSecret.of("some-other-secret");

    assertThatThrownBy(() -> assertSignedBy(delivery, other))
        .isInstanceOf(AssertionFailedError.class)
        .hasMessageStartingWith("delivery is not signed by the given secret: signature invalid")
        .hasMessageContaining("X-Webconnex-Signature: does not match the body")
        .hasMessageNotContaining("some-other-secret")
        .hasMessageNotContaining(WebconnexPayload.TEST_SECRET)
        .satisfies(failure -> {
          AssertionFailedError afe = (AssertionFailedError) failure;
          assertThat(afe.getActual().getStringRepresentation())
              .isEqualTo("X-Webconnex-Signature: " + delivery.header(WebconnexDelivery.SIGNATURE_HEADER).orElseThrow());
        });
  }

  @Test
  void assertSignedByFailsForABodyChangedAfterSigning(@WebconnexPayload(eventType = "publish") WebconnexDelivery delivery) {
    byte[] changed = delivery.bodyAsString().replace("open", "closed").getBytes(StandardCharsets.UTF_8);
    WebconnexDelivery tampered = WebconnexDelivery.of(delivery.headers(), changed);

    assertThatThrownBy(() -> assertSignedBy(tampered, TEST_SECRET))
        .isInstanceOf(AssertionFailedError.class)
        .hasMessageContaining("signature invalid");
  }

  @Test
  void assertSignedByFailsForAMissingSignature(@WebconnexPayload(eventType = "publish") byte[] body) {
    WebconnexDelivery unsigned = WebconnexDelivery.of(Map.of("Content-Type", List.of("application/json")), body);

    assertThatThrownBy(() -> assertSignedBy(unsigned, TEST_SECRET))
        .isInstanceOf(AssertionFailedError.class)
        .hasMessageStartingWith("delivery is not signed by the given secret: signature missing")
        .satisfies(failure -> assertThat(((AssertionFailedError) failure).getActual().getStringRepresentation())
            .isEqualTo("X-Webconnex-Signature: (missing)"));
  }
}
