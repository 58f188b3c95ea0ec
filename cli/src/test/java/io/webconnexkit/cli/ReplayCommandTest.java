package io.webconnexkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** webconnex replay into receivers on 127.0.0.1 that check signatures themselves, and each bad input. */
class ReplayCommandTest {

  static final String SECRET = "receiver-test-secret";
  static final Map<String, String> ENV = Map.of("TEST_SECRET", SECRET);
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path temp;
  TrafficServers.Receiver receiver;

  @BeforeEach
  void start() throws Exception {
    receiver = new TrafficServers.Receiver();
  }

  @AfterEach
  void stop() {
    receiver.close();
  }

  static Path journal() {
    return CliRun.resource("recorded/journal.json");
  }

  @Test
  void aJournalIsSentByteForByteInOrderAndSignedWithTheGivenSecret() throws Exception {
    JsonNode recorded = JSON.readTree(journal().toFile());

    CliRun r = CliRun.run(ENV, new byte[0], "replay", "--to", receiver.url("/hooks"), "--secret-env", "TEST_SECRET",
        journal().toString());

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.outLines()).hasSize(3);
    assertThat(r.outLines()[0]).matches(java.util.regex.Pattern.quote(journal() + " [requests[0]]: registration 200 ") + "\\d+ ms");
    assertThat(r.outLines()[1]).startsWith(journal() + " [requests[1]]: test 200 ");
    assertThat(r.outLines()[2]).isEqualTo("replayed 2 deliveries to " + receiver.url("/hooks") + ": 2 answered 2xx, 0 did not");
    List<TrafficServers.Receiver.Hit> hits = receiver.hits();
    assertThat(hits).hasSize(2).allSatisfy(h -> assertThat(h.signedWith(SECRET)).isTrue());
    for (int i = 0; i < 2; i++) {
      JsonNode request = recorded.path("requests").get(i).path("request");
      assertThat(new String(hits.get(i).body(), StandardCharsets.UTF_8)).isEqualTo(request.path("body").asText());
      assertThat(hits.get(i).header("X-Webconnex-Delivery")).matches("[0-9a-f]{32}")
          .isNotEqualTo(request.path("headers").path("X-Webconnex-Delivery").asText());
      assertThat(hits.get(i).header("User-Agent")).isEqualTo("Webconnex-Divvy");
    }
  }

  @Test
  void keepsTheRecordedSignatureAndDeliveryIdWhenAsked() throws Exception {
    JsonNode recorded = JSON.readTree(journal().toFile());

    CliRun r = CliRun.run("replay", "--to", receiver.url("/hooks"), "--keep-signature", "--keep-delivery-id", journal().toString());

    assertThat(r.exitCode()).as(r.err()).isZero();
    for (int i = 0; i < 2; i++) {
      JsonNode headers = recorded.path("requests").get(i).path("request").path("headers");
      assertThat(receiver.hits().get(i).header("X-Webconnex-Signature")).isEqualTo(headers.path("X-Webconnex-Signature").asText());
      assertThat(receiver.hits().get(i).header("X-Webconnex-Delivery")).isEqualTo(headers.path("X-Webconnex-Delivery").asText());
    }
  }

  @Test
  void aNon2xxAnswerOrAnUnreachableReceiverExitsOne() throws Exception {
    CliRun broken = CliRun.run(ENV, new byte[0], "replay", "--to", receiver.url("/broken"), "--secret-env", "TEST_SECRET",
        journal().toString());

    assertThat(broken.exitCode()).isEqualTo(1);
    assertThat(broken.out()).contains(": registration 500 ", "replayed 2 deliveries to " + receiver.url("/broken")
        + ": 0 answered 2xx, 2 did not");

    int port = TrafficServers.closedPort();
    CliRun refused = CliRun.run(ENV, new byte[0], "replay", "--to", "http://127.0.0.1:" + port + "/hooks", "--secret-env",
        "TEST_SECRET", journal().toString());
    assertThat(refused.exitCode()).isEqualTo(1);
    assertThat(refused.out()).contains(": registration not sent (connection refused) ");
  }

  @Test
  void aDryRunSendsNothing() {
    CliRun r = CliRun.run(ENV, new byte[0], "replay", "--to", receiver.url("/hooks"), "--secret-env", "TEST_SECRET", "--dry-run",
        journal().toString());

    assertThat(r.exitCode()).isZero();
    assertThat(r.outLines()[0]).matches(".*: registration would be sent: \\d+ bytes, delivery [0-9a-f]{32}, signature computed");
    assertThat(r.out()).endsWith("dry run: 2 deliveries would be sent to " + receiver.url("/hooks") + "; nothing was sent\n");
    assertThat(receiver.hits()).isEmpty();
  }

  @Test
  void keepsToTheRate() {
    long start = System.nanoTime();
    CliRun r = CliRun.run(ENV, new byte[0], "replay", "--to", receiver.url("/hooks"), "--secret-env", "TEST_SECRET", "--rate", "10/s",
        journal().toString(), journal().toString());
    long ms = (System.nanoTime() - start) / 1_000_000;

    assertThat(r.exitCode()).isZero();
    // Inputs named twice are read once; two deliveries at 10/s are at least 100 ms apart.
    assertThat(receiver.hits()).hasSize(2);
    assertThat(ms).isGreaterThanOrEqualTo(100);
  }

  @Test
  void aFileWithoutADeliveryStopsTheReplayBeforeAnythingIsSent() throws Exception {
    Path bad = Files.writeString(temp.resolve("notes.json"), "{\"hello\": \"world\"}");

    CliRun r = CliRun.run(ENV, new byte[0], "replay", "--to", receiver.url("/hooks"), "--secret-env", "TEST_SECRET",
        journal().toString(), bad.toString());

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).startsWith("webconnex replay: 1 record holds no delivery; nothing was sent:\n  " + bad + ":1:1: not a Webconnex payload");
    assertThat(receiver.hits()).isEmpty();
  }

  @Test
  void badInputsSayWhatIsWrong() throws Exception {
    String to = receiver.url("/hooks");
    String file = journal().toString();
    Path empty = Files.createDirectory(temp.resolve("empty"));

    assertThat(CliRun.run("replay", "--to", to, file).err()).isEqualTo("webconnex replay: give the receiver's signing secret with "
        + "--secret-env VAR or --secret-file FILE, or send the recorded signatures with --keep-signature\n");
    assertThat(CliRun.run("replay", "--to", to, "--secret-env", "UNSET_SECRET", file).err())
        .isEqualTo("webconnex replay: --secret-env: environment variable UNSET_SECRET is not set or is empty\n");
    assertThat(CliRun.run(ENV, new byte[0], "replay", "--to", "ftp://x", "--secret-env", "TEST_SECRET", file).err())
        .contains("--to must be an http or https URL");
    assertThat(CliRun.run(ENV, new byte[0], "replay", "--to", to, "--secret-env", "TEST_SECRET", "--rate", "fast", file).err())
        .contains("--rate must be a number of deliveries a second above 0", "not \"fast\"");
    assertThat(CliRun.run(ENV, new byte[0], "replay", "--to", to, "--secret-env", "TEST_SECRET", temp.resolve("missing.json").toString())
        .err()).isEqualTo("webconnex replay: " + temp.resolve("missing.json") + ": no such file or directory\n");
    assertThat(CliRun.run(ENV, new byte[0], "replay", "--to", to, "--secret-env", "TEST_SECRET", empty.toString()).err())
        .contains("no *.json, *.jsonl or *.ndjson files in directory");
    assertThat(CliRun.run(ENV, new byte[0], "replay", "--to", to, "--secret-env", "TEST_SECRET").err()).contains("PATH");
    CliRun secretAsName = CliRun.run("replay", "--to", to, "--secret-env", "s3cr3t-value!", file);
    assertThat(secretAsName.err()).doesNotContain("s3cr3t-value!");
    assertThat(receiver.hits()).isEmpty();
  }

  @Test
  void filesNamedByLogIdAreReplayedInLogOrderNotNameOrder() throws Exception {
    Path dir = Files.createDirectory(temp.resolve("pulled"));
    Path log = CliRun.resource("recorded/journal.json");
    Files.copy(log, dir.resolve("10-registration.json"));
    Files.copy(log, dir.resolve("9-registration.json"));
    Files.copy(log, dir.resolve("notes.json"));

    CliRun r = CliRun.run(ENV, new byte[0], "replay", "--to", receiver.url("/hooks"), "--secret-env", "TEST_SECRET", "--dry-run",
        dir.toString());

    assertThat(r.exitCode()).isZero();
    assertThat(r.out().lines().filter(l -> l.contains("[requests[0]]")).map(l -> l.substring(0, l.indexOf(" [")))).containsExactly(
        dir.resolve("9-registration.json").toString(), dir.resolve("10-registration.json").toString(),
        dir.resolve("notes.json").toString());
  }
}
