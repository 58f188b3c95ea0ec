package io.webconnexkit.wiremock;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A webhook receiver on 127.0.0.1 built on the JDK's HttpServer, independent of the code under
 * test: it records what arrives and checks signatures with javax.crypto on its own.
 */
final class Receiver implements AutoCloseable {

  /** What the receiver does with a request. */
  enum Behaviour { OK, FAIL_500, HANG, HUGE_BODY }

  record Received(String method, String path, Map<String, List<String>> headers, byte[] body, long nanoTime) {
    String header(String name) {
      List<String> values = headers.get(name);
      return values == null || values.isEmpty() ? null : values.get(0);
    }

    String bodyText() {
      return new String(body, StandardCharsets.UTF_8);
    }

    /** Whether the signature is the HMAC-SHA256 of the body under this secret, checked here, not by the kit. */
    boolean signedWith(String secret) {
      String signature = header("X-Webconnex-Signature");
      return signature != null && MessageDigest.isEqual(
          hmac(secret, body).getBytes(StandardCharsets.US_ASCII), signature.getBytes(StandardCharsets.US_ASCII));
    }
  }

  private final HttpServer server;
  private final ExecutorService executor = Executors.newFixedThreadPool(16);
  private final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();
  private final CountDownLatch closing = new CountDownLatch(1);
  private volatile Behaviour behaviour = Behaviour.OK;

  Receiver() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
    server.createContext("/", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  Receiver behave(Behaviour behaviour) {
    this.behaviour = behaviour;
    return this;
  }

  String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  List<Received> received() {
    return new ArrayList<>(received);
  }

  List<Received> receivedAt(String path) {
    return received.stream().filter(r -> r.path().equals(path)).toList();
  }

  void clear() {
    received.clear();
  }

  private void handle(HttpExchange exchange) throws IOException {
    Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    exchange.getRequestHeaders().forEach((k, v) -> headers.put(k, List.copyOf(v)));
    byte[] body = exchange.getRequestBody().readAllBytes();
    received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), headers, body, System.nanoTime()));
    switch (behaviour) {
      case HANG -> {
        try {
          closing.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        exchange.close();
      }
      case FAIL_500 -> respond(exchange, 500, "{\"error\":\"receiver broke\"}");
      case HUGE_BODY -> {
        // 32 MiB in 1 MiB chunks: more than the mock keeps, streamed so the receiver holds 1 MiB.
        exchange.sendResponseHeaders(200, 0);
        byte[] chunk = new byte[1 << 20];
        java.util.Arrays.fill(chunk, (byte) 'x');
        try (var out = exchange.getResponseBody()) {
          for (int i = 0; i < 32; i++) {
            out.write(chunk);
          }
        }
        exchange.close();
      }
      default -> respond(exchange, 200, "{\"received\":true}");
    }
  }

  private static void respond(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  static String hmac(String secret, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    closing.countDown();
    server.stop(0);
    executor.shutdownNow();
  }
}
