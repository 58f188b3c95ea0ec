package io.webconnexkit.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.webconnexkit.validator.DeliveryVerifier;
import io.webconnexkit.validator.EventType;
import io.webconnexkit.validator.Problem;
import io.webconnexkit.validator.Severity;
import io.webconnexkit.validator.SignatureStatus;
import io.webconnexkit.validator.SigningSecret;
import io.webconnexkit.validator.ValidationReport;
import io.webconnexkit.validator.WebconnexDelivery;
import io.webconnexkit.validator.WebconnexSample;
import io.webconnexkit.validator.WebconnexValidator;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Parsing, verify-then-bind and the one exception, on real payloads and real signed deliveries. */
class WebconnexEventsTest {

  private static final SigningSecret SECRET = SigningSecret.of("model-test-secret");

  @Test
  void aNonconformingPayloadIsRefusedWithTheValidatorsReportAndAMessageSayingWhere() {
    byte[] body = Json.resource("payloads/registration-total-as-string.json");

    WebconnexEventException refusal = catchThrowableOfType(WebconnexEventException.class, () -> WebconnexEvents.parse(body));

    assertThat(refusal.report()).isEqualTo(WebconnexValidator.lenient().validate(body));
    assertThat(refusal.report().errors()).extracting(Problem::pointer).containsExactly("/data/total");
    assertThat(refusal.isSignatureFailure()).isFalse();
    assertThat(refusal.getMessage()).startsWith("payload of event type \"registration\" cannot be bound: it does not conform"
        + " to the lenient contract; payload:").contains("/data/total: expected number but found string \"100\"");
  }

  @Test
  void malformedJsonIsRefusedWithTheValidatorsProblem() {
    byte[] body = "{\"eventType\": \"registration\",}".getBytes(StandardCharsets.UTF_8);

    WebconnexEventException refusal = catchThrowableOfType(WebconnexEventException.class, () -> WebconnexEvents.parse(body));

    assertThat(refusal.report().errors()).extracting(Problem::key).containsExactly("payload.malformed");
  }

  @Test
  void theStrictProfileIsAValidatorAway() {
    byte[] body = Json.resource("payloads/registration-real-shaped.json");

    WebconnexEventException refusal = catchThrowableOfType(WebconnexEventException.class,
        () -> WebconnexEvents.parse(body, WebconnexValidator.strict()));

    assertThat(refusal.report().profile().folder()).isEqualTo("strict");
    assertThat(WebconnexEvents.parse(body)).isInstanceOf(RegistrationEvent.class);
  }

  @Test
  void askingForOneEventTypeRefusesAnotherWithABindingErrorAtEventType() {
    byte[] body = WebconnexSample.of(EventType.PUBLISH).toBytes();

    WebconnexEventException refusal = catchThrowableOfType(WebconnexEventException.class,
        () -> WebconnexEvents.parse(body, RegistrationEvent.class));

    Problem problem = refusal.report().errors().get(0);
    assertThat(problem.key()).isEqualTo(WebconnexEventException.BINDING_KEY);
    assertThat(problem.pointer()).isEqualTo("/eventType");
    assertThat(problem.message()).startsWith("is \"publish\", which binds to PublishEvent, not RegistrationEvent");
  }

  @Test
  void aValueThatPassesBecauseItsProblemIsIgnoredButCannotBeBoundIsABindingError() {
    byte[] body = Json.resource("payloads/registration-total-as-string.json");
    WebconnexValidator ignoringTypes = WebconnexValidator.builder().level("schema.type", Severity.IGNORE).build();

    WebconnexEventException refusal = catchThrowableOfType(WebconnexEventException.class,
        () -> WebconnexEvents.parse(body, ignoringTypes));

    assertThat(refusal.report().errors()).singleElement().satisfies(problem -> {
      assertThat(problem.key()).isEqualTo("model.binding");
      assertThat(problem.pointer()).isEqualTo("/data/total");
      assertThat(problem.message()).startsWith("expected a number but found the string \"100\"");
    });
  }

  @Test
  void bindTakesAPayloadAlreadyCheckedWhateverItsReportSays() {
    byte[] body = WebconnexSample.of(EventType.REGISTRATION).without("/data/orderNumber").toBytes();
    ValidationReport report = WebconnexValidator.strict().validate(body);

    WebconnexEvent event = WebconnexEvents.bind(body, report);

    assertThat(report.isValid()).isFalse();
    assertThat(((RegistrationEvent) event).data().orderNumber()).isNull();
  }

  @Test
  void verifyAndParseChecksTheSignatureThenThePayloadAndBinds() {
    DeliveryVerifier verifier = DeliveryVerifier.builder().signingSecret(SECRET).build();
    byte[] body = WebconnexSample.of(EventType.REGISTRATION).with("/data/total", new BigDecimal("250.75")).toBytes();

    WebconnexEvent event = WebconnexEvents.verifyAndParse(verifier, WebconnexDelivery.signed("registration", body, SECRET));

    assertThat(((RegistrationEvent) event).data().total()).isEqualTo(new BigDecimal("250.75"));
  }

  @Test
  void verifyAndParseRefusesAWrongOrMissingSignatureBeforeLookingAtThePayload() {
    DeliveryVerifier verifier = DeliveryVerifier.builder().signingSecret(SECRET).build();
    byte[] notEvenJson = "not json".getBytes(StandardCharsets.UTF_8);
    WebconnexDelivery forged = WebconnexDelivery.signed("registration", notEvenJson, SigningSecret.of("another-secret"));
    Map<String, List<String>> headers = new LinkedHashMap<>(forged.headers());
    headers.remove(WebconnexDelivery.SIGNATURE_HEADER);
    WebconnexDelivery unsigned = WebconnexDelivery.of(headers, notEvenJson);

    WebconnexEventException wrong = catchThrowableOfType(WebconnexEventException.class,
        () -> WebconnexEvents.verifyAndParse(verifier, forged));
    WebconnexEventException missing = catchThrowableOfType(WebconnexEventException.class,
        () -> WebconnexEvents.verifyAndParse(verifier, unsigned));

    assertThat(wrong.isSignatureFailure()).isTrue();
    assertThat(wrong.report().signature()).isEqualTo(SignatureStatus.INVALID);
    assertThat(wrong.report().errors()).extracting(Problem::key).containsExactly("delivery.signature.mismatch");
    assertThat(wrong.getMessage()).startsWith("delivery refused: the signature is invalid; payload: X-Webconnex-Signature:")
        .doesNotContain("another-secret", "model-test-secret");
    assertThat(missing.report().signature()).isEqualTo(SignatureStatus.MISSING);
    assertThat(missing.report().errors()).extracting(Problem::key).containsExactly("delivery.signature.missing");
  }

  @Test
  void verifyAndParseRefusesAConformingPayloadWithBadHeadersWithTheVerifiersReport() {
    DeliveryVerifier verifier = DeliveryVerifier.builder().signingSecret(SECRET).build();
    byte[] body = WebconnexSample.of(EventType.COUPON).toBytes();
    WebconnexDelivery mislabelled = WebconnexDelivery.signed("publish", body, SECRET);

    WebconnexEventException refusal = catchThrowableOfType(WebconnexEventException.class,
        () -> WebconnexEvents.verifyAndParse(verifier, mislabelled));

    assertThat(refusal.isSignatureFailure()).isFalse();
    assertThat(refusal.report()).isEqualTo(verifier.verify(mislabelled));
    assertThat(refusal.report().errors()).extracting(Problem::key).containsExactly("delivery.event");
  }

  @Test
  void toJsonWritesAValueOfTheModelAndRefusesAnythingElse() {
    WebconnexEvent event = WebconnexEvents.parse(Json.resource("payloads/ping.json"));

    assertThat(Json.tree(WebconnexEvents.toJson(event)).get("eventType").textValue()).isEqualTo("ping");
    assertThat(catchThrowableOfType(IllegalArgumentException.class, () -> WebconnexEvents.toTree("a string")))
        .hasMessage("not a value of the Webconnex model: java.lang.String");
  }
}
