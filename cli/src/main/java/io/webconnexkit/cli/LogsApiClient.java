package io.webconnexkit.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.webconnexkit.validator.ReportLine;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * GET requests to Webconnex's public API as {@code webconnex pull} makes them: the key in the
 * {@code apiKey} header, under the burst limit the answers report ({@code X-Burst-Remaining},
 * {@code X-Burst-Reset}), waiting and retrying on 429 and 5xx with bounded backoff, and ending with
 * a {@link CommandFailure} that says what happened on 401, 404 and everything else it cannot get
 * past. Every text that comes from the server is escaped where it is printed, and the key is cut
 * out of it should the server repeat it.
 */
final class LogsApiClient {

  /** How the client waits: the first backoff, the longest wait, and how many times it retries one request. */
  record Waits(Duration firstBackoff, Duration longest, int retries) {}

  /** One answer: status, body, and the parsed JSON (missing when the body is not JSON). */
  record Answer(int status, byte[] body, JsonNode json) {}

  /** Stopped by an interrupt. */
  static final class Interrupted extends Exception {
    Interrupted() {
      super("interrupted", null, false, false);
    }
  }

  private final HttpClient client;
  private final String apiKey;
  private final String keyWhere;
  private final Duration timeout;
  private final Waits waits;
  private final Consumer<String> progress;
  private final ObjectMapper mapper;
  private final LongSupplier clock = System::nanoTime;
  private long pauseUntil;
  private int requests;

  LogsApiClient(String apiKey, String keyWhere, Duration timeout, Waits waits, Consumer<String> progress, ObjectMapper mapper) {
    this.apiKey = apiKey;
    this.keyWhere = keyWhere;
    this.timeout = timeout;
    this.waits = waits;
    this.progress = progress;
    this.mapper = mapper;
    this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(timeout.compareTo(Duration.ofSeconds(10)) < 0 ? timeout : Duration.ofSeconds(10))
        .followRedirects(HttpClient.Redirect.NEVER).build();
  }

  /** Requests sent so far, retries included. */
  int requests() {
    return requests;
  }

  /**
   * GETs a URL, waiting out rate limits and retrying server errors.
   *
   * @param what what is fetched, for messages ({@code "the log list"}, {@code "log 12"})
   * @return a 200 answer whose body is JSON
   * @throws CommandFailure when the API refuses (401, 404, another 4xx), keeps failing, or cannot be reached
   * @throws Interrupted when the thread is interrupted while waiting or fetching
   */
  Answer get(URI uri, String what) throws Interrupted {
    int attempt = 0;
    while (true) {
      attempt++;
      pauseIfNeeded();
      HttpResponse<byte[]> response;
      try {
        requests++;
        response = client.send(HttpRequest.newBuilder(uri).timeout(timeout).header("apiKey", apiKey)
            .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofByteArray());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new Interrupted();
      } catch (HttpConnectTimeoutException e) {
        retryOrFail(attempt, what, "could not connect within " + seconds(timeout), null);
        continue;
      } catch (ConnectException e) {
        throw new CommandFailure("cannot connect to " + hostOf(uri) + " to fetch " + what + ": connection refused "
            + "(is --base-url right, and the server running?)");
      } catch (HttpTimeoutException e) {
        retryOrFail(attempt, what, "no answer within " + seconds(timeout), null);
        continue;
      } catch (IOException e) {
        retryOrFail(attempt, what, "I/O error: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), null);
        continue;
      }
      int status = response.statusCode();
      noteLimits(response);
      JsonNode json = parse(response.body());
      if (status == 200 && json != null) {
        return new Answer(status, response.body(), json);
      }
      String reason = reason(status, json);
      if (status == 200) {
        throw new CommandFailure("the API answered " + what + " with a body that is not JSON");
      }
      if (status == 401) {
        throw new CommandFailure("the API answered 401 Unauthorized" + code(json) + " to " + what + ": it took the request "
            + "as having no API key; check " + keyWhere + reason);
      }
      if (status == 404) {
        throw new CommandFailure("the API answered 404 Not Found" + code(json) + " to " + what + ": either " + keyWhere
            + " is wrong (Webconnex answers a wrong key with 404, code 4404) or there is no such webhook or log" + reason);
      }
      if (status == 429) {
        pauseUntil = 0;
        int tried = attempt;
        Duration wait = retryAfter(response).orElseGet(() -> backoff(tried));
        retryOrFail(attempt, what, "429 Too Many Requests", wait);
        continue;
      }
      if (status >= 500) {
        retryOrFail(attempt, what, status + " from the server" + reason, null);
        continue;
      }
      throw new CommandFailure("the API answered " + status + code(json) + " to " + what + reason);
    }
  }

  private void retryOrFail(int attempt, String what, String why, Duration wait) throws Interrupted {
    if (attempt > waits.retries()) {
      throw new CommandFailure("gave up on " + what + " after " + attempt + " attempts: " + why);
    }
    Duration d = cap(wait == null ? backoff(attempt) : wait);
    progress.accept("waiting " + millis(d) + " before trying " + what + " again (" + why + "; retry " + attempt + " of "
        + waits.retries() + ")");
    sleep(d);
  }

  /** Doubles from the first backoff on, never past the longest wait. */
  private Duration backoff(int attempt) {
    long first = Math.max(1, waits.firstBackoff().toMillis());
    long ms = first << Math.min(20, attempt - 1);
    return cap(Duration.ofMillis(ms));
  }

  private Duration cap(Duration d) {
    return d.compareTo(waits.longest()) > 0 ? waits.longest() : d.isNegative() ? Duration.ZERO : d;
  }

  /** When the burst allowance is used up, the next request waits for its reset rather than earn a 429. */
  private void noteLimits(HttpResponse<?> response) {
    Optional<Long> remaining = number(response, "X-Burst-Remaining");
    if (remaining.isPresent() && remaining.get() <= 0) {
      Duration wait = cap(resetOf(response, "X-Burst-Reset").orElse(waits.firstBackoff()));
      pauseUntil = clock.getAsLong() + wait.toNanos();
    }
    Optional<Long> daily = number(response, "X-Daily-Remaining");
    if (daily.isPresent() && daily.get() <= 0 && response.statusCode() != 200) {
      throw new CommandFailure("the daily API limit is used up" + resetOf(response, "X-Daily-Reset")
          .map(d -> " (it resets in " + d.toSeconds() + " s)").orElse("") + "; run the same command again later to go on");
    }
  }

  private void pauseIfNeeded() throws Interrupted {
    long left = pauseUntil - clock.getAsLong();
    if (left > 0) {
      Duration d = Duration.ofNanos(left);
      progress.accept("waiting " + millis(d) + ": the burst limit is used up until its reset");
      sleep(d);
    }
    pauseUntil = 0;
  }

  private Optional<Duration> retryAfter(HttpResponse<?> response) {
    Optional<Duration> reset = resetOf(response, "X-Burst-Reset");
    if (reset.isPresent()) {
      return reset;
    }
    return number(response, "Retry-After").map(Duration::ofSeconds);
  }

  /** A reset given as seconds to wait, or as a Unix time in seconds. */
  private static Optional<Duration> resetOf(HttpResponse<?> response, String header) {
    return number(response, header).map(v -> {
      long now = System.currentTimeMillis() / 1000;
      long seconds = v > 1_000_000_000L ? v - now : v;
      return Duration.ofSeconds(Math.max(0, seconds));
    });
  }

  private static Optional<Long> number(HttpResponse<?> response, String header) {
    return response.headers().firstValue(header).flatMap(v -> {
      try {
        return Optional.of(Long.parseLong(v.trim()));
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    });
  }

  private static void sleep(Duration d) throws Interrupted {
    try {
      Thread.sleep(Math.max(0, d.toMillis()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Interrupted();
    }
  }

  private JsonNode parse(byte[] body) {
    try {
      JsonNode node = mapper.readTree(body);
      return node == null || node.isMissingNode() ? null : node;
    } catch (IOException e) {
      return null;
    }
  }

  /** The server's reason ({@code description}, as Webconnex writes it), cut, escaped, without the key. */
  private String reason(int status, JsonNode json) {
    if (json == null) {
      return "";
    }
    JsonNode d = json.path("description");
    if (!d.isTextual()) {
      d = json.path("error").path("description");
    }
    if (!d.isTextual()) {
      d = json.path("error").path("message");
    }
    if (!d.isTextual()) {
      d = json.path("message");
    }
    if (!d.isTextual() || d.asText().isBlank()) {
      return "";
    }
    String text = d.asText().replace(apiKey, "[the API key]");
    if (text.length() > 300) {
      text = text.substring(0, 300) + "...";
    }
    return " (the API says: " + ReportLine.escape(text) + ")";
  }

  private static String code(JsonNode json) {
    if (json == null) {
      return "";
    }
    JsonNode c = json.path("code").canConvertToInt() ? json.path("code") : json.path("error").path("code");
    return c.isIntegralNumber() ? " (code " + c.asInt() + ")" : "";
  }

  private static String hostOf(URI uri) {
    return ReportLine.escape(uri.getScheme() + "://" + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : ""));
  }

  private static String seconds(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
  }

  private static String millis(Duration d) {
    return d.toMillis() >= 1000 && d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
  }
}
