package io.webconnexkit.wiremock;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.standalone.CommandLineOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Standalone WireMock with {@code --extensions}: a settings file, the bundled mappings, the mock API. */
class StandaloneTest {

  @TempDir Path temp;

  @Test
  void standaloneWireMockLoadsTheExtensionByClassName() throws Exception {
    try (Receiver receiver = Receivers.start()) {
      Files.writeString(temp.resolve("hook.secret"), "standalone-secret\n");
      Path settings = Files.writeString(temp.resolve("webhooks.json"), """
          {"webhooks": [{"id": 42, "name": "Standalone", "url": "%s", "events": ["registration"], "secretFile": "hook.secret"}]}
          """.formatted(receiver.url("/hooks")));
      System.setProperty("webconnex.settings", settings.toString());
      WireMockServer server;
      try {
        server = new WireMockServer(new CommandLineOptions("--port", "0", "--bind-address", "127.0.0.1",
            "--root-dir", temp.toString(), "--disable-extensions-scanning", "--extensions", MockWebconnex.class.getName()));
        server.start();
      } finally {
        System.clearProperty("webconnex.settings");
      }
      try {
        String base = "http://127.0.0.1:" + server.port();
        assertThat(Http.post(base + "/webconnex/events/registration", "").status()).isEqualTo(202);
        assertThat(Http.post(base + "/webconnex/events/coupon", "").status()).isEqualTo(202);
        Http.Response logs = awaitLogs(base, 1);
        assertThat(logs.json().at("/data/0/eventType").asText()).isEqualTo("registration");
        assertThat(receiver.received()).singleElement().satisfies(r -> assertThat(r.signedWith("standalone-secret")).isTrue());
        // Every role of the mock comes with the one class name: the delivery request filter and the query guard too.
        Http.RawResponse unknown = Http.raw(server.port(), "POST", "/webconnex/events/registrant_edit", new byte[0]);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().at("/error/message").asText()).contains("did you mean \"edit_registrant\"?");
        assertThat(Http.raw(server.port(), "POST", "/webconnex/events/registration?webhook=7", new byte[0]).status()).isEqualTo(404);
        Http.RawResponse malformed = Http.raw(server.port(), "POST", "/webconnex/events/registration?formId=%zz", new byte[0]);
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().at("/error/message").asText()).contains("is not a percent-escape");
      } finally {
        server.stop();
      }
    }
  }

  /**
   * WireMock created the extension from its class name, so the test holds no instance to await:
   * it reads the mock's own logs API until the delivery is logged (a positive check, bounded).
   */
  private static Http.Response awaitLogs(String base, int count) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    Http.Response logs;
    do {
      logs = Http.get(base + "/v2/public/webhooks/42/logs", "apiKey", "k");
      if (logs.json().path("totalResults").asInt() >= count) {
        return logs;
      }
      Thread.sleep(50);
    } while (System.nanoTime() < deadline);
    return logs;
  }
}
