package io.webconnexkit.cli;

import static io.webconnexkit.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code webconnex drift} over the bundled example corpus (examples/recorded) and its bad inputs. */
class DriftCommandTest {

  private static final String CORPUS = Path.of("").toAbsolutePath().resolve("../examples/recorded").normalize().toString();
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @TempDir Path temp;

  @Test
  void textListsEachKindOfFindingOfTheBundledCorpus() {
    CliRun result = run("drift", CORPUS);

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).startsWith("drift: 10 payloads in 6 event types")
        .contains("  undocumented /data/registrants/*/checkedIn: 4 of 4 (100.0%), first " + CORPUS + "/deliveries.jsonl:1")
        .contains("  observed     /data/formName: 4 of 4 (100.0%)")
        .contains("  type         /data/total: documented number, seen string 1x")
        .contains("  format       /data/registrationTimestamp: legacy timestamp form")
        .contains("  format       /data/id: id sent as a number where the docs say string")
        .contains("  unseen       /meta/appToken")
        .contains("  registrant_edit: 1 payload (resembles edit_registrant)")
        .doesNotContain("%B4111");
  }

  @Test
  void jsonIsTheDocumentedFormAndHtmlIsOneSelfContainedPage() throws Exception {
    JsonNode json = MAPPER.readTree(run("drift", "--format", "json", CORPUS).out());
    String html = run("drift", "--format", "html", CORPUS).out();

    assertThat(json.get("payloads").asLong()).isEqualTo(10);
    assertThat(json.at("/events/0/eventType").asText()).isEqualTo("registration");
    assertThat(json.at("/unknownEventTypes/1/resembles").asText()).isEqualTo("edit_registrant");
    assertThat(html).startsWith("<!DOCTYPE html>").doesNotContain("<script");
  }

  @Test
  void aBaselineOfTheSameCorpusHasNothingNewAndExitsZero() throws Exception {
    Path baseline = temp.resolve("baseline.json");
    assertThat(run("drift", "--format", "json", "--out", baseline.toString(), CORPUS).exitCode()).isZero();

    CliRun again = run("drift", "--baseline", baseline.toString(), CORPUS);

    assertThat(again.exitCode()).as(again.err()).isZero();
    assertThat(again.err()).contains("nothing new since the baseline");
  }

  @Test
  void somethingNewSinceTheBaselineIsReportedAloneAndExitsOne() throws Exception {
    Path baseline = temp.resolve("baseline.json");
    run("drift", "--format", "json", "--out", baseline.toString(), CORPUS);
    Path week = Files.createDirectories(temp.resolve("week"));
    Files.copy(Path.of(CORPUS, "deliveries.jsonl"), week.resolve("deliveries.jsonl"));
    Files.writeString(week.resolve("new.jsonl"),
        "{\"eventType\":\"cancel_order\",\"data\":{}}\n{\"eventType\":\"publish\",\"data\":{\"id\":1,\"shiny\":true}}\n");

    CliRun result = run("drift", "--format", "json", "--baseline", baseline.toString(), week.toString());

    assertThat(result.exitCode()).isEqualTo(1);
    JsonNode json = MAPPER.readTree(result.out());
    assertThat(json.at("/unknownEventTypes").size()).isEqualTo(1);
    assertThat(json.at("/unknownEventTypes/0/eventType").asText()).isEqualTo("cancel_order");
    assertThat(json.at("/events/0/undocumented").size()).as("registration: nothing new").isZero();
    assertThat(json.at("/events/1/undocumented/0/pointer").asText()).isEqualTo("/data/shiny");
    assertThat(result.err()).contains("something is new since the baseline");
  }

  @Test
  void outWritesAFileAndReplacesOnlyADriftReport() throws Exception {
    Path page = temp.resolve("drift.html");
    assertThat(run("drift", "--format", "html", "--out", page.toString(), CORPUS).exitCode()).isZero();
    assertThat(run("drift", "--format", "html", "--out", page.toString(), CORPUS).exitCode()).as("its own file").isZero();
    Path mine = temp.resolve("notes.txt");
    Files.writeString(mine, "mine\n");

    CliRun refused = run("drift", "--out", mine.toString(), CORPUS);

    assertThat(refused.exitCode()).isEqualTo(2);
    assertThat(refused.err()).contains("--out: " + mine + " exists and is not a drift report; it is left as it is");
    assertThat(Files.readString(mine)).isEqualTo("mine\n");
    assertThat(Files.readString(page)).contains("<title>Webconnex drift report</title>");
    try (var listing = Files.list(temp)) {
      assertThat(listing.filter(p -> p.getFileName().toString().endsWith(".tmp"))).as("no temporary file left").isEmpty();
    }
  }

  @Test
  void badInputsEndWithAClearMessageAndExitTwo() throws Exception {
    Path notReport = temp.resolve("results.json");
    Files.writeString(notReport, "{\"results\":[]}");

    CliRun badFormat = run("drift", "--format", "xml", CORPUS);
    CliRun missing = run("drift", temp.resolve("nowhere").toString());
    CliRun badBaseline = run("drift", "--baseline", notReport.toString(), CORPUS);
    CliRun noBaseline = run("drift", "--baseline", temp.resolve("none.json").toString(), CORPUS);
    CliRun outDir = run("drift", "--out", temp.toString(), CORPUS);

    assertThat(badFormat.exitCode()).isEqualTo(2);
    assertThat(badFormat.err()).contains("--format: expected text, json or html but found \"xml\"");
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.err()).contains("nowhere: no such file or directory");
    assertThat(badBaseline.exitCode()).isEqualTo(2);
    assertThat(badBaseline.err()).contains("--baseline: " + notReport + ": not a drift report");
    assertThat(noBaseline.exitCode()).isEqualTo(2);
    assertThat(noBaseline.err()).contains("--baseline: ");
    assertThat(outDir.exitCode()).isEqualTo(2);
    assertThat(outDir.err()).contains("is a directory; give a file name");
    for (CliRun r : new CliRun[] {badFormat, missing, badBaseline, noBaseline, outDir}) {
      assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }
  }

  @Test
  void standardInputIsReadAsOnePayload() {
    CliRun result = run(Map.of(), "{\"eventType\":\"ping\",\"data\":{}}".getBytes(StandardCharsets.UTF_8), "drift", "-");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).contains("  ping: 1 payload");
  }
}
