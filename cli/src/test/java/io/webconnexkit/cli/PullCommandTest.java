package io.webconnexkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.webconnexkit.validator.EventType;
import io.webconnexkit.wiremock.DeliveryLog;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** webconnex pull against the mock's logs API on 127.0.0.1, and each way it can fail. */
class PullCommandTest {

  static final String KEY = "pull-test-api-key-7f3a";
  static final Map<String, String> ENV = Map.of("WEBCONNEX_API_KEY", KEY, "WRONG_KEY", "not-the-key-9c2e");
  static final ObjectMapper JSON = new ObjectMapper();
  /** Waits in milliseconds, so the tests that wait stay fast. */
  static final String[] FAST = {"--backoff-ms", "10", "--max-wait-ms", "200"};

  @TempDir Path temp;
  TrafficServers.Receiver receiver;
  TrafficServers.Mock mock;
  final List<DeliveryLog> sent = new ArrayList<>();

  @BeforeEach
  void threeDeliveries() throws Exception {
    receiver = new TrafficServers.Receiver();
    mock = new TrafficServers.Mock(receiver.url("/hooks"), "mock-secret", b -> b.apiKey(KEY));
    send(EventType.REGISTRATION, EventType.COUPON, EventType.SUBSCRIPTION);
  }

  @AfterEach
  void stop() {
    mock.close();
    receiver.close();
  }

  void send(EventType... types) {
    for (EventType type : types) {
      sent.addAll(mock.webconnex.send(type).deliveries());
    }
  }

  CliRun pull(String base, String out, String... more) {
    List<String> args = new ArrayList<>(List.of("pull", "--webhook", "1", "--api-key-env", "WEBCONNEX_API_KEY",
        "--base-url", base, "--out", out));
    List<String> given = List.of(more);
    for (int i = 0; i < FAST.length; i += 2) {
      if (!given.contains(FAST[i])) {
        args.add(FAST[i]);
        args.add(FAST[i + 1]);
      }
    }
    args.addAll(given);
    return CliRun.run(ENV, new byte[0], args.toArray(String[]::new));
  }

  static List<String> names(Path dir) throws Exception {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  void assertNoSecretPrinted(CliRun r) {
    assertThat(r.out() + r.err()).doesNotContain(KEY).doesNotContain("not-the-key-9c2e");
  }

  @Test
  void writesOneFilePerLogUnchangedAndResumesWithoutRewriting() throws Exception {
    Path dir = temp.resolve("pulled");

    CliRun r = pull(mock.base(), dir.toString(), "--limit", "2");

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(names(dir)).containsExactly(sent.get(0).id() + "-registration.json", sent.get(1).id() + "-coupon.json",
        sent.get(2).id() + "-subscription.json");
    JsonNode record = JSON.readTree(dir.resolve(sent.get(0).id() + "-registration.json").toFile());
    assertThat(record.at("/data/id").asLong()).isEqualTo(sent.get(0).id());
    assertThat(record.at("/data/request/body")).isEqualTo(JSON.readTree(sent.get(0).requestBody()));
    assertThat(r.out()).contains("pulled 3 new records of webhook 1 into " + dir + " (0 already there");
    assertThat(r.err().lines()).contains("page 1: 2 logs listed (2 so far)", "page 2: 1 logs listed (3 so far)",
        "3 logs listed, 0 already in " + dir + ", 3 to fetch");
    assertNoSecretPrinted(r);

    // A file the kit did not write, and one it wrote and someone changed: neither is touched.
    Path changed = dir.resolve(sent.get(1).id() + "-coupon.json");
    Files.writeString(changed, "{\"edited\": true}");
    Files.writeString(dir.resolve("notes.txt"), "mine");
    send(EventType.PUBLISH);

    CliRun again = pull(mock.base(), dir.toString());

    assertThat(again.exitCode()).as(again.err()).isZero();
    assertThat(again.out()).contains("pulled 1 new record of webhook 1", "(3 already there");
    assertThat(again.out().lines().filter(l -> l.endsWith(".json")).toList())
        .containsExactly(dir.resolve(sent.get(3).id() + "-publish.json").toString());
    assertThat(Files.readString(changed)).isEqualTo("{\"edited\": true}");
    assertThat(names(dir)).hasSize(5).noneMatch(n -> n.endsWith(".part"));
  }

  @Test
  void appendsJsonLinesAndFetchesOnlyWhatIsMissing() throws Exception {
    Path file = temp.resolve("pulled.jsonl");

    CliRun r = pull(mock.base(), file.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    String first = Files.readString(file);
    assertThat(first.lines()).hasSize(3).allSatisfy(l -> assertThat(JSON.readTree(l).at("/data/request/body").isObject()).isTrue());
    send(EventType.INVENTORY_90);

    CliRun again = pull(mock.base(), file.toString(), "--status", "success");

    assertThat(again.exitCode()).as(again.err()).isZero();
    String second = Files.readString(file);
    assertThat(second).startsWith(first);
    assertThat(second.lines()).hasSize(4);
    assertThat(JSON.readTree(second.lines().toList().get(3)).at("/data/id").asLong()).isEqualTo(sent.get(3).id());
  }

  @Test
  void aJsonLinesFileCutShortKeepsItsLastLineAndGetsALineBreakFirst() throws Exception {
    Path file = Files.writeString(temp.resolve("cut.jsonl"), "{\"responseCode\":200,\"data\":{\"id\":");

    CliRun r = pull(mock.base(), file.toString());

    assertThat(r.exitCode()).as(r.err()).isZero();
    List<String> lines = Files.readAllLines(file);
    assertThat(lines).hasSize(4);
    assertThat(lines.get(0)).isEqualTo("{\"responseCode\":200,\"data\":{\"id\":");
    assertThat(CliRun.run("validate", file.toString()).out()).contains(file + ":1:");
  }

  @Test
  void filtersBySinceStatusAndId() throws Exception {
    Path dir = temp.resolve("filtered");

    CliRun r = pull(mock.base(), dir.toString(), "--greater-than-id", Long.toString(sent.get(0).id()), "--since", "2000-01-01");

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(names(dir)).hasSize(2);
    assertThat(pull(mock.base(), temp.resolve("none").toString(), "--status", "error").out()).contains("pulled 0 new records");
  }

  @Test
  void aWrongKeyIs404NamedAsSuchAndNeverPrinted() throws Exception {
    CliRun r = CliRun.run(ENV, new byte[0], "pull", "--webhook", "1", "--api-key-env", "WRONG_KEY", "--base-url", mock.base(),
        "--out", temp.resolve("x").toString());

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("webconnex pull: the API answered 404 Not Found (code 4404) to the log list: either the API key "
        + "in WRONG_KEY is wrong (Webconnex answers a wrong key with 404, code 4404) or there is no such webhook or log");
    assertNoSecretPrinted(r);
  }

  @Test
  void anUnknownWebhookIs404Too() {
    CliRun r = CliRun.run(ENV, new byte[0], "pull", "--webhook", "999", "--api-key-env", "WEBCONNEX_API_KEY", "--base-url",
        mock.base(), "--out", temp.resolve("x").toString());

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("404 Not Found (code 4404)", "(the API says: no webhook 999)");
  }

  @Test
  void a401IsNamedAsSuch() throws Exception {
    try (TrafficServers.FaultyProxy api = new TrafficServers.FaultyProxy("http://127.0.0.1:" + mock.server.port(), 100, 401,
        "{\"responseCode\":401,\"code\":4401,\"description\":\"Unauthorized\"}")) {
      CliRun r = pull(api.base(), temp.resolve("x").toString());

      assertThat(r.exitCode()).isEqualTo(2);
      assertThat(r.err()).contains("the API answered 401 Unauthorized (code 4401) to the log list: it took the request as "
          + "having no API key; check the API key in WEBCONNEX_API_KEY (the API says: Unauthorized)");
      assertThat(api.requests.get()).as("no retry on 401").isEqualTo(1);
      assertNoSecretPrinted(r);
    }
  }

  @Test
  void serverErrorsAreRetriedWithBackoffThenGivenUp() throws Exception {
    Path dir = temp.resolve("flaky");
    try (TrafficServers.FaultyProxy flaky = new TrafficServers.FaultyProxy("http://127.0.0.1:" + mock.server.port(), 2, 503,
        "{\"description\":\"maintenance\"}")) {
      CliRun r = pull(flaky.base(), dir.toString());

      assertThat(r.exitCode()).as(r.err()).isZero();
      assertThat(r.err()).contains("waiting 10 ms before trying the log list again (503 from the server (the API says: "
          + "maintenance); retry 1 of 5)", "waiting 20 ms before trying the log list again");
      assertThat(names(dir)).hasSize(3);
    }
    try (TrafficServers.FaultyProxy down = new TrafficServers.FaultyProxy("http://127.0.0.1:" + mock.server.port(), 100, 500,
        "not json")) {
      CliRun r = pull(down.base(), temp.resolve("down").toString(), "--retries", "2");

      assertThat(r.exitCode()).isEqualTo(2);
      assertThat(r.err()).contains("webconnex pull: gave up on the log list after 3 attempts: 500 from the server");
      assertThat(down.requests.get()).isEqualTo(3);
    }
  }

  @Test
  void keepsUnderTheBurstLimitAndWaitsOut429() throws Exception {
    try (TrafficServers.Mock limited = new TrafficServers.Mock(receiver.url("/hooks"), "mock-secret",
        b -> b.apiKey(KEY).burstLimit(2, Duration.ofMillis(150)))) {
      for (EventType type : List.of(EventType.REGISTRATION, EventType.COUPON, EventType.PUBLISH)) {
        limited.webconnex.send(type);
      }
      Path dir = temp.resolve("limited");

      CliRun r = pull(limited.base(), dir.toString(), "--retries", "10");

      assertThat(r.exitCode()).as(r.err()).isZero();
      assertThat(names(dir)).hasSize(3);
      assertThat(r.err()).containsPattern("\nwaiting \\d+ ms: the burst limit is used up until its reset\n");
    }
  }

  @Test
  void refusedConnectionsSayWhere() throws Exception {
    int port = TrafficServers.closedPort();

    CliRun r = pull("http://127.0.0.1:" + port + "/v2/public", temp.resolve("x").toString());

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("webconnex pull: cannot connect to http://127.0.0.1:" + port + " to fetch the log list: "
        + "connection refused (is --base-url right, and the server running?)\n");
  }

  @Test
  void anInterruptedPullLeavesNoHalfFileAndTheNextRunFetchesTheRest() throws Exception {
    try (TrafficServers.Mock limited = new TrafficServers.Mock(receiver.url("/hooks"), "mock-secret",
        b -> b.apiKey(KEY).burstLimit(2, Duration.ofSeconds(1)))) {
      for (EventType type : List.of(EventType.REGISTRATION, EventType.COUPON, EventType.PUBLISH)) {
        limited.webconnex.send(type);
      }
      Path dir = temp.resolve("interrupted");
      StringWriter err = new StringWriter();
      CommandLine cli = WebconnexCommand.commandLine(ENV::get, new ByteArrayInputStream(new byte[0]));
      cli.setOut(new PrintWriter(new StringWriter(), true));
      cli.setErr(new PrintWriter(err, true));
      int[] exit = {-1};
      // The list and the first log use up the burst of 2; the pull then waits for the reset, and is interrupted.
      Thread pull = new Thread(() -> exit[0] = cli.execute("pull", "--webhook", "1", "--api-key-env", "WEBCONNEX_API_KEY",
          "--base-url", limited.base(), "--out", dir.toString(), "--max-wait-ms", "30000"));
      pull.start();
      for (int i = 0; i < 400 && !(Files.isDirectory(dir) && names(dir).stream().anyMatch(n -> n.endsWith(".json"))); i++) {
        Thread.sleep(5);
      }
      pull.interrupt();
      pull.join(10_000);

      assertThat(exit[0]).isEqualTo(2);
      assertThat(err.toString()).contains("webconnex pull: interrupted after writing 1 of 3 new records into " + dir
          + "; nothing half-written is left: run the same command again to fetch the rest");
      assertThat(names(dir)).singleElement().satisfies(n -> assertThat(n).endsWith("-registration.json"));

      CliRun rest = pull(limited.base(), dir.toString(), "--max-wait-ms", "1000", "--retries", "10");

      assertThat(rest.exitCode()).as(rest.err()).isZero();
      assertThat(rest.out()).contains("pulled 2 new records", "(1 already there");
      assertThat(names(dir)).hasSize(3).noneMatch(n -> n.endsWith(".part"));
    }
  }

  @Test
  void badOptionsAreRefusedBeforeAnyRequest() throws Exception {
    String out = temp.resolve("x").toString();
    Path file = Files.writeString(temp.resolve("plain.json"), "{}");

    assertThat(CliRun.run(ENV, new byte[0], "pull", "--webhook", "1", "--api-key-env", "UNSET_KEY", "--out", out).err())
        .isEqualTo("webconnex pull: --api-key-env: environment variable UNSET_KEY is not set or is empty\n");
    CliRun keyGiven = CliRun.run(ENV, new byte[0], "pull", "--webhook", "1", "--api-key-env", "sk-live-abc.123", "--out", out);
    assertThat(keyGiven.err()).contains("--api-key-env: expected the name of an environment variable").doesNotContain("sk-live");
    CliRun lower = CliRun.run(ENV, new byte[0], "pull", "--webhook", "1", "--api-key-env", "abcDEF123", "--out", out);
    assertThat(lower.err()).contains("its name is not repeated here").doesNotContain("abcDEF123");
    assertThat(pull(mock.base(), out, "--limit", "51").err())
        .isEqualTo("webconnex pull: --limit must be between 1 and 50 (Webconnex's API takes no more)\n");
    assertThat(pull("ftp://example.org", out).err()).contains("--base-url must be an http or https URL");
    assertThat(pull(mock.base(), out, "--since", "yesterday").err()).contains("--since must be a date such as 2024-05-01");
    assertThat(pull(mock.base(), out, "--status", "failed").err()).contains("--status must be success or error, not \"failed\"");
    assertThat(pull(mock.base(), file.toString()).err()).contains("is a file: give a directory, or a file whose name ends in .jsonl");
    assertThat(CliRun.run("pull", "--webhook", "1", "--out", out).err()).contains("--api-key-env");
    assertThat(Files.exists(Path.of(out))).isFalse();
  }

  @Test
  void theKeyGoesInTheApiKeyHeaderOnly() throws Exception {
    // The mock accepts only this key, so a pull that sent it anywhere else (or not at all) would be refused.
    CliRun r = pull(mock.base(), temp.resolve("k").toString());
    assertThat(r.exitCode()).isZero();
    assertThat(mock.server.getAllServeEvents()).allSatisfy(e -> {
      assertThat(e.getRequest().getUrl()).doesNotContain(KEY);
      assertThat(e.getRequest().getHeader("apiKey")).isEqualTo(KEY);
    });
    assertThat(new String(Files.readAllBytes(Files.list(temp.resolve("k")).findFirst().orElseThrow()), StandardCharsets.UTF_8))
        .doesNotContain(KEY);
  }
}
