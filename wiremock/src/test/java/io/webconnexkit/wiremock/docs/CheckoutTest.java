package io.webconnexkit.wiremock.docs;

// The JUnit example of docs/wiremock.md, verbatim from the imports on (the page's package is com.example).

import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.sun.net.httpserver.HttpServer;
import io.webconnexkit.validator.EventType;
import io.webconnexkit.validator.SigningSecret;
import io.webconnexkit.wiremock.DeliveryLog;
import io.webconnexkit.wiremock.MockWebconnex;
import io.webconnexkit.wiremock.SendResult;
import io.webconnexkit.wiremock.TestKind;
import io.webconnexkit.wiremock.WebconnexWebhooks;
import io.webconnexkit.wiremock.WebhookSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class CheckoutTest {
  static final SigningSecret SECRET = SigningSecret.of("test-secret");

  // The receiver under test, or any URL the webhook should reach.
  static final String RECEIVER = "http://127.0.0.1:" + receiverPort() + "/hooks/webconnex";

  static final MockWebconnex WEBCONNEX = MockWebconnex.builder()
      .webhook(WebhookSettings.builder().id(1).name("Orders").url(RECEIVER).signingSecret(SECRET).build())
      .timeout(Duration.ofSeconds(2))
      .build();

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance()
      .options(WEBCONNEX.wireMockOptions())   // 127.0.0.1, a free port, the journal limited, the mock registered
      .build();

  @Test
  void aCheckoutSendsASignedRegistration() throws Exception {
    wm.stubFor(post("/checkout").willReturn(ok())
        .withServeEventListener(WebconnexWebhooks.EXTENSION,        // "webconnex-webhook"
            WebconnexWebhooks.deliver(EventType.REGISTRATION)
                .forForm(432)
                .with("/data/total", 250)
                .after(Duration.ofMillis(200))));

    // The code under test posts to /checkout; here, a plain client does.
    HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(wm.url("/checkout")))
        .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.discarding());

    WEBCONNEX.awaitIdle(Duration.ofSeconds(10));       // everything scheduled has been sent and logged
    assertThat(WEBCONNEX.logs(1)).singleElement()
        .satisfies(log -> assertThat(log.status()).isEqualTo(DeliveryLog.Status.SUCCESS));
    WEBCONNEX.clearLog();
  }

  @Test
  void onDemand() {
    SendResult result = WEBCONNEX.send(WebconnexWebhooks.deliver(EventType.COUPON).with("/data/formId", null));
    DeliveryLog again = WEBCONNEX.resend(1, result.deliveries().get(0).id());   // same bytes, same signature
    DeliveryLog test = WEBCONNEX.sendTest(1, TestKind.PUBLISH);                  // "Send a Test"

    assertThat(again.status()).isEqualTo(DeliveryLog.Status.SUCCESS);
    assertThat(test.status()).isEqualTo(DeliveryLog.Status.SUCCESS);
    WEBCONNEX.clearLog();
  }

  /** A receiver that answers 200 to everything, on a free port of 127.0.0.1. */
  static int receiverPort() {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      server.createContext("/", exchange -> {
        exchange.getRequestBody().readAllBytes();
        exchange.sendResponseHeaders(200, -1);
        exchange.close();
      });
      server.start();
      return server.getAddress().getPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
