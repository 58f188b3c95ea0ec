package io.webconnexkit.wiremock;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.webconnexkit.validator.SigningSecret;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/**
 * A request WireMock cannot read (a malformed escape in its query, a charset Java does not know, a
 * form or gzip body that does not decode), on any path of a WireMock that runs the mock: a 400 with
 * a JSON message, never a 500 page naming a Java exception. What WireMock can read passes untouched.
 */
class UnreadableRequestTest {

  static final Receiver RECEIVER = Receivers.start();
  static final CapturingNotifier LOG = new CapturingNotifier();
  static final MockWebconnex WEBCONNEX = MockWebconnex.builder()
      .webhook(WebhookSettings.builder().id(1).name("Orders").url(RECEIVER.url("/orders"))
          .signingSecret(SigningSecret.of("secret")).build())
      .bundledMappings(true)
      .timeout(Duration.ofSeconds(2))
      .build();

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance()
      .options(WEBCONNEX.wireMockOptions().notifier(LOG))
      .build();

  @BeforeEach
  void stubs() {
    wm.stubFor(get(urlPathEqualTo("/anything")).willReturn(ok("stub")));
    wm.stubFor(post(urlPathEqualTo("/anything")).willReturn(ok("stub")));
    LOG.clear();
  }

  @AfterAll
  static void stop() {
    WEBCONNEX.awaitIdle(Duration.ofSeconds(10));
    RECEIVER.close();
    WEBCONNEX.close();
  }

  @ParameterizedTest(name = "{0} {1} {2} {4}")
  @CsvFileSource(resources = "/requests/unreadable-requests.csv")
  void anUnreadableRequestIsA400WithAMessage(String method, String target, String contentType, String encoding, String body,
      String expected) {
    List<String> headers = new ArrayList<>();
    if (contentType != null) {
      headers.add("Content-Type: " + contentType);
    }
    if (encoding != null) {
      headers.add("Content-Encoding: " + encoding);
    }
    Http.RawResponse r = Http.raw(wm.getPort(), method, target, bytes(body), headers.toArray(String[]::new));

    assertThat(r.status()).as(r.body()).isEqualTo(400);
    assertThat(r.contentType()).startsWith("application/json");
    assertThat(r.json().path("responseCode").asInt()).isEqualTo(400);
    String message = r.json().at("/error/message").asText();
    assertThat(message).contains(expected).doesNotContain("Exception", "java.");
    assertThat(LOG.lines()).anySatisfy(line -> assertThat(line)
        .startsWith("error: Webconnex mock refused " + method + " ").endsWith(" with 400: " + message));
  }

  @Test
  void whatWireMockCanReadPassesUntouched() {
    wm.stubFor(get(urlPathEqualTo("/search")).withQueryParam("q", equalTo("100% & more")).willReturn(ok("found")));

    Http.RawResponse escaped = Http.raw(wm.getPort(), "GET", "/search?q=100%25%20%26%20more", new byte[0]);
    Http.RawResponse form = Http.raw(wm.getPort(), "POST", "/anything", "a=100%25".getBytes(StandardCharsets.UTF_8),
        "Content-Type: application/x-www-form-urlencoded; charset=UTF-8");

    assertThat(escaped.status()).isEqualTo(200);
    assertThat(escaped.body()).isEqualTo("found");
    assertThat(form.status()).isEqualTo(200);
    assertThat(wm.findAll(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(urlPathEqualTo("/anything"))
        .withFormParam("a", equalTo("100%")))).hasSize(1);
  }

  @Test
  void anIdOverSixtyFourBitsInTheWebhookApiSaysSo() {
    Http.Response logs = Http.get(wm.url("/v2/public/webhooks/99999999999999999999/logs"), "apiKey", "k");
    Http.Response page = Http.get(wm.url("/v2/public/webhooks/1/logs?limit=99999999999999999999"), "apiKey", "k");

    assertThat(logs.status()).isEqualTo(404);
    assertThat(logs.json().at("/error/message").asText())
        .isEqualTo("webhook id must be a whole number up to 9223372036854775807 but is \"99999999999999999999\"");
    assertThat(page.status()).isEqualTo(400);
    assertThat(page.json().at("/error/message").asText()).startsWith("limit must be");
  }

  /** The body as written, with {@code \xNN} standing for one byte. */
  private static byte[] bytes(String body) {
    if (body == null) {
      return new byte[0];
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < body.length(); i++) {
      if (body.startsWith("\\x", i)) {
        out.write(Integer.parseInt(body.substring(i + 2, i + 4), 16));
        i += 3;
      } else {
        out.write(body.charAt(i));
      }
    }
    return out.toByteArray();
  }
}
