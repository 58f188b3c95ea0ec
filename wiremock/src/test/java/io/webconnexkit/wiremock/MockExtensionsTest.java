package io.webconnexkit.wiremock;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.extension.Extension;
import com.github.tomakehurst.wiremock.extension.MappingsLoaderExtension;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.extension.requestfilter.StubRequestFilterV2;
import com.github.tomakehurst.wiremock.http.HttpServerFactory;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.webconnexkit.validator.SigningSecret;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The mock's small extensions, each named for its role, registered one by one instead of through
 * {@link MockWebconnex} itself: the same mock.
 */
class MockExtensionsTest {

  static final Receiver RECEIVER = Receivers.start();
  static final MockWebconnex WEBCONNEX = MockWebconnex.builder()
      .webhook(WebhookSettings.builder().id(5).name("One by one").url(RECEIVER.url("/hooks"))
          .signingSecret(SigningSecret.of("one-by-one")).build())
      .bundledMappings(true)
      .timeout(Duration.ofSeconds(2))
      .build();

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")
          .extensions(WEBCONNEX.extensions().toArray(Extension[]::new)))
      .build();

  @AfterAll
  static void stop() {
    RECEIVER.close();
    WEBCONNEX.close();
  }

  @Test
  void eachRoleIsItsOwnExtensionWithItsOwnName() {
    List<Extension> extensions = WEBCONNEX.extensions();

    assertThat(extensions).extracting(Extension::getName).containsExactly("webconnex-webhook", "webconnex-webhook-api",
        "webconnex-event-requests", "webconnex-bundled-mappings", "webconnex-malformed-query-guard");
    assertThat(extensions.get(0)).isInstanceOf(ServeEventListener.class).isNotInstanceOf(StubRequestFilterV2.class);
    assertThat(extensions.get(1)).isInstanceOf(StubRequestFilterV2.class).isNotInstanceOf(ServeEventListener.class);
    assertThat(extensions.get(2)).isInstanceOf(StubRequestFilterV2.class).isNotInstanceOf(MappingsLoaderExtension.class);
    assertThat(extensions.get(3)).isInstanceOf(MappingsLoaderExtension.class).isNotInstanceOf(StubRequestFilterV2.class);
    assertThat(extensions.get(4)).isInstanceOf(HttpServerFactory.class).isNotInstanceOf(ServeEventListener.class);
    assertThat(WEBCONNEX.getName()).as("the mock registers under the listener's name").isEqualTo(WebconnexWebhooks.EXTENSION);
  }

  @Test
  void registeredOneByOneTheyAreTheWholeMock() {
    Http.RawResponse scheduled = Http.raw(wm.getPort(), "POST", "/webconnex/events/publish", new byte[0]);
    WEBCONNEX.awaitIdle(Duration.ofSeconds(10));

    assertThat(scheduled.status()).as("the bundled mappings and the listener").isEqualTo(202);
    assertThat(RECEIVER.received()).singleElement().satisfies(r -> assertThat(r.signedWith("one-by-one")).isTrue());
    Http.Response logs = Http.get(wm.url("/v2/public/webhooks/5/logs"), "apiKey", "k");
    assertThat(logs.json().path("totalResults").asInt()).as("the webhook API").isEqualTo(1);
    assertThat(Http.raw(wm.getPort(), "POST", "/webconnex/events/registrant_edit", new byte[0]).status())
        .as("the delivery request filter").isEqualTo(404);
    assertThat(Http.raw(wm.getPort(), "GET", "/x?q=%zz", new byte[0]).status()).as("the query guard").isEqualTo(400);
  }
}
