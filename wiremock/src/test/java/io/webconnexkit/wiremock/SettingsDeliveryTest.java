package io.webconnexkit.wiremock;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.webconnexkit.validator.EventType;
import io.webconnexkit.validator.SigningSecret;
import io.webconnexkit.validator.WebconnexValidator;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Deliveries obey each webhook's settings; triggered through the bundled mappings over HTTP. */
class SettingsDeliveryTest {

  static final Receiver RECEIVER = Receivers.start();
  static final MockWebconnex WEBCONNEX = MockWebconnex.builder()
      .settings(WebconnexSettings.builder()
          .webhook(WebhookSettings.builder().id(1).name("Orders").url(RECEIVER.url("/orders"))
              .appKey("orders-app").appToken("orders-token")
              .events(EventType.REGISTRATION, EventType.COUPON).signingSecret(SigningSecret.of("secret-one")).build())
          .webhook(WebhookSettings.builder().id(2).name("Paused").url(RECEIVER.url("/paused"))
              .enabled(false).signingSecret(SigningSecret.of("secret-two")).build())
          .webhook(WebhookSettings.builder().id(3).name("Gala only").url(RECEIVER.url("/gala"))
              .forms(432).signingSecret(SigningSecret.of("secret-three")).build())
          .webhook(WebhookSettings.builder().id(4).name("Publishing").url(RECEIVER.url("/publishing"))
              .events(EventType.PUBLISH).signingSecret(SigningSecret.of("secret-four")).build())
          .build())
      .bundledMappings(true)
      .timeout(Duration.ofSeconds(2))
      .build();

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1").extensions(WEBCONNEX))
      .build();

  @AfterEach
  void reset() {
    WEBCONNEX.awaitIdle(Duration.ofSeconds(10));
    WEBCONNEX.clearLog();
    RECEIVER.clear();
  }

  @AfterAll
  static void stop() {
    RECEIVER.close();
    WEBCONNEX.close();
  }

  @Test
  void oneEventGoesToEveryWebhookThatWantsItEachSignedWithItsOwnSecret() {
    assertThat(trigger("registration?formId=432").status()).isEqualTo(202);
    WEBCONNEX.awaitIdle(Duration.ofSeconds(10));

    Receiver.Received orders = only("/orders");
    Receiver.Received gala = only("/gala");
    assertThat(orders.signedWith("secret-one")).isTrue();
    assertThat(orders.signedWith("secret-three")).isFalse();
    assertThat(gala.signedWith("secret-three")).isTrue();
    assertThat(orders.header("X-Webconnex-Delivery")).isNotEqualTo(gala.header("X-Webconnex-Delivery"));
    JsonNode ordersBody = StubTriggeredDeliveryTest.json(orders.body());
    JsonNode galaBody = StubTriggeredDeliveryTest.json(gala.body());
    assertThat(ordersBody.at("/data/id")).as("one event, two copies").isEqualTo(galaBody.at("/data/id"));
    assertThat(ordersBody.path("formId").asLong()).isEqualTo(432);
    assertThat(WebconnexValidator.lenient().validate(orders.body()).errors()).isEmpty();

    assertThat(RECEIVER.receivedAt("/paused")).as("disabled").isEmpty();
    assertThat(RECEIVER.receivedAt("/publishing")).as("not toggled on for registration").isEmpty();
    assertThat(WEBCONNEX.logs(1)).hasSize(1);
    assertThat(WEBCONNEX.logs(3)).hasSize(1);
    assertThat(WEBCONNEX.logs(2)).isEmpty();
    assertThat(Http.get(wm.url("/v2/public/webhooks/3/logs"), "apiKey", "k").json().at("/data/0/formId").asLong()).isEqualTo(432);
  }

  @Test
  void metaCarriesTheWebhookNameAndAppKeyAndTokenExactlyWhenSet() {
    trigger("registration?formId=432");
    WEBCONNEX.awaitIdle(Duration.ofSeconds(10));

    JsonNode orders = StubTriggeredDeliveryTest.json(only("/orders").body()).path("meta");
    assertThat(orders.path("name").asText()).isEqualTo("Orders");
    assertThat(orders.path("appKey").asText()).isEqualTo("orders-app");
    assertThat(orders.path("appToken").asText()).isEqualTo("orders-token");
    JsonNode gala = StubTriggeredDeliveryTest.json(only("/gala").body()).path("meta");
    assertThat(gala.path("name").asText()).isEqualTo("Gala only");
    assertThat(gala.has("appKey")).isFalse();
    assertThat(gala.has("appToken")).isFalse();
  }

  @Test
  void anEventOfAnotherFormSendsNothingToAWebhookWithAFormList() {
    trigger("registration?formId=999");
    WEBCONNEX.awaitIdle(Duration.ofSeconds(10));

    assertThat(RECEIVER.receivedAt("/orders")).hasSize(1);
    assertThat(RECEIVER.receivedAt("/gala")).isEmpty();
  }

  @Test
  void aGlobalCouponPassesEveryFormList() {
    SendResult result = WEBCONNEX.send(WebconnexWebhooks.deliver(EventType.COUPON).with("/data/formId", null));

    assertThat(result.deliveries()).extracting(DeliveryLog::webhookId).containsExactlyInAnyOrder(1L, 3L);
    assertThat(result.skipped()).extracting(SendResult.Skipped::reason)
        .containsExactlyInAnyOrder("disabled", "not toggled on for coupon");
  }

  @Test
  void anEventNoWebhookWantsSendsNothing() {
    assertThat(trigger("sms").status()).isEqualTo(202);
    WEBCONNEX.awaitIdle(Duration.ofSeconds(10));

    assertThat(RECEIVER.receivedAt("/orders")).isEmpty();
    assertThat(RECEIVER.receivedAt("/publishing")).isEmpty();
    assertThat(RECEIVER.receivedAt("/gala")).as("gala wants every event, but sms samples are of form 1293").isEmpty();
    assertThat(RECEIVER.received()).isEmpty();
  }

  @Test
  void aDisabledWebhookSendsNothingEvenWhenNamed() {
    SendResult result = WEBCONNEX.send(WebconnexWebhooks.deliver(EventType.PUBLISH).toWebhook(2));
    WEBCONNEX.awaitIdle(Duration.ofSeconds(10));

    assertThat(result.deliveries()).isEmpty();
    assertThat(result.skipped()).singleElement().hasToString("webhook 2 \"Paused\": skipped: disabled");
    assertThat(RECEIVER.received()).isEmpty();
  }

  @Test
  void sendATestReachesAWebhookNotSubscribedToTheEventFromJava() {
    DeliveryLog log = WEBCONNEX.sendTest(4, TestKind.REGISTRATION);

    assertThat(log.status()).isEqualTo(DeliveryLog.Status.SUCCESS);
    assertThat(log.webhookId()).isEqualTo(4);
    Receiver.Received r = only("/publishing");
    assertThat(r.header("X-Webconnex-Event")).isEqualTo("registration");
    assertThat(r.signedWith("secret-four")).isTrue();
    assertThat(StubTriggeredDeliveryTest.json(r.body()).at("/meta/name").asText()).isEqualTo("Publishing");
    assertThat(WEBCONNEX.logs(4)).containsExactly(log);
  }

  @Test
  void sendATestOverTheMocksOwnEndpointForEachKind() {
    for (String kind : new String[] {"registration", "subscription", "publish", "coupon"}) {
      Http.Response response = Http.post(wm.url("/__webconnex/webhooks/3/test/" + kind), "");
      assertThat(response.status()).as(response.body()).isEqualTo(200);
      assertThat(response.json().at("/data/request/header/X-Webconnex-Event/0").asText()).isEqualTo(kind);
    }

    assertThat(RECEIVER.receivedAt("/gala")).hasSize(4).allMatch(r -> r.signedWith("secret-three"));
    JsonNode logs = Http.get(wm.url("/v2/public/webhooks/3/logs?sort=asc"), "apiKey", "k").json();
    assertThat(logs.path("totalResults").asInt()).as("tests are logged like any delivery").isEqualTo(4);
    assertThat(logs.at("/data/3/eventType").asText()).isEqualTo("coupon");
    assertThat(Http.post(wm.url("/__webconnex/webhooks/3/test/inventory"), "").status()).isEqualTo(404);
    assertThat(Http.post(wm.url("/__webconnex/webhooks/2/test/registration"), "").status()).as("disabled").isEqualTo(409);
    assertThatThrownBy(() -> WEBCONNEX.sendTest(2, TestKind.COUPON)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("disabled");
  }

  @Test
  void theBundledMappingsCoverEveryEventType() {
    for (EventType type : EventType.values()) {
      assertThat(getClass().getClassLoader().getResource(MockWebconnex.BUNDLED_MAPPINGS + type.wireName() + ".json"))
          .as(type.wireName()).isNotNull();
    }
    assertThat(MockWebconnex.bundledMappings()).hasSize(EventType.values().length);
    assertThat(trigger("publish").status()).isEqualTo(202);
    WEBCONNEX.awaitIdle(Duration.ofSeconds(10));
    assertThat(only("/publishing").signedWith("secret-four")).isTrue();
  }

  private Http.Response trigger(String eventAndQuery) {
    return Http.post(wm.url("/webconnex/events/" + eventAndQuery), "");
  }

  private static Receiver.Received only(String path) {
    assertThat(RECEIVER.receivedAt(path)).as(path + " " + com.github.tomakehurst.wiremock.common.Json.write(
        wm.getAllServeEvents().stream().map(e -> e.getSubEvents()).toList())).hasSize(1);
    return RECEIVER.receivedAt(path).get(0);
  }
}
