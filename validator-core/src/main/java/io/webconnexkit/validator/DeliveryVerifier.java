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
    this.validator = b.validator != null ? b.validator : WebconnexValidator.builder().profile(b.profile).build();
    this.secrets = List.copyOf(b.secrets);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The validator that checks payloads, whose profile also decides header severities. */
  public WebconnexValidator validator() {
    return validator;
  }

  /** Only the signature: whether {@code delivery} is signed by one of the configured secrets. */
  public SignatureStatus verifySignature(WebconnexDelivery delivery) {
    Objects.requireNonNull(delivery, "delivery");
    return signature(delivery, new ArrayList<>());
  }

  /** Headers, signature and payload, in one report. */
  public ValidationReport verify(WebconnexDelivery delivery) {
    Objects.requireNonNull(delivery, "delivery");
    List<Problem> problems = new ArrayList<>();
    SignatureStatus status = signature(delivery, problems);
    ValidationReport payload = validator.validate(delivery.bodyBytes());
    headers(delivery, payload, problems);
    return payload.with(problems, status);
  }

  private SignatureStatus signature(WebconnexDelivery delivery, List<Problem> problems) {
    String header = WebconnexDelivery.SIGNATURE_HEADER;
    String signature = delivery.header(header).map(String::trim).orElse(null);
    if (secrets.isEmpty()) {
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
      Severity severity = validator.profile() == Profile.STRICT ? Severity.ERROR : Severity.WARNING;
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
    private final List<SigningSecret> secrets = new ArrayList<>();

    private Builder() {}

    /** The validator for payloads; by default a new one with the builder's profile. */
    public Builder validator(WebconnexValidator validator) {
      this.validator = Objects.requireNonNull(validator, "validator");
      return this;
    }

    /** The profile of the default validator (ignored when a validator is given). */
    public Builder profile(Profile profile) {
      this.profile = Objects.requireNonNull(profile, "profile");
      return this;
    }

    /** A secret a valid signature may be made with; call again to accept another during rotation. */
    public Builder signingSecret(SigningSecret secret) {
      secrets.add(Objects.requireNonNull(secret, "secret"));
      return this;
    }

    public DeliveryVerifier build() {
      return new DeliveryVerifier(this);
    }
  }
}
