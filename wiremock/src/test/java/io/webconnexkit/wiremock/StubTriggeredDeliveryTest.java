package io.webconnexkit.wiremock;

import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import io.webconnexkit.validator.DeliveryVerifier;
import io.webconnexkit.validator.EventType;
import io.webconnexkit.validator.SignatureStatus;
import io.webconnexkit.validator.SigningSecret;
import io.webconnexkit.validator.ValidationReport;
import io.webconnexkit.validator.WebconnexDelivery;
import io.webconnexkit.validator.WebconnexValidator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class StubTriggeredDeliveryTest {

  static final String SECRET = "stub-test-secret-1";
  static final Receiver RECEIVER = Receivers.start();
  static final MockWebconnex WEBCONNEX = MockWebconnex.builder()
      .webhook(WebhookSettings.builder().id(7).name("Orders").url(RECEIVER.url("/hooks"))
          .signingSecret(SigningSecret.of(SECRET)).build())
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
  void deliversASignedConformingRegistrationWhenTheStubIsHit() {
    wm.stubFor(post("/checkout").willReturn(ok())
        .withServeEventListener(WebconnexWebhooks.EXTENSION, WebconnexWebhooks.deliver(EventType.REGISTRATION)));

    assertThat(Http.post(wm.url("/checkout"), "{}").status()).isEqualTo(200);
    WEBCONNEX.awaitIdle(Duration.ofSeconds(10));

    List<Receiver.Received> received = RECEIVER.received();
    assertThat(received).hasSize(1);
    Receiver.Received r = received.get(0);
    assertThat(r.method()).isEqualTo("POST");
    assertThat(r.path()).isEqualTo("/hooks");
    assertThat(r.header("Content-Type")).isEqualTo("application/json");
    assertThat(r.header("User-Agent")).isEqualTo("Webconnex-Divvy");
    assertThat(r.header("X-Webconnex-Delivery")).matches("[0-9a-f]{32}");
    assertThat(r.header("X-Webconnex-Event")).isEqualTo("registration");
    assertThat(r.header("X-Webconnex-Signature")).isEqualTo(Receiver.hmac(SECRET, r.body()));
    assertThat(r.signedWith(SECRET)).isTrue();

    ValidationReport payload = WebconnexValidator.lenient().validate(r.body());
    assertThat(payload.errors()).isEmpty();
    JsonNode body = json(r.body());
    assertThat(body.path("eventType").asText()).isEqualTo("registration");
    assertThat(body.path("meta").path("name").asText()).isEqualTo("Orders");
    assertThat(body.path("meta").has("appKey")).isFalse();
    assertThat(body.path("meta").has("appToken")).isFalse();

    assertThat(WEBCONNEX.logs(7)).singleElement().satisfies(log -> {
      assertThat(log.status()).isEqualTo(DeliveryLog.Status.SUCCESS);
      assertThat(log.responseCode()).isEqualTo(200);
      assertThat(log.responseBody()).contains("received");
      assertThat(log.signature()).isEqualTo(r.header("X-Webconnex-Signature"));
    });
  }

  @Test
  void aWrongSecretIsCaught() {
    wm.stubFor(post("/checkout").willReturn(ok())
        .withServeEventListener(WebconnexWebhooks.EXTENSION, WebconnexWebhooks.deliver(EventType.COUPON)));

    Http.post(wm.url("/checkout"), "{}");
    WEBCONNEX.awaitIdle(Duration.ofSeconds(10));

    Receiver.Received r = RECEIVER.received().get(0);
    assertThat(r.signedWith("not-the-secret")).isFalse();
    WebconnexDelivery delivery = WebconnexDelivery.of(r.headers(), r.body());
    DeliveryVerifier wrong = DeliveryVerifier.builder().signingSecret(SigningSecret.of("not-the-secret")).build();
    ValidationReport report = wrong.verify(delivery);
    assertThat(report.signature()).isEqualTo(SignatureStatus.INVALID);
    assertThat(report.errors()).extracting(p -> p.key()).contains("delivery.signature.mismatch");
    DeliveryVerifier right = DeliveryVerifier.builder().signingSecret(SigningSecret.of(SECRET)).build();
    assertThat(right.verify(delivery).signature()).isEqualTo(SignatureStatus.VERIFIED);
  }

  @Test
  void signsTheBytesAfterTemplating() {
    String template = "{\"eventType\":\"registration\",\"formId\":{{jsonPath originalRequest.body '$.formId'}},"
        + "\"data\":{\"note\":\"{{originalRequest.headers.X-Note}}\",\"webhook\":\"{{webhook.name}}\"}}";
    wm.stubFor(post("/checkout").willReturn(ok()).withServeEventListener(WebconnexWebhooks.EXTENSION,
        WebconnexWebhooks.deliver(EventType.REGISTRATION).withBody(template)));

    Http.post(wm.url("/checkout"), "{\"formId\": 99}", "X-Note", "hello");
    WEBCONNEX.awaitIdle(Duration.ofSeconds(10));

    Receiver.Received r = RECEIVER.received().get(0);
    assertThat(r.bodyText()).isEqualTo("{\"eventType\":\"registration\",\"formId\":99,\"data\":{\"note\":\"hello\",\"webhook\":\"Orders\"}}");
    assertThat(r.signedWith(SECRET)).isTrue();
    assertThat(r.header("X-Webconnex-Signature")).isNotEqualTo(Receiver.hmac(SECRET, template.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void sendsAFixtureFileByteForByte() throws IOException {
    byte[] fixture;
    try (InputStream in = getClass().getResourceAsStream("/fixtures/registration-legacy.json")) {
      fixture = in.readAllBytes();
    }
    wm.stubFor(post("/checkout").willReturn(ok()).withServeEventListener(WebconnexWebhooks.EXTENSION,
        WebconnexWebhooks.deliver(EventType.REGISTRATION).withBodyFile("classpath:fixtures/registration-legacy.json")));

    Http.post(wm.url("/checkout"), "{}");
    WEBCONNEX.awaitIdle(Duration.ofSeconds(10));

    Receiver.Received r = RECEIVER.received().get(0);
    assertThat(r.body()).isEqualTo(fixture);
    assertThat(r.signedWith(SECRET)).isTrue();
  }

  @Test
  void honoursTheDelay() {
    wm.stubFor(post("/checkout").willReturn(ok()).withServeEventListener(WebconnexWebhooks.EXTENSION,
        WebconnexWebhooks.deliver(EventType.PUBLISH).after(Duration.ofMillis(800))));
    // Warm up (templates, samples) so the timing below measures the delay, not class loading.
    WEBCONNEX.send(EventType.PUBLISH);
    RECEIVER.clear();

    long start = System.nanoTime();
    Http.post(wm.url("/checkout"), "{}");
    long answered = System.nanoTime();
    assertThat(RECEIVER.received()).as("nothing before the delay is over").isEmpty();
    WEBCONNEX.awaitIdle(Duration.ofSeconds(10));

    Receiver.Received r = RECEIVER.received().get(0);
    assertThat(Duration.ofNanos(r.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(800));
    assertThat(Duration.ofNanos(answered - start)).as("the stub answered without waiting").isLessThan(Duration.ofMillis(800));
  }

  @Test
  void aJsonMappingDeliversLikeTheJavaDsl() {
    StubMapping mapping = StubMapping.buildFrom(resource("/stubs/checkout-delivers-coupon.json"));
    wm.addStubMapping(mapping);

    Http.post(wm.url("/json-checkout"), "{}");
    WEBCONNEX.awaitIdle(Duration.ofSeconds(10));

    Receiver.Received r = RECEIVER.received().get(0);
    assertThat(r.header("X-Webconnex-Event")).isEqualTo("coupon");
    assertThat(json(r.body()).at("/data/name").asText()).isEqualTo("SPRING25");
    assertThat(r.signedWith(SECRET)).isTrue();
  }

  @Test
  void theDslIsTheJsonOfAMapping() throws IOException {
    WebconnexWebhooks dsl = WebconnexWebhooks.deliver(EventType.COUPON).forForm(29815)
        .with("/data/name", "SPRING25").after(Duration.ofMillis(50));

    JsonNode mapping = Http.JSON.readTree(resource("/stubs/checkout-delivers-coupon.json"));
    assertThat(Http.JSON.readTree(Http.JSON.writeValueAsString(dsl)))
        .isEqualTo(mapping.at("/serveEventListeners/0/parameters"));
  }

  @Test
  void theDslIsABuilderAndACopyBranchesFromIt() {
    WebconnexWebhooks base = WebconnexWebhooks.deliver(EventType.COUPON).forForm(29815);
    WebconnexWebhooks branch = base.copy().with("/data/name", "BRANCH").toWebhook(7);

    assertThat(base.with("/data/voucher", false)).isSameAs(base);
    assertThat(base.parameters()).doesNotContainKey("webhook").containsEntry("with", java.util.Map.of("/data/voucher", false));
    assertThat(branch.parameters()).containsEntry("webhook", 7L).containsEntry("formId", 29815L)
        .containsEntry("with", java.util.Map.of("/data/name", "BRANCH"));
  }

  @Test
  void aStubKeepsTheParametersItWasBuiltWith() {
    WebconnexWebhooks delivery = WebconnexWebhooks.deliver(EventType.COUPON).with("/data/name", "AT-REGISTRATION");
    wm.stubFor(post("/snapshot").willReturn(ok()).withServeEventListener(WebconnexWebhooks.EXTENSION, delivery));
    delivery.with("/data/name", "CHANGED-AFTERWARDS");

    Http.post(wm.url("/snapshot"), "{}");
    WEBCONNEX.awaitIdle(Duration.ofSeconds(10));

    assertThat(json(RECEIVER.received().get(0).body()).at("/data/name").asText()).isEqualTo("AT-REGISTRATION");
  }

  @Test
  void badParametersAreReportedNotThrownAtTheClient() {
    wm.stubFor(post("/checkout").willReturn(ok()).withServeEventListener(WebconnexWebhooks.EXTENSION,
        com.github.tomakehurst.wiremock.extension.Parameters.one("event", "registrant_edit")));

    assertThat(Http.post(wm.url("/checkout"), "{}").status()).isEqualTo(200);
    WEBCONNEX.awaitIdle(Duration.ofSeconds(10));

    assertThat(RECEIVER.received()).isEmpty();
    assertThat(com.github.tomakehurst.wiremock.common.Json.write(wm.getAllServeEvents().get(0).getSubEvents())).contains("did you mean \\\"edit_registrant\\\"", "registrant_edit");
  }

  static String resource(String name) {
    try (InputStream in = StubTriggeredDeliveryTest.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode json(byte[] body) {
    try {
      return Http.JSON.readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
