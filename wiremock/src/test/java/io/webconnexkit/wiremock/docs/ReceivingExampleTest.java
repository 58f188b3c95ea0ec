package io.webconnexkit.wiremock.docs;

import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.webconnexkit.validator.EventType;
import io.webconnexkit.validator.Profile;
import io.webconnexkit.validator.SigningSecret;
import io.webconnexkit.validator.WebconnexDelivery;
import io.webconnexkit.validator.WebconnexSample;
import io.webconnexkit.wiremock.ValidWebconnexDelivery;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

// The receiving example of docs/wiremock.md, verbatim from "static final ValidWebconnexDelivery VALID" on.
class ReceivingExampleTest {

  static final ValidWebconnexDelivery VALID = ValidWebconnexDelivery.builder()
      .signingSecret(SigningSecret.of("receiver-secret"))   // call again to accept another
      .profile(Profile.LENIENT)                              // the default
      .build();

  @RegisterExtension
  static WireMockExtension receiver = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().extensions(VALID, VALID.unmatchedDeliveries()))
      .build();

  @Test
  void onlyValidDeliveriesMatch() throws Exception {
    receiver.stubFor(post("/hooks").andMatching(ValidWebconnexDelivery.NAME).willReturn(ok()));
    // A delivery arrives, signed as Webconnex signs it:
    int status = send(WebconnexDelivery.signed("registration",
        WebconnexSample.of(EventType.REGISTRATION).toBytes(), SigningSecret.of("receiver-secret")));
    VALID.unmatchedDeliveries().assertNone();
    assertThat(status).isEqualTo(200);
  }

  @Test
  void aForgedDeliveryDoesNotMatchAndIsListedWithItsProblems() throws Exception {
    receiver.stubFor(post("/hooks").andMatching(ValidWebconnexDelivery.NAME).willReturn(ok()));

    int status = send(WebconnexDelivery.signed("registration",
        WebconnexSample.of(EventType.REGISTRATION).toBytes(), SigningSecret.of("forged")));

    assertThat(status).isEqualTo(404);
    assertThat(VALID.unmatchedDeliveries().describe()).contains("X-Webconnex-Signature");
  }

  @AfterEach
  void forgetUnmatched() {
    VALID.unmatchedDeliveries().clear();
  }

  private int send(WebconnexDelivery delivery) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(receiver.url("/hooks")))
        .POST(HttpRequest.BodyPublishers.ofByteArray(delivery.body()));
    delivery.headers().forEach((name, values) -> {
      if (!name.equalsIgnoreCase("User-Agent")) {
        values.forEach(value -> request.header(name, value));
      }
    });
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }
}
