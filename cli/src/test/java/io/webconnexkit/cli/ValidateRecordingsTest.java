package io.webconnexkit.cli;

import static io.webconnexkit.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code webconnex validate} on recorded deliveries of every shape, with secrets and levels. */
class ValidateRecordingsTest {

  /** The corpus of every shape that core, the plugin and the JUnit extension are tested on too. */
  private static final Path CORPUS = Path.of("../validator-core/src/test/resources/recorded").toAbsolutePath().normalize();
  private static final Map<String, String> SECRET = Map.of("WEBCONNEX_SECRET", "it-signing-secret-0001");

  private static String file(String name) {
    return CORPUS.resolve(name).toString();
  }

  @Test
  void readsAResendResponseAsTheDeliveryItIs() {
    CliRun run = run("validate", file("logs/resend-response.json"));

    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    assertThat(run.out()).doesNotContain("required property \"eventType\" is missing")
        .contains(": info: X-Webconnex-Signature: not checked: the webhook logs API returns the body parsed")
        .endsWith("Validated 1 file: 1 valid, 0 invalid (0 errors, 0 warnings)\n");
  }

  @Test
  void readsJsonLinesRecordByRecord(@TempDir Path dir) throws IOException {
    CliRun run = run("validate", file("jsonl/archive.jsonl"));

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out().lines()).contains(file("jsonl/archive.jsonl")
        + ":2:1626: error: /data/total: expected number but found string \"100\"");
    assertThat(run.out()).endsWith("Validated 1 file (3 records): 2 valid, 1 invalid (1 error, 0 warnings)\n")
        .doesNotContain("Trailing token");
  }

  @Test
  void checksTheSignaturesOfAJournalWithTheGivenSecrets() {
    CliRun right = run(SECRET, new byte[0], "validate", "--secret-env", "WEBCONNEX_SECRET", file("wiremock/journal.json"));
    CliRun rotated = run(Map.of("OLD", "not-the-secret", "NEW", "it-signing-secret-0001"), new byte[0], "validate",
        "--secret-env", "OLD", "--secret-env", "NEW", file("wiremock/journal.json"));
    CliRun wrong = run(Map.of("OLD", "not-the-secret"), new byte[0], "validate", "--secret-env", "OLD",
        file("wiremock/journal.json"));

    assertThat(right.exitCode()).isZero();
    assertThat(right.out()).endsWith("(2 records): 2 valid, 0 invalid (0 errors, 0 warnings); 2 signatures checked\n");
    assertThat(rotated.exitCode()).isZero();
    assertThat(wrong.exitCode()).isEqualTo(1);
    assertThat(wrong.out()).contains(file("wiremock/journal.json") + ":15:11: error: X-Webconnex-Signature: does not match");
  }

  @Test
  void aSecretFileWorksAndAMissingOneNeverRepeatsWhatWasGiven(@TempDir Path dir) throws IOException {
    Path secret = Files.writeString(dir.resolve("secret.txt"), "it-signing-secret-0001\n");
    String pasted = "it-signing-secret-0001";

    CliRun ok = run("validate", "--secret-file", secret.toString(), file("wiremock/serve-event.json"));
    CliRun mistaken = run("validate", "--secret-file", pasted, file("wiremock/serve-event.json"));
    CliRun unset = run("validate", "--secret-env", "WEBCONNEX_SECRET", file("wiremock/serve-event.json"));

    assertThat(ok.out()).contains("1 signature checked");
    assertThat(mistaken.exitCode()).isEqualTo(2);
    assertThat(mistaken.out() + mistaken.err()).doesNotContain(pasted).contains("the secret file does not exist");
    assertThat(unset.exitCode()).isEqualTo(2);
    assertThat(unset.err()).isEqualTo("webconnex validate: --secret-env: environment variable WEBCONNEX_SECRET is not set or is empty\n");
  }

  @Test
  void levelsChangeWhatIsReportedAndABadOneIsAUsageError() {
    CliRun strict = run("validate", "--strict", file("logs/delivery.json"));
    CliRun quiet = run("validate", "--level", "delivery.signature.notChecked=ignore", file("logs/delivery.json"));
    CliRun typo = run("validate", "--level", "delivery.useragent=ignore", file("logs/delivery.json"));

    assertThat(strict.out()).contains("info: X-Webconnex-Signature");
    assertThat(quiet.out()).doesNotContain("X-Webconnex-Signature");
    assertThat(typo.exitCode()).isEqualTo(2);
    assertThat(typo.err()).isEqualTo("webconnex validate: --level: unknown problem key \"delivery.useragent\" "
        + "(did you mean \"delivery.userAgent\"?)\n");
  }

  @Test
  void aDirectoryOfEveryShapeGivesOneResultPerRecordInJson() throws IOException {
    CliRun run = run(SECRET, new byte[0], "validate", "--format", "json", "--secret-env", "WEBCONNEX_SECRET",
        CORPUS.toString());

    JsonNode results = new ObjectMapper().readTree(run.out()).get("results");
    assertThat(results).isNotEmpty();
    assertThat(results.findValuesAsText("shape")).contains("payload", "webhook log record", "WireMock request", "unrecognised");
    assertThat(results.findValuesAsText("record")).contains("requests[1]", "data[1]", "line 3");
  }

  @Test
  void forgedLinesCannotComeFromKeysOrFileNames(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("evil\nother.json:9:9: error: forged.json");
    Files.writeString(file, "{\"eventType\":\"test\",\"accountId\":\"x\",\"data\":{},\"fo\\no\\u001b[2J\":1}");

    CliRun run = run("validate", "--strict", file.toString());

    assertThat(run.out().lines()).allSatisfy(line -> assertThat(line).doesNotStartWith("other.json"));
    assertThat(run.out()).doesNotContain("\u001b").contains("evil\\nother.json");
  }
}
