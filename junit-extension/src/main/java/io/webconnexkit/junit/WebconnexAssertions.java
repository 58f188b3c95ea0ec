package io.webconnexkit.junit;

import io.webconnexkit.validator.DeliveryVerifier;
import io.webconnexkit.validator.EventType;
import io.webconnexkit.validator.Profile;
import io.webconnexkit.validator.SignatureStatus;
import io.webconnexkit.validator.SigningSecret;
import io.webconnexkit.validator.ValidationReport;
import io.webconnexkit.validator.WebconnexDelivery;
import io.webconnexkit.validator.WebconnexSignature;
import io.webconnexkit.validator.WebconnexValidator;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.opentest4j.AssertionFailedError;

/**
 * Assertions about payloads and deliveries, for bodies the code under test produces or receives.
 * Each failure is an {@code org.opentest4j.AssertionFailedError} whose message is the validator's
 * report, and whose expected and actual values an IDE can show side by side.
 *
 * <pre>{@code
 * assertConforms(sentBody);                                  // lenient, dispatching on eventType
 * assertConforms(sentBody, EventType.REGISTRATION, Profile.STRICT);
 * assertSignedBy(capturedDelivery, SigningSecret.of(WebconnexPayload.TEST_SECRET));
 * }</pre>
 *
 * <p>Unlike {@link WebconnexPayload}, these static methods see no JUnit configuration: the profile is
 * lenient unless one is given.
 */
public final class WebconnexAssertions {

  private WebconnexAssertions() {}

  /**
   * Asserts that a payload conforms to the lenient profile, as the event type its eventType names.
   *
   * @param json the payload as JSON text, encoded as UTF-8 before validation; not null
   * @return the report, valid, for further assertions about warnings
   */
  public static ValidationReport assertConforms(String json) {
    return assertConforms(utf8(json), null, Profile.LENIENT);
  }

  /**
   * Asserts that a payload conforms to the lenient profile, as the event type its eventType names.
   *
   * @param json the payload's raw bytes, expected to be UTF-8 JSON; not null
   * @return the report, valid, for further assertions about warnings
   */
  public static ValidationReport assertConforms(byte[] json) {
    return assertConforms(json, null, Profile.LENIENT);
  }

  /**
   * Asserts that a payload conforms to the lenient profile as this event type.
   *
   * @param eventType the type to validate the payload as, whatever its eventType says; not null
   * @param json the payload as JSON text, encoded as UTF-8 before validation; not null
   * @return the report, valid, for further assertions about warnings
   */
  public static ValidationReport assertConforms(String json, EventType eventType) {
    return assertConforms(utf8(json), Objects.requireNonNull(eventType, "eventType"), Profile.LENIENT);
  }

  /**
   * Asserts that a payload conforms to the lenient profile as this event type.
   *
   * @param eventType the type to validate the payload as, whatever its eventType says; not null
   * @param json the payload's raw bytes, expected to be UTF-8 JSON; not null
   * @return the report, valid, for further assertions about warnings
   */
  public static ValidationReport assertConforms(byte[] json, EventType eventType) {
    return assertConforms(json, Objects.requireNonNull(eventType, "eventType"), Profile.LENIENT);
  }

  /**
   * Asserts that a payload conforms to this profile, as the event type its eventType names.
   *
   * @param json the payload as JSON text, encoded as UTF-8 before validation; not null
   * @param profile {@code LENIENT} or {@code STRICT}; not null
   * @return the report, valid, for further assertions about warnings
   */
  public static ValidationReport assertConforms(String json, Profile profile) {
    return assertConforms(utf8(json), null, profile);
  }

  /**
   * Asserts that a payload conforms to this profile, as the event type its eventType names.
   *
   * @param json the payload's raw bytes, expected to be UTF-8 JSON; not null
   * @param profile {@code LENIENT} or {@code STRICT}; not null
   * @return the report, valid, for further assertions about warnings
   */
  public static ValidationReport assertConforms(byte[] json, Profile profile) {
    return assertConforms(json, null, profile);
  }

  /**
   * Asserts that a payload conforms to this profile as this event type.
   *
   * @param eventType the type to validate the payload as, whatever its eventType says; not null
   * @param json the payload as JSON text, encoded as UTF-8 before validation; not null
   * @param profile {@code LENIENT} or {@code STRICT}; not null
   * @return the report, valid, for further assertions about warnings
   */
  public static ValidationReport assertConforms(String json, EventType eventType, Profile profile) {
    return assertConforms(utf8(json), Objects.requireNonNull(eventType, "eventType"), profile);
  }

  /**
   * Asserts that a payload conforms to this profile as this event type ({@code null}: as the type
   * its eventType names).
   *
   * @return the report, valid, for further assertions about warnings
   * @param eventType the type to validate the payload as, or {@code null} to dispatch on its eventType
   * @param json the payload's raw bytes, expected to be UTF-8 JSON; not null
   * @param profile {@code LENIENT} or {@code STRICT}; not null
   */
  public static ValidationReport assertConforms(byte[] json, EventType eventType, Profile profile) {
    Objects.requireNonNull(json, "json");
    WebconnexValidator validator = validator(Objects.requireNonNull(profile, "profile"));
    ValidationReport report = eventType == null ? validator.validate(json) : validator.validate(json, eventType);
    if (!report.isValid()) {
      String type = eventType != null ? eventType.wireName() : report.eventType().orElse("");
      throw new AssertionFailedError("payload does not conform to the Webconnex contract" + System.lineSeparator() + report,
          "valid " + (type.isEmpty() ? "payload" : type + " payload") + " (" + profile.folder() + " profile)",
          report.toString());
    }
    return report;
  }

  /**
   * Asserts that a delivery's {@code X-Webconnex-Signature} is the HMAC-SHA256 of its raw body under
   * {@code secret}. Only the signature is asserted; the failure message also shows what else the
   * delivery's report says, for context.
   *
   * @param delivery the captured delivery: headers and raw body, as received; not null
   * @param secret the secret the delivery should have been signed with; not null
   */
  public static void assertSignedBy(WebconnexDelivery delivery, SigningSecret secret) {
    Objects.requireNonNull(delivery, "delivery");
    Objects.requireNonNull(secret, "secret");
    ValidationReport report = DeliveryVerifier.builder()
        .validator(validator(Profile.LENIENT))
        .signingSecret(secret)
        .build()
        .verify(delivery);
    if (report.signature() != SignatureStatus.VERIFIED) {
      String header = WebconnexDelivery.SIGNATURE_HEADER;
      throw new AssertionFailedError("delivery is not signed by the given secret: signature " + report.signature().label()
          + System.lineSeparator() + report,
          // An HMAC gives nothing of its key away: showing the expected one lets an IDE diff the two.
          header + ": " + WebconnexSignature.sign(secret, delivery.body()),
          header + ": " + delivery.header(header).orElse("(missing)"));
    }
  }

  private static byte[] utf8(String json) {
    return Objects.requireNonNull(json, "json").getBytes(StandardCharsets.UTF_8);
  }

  // Static assertions have no ExtensionContext to keep validators in; a validator is immutable and
  // thread-safe, so one per profile, built on first use, serves every test in the JVM.
  private static WebconnexValidator validator(Profile profile) {
    return profile == Profile.STRICT ? Strict.VALIDATOR : Lenient.VALIDATOR;
  }

  private static final class Lenient {
    static final WebconnexValidator VALIDATOR = WebconnexValidator.lenient();
  }

  private static final class Strict {
    static final WebconnexValidator VALIDATOR = WebconnexValidator.strict();
  }
}
