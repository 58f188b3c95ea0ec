package io.webconnexkit.cli;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.sun.net.httpserver.HttpServer;
import io.webconnexkit.validator.SigningSecret;
import io.webconnexkit.wiremock.MockWebconnex;
import io.webconnexkit.wiremock.WebhookSettings;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Real servers on 127.0.0.1 for pull and replay: receivers that check signatures themselves, the mock, a faulty proxy. */
final class TrafficServers {

  private TrafficServers() {}

  /** A webhook receiver that keeps what arrives and answers 200, or 500 on {@code /broken}. */
  static final class Receiver implements AutoCloseable {
    record Hit(String path, Map<String, List<String>> headers, byte[] body) {
      String header(String name) {
        return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).findFirst()
            .map(e -> e.getValue().get(0)).orElse(null);
      }

      /** Checked here with javax.crypto, not by the kit. */
      boolean signedWith(String secret) {
        try {
          Mac mac = Mac.getInstance("HmacSHA256");
          mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
          String expected = HexFormat.of().formatHex(mac.doFinal(body));
          String given = header("X-Webconnex-Signature");
          return given != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
              given.getBytes(StandardCharsets.US_ASCII));
        } catch (Exception e) {
          throw new AssertionError(e);
        }
      }
    }

    final HttpServer server;
    final ConcurrentLinkedQueue<Hit> hits = new ConcurrentLinkedQueue<>();

    Receiver() throws IOException {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
      server.createContext("/", exchange -> {
        hits.add(new Hit(exchange.getRequestURI().getPath(), Map.copyOf(exchange.getRequestHeaders()),
            exchange.getRequestBody().readAllBytes()));
        exchange.sendResponseHeaders(exchange.getRequestURI().getPath().equals("/broken") ? 500 : 200, -1);
        exchange.close();
      });
      server.start();
    }

    String url(String path) {
      return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    List<Hit> hits() {
      return List.copyOf(hits);
    }

    @Override
    public void close() {
      server.stop(0);
    }
  }

  /** The mock Webconnex with one webhook (id 1) to a receiver, behind WireMock on 127.0.0.1. */
  static final class Mock implements AutoCloseable {
    final MockWebconnex webconnex;
    final WireMockServer server;

    Mock(String receiverUrl, String secret, Consumer<MockWebconnex.Builder> more) {
      MockWebconnex.Builder b = MockWebconnex.builder()
          .webhook(WebhookSettings.builder().id(1).name("Recorded").url(receiverUrl).signingSecret(SigningSecret.of(secret)).build())
          .timeout(Duration.ofSeconds(5));
      more.accept(b);
      webconnex = b.build();
      server = new WireMockServer(webconnex.wireMockOptions());
      server.start();
    }

    String base() {
      return "http://127.0.0.1:" + server.port() + "/v2/public";
    }

    @Override
    public void close() {
      server.stop();
      webconnex.close();
    }
  }

  /**
   * Forwards to a server, but answers the first {@code failures} requests with {@code status} and
   * this body instead (a flaky or refusing API).
   */
  static final class FaultyProxy implements AutoCloseable {
    final HttpServer server;
    final AtomicInteger requests = new AtomicInteger();

    FaultyProxy(String upstream, int failures, int status, String body) throws IOException {
      HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
      server.createContext("/", exchange -> {
        int n = requests.incrementAndGet();
        byte[] answer;
        int code;
        if (n <= failures) {
          code = status;
          answer = body.getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
        } else {
          try {
            HttpRequest.Builder forward = HttpRequest.newBuilder(URI.create(upstream + exchange.getRequestURI()))
                .timeout(Duration.ofSeconds(10));
            String key = exchange.getRequestHeaders().getFirst("apiKey");
            if (key != null) {
              forward.header("apiKey", key);
            }
            HttpResponse<byte[]> r = client.send(forward.build(), HttpResponse.BodyHandlers.ofByteArray());
            code = r.statusCode();
            answer = r.body();
            r.headers().map().forEach((k, v) -> {
              if (k.toLowerCase().startsWith("x-") || k.equalsIgnoreCase("content-type")) {
                v.forEach(value -> exchange.getResponseHeaders().add(k, value));
              }
            });
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            code = 502;
            answer = new byte[0];
          }
        }
        exchange.sendResponseHeaders(code, answer.length == 0 ? -1 : answer.length);
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(answer);
        }
        exchange.close();
      });
      server.start();
    }

    String base() {
      return "http://127.0.0.1:" + server.getAddress().getPort() + "/v2/public";
    }

    @Override
    public void close() {
      server.stop(0);
    }
  }

  /** A port on 127.0.0.1 where nothing listens. */
  static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
