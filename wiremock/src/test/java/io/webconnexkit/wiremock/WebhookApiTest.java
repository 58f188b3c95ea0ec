package io.webconnexkit.wiremock;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.webconnexkit.validator.EventType;
import io.webconnexkit.validator.SigningSecret;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The mock's copy of Webconnex's public webhook logs API, backed by what it delivered. */
class WebhookApiTest {

  static final String SECRET = "api-secret";
  static final Receiver RECEIVER = Receivers.start();
  static final MockWebconnex WEBCONNEX = MockWebconnex.builder()
      .settings(WebconnexSettings.builder()
          .webhook(WebhookSettings.builder().id(11).name("Logged").url(RECEIVER.url("/hooks"))
              .appKey("app").appToken("token").signingSecret(SigningSecret.of(SECRET)).build())
          .webhook(WebhookSettings.builder().id(12).name("Other").url(RECEIVER.url("/other"))
              .events(EventType.PUBLISH).signingSecret(SigningSecret.of("other")).build())
          .build())
      .timeout(Duration.ofSeconds(2))
      .build();

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1").extensions(WEBCONNEX))
      .build();

  List<DeliveryLog> sent = new ArrayList<>();

  @BeforeEach
  void fiveDeliveriesOneOfThemFailed() {
    WEBCONNEX.awaitIdle(Duration.ofSeconds(10));
    WEBCONNEX.clearLog();
    RECEIVER.clear();
    RECEIVER.behave(Receiver.Behaviour.OK);
    sent.clear();
    sent.addAll(WEBCONNEX.send(EventType.REGISTRATION).deliveries());
    sent.addAll(WEBCONNEX.send(EventType.COUPON).deliveries());
    RECEIVER.behave(Receiver.Behaviour.FAIL_500);
    sent.addAll(WEBCONNEX.send(EventType.SUBSCRIPTION).deliveries());
    RECEIVER.behave(Receiver.Behaviour.OK);
    sent.addAll(WEBCONNEX.send(WebconnexWebhooks.deliver(EventType.EDIT_REGISTRANT).forForm(77)).deliveries());
    sent.addAll(WEBCONNEX.send(EventType.INVENTORY_90).deliveries());
    assertThat(sent).hasSize(5).allMatch(l -> l.webhookId() == 11);
  }

  @AfterAll
  static void stop() {
    RECEIVER.close();
    WEBCONNEX.close();
  }

  @Test
  void requiresTheApiKeyHeader() {
    Http.Response response = Http.get(wm.url("/v2/public/webhooks/11/logs"));

    assertThat(response.status()).isEqualTo(401);
    assertThat(response.json().path("responseCode").asInt()).isEqualTo(401);
    assertThat(Http.post(wm.url("/v2/public/webhooks/11/resend/" + sent.get(0).id()), "").status()).isEqualTo(401);
    assertThat(Http.get(wm.url("/v2/public/webhooks/11/logs/" + sent.get(0).id())).status()).isEqualTo(401);
  }

  @Test
  void listsDeliveriesNewestFirstInTheDocumentedShape() {
    JsonNode list = logs("");

    assertThat(list.path("responseCode").asInt()).isEqualTo(200);
    assertThat(list.path("totalResults").asInt()).isEqualTo(5);
    assertThat(list.path("hasMore").asBoolean()).isFalse();
    assertThat(ids(list)).containsExactly(id(4), id(3), id(2), id(1), id(0));
    JsonNode first = list.at("/data/0");
    assertThat(first.fieldNames()).toIterable().containsExactly(
        "id", "displayId", "formId", "webhookId", "eventType", "eventId", "status", "attempt", "dateSent");
    assertThat(first.path("eventType").asText()).isEqualTo("inventory_90");
    assertThat(first.path("webhookId").asLong()).isEqualTo(11);
    assertThat(first.path("status").asText()).isEqualTo("success");
    assertThat(first.path("attempt").asInt()).isEqualTo(1);
    assertThat(first.path("eventId").asLong()).isEqualTo(sent.get(4).eventId().orElseThrow());
    assertThat(Instant.parse(first.path("dateSent").asText())).isBeforeOrEqualTo(Instant.now());
    assertThat(first.path("displayId").asText()).isNotEqualTo(sent.get(4).deliveryId());
    assertThat(list.at("/data/1/formId").asLong()).isEqualTo(77);
    assertThat(logsOf(12, "").path("totalResults").asInt()).as("logged under the webhook that sent them").isZero();
  }

  @Test
  void pagesWithLimitAndStartingAfter() {
    JsonNode page1 = logs("?sort=asc&limit=2");
    assertThat(ids(page1)).containsExactly(id(0), id(1));
    assertThat(page1.path("hasMore").asBoolean()).isTrue();
    assertThat(page1.path("totalResults").asInt()).isEqualTo(5);
    assertThat(page1.path("startingAfter").asLong()).isEqualTo(id(1));

    JsonNode page2 = logs("?sort=asc&limit=2&startingAfter=" + page1.path("startingAfter").asLong());
    assertThat(ids(page2)).containsExactly(id(2), id(3));
    JsonNode page3 = logs("?sort=asc&limit=2&startingAfter=" + page2.path("startingAfter").asLong());
    assertThat(ids(page3)).containsExactly(id(4));
    assertThat(page3.path("hasMore").asBoolean()).isFalse();

    JsonNode desc = logs("?limit=3");
    assertThat(ids(desc)).containsExactly(id(4), id(3), id(2));
    assertThat(ids(logs("?limit=3&startingAfter=" + desc.path("startingAfter").asLong()))).containsExactly(id(1), id(0));
  }

  @Test
  void filtersByIdStatusAndDate() {
    assertThat(ids(logs("?status=error"))).containsExactly(id(2));
    assertThat(logs("?status=error").at("/data/0/eventType").asText()).isEqualTo("subscription");
    assertThat(ids(logs("?status=success&sort=asc"))).containsExactly(id(0), id(1), id(3), id(4));
    assertThat(ids(logs("?greaterThanId=" + id(1) + "&lessThanId=" + id(4) + "&sort=asc"))).containsExactly(id(2), id(3));
    assertThat(logs("?dateSentAfter=2999-01-01T00:00:00Z").path("totalResults").asInt()).isZero();
    assertThat(logs("?dateSentBefore=2999-01-01T00:00:00Z").path("totalResults").asInt()).isEqualTo(5);
    assertThat(logs("?dateSentAfter=2000-01-01T00:00:00Z&dateSentBefore=2999-01-01T00:00:00Z").path("totalResults").asInt()).isEqualTo(5);
    Http.Response bad = Http.get(wm.url("/v2/public/webhooks/11/logs?status=maybe"), "apiKey", "k");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().at("/error/message").asText()).contains("success or error");
  }

  @Test
  void showsOneDeliveryWithRequestAndResponse() {
    DeliveryLog failed = sent.get(2);
    Http.Response response = Http.get(wm.url("/v2/public/webhooks/11/logs/" + failed.id()), "apiKey", "k");

    assertThat(response.status()).isEqualTo(200);
    JsonNode root = response.json();
    assertThat(root.path("totalResults").asInt()).isEqualTo(1);
    JsonNode data = root.path("data");
    assertThat(data.path("id").asLong()).isEqualTo(failed.id());
    assertThat(data.path("status").asText()).isEqualTo("error");
    assertThat(data.at("/request/method").asText()).isEqualTo("POST");
    assertThat(data.at("/request/url").asText()).isEqualTo(RECEIVER.url("/hooks"));
    assertThat(data.at("/request/header/User-Agent/0").asText()).isEqualTo("Webconnex-Divvy");
    assertThat(data.at("/request/header/Content-Type/0").asText()).isEqualTo("application/json");
    assertThat(data.at("/request/header/X-Webconnex-Event/0").asText()).isEqualTo("subscription");
    assertThat(data.at("/request/header/X-Webconnex-Delivery/0").asText()).isEqualTo(failed.deliveryId());
    assertThat(data.at("/request/header/X-Webconnex-Signature/0").asText()).isEqualTo(failed.signature());
    assertThat(data.at("/request/body").isObject()).isTrue();
    assertThat(data.at("/request/body/meta/appToken").asText()).isEqualTo("token");
    assertThat(data.at("/response/code").asInt()).isEqualTo(500);
    assertThat(data.at("/response/body").asText()).contains("receiver broke");
    assertThat(data.at("/response/header/Content-Type/0").asText()).isEqualTo("application/json");
  }

  @Test
  void resendDeliversTheSameBytesWithTheSameSignature() {
    DeliveryLog original = sent.get(0);
    Receiver.Received first = RECEIVER.received().get(0);
    RECEIVER.clear();

    Http.Response response = Http.post(wm.url("/v2/public/webhooks/11/resend/" + original.id()), "", "apiKey", "k");

    assertThat(response.status()).isEqualTo(200);
    assertThat(RECEIVER.received()).singleElement().satisfies(again -> {
      assertThat(again.body()).isEqualTo(first.body());
      assertThat(again.header("X-Webconnex-Signature")).isEqualTo(first.header("X-Webconnex-Signature"));
      assertThat(again.header("X-Webconnex-Delivery")).isEqualTo(first.header("X-Webconnex-Delivery"));
      assertThat(again.signedWith(SECRET)).isTrue();
    });
    JsonNode data = response.json().path("data");
    assertThat(data.path("id").asLong()).isGreaterThan(id(4));
    assertThat(data.path("attempt").asInt()).isEqualTo(2);
    assertThat(data.path("status").asText()).isEqualTo("success");
    assertThat(data.at("/request/body/eventType").asText()).isEqualTo("registration");
    assertThat(logs("").path("totalResults").asInt()).isEqualTo(6);
    assertThat(WEBCONNEX.resend(11, original.id()).attempt()).isEqualTo(3);
  }

  @Test
  void unknownWebhooksAndLogsAre404() {
    assertThat(Http.get(wm.url("/v2/public/webhooks/99/logs"), "apiKey", "k").status()).isEqualTo(404);
    assertThat(Http.get(wm.url("/v2/public/webhooks/11/logs/123456"), "apiKey", "k").status()).isEqualTo(404);
    assertThat(Http.post(wm.url("/v2/public/webhooks/12/resend/" + id(0)), "", "apiKey", "k").status())
        .as("a log of webhook 11 is not one of webhook 12").isEqualTo(404);
  }

  private long id(int i) {
    return sent.get(i).id();
  }

  private JsonNode logs(String query) {
    return logsOf(11, query);
  }

  private JsonNode logsOf(long webhook, String query) {
    Http.Response response = Http.get(wm.url("/v2/public/webhooks/" + webhook + "/logs" + query), "apiKey", "test-key");
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return response.json();
  }

  private static List<Long> ids(JsonNode list) {
    List<Long> ids = new ArrayList<>();
    list.path("data").forEach(n -> ids.add(n.path("id").asLong()));
    return ids;
  }
}
