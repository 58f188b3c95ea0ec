package io.webconnexkit.cli;

import static io.webconnexkit.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** webconnex send and webconnex mock against a receiver on 127.0.0.1 that checks signatures itself. */
class SendAndMockCommandTest {

  record Hit(String path, Map<String, List<String>> headers, byte[] body) {
    String header(String name) {
      return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).findFirst()
          .map(e -> e.getValue().get(0)).orElse(null);
    }

    boolean signedWith(String secret) throws Exception {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(body)).equals(header("X-Webconnex-Signature"));
    }
  }

  @TempDir Path temp;
  HttpServer receiver;
  final ConcurrentLinkedQueue<Hit> hits = new ConcurrentLinkedQueue<>();

  @BeforeEach
  void startReceiver() throws IOException {
    receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
    receiver.createContext("/", exchange -> {
      hits.add(new Hit(exchange.getRequestURI().getPath(), Map.copyOf(exchange.getRequestHeaders()),
          exchange.getRequestBody().readAllBytes()));
      int status = exchange.getRequestURI().getPath().equals("/broken") ? 500 : 200;
      exchange.sendResponseHeaders(status, -1);
      exchange.close();
    });
    receiver.start();
  }

  @AfterEach
  void stopReceiver() {
    receiver.stop(0);
  }

  String url(String path) {
    return "http://127.0.0.1:" + receiver.getAddress().getPort() + path;
  }

  @Test
  void sendsASignedSampleToAUrl() throws Exception {
    CliRun r = run(Map.of("WEBCONNEX_SECRET", "cli-secret"), new byte[0],
        "send", "--event", "registration", "--to", url("/hooks"), "--secret-env", "WEBCONNEX_SECRET");

    assertThat(r.err()).isEmpty();
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).matches("webhook 1 \"Webconnex Contract Kit mock\": registration delivery [0-9a-f]{32} to "
        + Pattern.quote(url("/hooks")) + ": 200 success\n");
    Hit hit = hits.peek();
    assertThat(hit.signedWith("cli-secret")).isTrue();
    assertThat(hit.header("User-Agent")).isEqualTo("Webconnex-Divvy");
    assertThat(hit.header("X-Webconnex-Event")).isEqualTo("registration");
  }

  @Test
  void sendsObservedFieldsAsWebconnexDoesAndDocumentedOnesOnlyWhenAsked() throws Exception {
    Map<String, String> env = Map.of("WEBCONNEX_SECRET", "cli-secret");
    run(env, new byte[0], "send", "--event", "registration", "--to", url("/hooks"), "--secret-env", "WEBCONNEX_SECRET");
    CliRun documented = run(env, new byte[0], "send", "--event", "registration", "--documented-only", "--to", url("/hooks"),
        "--secret-env", "WEBCONNEX_SECRET");

    assertThat(documented.exitCode()).as(documented.err()).isZero();
    List<Hit> received = List.copyOf(hits);
    com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
    assertThat(json.readTree(received.get(0).body()).at("/data/formName").isMissingNode()).isFalse();
    assertThat(json.readTree(received.get(1).body()).at("/data/formName").isMissingNode()).isTrue();
    assertThat(received.get(1).signedWith("cli-secret")).isTrue();
  }

  @Test
  void sendsAFileByteForByte() throws Exception {
    byte[] body = "{\"eventType\":\"coupon\",\"formId\":5,\"data\":{}}".getBytes(StandardCharsets.UTF_8);
    Path file = Files.write(temp.resolve("coupon.json"), body);
    Path secret = Files.writeString(temp.resolve("secret.txt"), "file-secret\n");

    CliRun r = run("send", "--event", "coupon", "--to", url("/broken"), "--secret-file", secret.toString(), "--file",
        file.toString(), "--allow-invalid");

    assertThat(r.exitCode()).as("the receiver answered 500").isEqualTo(1);
    assertThat(r.err()).contains("does not conform to the coupon contract: sending it anyway (--allow-invalid)");
    assertThat(r.out()).contains(": 500 error");
    assertThat(hits.peek().body()).isEqualTo(body);
    assertThat(hits.peek().signedWith("file-secret")).isTrue();
  }

  @Test
  void refusesToSendAFileThatDoesNotConformAndPrintsItsProblems() throws Exception {
    Path file = CliRun.resource("payloads/invalid/registration-total-as-string.json");

    CliRun r = run(Map.of("WEBCONNEX_SECRET", "cli-secret"), new byte[0], "send", "--event", "registration", "--to",
        url("/hooks"), "--secret-env", "WEBCONNEX_SECRET", "--file", file.toString());

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).contains(file + ":123:14: error: /data/total: expected number but found string \"100\"")
        .contains("does not conform to the registration contract: nothing sent (add --allow-invalid to send it on purpose)");
    assertThat(r.out()).isEmpty();
    assertThat(hits).as("nothing reached the receiver").isEmpty();
  }

  @Test
  void sendsAConformingFileWithoutComplaint() throws Exception {
    Path file = CliRun.resource("payloads/valid/registration.json");

    CliRun r = run(Map.of("WEBCONNEX_SECRET", "cli-secret"), new byte[0], "send", "--event", "registration", "--to",
        url("/hooks"), "--secret-env", "WEBCONNEX_SECRET", "--file", file.toString());

    assertThat(r.err()).isEmpty();
    assertThat(r.exitCode()).isZero();
    assertThat(hits.peek().body()).isEqualTo(Files.readAllBytes(file));
  }

  @Test
  void followsTheSettingsAndSendsTests() throws Exception {
    Path settings = settings();
    Map<String, String> env = Map.of("ORDERS_SECRET", "orders-secret", "GALA_SECRET", "gala-secret");

    CliRun r = run(env, new byte[0], "send", "--settings", settings.toString(), "--event", "registration", "--form", "999");

    assertThat(r.exitCode()).isZero();
    assertThat(r.out().lines()).containsExactly(
        "webhook 2 \"Paused\": skipped: disabled",
        "webhook 3 \"Gala only\": skipped: form 999 is not among its forms [432]",
        r.out().lines().filter(l -> l.startsWith("webhook 1 ")).findFirst().orElse("webhook 1 missing"));
    assertThat(hits).singleElement().satisfies(h -> assertThat(h.signedWith("orders-secret")).isTrue());

    hits.clear();
    CliRun test = run(env, new byte[0], "send", "--settings", settings.toString(), "--webhook", "3", "--test", "subscription");
    assertThat(test.exitCode()).isZero();
    assertThat(test.out()).contains("webhook 3 \"Gala only\": test subscription delivery");
    assertThat(hits).singleElement().satisfies(h -> {
      assertThat(h.path()).isEqualTo("/gala");
      assertThat(h.signedWith("gala-secret")).isTrue();
    });
  }

  @Test
  void badSettingsAreRefusedWithOneLinePerFault() throws Exception {
    Path bad = Files.writeString(temp.resolve("bad.json"), """
        {"webhooks": [
          {"id": 1, "name": "a", "url": "ftp://x", "events": ["registrant_edit"], "secretEnv": "UNSET"},
          {"id": 1, "name": "b", "url": "http://127.0.0.1/b", "secretEnv": "UNSET"}
        ]}""");

    CliRun r = run("send", "--settings", bad.toString(), "--event", "registration");

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("webhooks[0].events[0]: unknown event \"registrant_edit\"; did you mean \"edit_registrant\"?",
        "webhooks[0].url: must be an http or https URL", "webhooks[1].id: duplicate webhook id 1",
        "webhooks[1].secretEnv: environment variable UNSET is not set or is empty");
    assertThat(run("mock", "--settings", bad.toString()).exitCode()).isEqualTo(2);
    assertThat(hits).isEmpty();
  }

  @Test
  void mockRunsUntilInterruptedAndDeliversThroughItsBundledMappings() throws Exception {
    Path settings = settings();
    StringWriter out = new StringWriter();
    CommandLine cli = WebconnexCommand.commandLine(Map.of("ORDERS_SECRET", "orders-secret", "GALA_SECRET", "gala-secret")::get,
        new ByteArrayInputStream(new byte[0]));
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(new StringWriter(), true));
    int[] exit = {-1};
    Thread mock = new Thread(() -> exit[0] = cli.execute("mock", "--settings", settings.toString()));
    mock.start();
    try {
      String base = awaitBase(out);
      HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
      HttpResponse<String> triggered = client.send(HttpRequest.newBuilder(URI.create(base + "/webconnex/events/registration?formId=432"))
          .POST(HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(triggered.statusCode()).isEqualTo(202);
      String logs = awaitLogs(client, base + "/v2/public/webhooks/3/logs");
      assertThat(logs).contains("\"status\" : \"success\"");
      assertThat(hits).extracting(Hit::path).containsExactlyInAnyOrder("/orders", "/gala");
      assertThat(out.toString()).contains("webhook API:       " + base + "/v2/public", "webhook 2 \"Paused\"");
      // One line per delivery (time, event, webhook, the receiver's status, milliseconds) and per logs API call.
      awaitLines(out, 3, " delivery registration to webhook ", " api GET ");
      assertThat(out.toString().lines())
          .anyMatch(l -> l.matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} delivery registration to webhook 3 "
              + Pattern.quote(url("/gala")) + ": 200 success in \\d+ ms"))
          .anyMatch(l -> l.matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} delivery registration to webhook 1 .*: 200 success in \\d+ ms"))
          .anyMatch(l -> l.matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} api GET /v2/public/webhooks/3/logs: 200 in \\d+ ms"));
      // An event path that is not a documented event: a 404 naming the one it resembles.
      HttpResponse<String> typo = client.send(HttpRequest.newBuilder(URI.create(base + "/webconnex/events/registraton"))
          .POST(HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(typo.statusCode()).isEqualTo(404);
      assertThat(typo.body()).contains("unknown event \\\"registraton\\\"; did you mean \\\"registration\\\"?");
    } finally {
      mock.interrupt();
      mock.join(10_000);
    }
    assertThat(exit[0]).isZero();
    assertThat(out.toString()).endsWith("Mock Webconnex stopped.\n");
  }

  @Test
  void mockIsQuietWhenAsked() throws Exception {
    Path settings = settings();
    StringWriter out = new StringWriter();
    CommandLine cli = WebconnexCommand.commandLine(Map.of("ORDERS_SECRET", "orders-secret", "GALA_SECRET", "gala-secret")::get,
        new ByteArrayInputStream(new byte[0]));
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(new StringWriter(), true));
    Thread mock = new Thread(() -> cli.execute("mock", "--quiet", "--settings", settings.toString()));
    mock.start();
    try {
      String base = awaitBase(out);
      HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
      client.send(HttpRequest.newBuilder(URI.create(base + "/webconnex/events/registration?formId=432"))
          .POST(HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
      awaitLogs(client, base + "/v2/public/webhooks/3/logs");
      assertThat(out.toString()).doesNotContain(" delivery registration ").doesNotContain(" api GET ");
    } finally {
      mock.interrupt();
      mock.join(10_000);
    }
  }

  /** Waits until the output has a line containing each text (deliveries end on the mock's threads). */
  private static void awaitLines(StringWriter out, int lines, String... texts) throws InterruptedException {
    for (int i = 0; i < 400; i++) {
      String text = out.toString();
      long found = text.lines().filter(l -> java.util.Arrays.stream(texts).anyMatch(l::contains)).count();
      if (found >= lines) {
        return;
      }
      Thread.sleep(25);
    }
  }

  private static String awaitBase(StringWriter out) throws InterruptedException {
    Pattern started = Pattern.compile("Mock Webconnex on (http://127\\.0\\.0\\.1:\\d+)");
    for (int i = 0; i < 400; i++) {
      Matcher m = started.matcher(out.toString());
      if (m.find()) {
        return m.group(1);
      }
      Thread.sleep(25);
    }
    throw new AssertionError("the mock did not start: " + out);
  }

  /** The mock runs in-process but behind the CLI, so the test reads its API until both deliveries are logged. */
  private static String awaitLogs(HttpClient client, String url) throws Exception {
    String body = "";
    for (int i = 0; i < 200; i++) {
      body = client.send(HttpRequest.newBuilder(URI.create(url)).header("apiKey", "k").timeout(Duration.ofSeconds(5)).build(),
          HttpResponse.BodyHandlers.ofString()).body();
      if (body.contains("\"totalResults\" : 1")) {
        return body;
      }
      Thread.sleep(25);
    }
    return body;
  }

  private Path settings() throws IOException {
    return Files.writeString(temp.resolve("webhooks.json"), """
        {"webhooks": [
          {"id": 1, "name": "Orders", "url": "%s", "events": ["registration"], "secretEnv": "ORDERS_SECRET"},
          {"id": 2, "name": "Paused", "url": "%s", "enabled": false, "secretEnv": "ORDERS_SECRET"},
          {"id": 3, "name": "Gala only", "url": "%s", "forms": [432], "secretEnv": "GALA_SECRET"}
        ]}""".formatted(url("/orders"), url("/paused"), url("/gala")));
  }
}
