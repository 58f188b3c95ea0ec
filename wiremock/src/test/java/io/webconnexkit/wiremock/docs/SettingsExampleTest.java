package io.webconnexkit.wiremock.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.webconnexkit.validator.EventType;
import io.webconnexkit.wiremock.MockWebconnex;
import io.webconnexkit.wiremock.WebconnexSettings;
import io.webconnexkit.wiremock.WebhookSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The settings example of docs/wiremock.md: its JSON and its Java equivalent describe the same webhooks. */
class SettingsExampleTest {

  static WebconnexSettings javaExample() {
    WebconnexSettings settings = WebconnexSettings.builder()
        .webhook(WebhookSettings.builder().id(1).name("Orders").url("http://127.0.0.1:9000/orders")
            .appKey("orders-app")
            .events(EventType.REGISTRATION, EventType.SUBSCRIPTION, EventType.COUPON)
            .allForms().secretEnv("ORDERS_SECRET").build())
        .webhook(WebhookSettings.builder().id(2).name("Archive").url("http://127.0.0.1:9000/archive")
            .enabled(false).secretEnv("ORDERS_SECRET").build())
        .webhook(WebhookSettings.builder().id(3).name("Spring gala only").url("http://127.0.0.1:9000/gala")
            .allEvents().forms(432).secretEnv("GALA_SECRET").build())
        .build();
    return settings;
  }

  /** Compiled, not run: the secrets' environment variables are the reader's. */
  static MockWebconnex start(WebconnexSettings settings) {
    MockWebconnex webconnex = MockWebconnex.builder().settings(settings).build();
    return webconnex;
  }

  @Test
  void theDocumentedJsonReadsAsTheDocumentedJava() throws IOException {
    Path page = Path.of("../docs/wiremock.md");
    List<String> lines = Files.readAllLines(page);
    int start = lines.indexOf("A complete settings file:") + 2;
    assertThat(lines.get(start)).isEqualTo("```json");
    int end = start + 1;
    while (!lines.get(end).equals("```")) {
      end++;
    }
    Path json = Files.createTempFile("settings", ".json");
    Files.write(json, lines.subList(start + 1, end));

    // Reading checks that each secret source resolves: give the example's variables values.
    java.util.Map<String, String> environment = java.util.Map.of("ORDERS_SECRET", "orders", "GALA_SECRET", "gala");
    assertThat(WebconnexSettings.read(json, environment::get)).isEqualTo(javaExample());
  }
}
