package io.webconnexkit.wiremock;

import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.common.Json;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import io.webconnexkit.validator.EventType;
import io.webconnexkit.validator.SigningSecret;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A template is rendered once, and what comes out is data: a request's values, listener parameters
 * and webhook settings are never rendered as templates, so none can read the settings.
 */
class TemplatesOnceTest {

  static final String APP_TOKEN = "gala-token-5e2a";
  static final Receiver RECEIVER = Receivers.start();
  static final MockWebconnex WEBCONNEX = MockWebconnex.builder()
      .webhook(WebhookSettings.builder().id(1).name("{{webhook.appToken}}").url(RECEIVER.url("/hooks"))
          .appKey("{{webhook.url}}").appToken(APP_TOKEN).signingSecret(SigningSecret.of("once")).build())
      .timeout(Duration.ofSeconds(2))
      .build();

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance().options(WEBCONNEX.wireMockOptions()).build();

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
  void aQueryValueRenderedIntoAParameterIsNotRenderedAgain() {
    wm.addStubMapping(StubMapping.buildFrom(StubTriggeredDeliveryTest.resource("/stubs/form-from-query.json")));

    assertThat(Http.post(wm.url("/form-checkout?formId=%7B%7Bwebhook.id%7D%7D"), "").status()).isEqualTo(200);
    assertThat(Http.post(wm.url("/form-checkout?formId=%7B%7Bwebhook.appToken%7D%7D"), "").status()).isEqualTo(200);
    WEBCONNEX.awaitIdle(Duration.ofSeconds(10));

    assertThat(RECEIVER.received()).as("a formId of {{webhook.id}} is not form 1").isEmpty();
    String journal = Json.write(wm.getAllServeEvents());
    assertThat(journal).contains("but is \\\"{{webhook.id}}\\\"", "but is \\\"{{webhook.appToken}}\\\"").doesNotContain(APP_TOKEN);
  }

  @Test
  void aQueryValueRenderedIntoABodyIsSentAsItCame() {
    wm.addStubMapping(StubMapping.buildFrom(StubTriggeredDeliveryTest.resource("/stubs/note-from-query.json")));

    Http.post(wm.url("/noted-checkout?note=%7B%7Bwebhook.appToken%7D%7D"), "{\"formId\": 432}");
    WEBCONNEX.awaitIdle(Duration.ofSeconds(10));

    Receiver.Received r = RECEIVER.received().get(0);
    assertThat(r.bodyText()).isEqualTo("{\"eventType\":\"registration\",\"formId\":432,\"data\":{\"note\":\"{{webhook.appToken}}\"}}");
    assertThat(r.signedWith("once")).isTrue();
    assertThat(WEBCONNEX.logs(1).get(0).formId()).as("the templated formId, rendered once").contains(432L);
  }

  @Test
  void overridesAndSettingsAreSentAsGivenNeverRendered() {
    wm.stubFor(post("/checkout").willReturn(ok()).withServeEventListener(WebconnexWebhooks.EXTENSION,
        WebconnexWebhooks.deliver(EventType.COUPON).with("/data/name", "{{webhook.appToken}}")));

    Http.post(wm.url("/checkout"), "{}");
    WEBCONNEX.awaitIdle(Duration.ofSeconds(10));

    Receiver.Received r = RECEIVER.received().get(0);
    var body = StubTriggeredDeliveryTest.json(r.body());
    assertThat(body.at("/data/name").asText()).isEqualTo("{{webhook.appToken}}");
    assertThat(body.at("/meta/name").asText()).isEqualTo("{{webhook.appToken}}");
    assertThat(body.at("/meta/appKey").asText()).isEqualTo("{{webhook.url}}");
    assertThat(body.at("/meta/appToken").asText()).as("meta carries the token, as Webconnex does").isEqualTo(APP_TOKEN);
    assertThat(r.bodyText().indexOf(APP_TOKEN)).isEqualTo(r.bodyText().lastIndexOf(APP_TOKEN));
  }
}
