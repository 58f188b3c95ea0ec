package io.webconnexkit.cli;

import static io.webconnexkit.cli.CliRun.resource;
import static io.webconnexkit.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void acceptsDirectoryOfValidPayloads() {
    CliRun run = run("validate", resource("payloads/valid").toString());

    assertThat(run.exitCode()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(run.out()).isEqualTo("Validated 3 files: 3 valid, 0 invalid (0 errors, 0 warnings)\n");
  }

  @Test
  void rejectsTotalGivenAsStringWithPathLineAndColumn() {
    Path file = resource("payloads/invalid/registration-total-as-string.json");

    CliRun run = run("validate", file.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).isEmpty();
    assertThat(run.outLines()).containsExactly(
        file + ":123:14: error: /data/total: expected number but found string \"100\"",
        "Validated 1 file: 0 valid, 1 invalid (1 error, 0 warnings)");
  }

  @Test
  void reportsMalformedJsonWhereTheParserStopped() {
    Path file = resource("payloads/invalid/subscription-trailing-comma.json");

    CliRun run = run("validate", file.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.outLines()[0]).startsWith(file + ":53:5: error: ").contains("malformed JSON");
  }

  @Test
  void warningsAloneKeepExitStatusZero() {
    Path file = resource("payloads/warning/registrant-edit-near-miss.json");

    CliRun run = run("validate", file.toString());

    assertThat(run.exitCode()).isZero();
    assertThat(run.outLines()).hasSize(2);
    assertThat(run.outLines()[0]).startsWith(file + ":2:16: warning: /eventType: unknown event type \"registrant_edit\"")
        .contains("edit_registrant");
    assertThat(run.outLines()[1]).isEqualTo("Validated 1 file: 1 valid, 0 invalid (0 errors, 1 warning)");
  }

  @Test
  void strictTurnsUnknownEventIntoAnError() {
    CliRun run = run("validate", "--strict", resource("payloads/warning/registrant-edit-near-miss.json").toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).contains(": error: /eventType: unknown event type \"registrant_edit\"");
  }

  @Test
  void searchesDirectoriesRecursivelyInSortedOrder() throws IOException {
    Path root = resource("payloads");

    CliRun run = run("validate", "--format", "json", root.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    List<String> paths = new ArrayList<>();
    JSON.readTree(run.out()).get("results").forEach(r -> paths.add(r.get("path").asText()));
    assertThat(paths).containsExactly(
        root.resolve("invalid/registration-total-as-string.json").toString(),
        root.resolve("invalid/subscription-trailing-comma.json").toString(),
        root.resolve("valid/coupon.json").toString(),
        root.resolve("valid/nested/publish.json").toString(),
        root.resolve("valid/registration.json").toString(),
        root.resolve("warning/registrant-edit-near-miss.json").toString());
  }

  @Test
  void skipsFilesThatAreNotJsonInDirectories(@TempDir Path dir) throws IOException {
    Files.copy(resource("payloads/valid/coupon.json"), dir.resolve("coupon.json"));
    Files.writeString(dir.resolve("notes.txt"), "not a payload");

    CliRun run = run("validate", dir.toString());

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).startsWith("Validated 1 file: 1 valid");
  }

  @Test
  void jsonFormatHasTheDocumentedFields() throws IOException {
    Path invalid = resource("payloads/invalid/registration-total-as-string.json");
    Path malformed = resource("payloads/invalid/subscription-trailing-comma.json");
    Path valid = resource("payloads/valid/coupon.json");

    CliRun run = run("validate", "--format", "json", invalid.toString(), malformed.toString(), valid.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).isEmpty();
    JsonNode root = JSON.readTree(run.out());
    assertThat(fieldNames(root)).containsExactly("results");
    JsonNode results = root.get("results");
    assertThat(results).hasSize(3);

    JsonNode first = results.get(0);
    assertThat(fieldNames(first)).containsExactly("path", "record", "line", "shape", "eventType", "valid", "signature",
        "problems");
    assertThat(first.get("record").isNull()).as("a file of one record").isTrue();
    assertThat(first.get("shape").asText()).isEqualTo("payload");
    assertThat(first.get("signature").asText()).isEqualTo("not-applicable");
    assertThat(first.get("path").asText()).isEqualTo(invalid.toString());
    assertThat(first.get("eventType").asText()).isEqualTo("registration");
    assertThat(first.get("valid").isBoolean()).isTrue();
    assertThat(first.get("valid").booleanValue()).isFalse();
    JsonNode problem = first.get("problems").get(0);
    assertThat(fieldNames(problem)).containsExactly("severity", "pointer", "line", "column", "message", "keyword", "key");
    assertThat(problem.get("severity").asText()).isEqualTo("error");
    assertThat(problem.get("pointer").asText()).isEqualTo("/data/total");
    assertThat(problem.get("line").intValue()).isEqualTo(123);
    assertThat(problem.get("column").intValue()).isEqualTo(14);
    assertThat(problem.get("message").asText()).isEqualTo("expected number but found string \"100\"");
    assertThat(problem.get("keyword").asText()).isEqualTo("type");
    assertThat(problem.get("key").asText()).isEqualTo("schema.type");

    JsonNode second = results.get(1);
    assertThat(second.get("eventType").isNull()).as("no event type can be read from malformed JSON").isTrue();
    assertThat(second.get("problems").get(0).get("keyword").isNull()).as("not a schema problem").isTrue();

    JsonNode third = results.get(2);
    assertThat(third.get("valid").booleanValue()).isTrue();
    assertThat(third.get("eventType").asText()).isEqualTo("coupon");
    assertThat(third.get("problems")).isEmpty();
  }

  @Test
  void readsStandardInputForDash() throws IOException {
    byte[] body = Files.readAllBytes(resource("payloads/invalid/registration-total-as-string.json"));

    CliRun run = run(Map.of(), body, "validate", "-");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.outLines()[0])
        .isEqualTo("<stdin>:123:14: error: /data/total: expected number but found string \"100\"");
  }

  @Test
  void mixesStandardInputWithFiles() throws IOException {
    byte[] body = Files.readAllBytes(resource("payloads/valid/coupon.json"));

    CliRun run = run(Map.of(), body, "validate", "-", resource("payloads/valid/registration.json").toString());

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).isEqualTo("Validated 2 files: 2 valid, 0 invalid (0 errors, 0 warnings)\n");
  }

  @Test
  void missingPathIsAnErrorWithOneLineAndNoStackTrace() {
    CliRun run = run("validate", resource("payloads/valid").toString(), "no/such/payload.json");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).isEqualTo("webconnex validate: no/such/payload.json: no such file or directory\n");
  }

  @Test
  void directoryWithoutJsonFilesIsAnError(@TempDir Path dir) {
    CliRun run = run("validate", dir.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("webconnex validate: no *.json, *.jsonl or *.ndjson files in directory " + dir + "\n");
  }

  @Test
  void unreadableDirectoryIsAnError(@TempDir Path dir) throws IOException {
    Path locked = Files.createDirectory(dir.resolve("locked"));
    Files.copy(resource("payloads/valid/coupon.json"), dir.resolve("coupon.json"));
    boolean lockedOut = locked.toFile().setReadable(false) && !Files.isReadable(locked);
    try {
      org.junit.jupiter.api.Assumptions.assumeTrue(lockedOut, "permissions are not enforced here (root?)");

      CliRun run = run("validate", dir.toString());

      assertThat(run.exitCode()).isEqualTo(2);
      assertThat(run.err()).isEqualTo("webconnex validate: cannot read directory " + locked + ": permission denied\n");
      assertThat(run.err()).doesNotContain("Exception").doesNotContain("\tat ");
    } finally {
      locked.toFile().setReadable(true);
    }
  }

  @Test
  void emptyFileIsAnInvalidPayloadNotAnError(@TempDir Path dir) throws IOException {
    Path empty = Files.writeString(dir.resolve("empty.json"), "");

    CliRun run = run("validate", empty.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.outLines()[0]).startsWith(empty + ": error: ").contains("empty");
  }

  @Test
  void unknownFormatIsAUsageError() {
    CliRun run = run("validate", "--format", "xml", resource("payloads/valid").toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err().lines()).containsExactly(
        "webconnex validate: Invalid value for option '--format': expected text or json but found 'xml'"
            + " (see 'webconnex validate --help')");
  }

  @Test
  void formatIsCaseInsensitive() {
    CliRun run = run("validate", "--format", "JSON", resource("payloads/valid/coupon.json").toString());

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).startsWith("{\"results\":[");
  }

  @Test
  void pathIsRequired() {
    CliRun run = run("validate");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("PATH").contains("see 'webconnex validate --help'");
  }

  @Test
  void standardInputCanBeNamedOnlyOnce() {
    CliRun run = run("validate", "-", "-");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("'-' (standard input) can be given only once");
  }

  @Test
  void leavesFixturesUntouched() throws IOException {
    Path file = resource("payloads/invalid/registration-total-as-string.json");
    byte[] before = Files.readAllBytes(file);
    long modified = Files.getLastModifiedTime(file).toMillis();

    run("validate", "--format", "json", file.toString());

    assertThat(Files.readAllBytes(file)).isEqualTo(before);
    assertThat(Files.getLastModifiedTime(file).toMillis()).isEqualTo(modified);
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
