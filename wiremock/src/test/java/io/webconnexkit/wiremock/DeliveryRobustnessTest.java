package io.webconnexkit.wiremock;

import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.webconnexkit.validator.EventType;
import io.webconnexkit.validator.SigningSecret;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Many deliveries at once, and receivers that fail or never answer. */
class DeliveryRobustnessTest {

  static final String SECRET = "robust-secret";
  static final Receiver OK = Receivers.start();
  static final Receiver FAILING = Receivers.start().behave(Receiver.Behaviour.FAIL_500);
  static final Receiver SILENT = Receivers.start().behave(Receiver.Behaviour.HANG);
  static final MockWebconnex WEBCONNEX = MockWebconnex.builder()
      .settings(WebconnexSettings.builder()
          .webhook(webhook(1, OK.url("/ok")))
          .webhook(webhook(2, FAILING.url("/fails")))
          .webhook(webhook(3, SILENT.url("/silent")))
          .build())
      // Long enough that a loaded two-core CI machine answers the healthy receiver in time.
      .timeout(Duration.ofSeconds(3))
      .build();

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1").containerThreads(40).extensions(WEBCONNEX))
      .build();

  static WebhookSettings webhook(long id, String url) {
    return WebhookSettings.builder().id(id).name("hook " + id).url(url).signingSecret(SigningSecret.of(SECRET)).build();
  }

  @AfterEach
  void reset() {
    WEBCONNEX.awaitIdle(Duration.ofSeconds(20));
    WEBCONNEX.clearLog();
    OK.clear();
    FAILING.clear();
    SILENT.clear();
  }

  @AfterAll
  static void stop() {
    OK.close();
    FAILING.close();
    SILENT.close();
    WEBCONNEX.close();
  }

  @Test
  void aHundredConcurrentDeliveriesEachArriveExactlyOnce() throws Exception {
    wm.stubFor(post("/checkout").willReturn(ok()).withServeEventListener(WebconnexWebhooks.EXTENSION,
        WebconnexWebhooks.deliver(EventType.REGISTRATION).toWebhook(1)));
    ExecutorService clients = Executors.newFixedThreadPool(20);
    try {
      List<Future<Integer>> calls = new ArrayList<>();
      for (int i = 0; i < 100; i++) {
        calls.add(clients.submit(() -> Http.post(wm.url("/checkout"), "{}").status()));
      }
      for (Future<Integer> call : calls) {
        assertThat(call.get()).isEqualTo(200);
      }
    } finally {
      clients.shutdownNow();
    }
    WEBCONNEX.awaitIdle(Duration.ofSeconds(30));

    List<Receiver.Received> received = OK.received();
    assertThat(received).hasSize(100);
    Set<String> deliveryIds = received.stream().map(r -> r.header("X-Webconnex-Delivery")).collect(Collectors.toSet());
    assertThat(deliveryIds).hasSize(100);
    Set<String> registrationIds = received.stream()
        .map(r -> StubTriggeredDeliveryTest.json(r.body()).at("/data/id").asText()).collect(Collectors.toSet());
    assertThat(registrationIds).as("every event is its own sample").hasSize(100);
    assertThat(received).allMatch(r -> r.signedWith(SECRET));
    assertThat(WEBCONNEX.logs(1)).hasSize(100).allMatch(l -> l.status() == DeliveryLog.Status.SUCCESS);
    assertThat(WEBCONNEX.logs(1).stream().map(DeliveryLog::id).distinct()).hasSize(100);
    assertThat(FAILING.received()).isEmpty();
  }

  @Test
  void aReceiverAnswering500IsLoggedAsAnError() {
    wm.stubFor(post("/checkout").willReturn(ok()).withServeEventListener(WebconnexWebhooks.EXTENSION,
        WebconnexWebhooks.deliver(EventType.SUBSCRIPTION).toWebhook(2)));

    assertThat(Http.post(wm.url("/checkout"), "{}").status()).isEqualTo(200);
    WEBCONNEX.awaitIdle(Duration.ofSeconds(10));

    assertThat(FAILING.received()).hasSize(1);
    assertThat(WEBCONNEX.logs(2)).singleElement().satisfies(log -> {
      assertThat(log.status()).isEqualTo(DeliveryLog.Status.ERROR);
      assertThat(log.responseCode()).isEqualTo(500);
      assertThat(log.responseBody()).contains("receiver broke");
    });
  }

  @Test
  void aReceiverThatNeverAnswersCostsOneBoundedWait() {
    wm.stubFor(post("/checkout").willReturn(ok()).withServeEventListener(WebconnexWebhooks.EXTENSION,
        WebconnexWebhooks.deliver(EventType.SMS).toWebhook(3)));
    // Warm up the stub path (templates, samples) so the timing below measures waiting, not class loading.
    WEBCONNEX.send(WebconnexWebhooks.deliver(EventType.SMS).toWebhook(1));
    WEBCONNEX.clearLog();

    long start = System.nanoTime();
    assertThat(Http.post(wm.url("/checkout"), "{}").status()).isEqualTo(200);
    // The stub does not wait for the delivery: it answers while the receiver is still being waited
    // for (no log entry yet), well within the 3 s the mock gives the silent receiver.
    assertThat(WEBCONNEX.logs(3)).as("the delivery is still waiting for the receiver").isEmpty();
    assertThat(Duration.ofNanos(System.nanoTime() - start)).as("the stub answers before the receiver's timeout")
        .isLessThan(Duration.ofSeconds(3));
    WEBCONNEX.awaitIdle(Duration.ofSeconds(10));
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(9));

    assertThat(SILENT.received()).hasSize(1);
    assertThat(WEBCONNEX.logs(3)).singleElement().satisfies(log -> {
      assertThat(log.status()).isEqualTo(DeliveryLog.Status.ERROR);
      assertThat(log.responseCode()).isZero();
      assertThat(log.error()).contains("no response within 3s");
    });
    Http.Response api = Http.get(wm.url("/v2/public/webhooks/3/logs"), "apiKey", "test-key");
    assertThat(api.json().at("/data/0/status").asText()).isEqualTo("error");
    // The mock keeps working.
    assertThat(Http.post(wm.url("/checkout"), "{}").status()).isEqualTo(200);
  }

  @Test
  void anUnreachableReceiverIsLoggedAsAnError() {
    MockWebconnex nowhere = MockWebconnex.builder()
        .webhook(WebhookSettings.builder().id(9).name("gone").url("http://127.0.0.1:1/hooks")
            .signingSecret(SigningSecret.of(SECRET)).build())
        .timeout(Duration.ofSeconds(1)).build();
    try {
      SendResult result = nowhere.send(EventType.PUBLISH);

      assertThat(result.deliveries()).singleElement().satisfies(log -> {
        assertThat(log.status()).isEqualTo(DeliveryLog.Status.ERROR);
        assertThat(log.error()).isPresent();
      });
    } finally {
      nowhere.close();
    }
  }
}
