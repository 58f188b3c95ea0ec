package io.webconnexkit.wiremock.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.webconnexkit.validator.RecordedDelivery;
import io.webconnexkit.validator.RecordedDeliveryReader;
import io.webconnexkit.validator.SigningSecret;
import io.webconnexkit.validator.WebconnexSignature;
import io.webconnexkit.wiremock.DeliveryLog;
import io.webconnexkit.wiremock.DeliveryReplay;
import io.webconnexkit.wiremock.MockWebconnex;
import io.webconnexkit.wiremock.WebhookSettings;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The Java example of docs/traffic.md ("Replaying deliveries"), against a receiver that checks each signature. */
class ReplayExampleTest {

  @Test
  void replaysARecordedDeliveryIntoTheMocksWebhook() throws Exception {
    SigningSecret secret = SigningSecret.of("receiver-test-secret");
    List<Boolean> verified = new CopyOnWriteArrayList<>();
    HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
    receiver.createContext("/", exchange -> {
      byte[] body = exchange.getRequestBody().readAllBytes();
      boolean ok = WebconnexSignature.matches(secret, body, exchange.getRequestHeaders().getFirst("X-Webconnex-Signature"));
      verified.add(ok);
      exchange.sendResponseHeaders(ok ? 200 : 401, -1);
      exchange.close();
    });
    receiver.start();
    MockWebconnex webconnex = MockWebconnex.builder()
        .webhook(WebhookSettings.builder().id(3).name("Replays")
            .url("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks").signingSecret(secret).build())
        .build();
    try {
      List<RecordedDelivery> recorded = RecordedDeliveryReader.standard()
          .readAll(Path.of("src/test/resources/replay/log-record.json"), "log-record.json");
      List<DeliveryLog> replayed = DeliveryReplay.standard().into(webconnex, 3, recorded);

      assertThat(replayed).singleElement().satisfies(l -> assertThat(l.status()).isEqualTo(DeliveryLog.Status.SUCCESS));
      assertThat(webconnex.logs(3)).isEqualTo(replayed);
      assertThat(verified).containsExactly(true);
    } finally {
      webconnex.close();
      receiver.stop(0);
    }
  }
}
