package io.webconnexkit.validator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Java samples of README.md and validator-core/README.md, compiled and run here. The docs
 * module checks that every Java block in the docs appears in a source file like this one.
 */
class ReadmeExamplesTest {

  private final byte[] bodyBytes = Resources.bytes("payloads/registration-total-as-string.json");

  @Test
  void rootReadmeValidation() {
    String printed = capture(() -> {
      WebconnexValidator validator = WebconnexValidator.lenient();
      ValidationReport report = validator.validate(bodyBytes);
      report.errors().forEach(System.out::println);
      // /data/total: expected number but found string "100" (line 12, column 14)
    });
    assertThat(printed.trim()).isEqualTo("/data/total: expected number but found string \"100\" (line 12, column 14)");
  }

  /** Compiled, not run: the environment variable is the reader's. */
  static ValidationReport rootReadmeDelivery(Map<String, List<String>> headers, byte[] rawBody) {
    DeliveryVerifier verifier = DeliveryVerifier.builder()
        .signingSecret(SigningSecret.fromEnvironment("WEBCONNEX_SIGNING_SECRET")).build();
    ValidationReport delivery = verifier.verify(WebconnexDelivery.of(headers, rawBody));
    return delivery;
  }

  @Test
  void moduleReadmeValidation() {
    String printed = capture(() -> {
      WebconnexValidator validator = WebconnexValidator.builder()
          .profile(Profile.LENIENT)          // the default; Profile.STRICT requires every documented field
          .maxBodyBytes(1024 * 1024)         // the default
          .build();                          // immutable, thread-safe: build once, share

      ValidationReport report = validator.validate(bodyBytes);   // also String, InputStream, JsonNode
      if (!report.isValid()) {
        report.errors().forEach(System.out::println);
        // /data/total: expected number but found string "100" (line 12, column 14)
      }
    });
    assertThat(printed.trim()).isEqualTo("/data/total: expected number but found string \"100\" (line 12, column 14)");
  }

  /** Compiled, not run: the environment variable is the reader's. */
  static String moduleReadmeDelivery(Map<String, List<String>> requestHeaders, byte[] rawBodyBytes) {
    DeliveryVerifier verifier = DeliveryVerifier.builder()
        .signingSecret(SigningSecret.fromEnvironment("WEBCONNEX_SIGNING_SECRET"))
        .build();

    ValidationReport report = verifier.verify(WebconnexDelivery.of(requestHeaders, rawBodyBytes));
    switch (report.signature()) {
      case VERIFIED -> { /* trust the body */ }
      case MISSING, INVALID -> { /* answer 401 */ }
      default -> { }
    }
    return report.signature().label();
  }

  @Test
  void sampleJavadoc() {
    byte[] body = WebconnexSample.of(EventType.REGISTRATION)
        .with("/data/total", 250)
        .with("/meta/name", "Orders webhook")
        .without("/meta/appKey")
        .toBytes();
    assertThat(WebconnexValidator.strict().validate(body).isValid()).isTrue();
  }

  private static String capture(Runnable action) {
    PrintStream original = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      action.run();
    } finally {
      System.setOut(original);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  /** Compiled, not run: the environment variable is the reader's. */
  static DeliveryVerifier moduleReadmeSecrets(java.nio.file.Path oldSecretFile) {
    DeliveryVerifier rotating = DeliveryVerifier.builder()
        .secretSources(List.of(SecretSource.environment("WEBCONNEX_SECRET"), SecretSource.file(oldSecretFile)))
        .build();
    return rotating;
  }

  @Test
  void moduleReadmeRecordedDeliveries() {
    java.nio.file.Path archive = RecordedDeliveryReaderTest.corpus().resolve("jsonl/archive.jsonl");
    String secret = RecordedDeliveryReaderTest.SECRET;
    String printed = capture(() -> {
      DeliveryVerifier verifier = DeliveryVerifier.builder().signingSecret(SigningSecret.of(secret)).build();
      RecordedDeliveryReader.standard().read(archive, "deliveries.jsonl", record -> {
        ValidationReport report = verifier.verify(record);
        report.problems().forEach(p -> System.out.println(ReportLine.of(record.path(), p)));
      });
      // deliveries.jsonl:2:1626: error: /data/total: expected number but found string "100"
    });
    assertThat(printed.trim()).isEqualTo("deliveries.jsonl:2:1626: error: /data/total: expected number but found string \"100\"");
  }

  @Test
  void moduleReadmeLevels() {
    WebconnexValidator behindAProxy = WebconnexValidator.builder()
        .profile(Profile.STRICT)
        .level("delivery.userAgent", Severity.IGNORE)
        .levels(ProblemLevels.parse("event.unknown=warning"))
        .build();
    assertThat(behindAProxy.levels().levelOf("delivery.userAgent")).contains(Severity.IGNORE);
    assertThat(behindAProxy.levels().levelOf("event.unknown")).contains(Severity.WARNING);
  }
}
