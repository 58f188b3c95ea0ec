package io.webconnexkit.examples.receiver;

import io.webconnexkit.validator.WebconnexDelivery;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Posts a delivery to the running application exactly as Webconnex would: same headers, same bytes. */
final class ReceiverClient {

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String url;

  ReceiverClient(int port) {
    this.url = "http://127.0.0.1:" + port + "/webhooks/webconnex";
  }

  String url() {
    return url;
  }

  HttpResponse<String> post(WebconnexDelivery delivery) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
        .timeout(Duration.ofSeconds(10))
        .POST(HttpRequest.BodyPublishers.ofByteArray(delivery.body()));
    delivery.headers().forEach((name, values) -> {
      // The JDK client sets User-Agent itself and refuses to override it.
      if (!name.equalsIgnoreCase("User-Agent")) {
        values.forEach(value -> request.header(name, value));
      }
    });
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
