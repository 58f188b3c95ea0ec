package io.webconnexkit.wiremock.internal;

import io.webconnexkit.validator.WebhookLogRecord;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.webconnexkit.wiremock.DeliveryLog;
import io.webconnexkit.wiremock.TestKind;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The mock's HTTP API: Webconnex's public webhook logs API, backed by what the mock delivered, and
 * the mock-only "Send a Test" endpoint. Not API: the HTTP shapes are, this class is not.
 */
public final class WebhookApi {

  /** Where the mock's copy of Webconnex's public API lives. */
  public static final String PUBLIC_BASE = "/v2/public";
  /** Endpoints only the mock has, kept apart from Webconnex's own paths. */
  public static final String MOCK_BASE = "/__webconnex";

  /** Entries per page when the request does not say: the most Webconnex allows. */
  static final int DEFAULT_LIMIT = 50;
  /** The most entries one page may ask for: Webconnex's public API takes {@code limit} from 1 to 50. */
  static final int MAX_LIMIT = 50;
  /** The {@code code} Webconnex answers a request without an API key with (HTTP 401). */
  public static final int CODE_NO_KEY = 4401;
  /** The {@code code} Webconnex answers a wrong API key, or a thing that does not exist, with (HTTP 404). */
  public static final int CODE_NOT_FOUND = 4404;

  private static final ObjectMapper MAPPER = JsonMapper.builder().build();
  private static final Pattern LOGS = Pattern.compile("/v2/public/webhooks/([^/]+)/logs/?");
  private static final Pattern LOG = Pattern.compile("/v2/public/webhooks/([^/]+)/logs/([^/]+)/?");
  private static final Pattern RESEND = Pattern.compile("/v2/public/webhooks/([^/]+)/resend/([^/]+)/?");
  private static final Pattern TEST = Pattern.compile("/__webconnex/webhooks/([^/]+)/test/([^/]+)/?");

  /** What the API needs from the mock. */
  public interface Backend {
    /** Whether a webhook with this id is configured. */
    boolean hasWebhook(long webhookId);

    /** The attempts logged under this webhook, oldest first. */
    List<DeliveryLog> logs(long webhookId);

    /** Resends a logged attempt and returns the new one. */
    DeliveryLog resend(long webhookId, long logId);

    /**
     * "Send a Test" to this webhook.
     *
     * @throws IllegalStateException when the webhook is disabled
     */
    DeliveryLog sendTest(long webhookId, TestKind kind);
  }

  /** An answer: status, JSON body and extra headers (the rate-limit headers). */
  public record Response(int status, String body, Map<String, String> headers) {
    /** An answer without extra headers. */
    public Response(int status, String body) {
      this(status, body, Map.of());
    }

    Response withHeaders(Map<String, String> extra) {
      Map<String, String> all = new LinkedHashMap<>(headers);
      all.putAll(extra);
      return new Response(status, body, Map.copyOf(all));
    }
  }

  private final Backend backend;
  private final ApiAccess access;

  /** An API that accepts any non-blank key and counts requests without refusing any. */
  public WebhookApi(Backend backend) {
    this(backend, ApiAccess.open());
  }

  /**
   * @param access which API key is accepted, and the rate limits
   */
  public WebhookApi(Backend backend, ApiAccess access) {
    this.backend = backend;
    this.access = access;
  }

  /** Whether a path is one of the API's; everything else goes on to WireMock's stubs. */
  public static boolean handles(String path) {
    return LOGS.matcher(path).matches() || LOG.matcher(path).matches() || RESEND.matcher(path).matches()
        || TEST.matcher(path).matches();
  }

  /**
   * Answers one request.
   *
   * @param url path and query string
   * @param apiKey the {@code apiKey} header, or null
   */
  public Optional<Response> handle(String method, String url, String apiKey) {
    int q = url.indexOf('?');
    String path = q < 0 ? url : url.substring(0, q);
    if (!handles(path)) {
      return Optional.empty();
    }
    Map<String, String> query;
    try {
      query = query(q < 0 ? "" : url.substring(q + 1));
    } catch (QueryString.Malformed e) {
      return Optional.of(error(400, e.getMessage()));
    }
    Matcher m;
    if ((m = TEST.matcher(path)).matches()) {
      return Optional.of(post(method) ? test(m.group(1), m.group(2)) : methodNotAllowed("POST"));
    }
    boolean logs = LOGS.matcher(path).matches();
    boolean log = LOG.matcher(path).matches();
    boolean resend = RESEND.matcher(path).matches();
    if (!logs && !log && !resend) {
      return Optional.empty();
    }
    if (apiKey == null || apiKey.isBlank()) {
      return Optional.of(error(401, CODE_NO_KEY, "Unauthorized: send your API key in the apiKey header"));
    }
    if (!access.accepts(apiKey)) {
      // Webconnex answers a wrong key as if nothing were there (measured by integrators: 404, code 4404).
      return Optional.of(error(404, CODE_NOT_FOUND, "Not Found: no such resource for this API key"));
    }
    ApiAccess.Decision decision = access.take(apiKey);
    if (!decision.allowed()) {
      return Optional.of(error(429, 0, "Too Many Requests: the burst limit of " + decision.burstLimit()
          + " requests is used up; it resets in " + decision.burstResetSeconds() + " s").withHeaders(decision.headers()));
    }
    return Optional.of(answer(method, path, query).withHeaders(decision.headers()));
  }

  private Response answer(String method, String path, Map<String, String> query) {
    Matcher m;
    try {
      if ((m = LOGS.matcher(path)).matches()) {
        return get(method) ? list(id(m.group(1), "webhook id"), query) : methodNotAllowed("GET");
      }
      if ((m = LOG.matcher(path)).matches()) {
        return get(method) ? one(id(m.group(1), "webhook id"), id(m.group(2), "log id")) : methodNotAllowed("GET");
      }
      m = RESEND.matcher(path);
      m.matches();
      return post(method) ? resend(id(m.group(1), "webhook id"), id(m.group(2), "log id")) : methodNotAllowed("POST");
    } catch (BadRequest e) {
      return error(e.status, e.getMessage());
    }
  }

  private Response list(long webhookId, Map<String, String> query) {
    requireWebhook(webhookId);
    Predicate<DeliveryLog> filter = l -> true;
    String status = query.get("status");
    if (status != null) {
      if (!status.equals("success") && !status.equals("error")) {
        throw new BadRequest(400, "status must be success or error but is " + Text.quote(status));
      }
      filter = filter.and(l -> l.status().label().equals(status));
    }
    Long greater = optionalId(query, "greaterThanId");
    if (greater != null) {
      filter = filter.and(l -> l.id() > greater);
    }
    Long less = optionalId(query, "lessThanId");
    if (less != null) {
      filter = filter.and(l -> l.id() < less);
    }
    Instant before = optionalDate(query, "dateSentBefore");
    if (before != null) {
      filter = filter.and(l -> l.dateSent().isBefore(before));
    }
    Instant after = optionalDate(query, "dateSentAfter");
    if (after != null) {
      filter = filter.and(l -> l.dateSent().isAfter(after));
    }
    String sort = query.getOrDefault("sort", "desc");
    if (!sort.equals("asc") && !sort.equals("desc")) {
      throw new BadRequest(400, "sort must be asc or desc but is " + Text.quote(sort));
    }
    int limit = DEFAULT_LIMIT;
    if (query.containsKey("limit")) {
      Long l = optionalId(query, "limit");
      if (l == null || l < 1 || l > MAX_LIMIT) {
        throw new BadRequest(400, "limit must be between 1 and " + MAX_LIMIT);
      }
      limit = l.intValue();
    }
    Comparator<DeliveryLog> order = Comparator.comparingLong(DeliveryLog::id);
    if (sort.equals("desc")) {
      order = order.reversed();
    }
    List<DeliveryLog> matching = backend.logs(webhookId).stream().filter(filter).sorted(order).toList();
    Long cursor = optionalId(query, "startingAfter");
    Stream<DeliveryLog> rest = matching.stream();
    if (cursor != null) {
      rest = rest.filter(sort.equals("asc") ? l -> l.id() > cursor : l -> l.id() < cursor);
    }
    List<DeliveryLog> remaining = rest.toList();
    List<DeliveryLog> page = remaining.subList(0, Math.min(limit, remaining.size()));
    ObjectNode root = MAPPER.createObjectNode();
    root.put("responseCode", 200);
    ArrayNode data = root.putArray("data");
    page.forEach(l -> data.add(summary(l)));
    root.put("totalResults", matching.size());
    if (page.isEmpty()) {
      root.putNull("startingAfter");
    } else {
      root.put("startingAfter", page.get(page.size() - 1).id());
    }
    root.put("hasMore", remaining.size() > page.size());
    return new Response(200, write(root));
  }

  private Response one(long webhookId, long logId) {
    requireWebhook(webhookId);
    DeliveryLog log = find(webhookId, logId);
    ObjectNode root = MAPPER.createObjectNode();
    root.put("responseCode", 200);
    root.set("data", detail(log));
    root.put("totalResults", 1);
    return new Response(200, write(root));
  }

  private Response resend(long webhookId, long logId) {
    requireWebhook(webhookId);
    find(webhookId, logId);
    DeliveryLog resent = backend.resend(webhookId, logId);
    ObjectNode root = MAPPER.createObjectNode();
    root.put("responseCode", 200);
    root.set("data", detail(resent));
    return new Response(200, write(root));
  }

  private Response test(String webhook, String kindName) {
    try {
      long webhookId = id(webhook, "webhook id");
      requireWebhook(webhookId);
      TestKind kind = TestKind.fromName(kindName).orElseThrow(() -> new BadRequest(404,
          "no test " + Text.quote(kindName) + "; the panel offers registration, subscription, publish and coupon"));
      DeliveryLog log;
      try {
        log = backend.sendTest(webhookId, kind);
      } catch (IllegalStateException e) {
        throw new BadRequest(409, e.getMessage());
      }
      ObjectNode root = MAPPER.createObjectNode();
      root.put("responseCode", 200);
      root.set("data", detail(log));
      return new Response(200, write(root));
    } catch (BadRequest e) {
      return error(e.status, e.getMessage());
    }
  }

  private DeliveryLog find(long webhookId, long logId) {
    return backend.logs(webhookId).stream().filter(l -> l.id() == logId).findFirst()
        .orElseThrow(() -> new BadRequest(404, "no delivery log " + logId + " for webhook " + webhookId));
  }

  private void requireWebhook(long webhookId) {
    if (!backend.hasWebhook(webhookId)) {
      throw new BadRequest(404, "no webhook " + webhookId);
    }
  }

  /** A log as an entry of a {@code GET .../logs} page, in the one shape core defines ({@link WebhookLogRecord}). */
  public static ObjectNode summary(DeliveryLog log) {
    return record(log).toSummaryJson();
  }

  /** A log as {@code GET .../logs/{logId}} returns it, in the one shape core defines ({@link WebhookLogRecord}). */
  public static ObjectNode detail(DeliveryLog log) {
    return record(log).toJson();
  }

  private static WebhookLogRecord record(DeliveryLog log) {
    return new WebhookLogRecord(log.id(), log.displayId(), log.webhookId(), log.formId().orElse(null), log.eventType(),
        log.eventId().orElse(null), log.status() == DeliveryLog.Status.SUCCESS, log.attempt(), log.dateSent(), "POST",
        log.url().toString(), log.requestHeaders(), log.requestBody(), log.responseCode(), log.responseHeaders(),
        log.error().map(e -> "no response: " + e).orElse(log.responseBody()));
  }

  private static Response error(int status, String message) {
    return error(status, status == 404 ? CODE_NOT_FOUND : 0, message);
  }

  /**
   * An error as Webconnex writes one: the reason in {@code description} (measured by integrators),
   * with {@code code} where Webconnex's is known; {@code error.message} repeats it, as the mock's
   * other endpoints answer.
   */
  private static Response error(int status, int code, String message) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("responseCode", status);
    if (code != 0) {
      root.put("code", code);
    }
    root.put("description", message);
    root.putObject("error").put("message", message);
    return new Response(status, write(root));
  }

  private static Response methodNotAllowed(String allowed) {
    return error(405, "use " + allowed);
  }

  private static boolean get(String method) {
    return method.equalsIgnoreCase("GET");
  }

  private static boolean post(String method) {
    return method.equalsIgnoreCase("POST");
  }

  private static long id(String text, String what) {
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw new BadRequest(404, what + " must be a whole number up to " + Long.MAX_VALUE + " but is " + Text.quote(text));
    }
  }

  private static Long optionalId(Map<String, String> query, String name) {
    String value = query.get(name);
    if (value == null || value.isEmpty()) {
      return null;
    }
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new BadRequest(400, name + " must be a whole number up to " + Long.MAX_VALUE + " but is " + Text.quote(value));
    }
  }

  private static Instant optionalDate(Map<String, String> query, String name) {
    String value = query.get(name);
    if (value == null || value.isEmpty()) {
      return null;
    }
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw new BadRequest(400, name + " must be an RFC 3339 UTC time such as 2024-05-01T12:00:00Z but is " + Text.quote(value));
    }
  }

  private static Map<String, String> query(String query) {
    Map<String, String> params = new LinkedHashMap<>();
    QueryString.parse(query).parameters().forEach((name, values) -> params.put(name, values.get(0)));
    return params;
  }

  private static String write(JsonNode node) {
    try {
      return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static final class BadRequest extends RuntimeException {
    final int status;

    BadRequest(int status, String message) {
      super(message, null, false, false);
      this.status = status;
    }
  }
}
