package io.webconnexkit.validator;

import io.webconnexkit.validator.internal.JsonValues;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Verifies a whole delivery: the headers Webconnex sends, the signature of the raw body, and the
 * payload. Immutable and thread-safe; build once and share.
 *
 * <pre>{@code
 * DeliveryVerifier verifier = DeliveryVerifier.builder()
 *     .signingSecret(SigningSecret.fromEnvironment("WEBCONNEX_SECRET"))
 *     .build();
 * ValidationReport report = verifier.verify(WebconnexDelivery.of(headers, rawBody));
 * if (report.signature() != SignatureStatus.VERIFIED) { ... answer 401 ... }
 * }</pre>
 *
 * <p>Several secrets may be configured while one is being rotated: a signature made with any of
 * them verifies. Without a secret the signature is not checked and the report says so
 * ({@link SignatureStatus#NOT_CHECKED}). A secret never appears in a report.
 */
public final class DeliveryVerifier {

  private static final Pattern DELIVERY_ID = Pattern.compile("[0-9a-f]{32}");

  private final WebconnexValidator validator;
  private final List<SigningSecret> secrets;

  private DeliveryVerifier(Builder b) {
    this.validator = b.validator != null ? b.validator
        : WebconnexValidator.builder().profile(b.profile).levels(b.levels).build();
    this.secrets = List.copyOf(b.secrets);
  }

  /** @return a builder for a verifier with a lenient validator and no secret */
  public static Builder builder() {
    return new Builder();
  }

  /** @return the validator that checks payloads, whose profile and levels also decide header problems */
  public WebconnexValidator validator() {
    return validator;
  }

  /** @return whether any signing secret is configured (without one, signatures are not checked) */
  public boolean hasSigningSecret() {
    return !secrets.isEmpty();
  }

  /**
   * Only the signature: whether {@code delivery} is signed by one of the configured secrets.
   *
   * @param delivery the delivery's headers and raw body; not null
   * @return {@code NOT_CHECKED} without a secret, else {@code VERIFIED}, {@code MISSING} or {@code INVALID}
   */
  public SignatureStatus verifySignature(WebconnexDelivery delivery) {
    Objects.requireNonNull(delivery, "delivery");
    return signature(delivery, new ArrayList<>(), true);
  }

  /**
   * Headers, signature and payload, in one report.
   *
   * @param delivery the delivery's headers and raw body; not null
   * @return the report, at the validator's levels
   */
  public ValidationReport verify(WebconnexDelivery delivery) {
    Objects.requireNonNull(delivery, "delivery");
    return verify(delivery, true);
  }

  /**
   * Checks one recorded delivery or payload as its shape allows, with every problem placed at a
   * line and column of its file: a bare payload is validated; a WireMock request (headers and raw
   * body) is verified in full; a webhook logs API record (headers and a parsed body) has its
   * headers and payload checked, and an info problem {@code delivery.signature.notChecked} says its
   * signature cannot be. A record the reader could not read reports what it found instead.
   *
   * @param record a record from {@link RecordedDeliveryReader}
   * @return the report, at the validator's levels
   */
  public ValidationReport verify(RecordedDelivery record) {
    Objects.requireNonNull(record, "record");
    ValidationReport report;
    if (!record.hasBody()) {
      report = new ValidationReport(validator.profile(), null, record.readProblems(), SignatureStatus.NOT_APPLICABLE);
      return validator.levels().applyTo(report);
    }
    if (record.headers().isEmpty()) {
      report = validator.validate(record.bodyBytes());
    } else if (record.signatureCheckable()) {
      report = verify(record.delivery().orElseThrow(), true);
    } else {
      report = verify(record.delivery().orElseThrow(), false);
      List<Problem> withNote = new ArrayList<>(report.problems());
      withNote.add(Problem.builder(Severity.INFO, "delivery.signature.notChecked")
          .header(WebconnexDelivery.SIGNATURE_HEADER).message(LOGS_SIGNATURE_NOTE).build());
      report = report.withProblems(withNote);
    }
    List<Problem> placed = new ArrayList<>(report.problems().size());
    for (Problem p : report.problems()) {
      placed.add(record.place(p));
    }
    return validator.levels().applyTo(report.withProblems(placed));
  }

  /** Why a webhook logs API record's signature is not checked. */
  static final String LOGS_SIGNATURE_NOTE = "not checked: the webhook logs API returns the body parsed, not the bytes "
      + "Webconnex signed, so this record cannot prove the signature (record the raw request, for example with "
      + "WireMock, to check it)";

  private ValidationReport verify(WebconnexDelivery delivery, boolean checkSignature) {
    List<Problem> problems = new ArrayList<>();
    SignatureStatus status = signature(delivery, problems, checkSignature);
    ValidationReport payload = validator.validate(delivery.bodyBytes());
    headers(delivery, payload, problems);
    return validator.levels().applyTo(payload.with(problems, status));
  }

  private SignatureStatus signature(WebconnexDelivery delivery, List<Problem> problems, boolean check) {
    String header = WebconnexDelivery.SIGNATURE_HEADER;
    String signature = delivery.header(header).map(String::trim).orElse(null);
    if (secrets.isEmpty() || !check) {
      return SignatureStatus.NOT_CHECKED;
    }
    if (signature == null || signature.isEmpty()) {
      problems.add(headerProblem("delivery.signature.missing", header,
          "header is missing; every Webconnex delivery is signed", "HMAC-SHA256 of the body, 64 hex characters", "no header"));
      return SignatureStatus.MISSING;
    }
    java.util.Optional<String> malformed = WebconnexSignature.whyMalformed(signature);
    if (malformed.isPresent()) {
      String why = malformed.get();
      problems.add(headerProblem("delivery.signature.malformed", header, "is not an HMAC-SHA256 signature: " + why,
          "64 hex characters", why.substring(why.indexOf(" but found ") + " but found ".length())));
      return SignatureStatus.INVALID;
    }
    byte[] body = delivery.bodyBytes();
    boolean matched = false;
    // Check every secret, not just until one matches, so timing does not tell which secret is current.
    for (SigningSecret secret : secrets) {
      matched |= WebconnexSignature.matches(secret, body, signature);
    }
    if (!matched) {
      problems.add(headerProblem("delivery.signature.mismatch", header,
          "does not match the body: it is not the HMAC-SHA256 of these bytes under the configured signing secret"
              + (secrets.size() > 1 ? "s" : "") + " (was the body changed, or the secret rotated?)",
          "HMAC-SHA256 of the raw body", "a different signature"));
      return SignatureStatus.INVALID;
    }
    return SignatureStatus.VERIFIED;
  }

  private void headers(WebconnexDelivery delivery, ValidationReport payload, List<Problem> problems) {
    String contentType = delivery.header(WebconnexDelivery.CONTENT_TYPE).orElse(null);
    if (contentType == null) {
      problems.add(headerProblem("delivery.contentType", WebconnexDelivery.CONTENT_TYPE,
          "header is missing; expected application/json", "application/json", "no header"));
    } else if (!contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT).equals("application/json")) {
      problems.add(headerProblem("delivery.contentType", WebconnexDelivery.CONTENT_TYPE,
          "expected application/json but found " + JsonValues.quote(contentType), "application/json", contentType));
    }
    String userAgent = delivery.header(WebconnexDelivery.USER_AGENT).orElse(null);
    if (!WebconnexDelivery.WEBCONNEX_USER_AGENT.equals(userAgent)) {
      // A proxy may rewrite User-Agent: only the strict profile treats a different one as an error.
      Severity severity = ProblemKey.defaultLevel("delivery.userAgent", validator.profile());
      problems.add(Problem.builder(severity, "delivery.userAgent").header(WebconnexDelivery.USER_AGENT)
          .message(userAgent == null ? "header is missing; Webconnex sends Webconnex-Divvy"
              : "expected Webconnex-Divvy but found " + JsonValues.quote(userAgent))
          .expected(WebconnexDelivery.WEBCONNEX_USER_AGENT).found(userAgent == null ? "no header" : userAgent).build());
    }
    String deliveryId = delivery.header(WebconnexDelivery.DELIVERY_HEADER).orElse(null);
    if (deliveryId == null) {
      problems.add(headerProblem("delivery.id", WebconnexDelivery.DELIVERY_HEADER,
          "header is missing; expected 32 lowercase hex characters", "32 lowercase hex characters", "no header"));
    } else if (!DELIVERY_ID.matcher(deliveryId).matches()) {
      problems.add(headerProblem("delivery.id", WebconnexDelivery.DELIVERY_HEADER,
          "expected 32 lowercase hex characters but found " + JsonValues.quote(deliveryId), "32 lowercase hex characters", deliveryId));
    }
    String event = delivery.header(WebconnexDelivery.EVENT_HEADER).orElse(null);
    if (event == null) {
      problems.add(headerProblem("delivery.event", WebconnexDelivery.EVENT_HEADER,
          "header is missing; expected the body's eventType", payload.eventType().orElse("the body's eventType"), "no header"));
    } else if (payload.eventType().isPresent() && !payload.eventType().get().equals(event)) {
      problems.add(headerProblem("delivery.event", WebconnexDelivery.EVENT_HEADER,
          "is " + JsonValues.quote(event) + " but the body's eventType is " + JsonValues.quote(payload.eventType().get()),
          payload.eventType().get(), event));
    }
  }

  private static Problem headerProblem(String key, String header, String message, String expected, String found) {
    return Problem.builder(Severity.ERROR, key).header(header).message(message).expected(expected).found(found).build();
  }

  /** Builds a {@link DeliveryVerifier}. */
  public static final class Builder {
    private WebconnexValidator validator;
    private Profile profile = Profile.LENIENT;
    private ProblemLevels levels = ProblemLevels.none();
    private final List<SigningSecret> secrets = new ArrayList<>();

    private Builder() {}

    /**
     * The validator for payloads; by default one with the builder's profile and levels (sharing
     * the process's compiled schemas).
     *
     * @param validator the validator to check payloads with; not null
     * @return this builder
     */
    public Builder validator(WebconnexValidator validator) {
      this.validator = Objects.requireNonNull(validator, "validator");
      return this;
    }

    /**
     * The profile of the default validator (ignored when a validator is given).
     *
     * @param profile {@code LENIENT} (the default) or {@code STRICT}; not null
     * @return this builder
     */
    public Builder profile(Profile profile) {
      this.profile = Objects.requireNonNull(profile, "profile");
      return this;
    }

    /**
     * The levels of the default validator (ignored when a validator is given).
     *
     * @param levels levels for problem keys
     * @return this builder
     */
    public Builder levels(ProblemLevels levels) {
      this.levels = Objects.requireNonNull(levels, "levels");
      return this;
    }

    /**
     * A secret a valid signature may be made with; call again to accept another during rotation.
     *
     * @param secret one accepted secret; not null
     * @return this builder
     */
    public Builder signingSecret(SigningSecret secret) {
      secrets.add(Objects.requireNonNull(secret, "secret"));
      return this;
    }

    /**
     * Secrets a valid signature may be made with, for a rotation.
     *
     * @param secrets accepted secrets, added to any given before; none of them null
     * @return this builder
     */
    public Builder signingSecrets(java.util.Collection<SigningSecret> secrets) {
      secrets.forEach(this::signingSecret);
      return this;
    }

    /**
     * Reads secrets now, from where each source says, and accepts a signature made with any of them.
     *
     * @param sources where the secrets are
     * @return this builder
     * @throws SecretSourceException for the first source that has no secret
     */
    public Builder secretSources(java.util.Collection<SecretSource> sources) {
      return signingSecrets(SecretSource.resolveAll(sources));
    }

    /** @return a new verifier; without a secret it checks no signature */
    public DeliveryVerifier build() {
      return new DeliveryVerifier(this);
    }
  }
}
