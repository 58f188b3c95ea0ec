package io.webconnexkit.model;

import com.fasterxml.jackson.databind.JsonNode;
import io.webconnexkit.model.internal.Binder;
import io.webconnexkit.model.internal.BindingException;
import io.webconnexkit.model.internal.ExactJson;
import io.webconnexkit.validator.DeliveryVerifier;
import io.webconnexkit.validator.Problem;
import io.webconnexkit.validator.ReportLine;
import io.webconnexkit.validator.Severity;
import io.webconnexkit.validator.SignatureStatus;
import io.webconnexkit.validator.ValidationReport;
import io.webconnexkit.validator.WebconnexDelivery;
import io.webconnexkit.validator.WebconnexValidator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Turns payloads and deliveries into typed events, after checking them, and events back into JSON.
 *
 * <pre>{@code
 * WebconnexEvent event = WebconnexEvents.parse(body);
 * if (event instanceof RegistrationEvent registration) {
 *   BigDecimal total = registration.data().total();
 * }
 * }</pre>
 *
 * <p>Every method that reads a payload first checks it with a {@link WebconnexValidator} (lenient
 * unless one is given) and binds it only when the report is valid; otherwise, and when a value
 * does not fit its Java type, it throws {@link WebconnexEventException} with the report. An event
 * type the contract does not document binds to {@link UnknownEvent} (the validator reports it as a
 * warning under lenient). Thread-safe; nothing is cached per call.
 */
public final class WebconnexEvents {

  private static final WebconnexValidator LENIENT = WebconnexValidator.lenient();

  private WebconnexEvents() {}

  /**
   * Checks a payload under the lenient profile and binds it to the record of its event type.
   *
   * @param body the payload's raw bytes
   * @return the record of its eventType ({@code UnknownEvent} for an undocumented one); never null
   * @throws WebconnexEventException with the report when the payload does not conform
   */
  public static WebconnexEvent parse(byte[] body) {
    return parse(body, LENIENT);
  }

  /**
   * Checks a payload with a validator (its profile and levels) and binds it.
   *
   * @param body the payload's raw bytes
   * @param validator the validator whose profile and levels decide what conforms; not null
   * @return the record of its eventType ({@code UnknownEvent} for an undocumented one); never null
   * @throws WebconnexEventException with the report when the payload does not conform
   */
  public static WebconnexEvent parse(byte[] body, WebconnexValidator validator) {
    Objects.requireNonNull(body, "body");
    ValidationReport report = Objects.requireNonNull(validator, "validator").validate(body);
    if (!report.isValid()) {
      throw new WebconnexEventException(report);
    }
    return bind(body, report);
  }

  /**
   * Checks a payload under the lenient profile and binds it to a given event record.
   *
   * @param body the payload's raw bytes
   * @param type the record expected, such as {@code RegistrationEvent.class}
   * @param <T> that record
   * @return the event, as {@code type}; never null
   * @throws WebconnexEventException with the report when the payload does not conform, or is
   *     another event type (then an error {@code model.binding} at {@code /eventType})
   */
  public static <T extends WebconnexEvent> T parse(byte[] body, Class<T> type) {
    Objects.requireNonNull(type, "type");
    ValidationReport report = LENIENT.validate(Objects.requireNonNull(body, "body"));
    if (!report.isValid()) {
      throw new WebconnexEventException(report);
    }
    WebconnexEvent event = bind(body, report);
    if (!type.isInstance(event)) {
      throw new WebconnexEventException(withBindingError(report, "/eventType", "is "
          + ReportLine.quote(event.eventType()) + ", which binds to " + event.getClass().getSimpleName() + ", not "
          + type.getSimpleName()));
    }
    return type.cast(event);
  }

  /**
   * Verifies a whole delivery and binds its payload: the signature of the raw bytes first, before
   * anything is parsed, then the headers and the payload, with the verifier's profile and levels.
   *
   * @param verifier the verifier, holding the signing secrets
   * @param delivery the delivery as received
   * @return the record of the payload's eventType; never null
   * @throws WebconnexEventException with the report when the signature is missing or does not
   *     verify ({@link WebconnexEventException#isSignatureFailure()}), or the delivery does not
   *     conform
   */
  public static WebconnexEvent verifyAndParse(DeliveryVerifier verifier, WebconnexDelivery delivery) {
    Objects.requireNonNull(verifier, "verifier");
    Objects.requireNonNull(delivery, "delivery");
    SignatureStatus signature = verifier.verifySignature(delivery);
    if (signature == SignatureStatus.MISSING || signature == SignatureStatus.INVALID) {
      throw new WebconnexEventException(signatureReport(verifier, signature));
    }
    ValidationReport report = verifier.verify(delivery);
    if (!report.isValid()) {
      throw new WebconnexEventException(report);
    }
    return bind(delivery.body(), report);
  }

  /**
   * Binds a payload that has already been checked, whatever its report says: for a receiver that
   * accepts nonconforming payloads it can still read. The report is what an exception carries.
   *
   * @param body the payload's raw bytes
   * @param report the report of checking them
   * @return the record of its eventType ({@code UnknownEvent} for an undocumented one); never null
   * @throws WebconnexEventException with the report and an error {@code model.binding} when the
   *     payload is not a JSON object or a value does not fit its Java type
   */
  public static WebconnexEvent bind(byte[] body, ValidationReport report) {
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(report, "report");
    JsonNode tree;
    try {
      tree = ExactJson.read(body);
    } catch (IOException e) {
      throw new WebconnexEventException(withBindingError(report, "", "not JSON: "
          + ReportLine.escape(String.valueOf(e.getMessage()).lines().findFirst().orElse(""))));
    }
    try {
      return (WebconnexEvent) Binder.bind(tree, WebconnexEvent.class);
    } catch (BindingException e) {
      throw new WebconnexEventException(withBindingError(report, e.pointer(), e.reason()));
    }
  }

  /**
   * Writes a value of the model (an event, any of its records, a field value) as JSON: the same
   * JSON it was read from, members in the contract's order and then its {@code extras()}.
   *
   * @param value an event, one of its records, or a field value of the model; not null
   * @return UTF-8 JSON
   */
  public static byte[] toJson(Object value) {
    try {
      return ExactJson.MAPPER.writeValueAsBytes(toTree(value));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * @param value a value of the model
   * @return its JSON tree
   * @throws IllegalArgumentException when the value is not of the model
   */
  public static JsonNode toTree(Object value) {
    return Binder.tree(Objects.requireNonNull(value, "value"));
  }

  private static ValidationReport signatureReport(DeliveryVerifier verifier, SignatureStatus signature) {
    Problem problem = signature == SignatureStatus.MISSING
        ? Problem.builder(Severity.ERROR, "delivery.signature.missing").header(WebconnexDelivery.SIGNATURE_HEADER)
            .message("header is missing; every Webconnex delivery is signed").build()
        : Problem.builder(Severity.ERROR, "delivery.signature.mismatch").header(WebconnexDelivery.SIGNATURE_HEADER)
            .message("does not verify: it is not the HMAC-SHA256 of these bytes under a configured signing secret;"
                + " the body was not parsed").build();
    return new ValidationReport(verifier.validator().profile(), null, List.of(problem), signature);
  }

  private static ValidationReport withBindingError(ValidationReport report, String pointer, String reason) {
    List<Problem> problems = new ArrayList<>(report.problems());
    problems.add(Problem.builder(Severity.ERROR, WebconnexEventException.BINDING_KEY).pointer(pointer)
        .message(reason + " (the payload cannot be bound to the model's Java types)").build());
    return report.withProblems(problems);
  }
}
