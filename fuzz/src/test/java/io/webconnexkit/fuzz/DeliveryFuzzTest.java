package io.webconnexkit.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.webconnexkit.validator.DeliveryVerifier;
import io.webconnexkit.validator.Problem;
import io.webconnexkit.validator.Profile;
import io.webconnexkit.validator.SignatureStatus;
import io.webconnexkit.validator.SigningSecret;
import io.webconnexkit.validator.ValidationReport;
import io.webconnexkit.validator.WebconnexDelivery;
import io.webconnexkit.validator.WebconnexSignature;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Any delivery, headers and body, fuzzed together: the verifier must answer with a report and
 * never throw.
 *
 * <p>An input reads like an HTTP message, so seeds stay readable: header lines
 * ({@code Name: value}, ISO-8859-1), an empty line, then the raw body. A signature header whose
 * value is {@value #SIGN} is replaced by the body's real signature, so the fuzzer also explores
 * deliveries that pass the signature check.
 */
class DeliveryFuzzTest {

  static final String SIGN = "@sign";

  private static final String SECRET = "fuzz-signing-secret-3f9a1c";
  private static final String OLD_SECRET = "fuzz-old-signing-secret-77d2";
  private static final SigningSecret CURRENT = SigningSecret.of(SECRET);

  // Built once: Jazzer reuses the test instance and class for every input.
  private static final DeliveryVerifier LENIENT = DeliveryVerifier.builder().signingSecret(CURRENT).build();
  private static final DeliveryVerifier STRICT_ROTATING = DeliveryVerifier.builder()
      .profile(Profile.STRICT).signingSecret(SigningSecret.of(OLD_SECRET)).signingSecret(CURRENT).build();
  private static final DeliveryVerifier UNSIGNED = DeliveryVerifier.builder().build();
  private static final DeliveryVerifier UNSIGNED_STRICT = DeliveryVerifier.builder().profile(Profile.STRICT).build();

  @FuzzTest(maxDuration = FuzzSettings.MAX_DURATION)
  void anyDeliveryGetsAReport(byte[] message) {
    WebconnexDelivery delivery = parse(message);
    boolean signedWithCurrent = signedWith(CURRENT, delivery);
    boolean signedWithOld = signedWith(SigningSecret.of(OLD_SECRET), delivery);

    ValidationReport lenient = LENIENT.verify(delivery);
    check(lenient, LENIENT, delivery);
    expectVerified(lenient, signedWithCurrent);
    expectNoLeak(lenient, unchecked(UNSIGNED, delivery));

    ValidationReport strict = STRICT_ROTATING.verify(delivery);
    check(strict, STRICT_ROTATING, delivery);
    expectVerified(strict, signedWithCurrent || signedWithOld);
    expectNoLeak(strict, unchecked(UNSIGNED_STRICT, delivery));
  }

  /** The report of a verifier without secrets, which must say the signature was not checked. */
  private static ValidationReport unchecked(DeliveryVerifier verifier, WebconnexDelivery delivery) {
    ValidationReport report = verifier.verify(delivery);
    check(report, verifier, delivery);
    if (report.signature() != SignatureStatus.NOT_CHECKED) {
      throw new AssertionError("no secret is configured but the signature is " + report.signature());
    }
    return report;
  }

  /**
   * A report may quote the input, and the input may happen to contain a secret's text: a secret
   * has leaked only when it shows in the report and not in the same-profile report made without
   * secrets.
   */
  private static void expectNoLeak(ValidationReport report, ValidationReport withoutSecrets) {
    String printed = report.toString();
    String baseline = withoutSecrets.toString();
    for (String secret : List.of(SECRET, OLD_SECRET)) {
      if (printed.contains(secret) && !baseline.contains(secret)) {
        throw new AssertionError("a signing secret appears in the report");
      }
    }
  }

  private static boolean signedWith(SigningSecret secret, WebconnexDelivery delivery) {
    String sent = delivery.header(WebconnexDelivery.SIGNATURE_HEADER).map(String::trim).orElse(null);
    return sent != null && sent.equalsIgnoreCase(WebconnexSignature.sign(secret, delivery.body()));
  }

  private static void expectVerified(ValidationReport report, boolean signed) {
    if (signed != (report.signature() == SignatureStatus.VERIFIED)) {
      throw new AssertionError("the signature " + (signed ? "matches" : "does not match")
          + " the body under a configured secret but the report says " + report.signature());
    }
  }

  private static void check(ValidationReport report, DeliveryVerifier verifier, WebconnexDelivery delivery) {
    ReportInvariants.check(report, verifier.validator().profile());
    // The delivery report is the payload's report plus header and signature problems.
    ValidationReport payload = verifier.validator().validate(delivery.body());
    List<Problem> missing = new ArrayList<>(payload.problems());
    missing.removeAll(report.problems());
    if (!missing.isEmpty()) {
      throw new AssertionError("the delivery report lost the payload's problems " + missing);
    }
    if (!payload.isValid() && report.isValid()) {
      throw new AssertionError("an invalid payload makes a valid delivery");
    }
  }

  /** Header lines, an empty line, the body; without an empty line the whole input is headers. */
  static WebconnexDelivery parse(byte[] message) {
    int split = indexOf(message, new byte[] {'\n', '\n'});
    byte[] head = split < 0 ? message : Arrays.copyOfRange(message, 0, split);
    byte[] body = split < 0 ? new byte[0] : Arrays.copyOfRange(message, split + 2, message.length);
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (String line : new String(head, StandardCharsets.ISO_8859_1).split("\n", -1)) {
      if (line.isEmpty()) {
        continue;
      }
      int colon = line.indexOf(':');
      String name = colon < 0 ? line : line.substring(0, colon);
      String value = colon < 0 ? "" : line.substring(colon + 1).strip();
      if (name.toLowerCase(Locale.ROOT).equals(WebconnexDelivery.SIGNATURE_HEADER.toLowerCase(Locale.ROOT))
          && value.equals(SIGN)) {
        value = WebconnexSignature.sign(CURRENT, body);
      }
      headers.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
    }
    return WebconnexDelivery.of(headers, body);
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
