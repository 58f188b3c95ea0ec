package example;

import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonSchema;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.webconnexkit.validator.EventType;
import io.webconnexkit.validator.SigningSecret;
import io.webconnexkit.validator.WebconnexDelivery;
import io.webconnexkit.validator.WebconnexSample;
import io.webconnexkit.wiremock.ValidWebconnexDelivery;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A plain WireMock stub with WireMock's own JSON-schema body pattern, in the same server as the kit's
 * matcher. WireMock's matcher runs on the networknt it was built on (1.5.x); the kit's validator on its
 * own copy. Both must answer right.
 */
class JsonSchemaMatcherBesideTheKitTest {

  static final SigningSecret SECRET = SigningSecret.of("receiver-secret");
  static final ValidWebconnexDelivery VALID = ValidWebconnexDelivery.builder().signingSecret(SECRET).build();

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1").extensions(VALID))
      .build();

  private final HttpClient client = HttpClient.newHttpClient();

  @Test
  void aBodyThatMatchesTheSchemaGetsTheStubbedAnswer() throws Exception {
    wm.stubFor(post("/orders").withRequestBody(matchingJsonSchema(resource("order-schema.json")))
        .willReturn(ok("accepted")));

    HttpResponse<String> response = send("/orders", resource("order-matching.json"));

    assertEquals(200, response.statusCode(), response.body());
    assertEquals("accepted", response.body());
  }

  @Test
  void aBodyThatDoesNotMatchTheSchemaIsNotMatched() throws Exception {
    wm.stubFor(post("/orders").withRequestBody(matchingJsonSchema(resource("order-schema.json")))
        .willReturn(ok("accepted")));

    HttpResponse<String> response = send("/orders", resource("order-not-matching.json"));

    assertEquals(404, response.statusCode(), response.body());
  }

  @Test
  void theKitsOwnMatcherWorksInTheSameServer() throws Exception {
    wm.stubFor(post("/hooks").andMatching(ValidWebconnexDelivery.NAME).willReturn(ok("delivered")));
    WebconnexDelivery signed = WebconnexDelivery.signed("registration",
        WebconnexSample.of(EventType.REGISTRATION).toBytes(), SECRET);
    WebconnexDelivery forged = WebconnexDelivery.signed("registration",
        WebconnexSample.of(EventType.REGISTRATION).toBytes(), SigningSecret.of("forged"));

    assertEquals(200, send("/hooks", signed).statusCode());
    assertEquals(404, send("/hooks", forged).statusCode());
  }

  private HttpResponse<String> send(String path, String json) throws Exception {
    return send(HttpRequest.newBuilder(URI.create(wm.url(path)))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
  }

  /** Posts the delivery's exact bytes with its Webconnex headers. */
  private HttpResponse<String> send(String path, WebconnexDelivery delivery) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(wm.url(path)))
        .POST(HttpRequest.BodyPublishers.ofByteArray(delivery.body()));
    delivery.headers().forEach((name, values) -> values.forEach(value -> request.header(name, value)));
    return send(request);
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String resource(String name) {
    try (InputStream in = JsonSchemaMatcherBesideTheKitTest.class.getResourceAsStream("/" + name)) {
      if (in == null) {
        throw new IllegalStateException(name + " is not on the test classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
