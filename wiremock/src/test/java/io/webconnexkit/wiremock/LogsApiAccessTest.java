package io.webconnexkit.wiremock;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.webconnexkit.validator.EventType;
import io.webconnexkit.validator.SigningSecret;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The logs API answers as integrators measured Webconnex's: 401 (code 4401) without a key, 404
 * (code 4404) for a wrong one, the reason in {@code description}, {@code limit} from 1 to 50, and
 * the X-Daily-* / X-Burst-* headers; a burst limit set on purpose answers 429.
 */
class LogsApiAccessTest {

  static final Receiver RECEIVER = Receivers.start();
  static final MockWebconnex WEBCONNEX = MockWebconnex.builder()
      .webhook(WebhookSettings.builder().id(7).name("Keyed").url(RECEIVER.url("/hooks"))
          .signingSecret(SigningSecret.of("keyed-secret")).build())
      .apiKey("the-right-key")
      .burstLimit(3, Duration.ofMillis(250))
      .build();

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1").extensions(WEBCONNEX))
      .build();

  @BeforeAll
  static void oneDelivery() {
    WEBCONNEX.send(EventType.REGISTRATION);
  }

  @AfterAll
  static void stop() {
    RECEIVER.close();
    WEBCONNEX.close();
  }

  Http.RawResponse get(String target, String... headers) {
    return Http.raw(wm.getPort(), "GET", target, new byte[0], headers);
  }

  /** Waits out the burst window, so each test starts with the whole allowance. */
  static void freshWindow() throws InterruptedException {
    Thread.sleep(300);
  }

  @Test
  void withoutAKeyAnswers401WithCode4401AndADescription() throws Exception {
    freshWindow();
    Http.RawResponse r = get("/v2/public/webhooks/7/logs");

    assertThat(r.status()).isEqualTo(401);
    assertThat(r.json().path("code").asInt()).isEqualTo(4401);
    assertThat(r.json().path("description").asText()).contains("apiKey");
  }

  @Test
  void aWrongKeyAnswers404WithCode4404AndNeverRepeatsEitherKey() throws Exception {
    freshWindow();
    Http.RawResponse r = get("/v2/public/webhooks/7/logs", "apiKey: not-the-key");

    assertThat(r.status()).isEqualTo(404);
    assertThat(r.json().path("code").asInt()).isEqualTo(4404);
    assertThat(r.json().path("description").asText()).isNotBlank();
    assertThat(r.head() + r.body()).doesNotContain("not-the-key").doesNotContain("the-right-key");
  }

  @Test
  void theRightKeyListsWithTheRateLimitHeaders() throws Exception {
    freshWindow();
    Http.RawResponse r = get("/v2/public/webhooks/7/logs?limit=50", "apiKey: the-right-key");

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().path("totalResults").asInt()).isEqualTo(1);
    String head = r.head().toLowerCase(java.util.Locale.ROOT);
    assertThat(head).contains("x-daily-limit: 10000", "x-daily-remaining: ", "x-daily-reset: ", "x-burst-limit: 3",
        "x-burst-remaining: 2", "x-burst-reset: 1");
  }

  @Test
  void limitIsOneToFifty() throws Exception {
    freshWindow();
    Http.RawResponse tooMany = get("/v2/public/webhooks/7/logs?limit=51", "apiKey: the-right-key");
    Http.RawResponse none = get("/v2/public/webhooks/7/logs?limit=0", "apiKey: the-right-key");

    assertThat(tooMany.status()).isEqualTo(400);
    assertThat(tooMany.json().path("description").asText()).isEqualTo("limit must be between 1 and 50");
    assertThat(none.status()).isEqualTo(400);
  }

  @Test
  void pastTheBurstLimitAnswers429UntilTheWindowResets() throws Exception {
    freshWindow();
    for (int i = 0; i < 3; i++) {
      assertThat(get("/v2/public/webhooks/7/logs", "apiKey: the-right-key").status()).isEqualTo(200);
    }
    Http.RawResponse refused = get("/v2/public/webhooks/7/logs", "apiKey: the-right-key");

    assertThat(refused.status()).isEqualTo(429);
    assertThat(refused.head().toLowerCase(java.util.Locale.ROOT)).contains("x-burst-remaining: 0", "x-burst-reset: 1");
    assertThat(refused.json().path("description").asText()).contains("burst limit of 3");
    freshWindow();
    assertThat(get("/v2/public/webhooks/7/logs", "apiKey: the-right-key").status()).isEqualTo(200);
  }

  @Test
  void aBlankKeyIsRefusedWhenBuilding() {
    assertThatThrownBy(() -> MockWebconnex.builder().apiKey(" "))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("the API key must not be blank");
    assertThatThrownBy(() -> MockWebconnex.builder().burstLimit(0, Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void standaloneReadsTheKeyFromTheVariableItsPropertyNamesAndNeverRepeatsAKey() {
    try {
      System.setProperty("webconnex.apiKeyEnv", "WEBCONNEX_KIT_TEST_UNSET_API_KEY");
      assertThatThrownBy(MockWebconnex::new).isInstanceOf(InvalidSettingsException.class)
          .hasMessageContaining("webconnex.apiKeyEnv: environment variable WEBCONNEX_KIT_TEST_UNSET_API_KEY is not set or is empty");
      System.setProperty("webconnex.apiKeyEnv", "sk-live/123");
      assertThatThrownBy(MockWebconnex::new).isInstanceOf(InvalidSettingsException.class)
          .hasMessageContaining("is not a name").hasMessageNotContaining("sk-live");
    } finally {
      System.clearProperty("webconnex.apiKeyEnv");
    }
  }
}
