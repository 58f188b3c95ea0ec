package io.webconnexkit.wiremock;

import io.webconnexkit.validator.SecretSource;
import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.matching.MatchResult;
import com.github.tomakehurst.wiremock.matching.RequestMatcherExtension;
import io.webconnexkit.validator.DeliveryVerifier;
import io.webconnexkit.validator.ProblemLevels;
import io.webconnexkit.validator.Profile;
import io.webconnexkit.validator.SignatureStatus;
import io.webconnexkit.validator.SigningSecret;
import io.webconnexkit.validator.ValidationReport;
import io.webconnexkit.validator.WebconnexDelivery;
import io.webconnexkit.validator.WebconnexValidator;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The receiving side: a WireMock request matcher that matches only Webconnex deliveries whose
 * {@code X-Webconnex-Signature} verifies under a configured secret and whose headers and payload
 * conform under a profile ({@code DeliveryVerifier} decides). Use it where WireMock stands in for
 * a service that receives webhooks:
 *
 * <pre>{@code
 * ValidWebconnexDelivery valid = ValidWebconnexDelivery.builder().signingSecret(secret).build();
 * // options: .extensions(valid, valid.unmatchedDeliveries())
 * stubFor(post("/hooks/webconnex").andMatching(ValidWebconnexDelivery.NAME).willReturn(ok()));
 * }</pre>
 *
 * <p>JSON: {@code "customMatcher": {"name": "valid-webconnex-delivery", "parameters": {"profile":
 * "strict", "event": "registration", "levels": "delivery.userAgent=ignore"}}}; every parameter is
 * optional ({@code profile} defaults to the builder's, lenient unless said otherwise; {@code levels}
 * are added to the builder's, in the form {@code ProblemLevels.parse} reads, and a request whose
 * stub names levels that cannot be read matches nothing). The verifiers are built once per profile
 * and levels, and shared by every request. Standalone WireMock uses the no-argument constructor, which takes the
 * secret from {@code WEBCONNEX_SECRET} (or the variable named by the system property
 * {@code webconnex.secretEnv}).
 */
public final class ValidWebconnexDelivery extends RequestMatcherExtension {

  /** The matcher's name in mappings ({@code customMatcher.name}) and in {@code andMatching}. */
  public static final String NAME = "valid-webconnex-delivery";

  private final Map<Profile, DeliveryVerifier> verifiers;
  private final Map<String, DeliveryVerifier> tuned = new java.util.concurrent.ConcurrentHashMap<>();
  private final List<SigningSecret> secrets;
  private final ProblemLevels levels;
  private final Profile profile;
  private final UnmatchedDeliveries unmatched;

  /** For standalone WireMock: the secret comes from the environment. */
  public ValidWebconnexDelivery() {
    this(builder().secret(SecretSource.environment(
        System.getProperty("webconnex.secretEnv", "WEBCONNEX_SECRET"))).prepare());
  }

  private ValidWebconnexDelivery(Builder b) {
    this.profile = b.profile;
    this.secrets = List.copyOf(b.resolved);
    this.levels = b.levels;
    Map<Profile, DeliveryVerifier> map = new EnumMap<>(Profile.class);
    for (Profile p : Profile.values()) {
      map.put(p, verifier(p, levels));
    }
    this.verifiers = map;
    this.unmatched = new UnmatchedDeliveries(this);
  }

  private DeliveryVerifier verifier(Profile p, ProblemLevels l) {
    return DeliveryVerifier.builder().validator(WebconnexValidator.builder().profile(p).levels(l).build())
        .signingSecrets(secrets).build();
  }

  /** @return a builder for a matcher; at least one secret is needed */
  public static Builder builder() {
    return new Builder();
  }

  /** @return {@link #NAME} */
  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public MatchResult match(Request request, Parameters parameters) {
    Profile chosen = profile;
    Object p = parameters.get("profile");
    if (p != null) {
      try {
        chosen = Profile.valueOf(String.valueOf(p).toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        return MatchResult.noMatch();
      }
    }
    ValidationReport report;
    Object stubLevels = parameters.get("levels");
    if (stubLevels != null) {
      ProblemLevels merged;
      try {
        merged = levels.withAll(ProblemLevels.parse(String.valueOf(stubLevels)));
      } catch (IllegalArgumentException e) {
        return MatchResult.noMatch();
      }
      Profile forStub = chosen;
      report = verify(request, tuned.computeIfAbsent(forStub + " " + merged, k -> verifier(forStub, merged)));
    } else {
      report = verify(request, chosen);
    }
    Object event = parameters.get("event");
    boolean eventMatches = event == null || report.eventType().map(String.valueOf(event)::equals).orElse(false);
    return report.isValid() && report.signature() == SignatureStatus.VERIFIED && eventMatches
        ? MatchResult.exactMatch() : MatchResult.noMatch();
  }

  /**
   * The verifier's report on a request, under the matcher's default profile and levels.
   *
   * @param request a request WireMock received
   * @return the report, never null; {@code signature()} says whether a configured secret verified it
   */
  public ValidationReport verify(Request request) {
    return verify(request, profile);
  }

  ValidationReport verify(Request request, Profile p) {
    return verify(request, verifiers.get(p));
  }

  private static ValidationReport verify(Request request, DeliveryVerifier verifier) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (HttpHeader header : request.getHeaders().all()) {
      headers.computeIfAbsent(header.key(), k -> new ArrayList<>()).addAll(header.values());
    }
    byte[] body = request.getBody();
    return verifier.verify(WebconnexDelivery.of(headers, body == null ? new byte[0] : body));
  }

  /**
   * The report of requests that no stub matched, with the validator's problems for each: register it
   * as an extension next to this matcher.
   *
   * @return the same listener on every call, tied to this matcher's secrets and profile
   */
  public UnmatchedDeliveries unmatchedDeliveries() {
    return unmatched;
  }

  /** Builds a {@link ValidWebconnexDelivery}. */
  public static final class Builder {
    private final List<SecretSource> secrets = new ArrayList<>();
    private final List<SigningSecret> resolved = new ArrayList<>();
    private Profile profile = Profile.LENIENT;
    private ProblemLevels levels = ProblemLevels.none();
    private Function<String, String> environment;

    private Builder() {}

    /**
     * A secret a valid signature may be made with; call again to accept another (rotation, several webhooks).
     *
     * @param secret one secret a delivery may be signed with; not null
     * @return this builder
     */
    public Builder signingSecret(SigningSecret secret) {
      return secret(SecretSource.of(secret));
    }

    /**
     * Where a secret comes from.
     *
     * @param secret where one accepted secret is read from, when the matcher is built; not null
     * @return this builder
     */
    public Builder secret(SecretSource secret) {
      secrets.add(Objects.requireNonNull(secret, "secret"));
      return this;
    }

    /**
     * Levels for problem keys, for every stub (a stub's own {@code levels} parameter adds to them).
     *
     * @param levels such as {@code ProblemLevels.parse("delivery.userAgent=ignore")}
     * @return this builder
     */
    public Builder levels(ProblemLevels levels) {
      this.levels = Objects.requireNonNull(levels, "levels");
      return this;
    }

    /**
     * The profile used when a stub does not name one; lenient by default.
     *
     * @param profile {@code LENIENT} or {@code STRICT}; not null
     * @return this builder
     */
    public Builder profile(Profile profile) {
      this.profile = Objects.requireNonNull(profile, "profile");
      return this;
    }

    /**
     * Where {@code secretEnv} variables are looked up; by default the process's environment, as core reads it.
     *
     * @param environment maps a variable name to its value, or to {@code null} when unset; not null
     * @return this builder
     */
    public Builder environment(Function<String, String> environment) {
      this.environment = Objects.requireNonNull(environment, "environment");
      return this;
    }

    private Builder prepare() {
      if (secrets.isEmpty()) {
        throw new IllegalStateException("a valid-webconnex-delivery matcher needs at least one signing secret");
      }
      resolved.clear();
      for (SecretSource source : secrets) {
        resolved.add(source.resolve(environment));
      }
      return this;
    }

    /**
     * Builds the matcher, reading every secret now.
     *
     * @throws IllegalArgumentException when a secret cannot be read
     * @throws IllegalStateException when no secret was given
     * @return a matcher holding every secret, already read
     */
    public ValidWebconnexDelivery build() {
      return new ValidWebconnexDelivery(prepare());
    }
  }
}
