package io.webconnexkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** webconnex mock --api-key-env and --burst-limit: the logs API answers as Webconnex's does, and pull works against it. */
class MockApiKeyCommandTest {

  static final Map<String, String> ENV = Map.of("MOCK_API_KEY", "mock-cli-key-31", "WEBCONNEX_SECRET", "s", "OTHER", "wrong-32");

  @TempDir Path temp;

  @Test
  void acceptsOnlyTheKeyInTheVariableAndLimitsBursts() throws Exception {
    try (TrafficServers.Receiver receiver = new TrafficServers.Receiver()) {
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      CommandLine cli = WebconnexCommand.commandLine(ENV::get, new ByteArrayInputStream(new byte[0]));
      cli.setOut(new PrintWriter(out, true));
      cli.setErr(new PrintWriter(err, true));
      int[] exit = {-1};
      Thread mock = new Thread(() -> exit[0] = cli.execute("mock", "--target", receiver.url("/hooks"), "--secret-env",
          "WEBCONNEX_SECRET", "--api-key-env", "MOCK_API_KEY", "--burst-limit", "4/1"));
      mock.start();
      try {
        String base = awaitBase(out);
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> sent = client.send(HttpRequest.newBuilder(URI.create(base + "/webconnex/events/registration"))
            .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(sent.statusCode()).isEqualTo(202);
        String logs = base + "/v2/public/webhooks/1/logs";

        HttpResponse<String> none = client.send(HttpRequest.newBuilder(URI.create(logs)).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> wrong = client.send(HttpRequest.newBuilder(URI.create(logs)).header("apiKey", "wrong-32").build(),
            HttpResponse.BodyHandlers.ofString());
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.body()).contains("\"code\" : 4401", "\"description\"");
        assertThat(wrong.statusCode()).isEqualTo(404);
        assertThat(wrong.body()).contains("\"code\" : 4404").doesNotContain("wrong-32");

        CliRun pulled = CliRun.run(ENV, new byte[0], "pull", "--webhook", "1", "--api-key-env", "MOCK_API_KEY", "--base-url",
            base + "/v2/public", "--out", temp.resolve("p").toString(), "--backoff-ms", "50", "--max-wait-ms", "1000");
        assertThat(pulled.exitCode()).as(pulled.err()).isZero();
        try (var files = Files.list(temp.resolve("p"))) {
          assertThat(files).hasSize(1);
        }
        assertThat(out.toString()).contains("header apiKey: only the key in MOCK_API_KEY").doesNotContain("mock-cli-key-31");
      } finally {
        mock.interrupt();
        mock.join(10_000);
      }
      assertThat(exit[0]).isZero();
    }
  }

  @Test
  void badOptionsAreRefused() {
    assertThat(CliRun.run(ENV, new byte[0], "mock", "--target", "http://127.0.0.1:1/h", "--secret-env", "WEBCONNEX_SECRET",
        "--api-key-env", "UNSET_KEY").err()).isEqualTo("webconnex mock: --api-key-env: environment variable UNSET_KEY is not set or is empty\n");
    assertThat(CliRun.run(ENV, new byte[0], "mock", "--target", "http://127.0.0.1:1/h", "--secret-env", "WEBCONNEX_SECRET",
        "--burst-limit", "lots").err()).contains("--burst-limit must be N/SECONDS with both at least 1, such as 900/900, not \"lots\"");
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
}
