package io.webconnexkit.wiremock.internal;

import io.webconnexkit.wiremock.DeliveryLog;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends signed requests, keeps the delivery log and knows when nothing is left to do. Not API.
 *
 * <p>Requests go out through one JDK {@link HttpClient} rather than WireMock's: WireMock's client
 * drops the {@code User-Agent} header unless the whole server preserves proxied user agents, and its
 * timeout is the five-minute proxy timeout. Every attempt here has a connect timeout and a response
 * timeout, so a receiver that never answers costs one bounded wait and an {@code error} log entry.
 */
public final class DeliveryEngine implements AutoCloseable {

  /** Longest receiver body kept in a log entry. */
  static final int MAX_LOGGED_RESPONSE = 64 * 1024;
  private static final Set<String> NOT_SENDABLE = Set.of("content-length", "host", "connection");
  private static final char[] DISPLAY_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Duration timeout;
  private final ExecutorService httpExecutor;
  private final ScheduledExecutorService scheduler;
  private final HttpClient client;
  private final AtomicLong logIds = new AtomicLong();
  private final int maxLogEntries;
  private final ArrayDeque<DeliveryLog> log = new ArrayDeque<>();
  private final Object idle = new Object();
  private int pending;

  /**
   * @param maxLogEntries how many attempts the log keeps; the oldest go first
   */
  public DeliveryEngine(Duration connectTimeout, Duration timeout, int maxLogEntries) {
    this.timeout = timeout;
    this.maxLogEntries = maxLogEntries;
    this.httpExecutor = Executors.newCachedThreadPool(daemon("webconnex-mock-http"));
    this.scheduler = Executors.newScheduledThreadPool(1, daemon("webconnex-mock-scheduler"));
    this.client = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(connectTimeout)
        .followRedirects(HttpClient.Redirect.NEVER)
        .executor(httpExecutor)
        .build();
  }

  /** One request to send: everything the log keeps about it except the outcome. */
  public record Outgoing(long webhookId, URI url, String eventType, Long formId, Long eventId,
      Map<String, List<String>> headers, byte[] body, int attempt, boolean test) {}

  /**
   * Sends after {@code delay}. Counted as pending from this call on, so {@link #awaitIdle} waits
   * for it; the future completes after the attempt is in the log.
   */
  public CompletableFuture<DeliveryLog> dispatch(Outgoing outgoing, Duration delay) {
    synchronized (idle) {
      pending++;
    }
    CompletableFuture<DeliveryLog> result = new CompletableFuture<>();
    try {
      if (delay.isZero() || delay.isNegative()) {
        send(outgoing, result);
      } else {
        scheduler.schedule(() -> send(outgoing, result), delay.toMillis(), TimeUnit.MILLISECONDS);
      }
    } catch (RuntimeException e) {
      // The scheduler was shut down: the mock is stopping.
      finish(outgoing, Instant.now(), null, e, result);
    }
    return result;
  }

  /** The same bytes, headers (delivery id and signature included) and URL again, as attempt n+1. */
  public CompletableFuture<DeliveryLog> resend(DeliveryLog original) {
    int attempt;
    synchronized (log) {
      attempt = log.stream().filter(l -> l.deliveryId() != null && l.deliveryId().equals(original.deliveryId()))
          .mapToInt(DeliveryLog::attempt).max().orElse(original.attempt()) + 1;
    }
    return dispatch(new Outgoing(original.webhookId(), original.url(), original.eventType(), original.formId().orElse(null),
        original.eventId().orElse(null), original.requestHeaders(), original.requestBody(), attempt, original.test()), Duration.ZERO);
  }

  private void send(Outgoing outgoing, CompletableFuture<DeliveryLog> result) {
    Instant sent = Instant.now();
    try {
      HttpRequest.Builder request = HttpRequest.newBuilder(outgoing.url())
          .timeout(timeout)
          .POST(HttpRequest.BodyPublishers.ofByteArray(outgoing.body()));
      outgoing.headers().forEach((name, values) -> {
        if (!NOT_SENDABLE.contains(name.toLowerCase(java.util.Locale.ROOT))) {
          values.forEach(value -> request.header(name, value));
        }
      });
      client.sendAsync(request.build(), info -> new LimitedBody(MAX_LOGGED_RESPONSE))
          // The response timeout covers the headers; this bounds a body that never ends too.
          .orTimeout(timeout.toMillis() * 2, TimeUnit.MILLISECONDS)
          .whenComplete((response, error) -> finish(outgoing, sent, response, error, result));
    } catch (RuntimeException e) {
      finish(outgoing, sent, null, e, result);
    }
  }

  private void finish(Outgoing outgoing, Instant sent, HttpResponse<byte[]> response, Throwable error,
      CompletableFuture<DeliveryLog> result) {
    try {
      DeliveryLog.Status status;
      int code = 0;
      Map<String, List<String>> headers = Map.of();
      String body = "";
      String problem = null;
      if (response != null) {
        code = response.statusCode();
        status = code >= 200 && code < 300 ? DeliveryLog.Status.SUCCESS : DeliveryLog.Status.ERROR;
        headers = responseHeaders(response);
        byte[] bytes = response.body() == null ? new byte[0] : response.body();
        body = new String(bytes, 0, Math.min(bytes.length, MAX_LOGGED_RESPONSE), StandardCharsets.UTF_8);
      } else {
        status = DeliveryLog.Status.ERROR;
        problem = describe(error);
      }
      DeliveryLog entry = new DeliveryLog(logIds.incrementAndGet(), displayId(), outgoing.webhookId(), outgoing.formId(),
          outgoing.eventType(), outgoing.eventId(), status, outgoing.attempt(), sent.truncatedTo(ChronoUnit.SECONDS),
          outgoing.url(), outgoing.headers(), outgoing.body(), code, headers, body, problem, outgoing.test());
      synchronized (log) {
        log.addLast(entry);
        while (log.size() > maxLogEntries) {
          log.removeFirst();
        }
      }
      result.complete(entry);
    } catch (RuntimeException e) {
      result.completeExceptionally(e);
    } finally {
      synchronized (idle) {
        if (--pending == 0) {
          idle.notifyAll();
        }
      }
    }
  }

  /**
   * Keeps the first {@code limit} bytes of a receiver's body and drops the rest as it arrives, so a
   * receiver answering with a huge body costs no more memory than the log keeps.
   */
  private static final class LimitedBody implements HttpResponse.BodySubscriber<byte[]> {
    private final int limit;
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private final CompletableFuture<byte[]> body = new CompletableFuture<>();

    LimitedBody(int limit) {
      this.limit = limit;
    }

    @Override
    public CompletionStage<byte[]> getBody() {
      return body;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
      for (ByteBuffer buffer : buffers) {
        int room = limit - kept.size();
        int take = Math.min(room, buffer.remaining());
        if (take > 0) {
          byte[] bytes = new byte[take];
          buffer.get(bytes);
          kept.write(bytes, 0, take);
        }
      }
    }

    @Override
    public void onError(Throwable throwable) {
      body.completeExceptionally(throwable);
    }

    @Override
    public void onComplete() {
      body.complete(kept.toByteArray());
    }
  }

  private static Map<String, List<String>> responseHeaders(HttpResponse<?> response) {
    Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    response.headers().map().forEach((name, values) -> {
      if (!name.startsWith(":")) {
        headers.put(canonical(name), List.copyOf(values));
      }
    });
    return Collections.unmodifiableMap(new LinkedHashMap<>(headers));
  }

  /** The JDK client gives header names in lower case; logs show them as Webconnex does ({@code Content-Type}). */
  private static String canonical(String name) {
    StringBuilder s = new StringBuilder(name.length());
    boolean upper = true;
    for (char c : name.toCharArray()) {
      s.append(upper ? Character.toUpperCase(c) : c);
      upper = c == '-';
    }
    return s.toString();
  }

  private String describe(Throwable error) {
    Throwable e = error;
    while (e instanceof CompletionException && e.getCause() != null) {
      e = e.getCause();
    }
    if (e instanceof HttpConnectTimeoutException) {
      return "could not connect within " + seconds(timeout);
    }
    if (e instanceof HttpTimeoutException || e instanceof TimeoutException) {
      return "no response within " + seconds(timeout);
    }
    if (e instanceof ConnectException) {
      return "connection refused";
    }
    if (e instanceof IOException) {
      return "I/O error: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }
    return e == null ? "not sent" : e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
  }

  private static String seconds(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
  }

  /** Every attempt so far, oldest first. */
  public List<DeliveryLog> log() {
    synchronized (log) {
      return List.copyOf(log);
    }
  }

  /** Forgets every attempt (log ids keep counting up). */
  public void clearLog() {
    synchronized (log) {
      log.clear();
    }
  }

  /** Deliveries scheduled or under way. */
  public int pending() {
    synchronized (idle) {
      return pending;
    }
  }

  /**
   * Waits until every scheduled delivery has been attempted and logged.
   *
   * @throws IllegalStateException when some are still pending after {@code limit}
   */
  public void awaitIdle(Duration limit) {
    long deadline = System.nanoTime() + limit.toNanos();
    synchronized (idle) {
      while (pending > 0) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new IllegalStateException(pending + " webhook deliver" + (pending == 1 ? "y is" : "ies are")
              + " still scheduled or under way after " + seconds(limit));
        }
        try {
          TimeUnit.NANOSECONDS.timedWait(idle, left);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while waiting for webhook deliveries", e);
        }
      }
    }
  }

  /** The log entry's short display id: not the delivery id, as on Webconnex. */
  private static String displayId() {
    char[] id = new char[10];
    for (int i = 0; i < id.length; i++) {
      id[i] = DISPLAY_ALPHABET[RANDOM.nextInt(DISPLAY_ALPHABET.length)];
    }
    return new String(id);
  }

  public Duration timeout() {
    return timeout;
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
    httpExecutor.shutdownNow();
  }

  private static ThreadFactory daemon(String name) {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
