package io.webconnexkit.wiremock;

import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.webconnexkit.validator.EventType;
import io.webconnexkit.validator.SigningSecret;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What the mock keeps is bounded: WireMock's request journal, the delivery log, a receiver's answer. */
class LimitsTest {

  static final Receiver RECEIVER = Receivers.start();
  static final MockWebconnex WEBCONNEX = MockWebconnex.builder()
      .webhook(WebhookSettings.builder().id(1).name("Bounded").url(RECEIVER.url("/hooks"))
          .signingSecret(SigningSecret.of("bounded")).build())
      .maxLogEntries(3)
      .timeout(Duration.ofSeconds(5))
      .build();

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance().options(WEBCONNEX.wireMockOptions()).build();

  @AfterAll
  static void stop() {
    RECEIVER.close();
    WEBCONNEX.close();
  }

  @Test
  void theRequestJournalKeepsOnlyTheNewestRequests() throws Exception {
    assertThat(WEBCONNEX.wireMockOptions().maxRequestJournalEntries()).contains(MockWebconnex.REQUEST_JOURNAL_LIMIT);
    wm.stubFor(post(com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/upload")).willReturn(ok()));
    byte[] body = new byte[1024];
    Arrays.fill(body, (byte) 'a');
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    int sent = MockWebconnex.REQUEST_JOURNAL_LIMIT + 25;
    for (int n = 0; n < sent; n++) {
      assertThat(upload(client, n, body)).isEqualTo(200);
    }

    var journal = Http.get(wm.url("/__admin/requests")).json();
    assertThat(journal.at("/meta/total").asInt()).isEqualTo(MockWebconnex.REQUEST_JOURNAL_LIMIT);
    assertThat(journal.at("/requests/0/request/url").asText()).as("the newest first").isEqualTo("/upload?n=" + (sent - 1));
    assertThat(journal.at("/requests/" + (MockWebconnex.REQUEST_JOURNAL_LIMIT - 1) + "/request/url").asText())
        .as("the oldest 25 are gone").isEqualTo("/upload?n=25");
  }

  private static int upload(HttpClient client, int n, byte[] body) throws Exception {
    return client.send(HttpRequest.newBuilder(URI.create(wm.url("/upload?n=" + n)))
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  @Test
  void theDeliveryLogKeepsItsNewestEntries() {
    WEBCONNEX.clearLog();
    List<Long> ids = new java.util.ArrayList<>();
    for (int i = 0; i < 5; i++) {
      ids.add(WEBCONNEX.send(EventType.PUBLISH).deliveries().get(0).id());
    }

    assertThat(WEBCONNEX.logs()).extracting(DeliveryLog::id).containsExactlyElementsOf(ids.subList(2, 5));
    assertThat(Http.get(wm.url("/v2/public/webhooks/1/logs"), "apiKey", "k").json().path("totalResults").asInt()).isEqualTo(3);
    assertThat(Http.post(wm.url("/v2/public/webhooks/1/resend/" + ids.get(0)), "", "apiKey", "k").status())
        .as("a forgotten entry cannot be resent").isEqualTo(404);
    assertThatIllegalArgumentException().isThrownBy(() -> MockWebconnex.builder().maxLogEntries(0));
  }

  @Test
  void aReceiverAnsweringWithAHugeBodyIsLoggedCutAndCostsNoMore() {
    RECEIVER.behave(Receiver.Behaviour.HUGE_BODY);
    try {
      DeliveryLog log = WEBCONNEX.send(EventType.COUPON).deliveries().get(0);

      assertThat(log.status()).isEqualTo(DeliveryLog.Status.SUCCESS);
      assertThat(log.responseBody()).hasSize(64 * 1024).matches("x+");
    } finally {
      RECEIVER.behave(Receiver.Behaviour.OK);
    }
  }

  @Test
  void theOptionsAreANewObjectEachTime() {
    var first = WEBCONNEX.wireMockOptions().maxRequestJournalEntries(5);

    assertThat(first.maxRequestJournalEntries()).isEqualTo(Optional.of(5));
    assertThat(WEBCONNEX.wireMockOptions().maxRequestJournalEntries()).contains(MockWebconnex.REQUEST_JOURNAL_LIMIT);
    assertThat(WEBCONNEX.wireMockOptions().bindAddress()).isEqualTo("127.0.0.1");
  }
}
