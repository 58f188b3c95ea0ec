package io.webconnexkit.wiremock;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.webconnexkit.validator.EventType;
import io.webconnexkit.validator.SigningSecret;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/**
 * {@code POST /webconnex/events/{event}} over real HTTP: a request that would send nothing is
 * refused saying why, in its answer and in the mock's log; a query value is never a template.
 */
class DeliveryRequestTest {

  static final String APP_TOKEN = "orders-token-7c1f";
  static final Receiver RECEIVER = Receivers.start();
  static final CapturingNotifier LOG = new CapturingNotifier();
  static final MockWebconnex WEBCONNEX = MockWebconnex.builder()
      .settings(WebconnexSettings.builder()
          .webhook(WebhookSettings.builder().id(1).name("Orders").url(RECEIVER.url("/orders")).appToken(APP_TOKEN)
              .events(EventType.REGISTRATION, EventType.COUPON).signingSecret(SigningSecret.of("secret-one")).build())
          .webhook(WebhookSettings.builder().id(2).name("Paused").url(RECEIVER.url("/paused"))
              .enabled(false).signingSecret(SigningSecret.of("secret-two")).build())
          .webhook(WebhookSettings.builder().id(3).name("Gala only").url(RECEIVER.url("/gala"))
              .forms(432).signingSecret(SigningSecret.of("secret-three")).build())
          .build())
      .bundledMappings(true)
      .timeout(Duration.ofSeconds(2))
      .build();

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance()
      .options(WEBCONNEX.wireMockOptions().notifier(LOG))
      .build();

  @AfterEach
  void reset() {
    WEBCONNEX.awaitIdle(Duration.ofSeconds(10));
    WEBCONNEX.clearLog();
    RECEIVER.clear();
    LOG.clear();
  }

  @AfterAll
  static void stop() {
    RECEIVER.close();
    WEBCONNEX.close();
  }

  @ParameterizedTest(name = "{0} {1} answers {2}")
  @CsvFileSource(resources = "/requests/refused-delivery-requests.csv")
  void aDeliveryRequestThatWouldSendNothingIsRefusedSayingWhy(String method, String target, int status, String expected) {
    Http.RawResponse r = Http.raw(wm.getPort(), method, target, new byte[0]);

    assertThat(r.status()).as(r.body()).isEqualTo(status);
    assertThat(r.contentType()).startsWith("application/json");
    assertThat(r.json().path("responseCode").asInt()).isEqualTo(status);
    String message = r.json().at("/error/message").asText();
    assertThat(message).contains(expected).doesNotContain("Exception", APP_TOKEN);
    WEBCONNEX.awaitIdle(Duration.ofSeconds(10));
    assertThat(RECEIVER.received()).as("nothing is sent").isEmpty();
    assertThat(WEBCONNEX.logs()).isEmpty();
    assertThat(LOG.lines()).as("the mock's own log says why")
        .anySatisfy(line -> assertThat(line).startsWith("error: Webconnex mock refused ").endsWith(" with " + status + ": " + message));
    assertThat(LOG.lines()).filteredOn(line -> line.matches("(?s)(error|info): Webconnex .*"))
        .allSatisfy(line -> assertThat(line).doesNotContainPattern("[\\x00-\\x1f\\x7f-\\x9f\\u2028\\u2029]"));
  }

  @Test
  void aQueryValueIsNeverRenderedAsATemplate() {
    assertThat(trigger("registration?formId=%7B%7Bwebhook.id%7D%7D").status()).isEqualTo(400);
    assertThat(trigger("registration?formId=%7B%7Bwebhook.appToken%7D%7D").status()).isEqualTo(400);
    WEBCONNEX.awaitIdle(Duration.ofSeconds(10));

    assertThat(RECEIVER.received()).as("a formId of {{webhook.id}} is not form 1").isEmpty();
    String journal = Http.get(wm.url("/__admin/requests")).body();
    assertThat(journal).as("the admin journal").contains("webhook.appToken").doesNotContain(APP_TOKEN);
    assertThat(String.join("\n", LOG.lines())).doesNotContain(APP_TOKEN);
  }

  @Test
  void aDeliveryRequestThatSendsIsScheduledAsBefore() {
    Http.RawResponse r = trigger("registration?formId=432");
    Http.RawResponse one = trigger("coupon?webhook=1");
    WEBCONNEX.awaitIdle(Duration.ofSeconds(10));

    assertThat(r.status()).isEqualTo(202);
    assertThat(r.json().path("status").asText()).isEqualTo("scheduled");
    assertThat(one.status()).isEqualTo(202);
    assertThat(RECEIVER.receivedAt("/orders")).hasSize(2);
    assertThat(RECEIVER.receivedAt("/gala")).hasSize(1);
    assertThat(RECEIVER.receivedAt("/paused")).isEmpty();
  }

  @Test
  void anEventNoWebhookWantsIsScheduledAndTheLogSaysWhoSkippedIt() {
    assertThat(trigger("sms").status()).isEqualTo(202);
    WEBCONNEX.awaitIdle(Duration.ofSeconds(10));

    assertThat(RECEIVER.received()).isEmpty();
    assertThat(LOG.lines()).anySatisfy(line -> assertThat(line).contains("Webconnex sms event sent to no webhook",
        "webhook 1 \"Orders\": skipped: not toggled on for sms", "webhook 2 \"Paused\": skipped: disabled",
        "webhook 3 \"Gala only\": skipped: form 1293 is not among its forms [432]"));
  }

  private static Http.RawResponse trigger(String eventAndQuery) {
    return Http.raw(wm.getPort(), "POST", "/webconnex/events/" + eventAndQuery, new byte[0]);
  }
}
