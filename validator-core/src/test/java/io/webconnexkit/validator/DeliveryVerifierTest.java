package io.webconnexkit.validator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class DeliveryVerifierTest {

  private static final String SECRET_TEXT = "whsec-test-7f3a9c";
  private static final SigningSecret SECRET = SigningSecret.of(SECRET_TEXT);
  private final byte[] body = Resources.sample("registration");
  private final DeliveryVerifier verifier = DeliveryVerifier.builder().signingSecret(SECRET).build();

  private static Map<String, List<String>> headers(String signature) {
    Map<String, List<String>> headers = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.put("content-type", List.of("application/json; charset=utf-8"));
    headers.put("user-agent", List.of("Webconnex-Divvy"));
    headers.put("x-webconnex-delivery", List.of("b473fe314def43ccacc10ec75aae1451"));
    headers.put("x-webconnex-event", List.of("registration"));
    headers.put("x-webconnex-signature", List.of(signature));
    return headers;
  }

  @Test
  void signatureIsTheHexHmacSha256OfTheRawBody() throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(SECRET_TEXT.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    String independent = HexFormat.of().formatHex(mac.doFinal(body));

    assertThat(WebconnexSignature.sign(SECRET, body)).isEqualTo(independent).hasSize(64).isLowerCase();
    assertThat(WebconnexSignature.matches(SECRET, body, independent)).isTrue();
    assertThat(WebconnexSignature.matches(SECRET, body, independent.toUpperCase())).isTrue();
    assertThat(WebconnexSignature.matches(SECRET, body, independent.substring(1))).isFalse();
    assertThat(WebconnexSignature.matches(SECRET, body, "z".repeat(64))).isFalse();
  }

  @Test
  void verifiesADeliveryWithHeaderNamesInAnyCase() {
    ValidationReport report = verifier.verify(WebconnexDelivery.of(headers(WebconnexSignature.sign(SECRET, body)), body));

    assertThat(report.problems()).isEmpty();
    assertThat(report.signature()).isEqualTo(SignatureStatus.VERIFIED);
    assertThat(report.isValid()).isTrue();
  }

  @Test
  void signedDeliveriesLookLikeWebconnexsAndVerify() {
    WebconnexDelivery delivery = WebconnexDelivery.signed("registration", body, SECRET);

    assertThat(delivery.header("X-WEBCONNEX-DELIVERY")).hasValueSatisfying(id -> assertThat(id).matches("[0-9a-f]{32}"));
    assertThat(delivery.header("User-Agent")).contains("Webconnex-Divvy");
    assertThat(verifier.verify(delivery).problems()).isEmpty();
    assertThat(WebconnexDelivery.signed("registration", body, SECRET).header("X-Webconnex-Delivery"))
        .isNotEqualTo(delivery.header("X-Webconnex-Delivery"));
  }

  @Test
  void wrongSecretIsAnInvalidSignature() {
    WebconnexDelivery delivery = WebconnexDelivery.signed("registration", body, SigningSecret.of("another-secret"));

    ValidationReport report = verifier.verify(delivery);

    assertThat(report.isValid()).isFalse();
    assertThat(report.signature()).isEqualTo(SignatureStatus.INVALID);
    assertThat(report.errors()).singleElement().satisfies(p -> {
      assertThat(p.key()).isEqualTo("delivery.signature.mismatch");
      assertThat(p.header()).contains("X-Webconnex-Signature");
      assertThat(p.toString()).isEqualTo("X-Webconnex-Signature: does not match the body: it is not the HMAC-SHA256 of these"
          + " bytes under the configured signing secret (was the body changed, or the secret rotated?)");
    });
  }

  @Test
  void aReserialisedBodyNoLongerMatchesItsSignature() {
    String signature = WebconnexSignature.sign(SECRET, body);
    byte[] compact = new String(body, StandardCharsets.UTF_8).replace("\n", "").replace("  ", "").getBytes(StandardCharsets.UTF_8);

    assertThat(verifier.verify(WebconnexDelivery.of(headers(signature), compact)).signature()).isEqualTo(SignatureStatus.INVALID);
  }

  @Test
  void missingAndMalformedSignatures() {
    Map<String, List<String>> noSignature = headers("x");
    noSignature.remove("x-webconnex-signature");
    ValidationReport missing = verifier.verify(WebconnexDelivery.of(noSignature, body));
    assertThat(missing.signature()).isEqualTo(SignatureStatus.MISSING);
    assertThat(missing.errors()).extracting(Problem::key).containsExactly("delivery.signature.missing");

    ValidationReport malformed = verifier.verify(WebconnexDelivery.of(headers("abc123"), body));
    assertThat(malformed.signature()).isEqualTo(SignatureStatus.INVALID);
    assertThat(malformed.errors()).extracting(Problem::toString).containsExactly(
        "X-Webconnex-Signature: is not an HMAC-SHA256 signature: expected 64 hex characters but found 6 characters");
  }

  @Test
  void withoutASecretTheSignatureIsNotCheckedAndTheReportSaysSo() {
    ValidationReport report = DeliveryVerifier.builder().build().verify(WebconnexDelivery.of(headers("0".repeat(64)), body));

    assertThat(report.signature()).isEqualTo(SignatureStatus.NOT_CHECKED);
    assertThat(report.isValid()).isTrue();
    assertThat(report.toString()).startsWith("valid registration payload (lenient profile, signature not checked)");
  }

  @Test
  void secretRotationAcceptsEitherSecret() {
    SigningSecret next = SigningSecret.of("next-secret");
    DeliveryVerifier rotating = DeliveryVerifier.builder().signingSecret(SECRET).signingSecret(next).build();

    assertThat(rotating.verifySignature(WebconnexDelivery.signed("registration", body, SECRET))).isEqualTo(SignatureStatus.VERIFIED);
    assertThat(rotating.verifySignature(WebconnexDelivery.signed("registration", body, next))).isEqualTo(SignatureStatus.VERIFIED);
    assertThat(rotating.verifySignature(WebconnexDelivery.signed("registration", body, SigningSecret.of("old"))))
        .isEqualTo(SignatureStatus.INVALID);
  }

  @Test
  void checksEveryDocumentedHeader() {
    Map<String, List<String>> headers = headers(WebconnexSignature.sign(SECRET, body));
    headers.put("Content-Type", List.of("text/plain"));
    headers.put("User-Agent", List.of("curl/8.0"));
    headers.put("X-Webconnex-Delivery", List.of("B473FE314DEF43CCACC10EC75AAE1451"));
    headers.put("X-Webconnex-Event", List.of("publish"));

    ValidationReport lenient = verifier.verify(WebconnexDelivery.of(headers, body));

    assertThat(lenient.problems()).extracting(p -> p.severity() + " " + p)
        .containsExactlyInAnyOrder(
            "ERROR Content-Type: expected application/json but found \"text/plain\"",
            "WARNING User-Agent: expected Webconnex-Divvy but found \"curl/8.0\"",
            "ERROR X-Webconnex-Delivery: expected 32 lowercase hex characters but found \"B473FE314DEF43CCACC10EC75AAE1451\"",
            "ERROR X-Webconnex-Event: is \"publish\" but the body's eventType is \"registration\"");

    DeliveryVerifier strict = DeliveryVerifier.builder().profile(Profile.STRICT).signingSecret(SECRET).build();
    assertThat(strict.verify(WebconnexDelivery.of(headers, body)).errors()).extracting(Problem::key).contains("delivery.userAgent");
  }

  @Test
  void payloadProblemsAreInTheSameReport() {
    byte[] bad = Resources.bytes("payloads/registration-total-as-string.json");

    ValidationReport report = verifier.verify(WebconnexDelivery.signed("registration", bad, SECRET));

    assertThat(report.signature()).isEqualTo(SignatureStatus.VERIFIED);
    assertThat(report.errors()).extracting(Problem::toString)
        .containsExactly("/data/total: expected number but found string \"100\" (line 12, column 14)");
  }

  @Test
  void theSecretNeverAppearsInAReportOrToString() {
    ValidationReport report = verifier.verify(WebconnexDelivery.signed("registration", body, SigningSecret.of("wrong")));

    assertThat(report.toString()).doesNotContain(SECRET_TEXT);
    assertThat(report.problems()).allSatisfy(p -> assertThat(p.toString() + p.expected() + p.found()).doesNotContain(SECRET_TEXT));
    assertThat(SECRET.toString()).isEqualTo("SigningSecret[redacted]");
    assertThat(verifier.toString()).doesNotContain(SECRET_TEXT);
  }

  @Test
  void deliveriesAreImmutable() {
    byte[] raw = body.clone();
    WebconnexDelivery delivery = WebconnexDelivery.of(headers("x"), raw);
    raw[0] = 'X';
    delivery.body()[0] = 'Y';

    assertThat(delivery.body()).isEqualTo(body);
  }
}
