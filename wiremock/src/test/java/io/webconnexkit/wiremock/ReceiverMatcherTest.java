package io.webconnexkit.wiremock;

import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import io.webconnexkit.validator.EventType;
import io.webconnexkit.validator.SigningSecret;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** WireMock as the receiver: only valid, correctly signed deliveries match; the others are listed with their problems. */
class ReceiverMatcherTest {

  static final SigningSecret SECRET = SigningSecret.of("receiver-secret");
  static final ValidWebconnexDelivery VALID = ValidWebconnexDelivery.builder().signingSecret(SECRET).build();

  @RegisterExtension
  static WireMockExtension receiver = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1").extensions(VALID, VALID.unmatchedDeliveries()))
      .build();

  static MockWebconnex sender(SigningSecret secret) {
    return MockWebconnex.builder()
        .webhook(WebhookSettings.builder().id(1).name("Sender").url(receiver.url("/hooks")).signingSecret(secret).build())
        .timeout(Duration.ofSeconds(2)).build();
  }

  static MockWebconnex RIGHT;
  static MockWebconnex WRONG;

  @BeforeAll
  static void senders() {
    RIGHT = sender(SECRET);
    WRONG = sender(SigningSecret.of("someone-elses-secret"));
  }

  @AfterEach
  void reset() {
    VALID.unmatchedDeliveries().clear();
  }

  @AfterAll
  static void stop() {
    RIGHT.close();
    WRONG.close();
  }

  @Test
  void aValidSignedDeliveryMatches() {
    receiver.stubFor(post(urlPathEqualTo("/hooks")).andMatching(ValidWebconnexDelivery.NAME).willReturn(ok()));

    for (EventType type : EventType.values()) {
      assertThat(RIGHT.send(type).deliveries()).as(type.wireName())
          .singleElement().satisfies(l -> assertThat(l.responseCode()).isEqualTo(200));
    }
    VALID.unmatchedDeliveries().assertNone();
  }

  @Test
  void aStubsLevelsAcceptAProxysUserAgentUnderStrict() throws Exception {
    receiver.stubFor(post(urlPathEqualTo("/strict")).andMatching(ValidWebconnexDelivery.NAME,
        com.github.tomakehurst.wiremock.extension.Parameters.one("profile", "strict")).willReturn(ok()));
    receiver.stubFor(post(urlPathEqualTo("/tuned")).andMatching(ValidWebconnexDelivery.NAME,
        com.github.tomakehurst.wiremock.extension.Parameters.from(java.util.Map.of("profile", "strict",
            "levels", "delivery.userAgent=ignore"))).willReturn(ok()));
    receiver.stubFor(post(urlPathEqualTo("/typo")).andMatching(ValidWebconnexDelivery.NAME,
        com.github.tomakehurst.wiremock.extension.Parameters.one("levels", "delivery.useragent=ignore")).willReturn(ok()));
    byte[] body = io.webconnexkit.validator.WebconnexSample.of(EventType.PUBLISH).toBytes();

    assertThat(postThroughAProxy("/strict", body)).isEqualTo(404);
    assertThat(postThroughAProxy("/tuned", body)).isEqualTo(200);
    assertThat(postThroughAProxy("/typo", body)).as("levels that cannot be read match nothing").isEqualTo(404);
  }

  private static int postThroughAProxy(String path, byte[] body) throws Exception {
    java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(receiver.url(path)))
        .header("Content-Type", "application/json").header("User-Agent", "corporate-proxy/2.1")
        .header("X-Webconnex-Delivery", "b473fe314def43ccacc10ec75aae1451").header("X-Webconnex-Event", "publish")
        .header("X-Webconnex-Signature", io.webconnexkit.validator.WebconnexSignature.sign(SECRET, body))
        .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body)).build();
    return java.net.http.HttpClient.newHttpClient().send(request, java.net.http.HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  @Test
  void aWrongSignatureDoesNotMatchAndIsListed() {
    receiver.stubFor(post(urlPathEqualTo("/hooks")).andMatching(ValidWebconnexDelivery.NAME).willReturn(ok()));

    DeliveryLog log = WRONG.send(EventType.REGISTRATION).deliveries().get(0);

    assertThat(log.responseCode()).isEqualTo(404);
    assertThat(log.status()).isEqualTo(DeliveryLog.Status.ERROR);
    assertThat(VALID.unmatchedDeliveries().requests()).singleElement().satisfies(u -> {
      assertThat(u.url()).isEqualTo("/hooks");
      assertThat(u.report().errors()).extracting(p -> p.key()).containsExactly("delivery.signature.mismatch");
    });
    assertThatThrownBy(() -> VALID.unmatchedDeliveries().assertNone()).isInstanceOf(AssertionError.class)
        .hasMessageContaining("1 request matched no stub")
        .hasMessageContaining("POST /hooks: signature invalid")
        .hasMessageContaining("X-Webconnex-Signature");
  }

  @Test
  void aNonConformingPayloadDoesNotMatchAndItsProblemsAreListed() {
    receiver.stubFor(post(urlPathEqualTo("/hooks")).andMatching(ValidWebconnexDelivery.NAME).willReturn(ok()));

    DeliveryLog log = RIGHT.send(WebconnexWebhooks.deliver(EventType.REGISTRATION).with("/data/total", "100")).deliveries().get(0);

    assertThat(log.responseCode()).isEqualTo(404);
    assertThat(VALID.unmatchedDeliveries().describe()).contains("signature verified", "/data/total");
  }

  @Test
  void aJsonMappingPicksTheProfileAndEvent() {
    receiver.addStubMapping(StubMapping.buildFrom("""
        {
          "request": {
            "method": "POST", "urlPath": "/hooks",
            "customMatcher": {"name": "valid-webconnex-delivery", "parameters": {"profile": "strict", "event": "coupon"}}
          },
          "response": {"status": 204}
        }"""));

    assertThat(RIGHT.send(EventType.COUPON).deliveries().get(0).responseCode()).isEqualTo(204);
    assertThat(RIGHT.send(EventType.PUBLISH).deliveries().get(0).responseCode()).as("another event").isEqualTo(404);
  }
}
