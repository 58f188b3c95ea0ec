package io.webconnexkit.spring;

import io.webconnexkit.validator.ProblemLevels;
import io.webconnexkit.validator.Profile;
import io.webconnexkit.validator.SigningSecret;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code webconnex.*} settings of the starter.
 *
 * <pre>
 * webconnex.signing-secrets=${WEBCONNEX_SIGNING_SECRET}
 * webconnex.profile=lenient
 * webconnex.levels=delivery.userAgent=ignore
 * webconnex.on-invalid=reject
 * </pre>
 *
 * <p>The signing secrets are read as Spring reads any property (application.properties with
 * {@code ${...}} placeholders, environment variables such as {@code WEBCONNEX_SIGNINGSECRETS_0},
 * a secrets manager's property source) and appear in no log, message or {@link #toString()}.
 *
 * @param enabled Whether to configure the verifier and the receiving endpoints.
 * @param signingSecrets Signing secrets of the webhook, as shown on its settings page at Webconnex. A
 *     delivery signed with any of them verifies, so a secret is rotated by listing the new one next to the
 *     old. A secret that holds a comma must be given indexed (webconnex.signing-secrets[0]).
 * @param requireSignature Whether a receiving endpoint refuses to start without a signing secret. Set it
 *     to false only to receive unsigned deliveries in a test.
 * @param profile How strictly payloads are held to the contract: lenient (for payloads of every age) or
 *     strict.
 * @param levels Levels of problem keys or key prefixes, each key=level with level error, warning, info or
 *     ignore, such as delivery.userAgent=ignore.
 * @param onInvalid What a receiving endpoint does with a signed delivery that does not conform: reject
 *     answers 400 with the problems; accept logs them, calls the handler when the payload can still be
 *     bound, and answers 200.
 * @param path Path of a receiving endpoint whose @WebconnexWebhook names none.
 * @param idempotency The in-memory idempotency store, used when the application declares no
 *     IdempotencyStore bean.
 */
@ConfigurationProperties("webconnex")
public record WebconnexProperties(
    @DefaultValue("true") boolean enabled,
    List<String> signingSecrets,
    @DefaultValue("true") boolean requireSignature,
    @DefaultValue("lenient") Profile profile,
    List<String> levels,
    @DefaultValue("reject") OnInvalid onInvalid,
    @DefaultValue("/webhooks/webconnex") String path,
    @DefaultValue Idempotency idempotency) {

  /** What a receiving endpoint does with a delivery that does not conform. */
  public enum OnInvalid {
    /** Answer 400 with the problems; the handler is not called. */
    REJECT,
    /** Log the problems, call the handler when the payload can still be bound, answer 200. */
    ACCEPT
  }

  /**
   * The in-memory idempotency store used when the application declares no {@link IdempotencyStore}.
   *
   * @param capacity How many delivery ids to remember.
   */
  public record Idempotency(@DefaultValue("10000") int capacity) {}

  /**
   * Checks the settings as they are bound, so that a mistake stops the application with a message
   * naming the property (never a secret's value).
   *
   * @param enabled see the record's description
   * @param signingSecrets see the record's description
   * @param requireSignature see the record's description
   * @param profile see the record's description
   * @param levels see the record's description
   * @param onInvalid see the record's description
   * @param path see the record's description
   * @param idempotency see the record's description
   * @throws IllegalArgumentException for an empty secret, a bad level entry or path, or a capacity below 1
   */
  public WebconnexProperties {
    signingSecrets = signingSecrets == null ? List.of() : List.copyOf(signingSecrets);
    levels = levels == null ? List.of() : List.copyOf(levels);
    for (int i = 0; i < signingSecrets.size(); i++) {
      if (signingSecrets.get(i).isEmpty()) {
        throw new IllegalArgumentException("webconnex.signing-secrets[" + i + "] is empty; a signing secret is the value"
            + " shown on the webhook's settings page at Webconnex");
      }
    }
    toLevels(levels);
    if (path == null || !path.startsWith("/")) {
      throw new IllegalArgumentException("webconnex.path must start with /, such as /webhooks/webconnex");
    }
    if (idempotency == null) {
      idempotency = new Idempotency(10_000);
    }
    if (idempotency.capacity() < 1) {
      throw new IllegalArgumentException("webconnex.idempotency.capacity must be at least 1");
    }
  }

  /** @return the signing secrets, as the verifier takes them */
  public List<SigningSecret> secrets() {
    return signingSecrets.stream().map(SigningSecret::of).toList();
  }

  /** @return the levels, as the verifier takes them */
  public ProblemLevels problemLevels() {
    return toLevels(levels);
  }

  private static ProblemLevels toLevels(List<String> entries) {
    ProblemLevels levels = ProblemLevels.none();
    for (String entry : entries) {
      try {
        levels = levels.withEntry(entry.trim());
      } catch (IllegalArgumentException e) {
        // No cause: Spring Boot's failure report shows the innermost message, which must name the property.
        throw new IllegalArgumentException("webconnex.levels: " + e.getMessage());
      }
    }
    return levels;
  }

  /** @return the settings, with the number of signing secrets instead of their values */
  @Override
  public String toString() {
    return "WebconnexProperties[enabled=" + enabled + ", signingSecrets=" + signingSecrets.size() + " (redacted)"
        + ", requireSignature=" + requireSignature + ", profile=" + profile.folder() + ", levels=" + levels
        + ", onInvalid=" + onInvalid.name().toLowerCase(java.util.Locale.ROOT) + ", path=" + path
        + ", idempotency=" + idempotency + "]";
  }
}
