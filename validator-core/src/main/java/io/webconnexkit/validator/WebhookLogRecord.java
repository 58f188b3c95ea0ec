package io.webconnexkit.validator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One delivery as Webconnex's webhook logs API describes it: the one definition of that shape in
 * the kit. The mock's logs API writes records with {@link #toJson()} and {@link #toSummaryJson()},
 * and {@link RecordedDeliveryReader} reads them with {@link #REQUEST}, {@link #HEADER} and {@link
 * #BODY} and {@link #headersOf}, so the mock cannot serve a record the reader would not read.
 *
 * <p>{@code GET /v2/public/webhooks/{webhookId}/logs/{logId}} answers {@code {"responseCode":200,
 * "data": <record>, "totalResults":1}} where a record is {@code {"id","displayId","webhookId",
 * "status","attempt","request":{"method","url","header":{name:[values]},"body":<payload>},
 * "response":{"code","header","body"},"dateSent"}}; a page ({@code GET .../logs}) lists {@linkplain
 * #toSummaryJson summaries}. Immutable.
 *
 * @param id the log's id
 * @param displayId the id the dashboard shows (not the {@code X-Webconnex-Delivery} value)
 * @param webhookId the webhook
 * @param formId the form, when the event names one
 * @param eventType the event type sent
 * @param eventId the payload's {@code eventId}, when it has one
 * @param success whether the receiver answered 2xx ({@code status} {@code success}, else {@code error})
 * @param attempt 1 for the first delivery, more for resends
 * @param dateSent when it was sent
 * @param method the HTTP method, {@code POST} or {@code PUT}
 * @param url the receiver's URL
 * @param requestHeaders the headers sent
 * @param requestBody the body bytes sent
 * @param responseCode the receiver's status code (0 when there was no answer)
 * @param responseHeaders the receiver's headers
 * @param responseBody the receiver's body, or why there was none
 */
public record WebhookLogRecord(long id, String displayId, long webhookId, Long formId, String eventType, Long eventId,
    boolean success, int attempt, Instant dateSent, String method, String url, Map<String, List<String>> requestHeaders,
    byte[] requestBody, int responseCode, Map<String, List<String>> responseHeaders, String responseBody) {

  /** The member of a record holding the request. */
  public static final String REQUEST = "request";
  /** The member of the request holding its headers, each a list of strings. */
  public static final String HEADER = "header";
  /** The member of the request holding the body, as parsed JSON. */
  public static final String BODY = "body";

  private static final ObjectMapper MAPPER = new ObjectMapper();

  /**
   * Copies the maps and the body, so the record stays as it was made.
   *
   * @param id the log's id
   * @param displayId the id the dashboard shows; not null
   * @param webhookId the webhook's id
   * @param formId the form's id, or {@code null} when the event names none
   * @param eventType the event type's wire name; not null
   * @param eventId the payload's {@code eventId}, or {@code null} when it has none
   * @param success {@code true} when the receiver answered 2xx
   * @param attempt 1 for the first delivery, more for resends
   * @param dateSent when it was sent; not null
   * @param method the HTTP method, {@code POST} or {@code PUT}; not null
   * @param url the receiver's URL; not null
   * @param requestHeaders the headers sent, names as sent; copied; not null
   * @param requestBody the body bytes sent; copied; not null
   * @param responseCode the receiver's status code, 0 when there was no answer
   * @param responseHeaders the receiver's headers; copied; not null
   * @param responseBody the receiver's body, or why there was none; not null
   */
  public WebhookLogRecord {
    Objects.requireNonNull(displayId, "displayId");
    Objects.requireNonNull(eventType, "eventType");
    Objects.requireNonNull(dateSent, "dateSent");
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(url, "url");
    requestHeaders = copy(requestHeaders);
    requestBody = requestBody.clone();
    responseHeaders = copy(responseHeaders);
    Objects.requireNonNull(responseBody, "responseBody");
  }

  /** @return a copy of the body bytes sent */
  @Override
  public byte[] requestBody() {
    return requestBody.clone();
  }

  /** @return {@code success} or {@code error}, as the API writes the status */
  public String status() {
    return success ? "success" : "error";
  }

  /**
   * @return the record as the API's {@code data} member: the body parsed as JSON (kept as a string
   *     when it does not parse)
   */
  public ObjectNode toJson() {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("id", id);
    node.put("displayId", displayId);
    node.put("webhookId", webhookId);
    node.put("status", status());
    node.put("attempt", attempt);
    ObjectNode request = node.putObject(REQUEST);
    request.put("method", method);
    request.put("url", url);
    putHeaders(request.putObject(HEADER), requestHeaders);
    try {
      JsonNode parsed = MAPPER.readTree(requestBody);
      request.set(BODY, parsed == null ? MAPPER.nullNode() : parsed);
    } catch (IOException e) {
      request.put(BODY, new String(requestBody, StandardCharsets.UTF_8));
    }
    ObjectNode response = node.putObject("response");
    response.put("code", responseCode);
    putHeaders(response.putObject(HEADER), responseHeaders);
    response.put("body", responseBody);
    node.put("dateSent", dateSent.toString());
    return node;
  }

  /** @return the record as an entry of a {@code GET .../logs} page: no request or response */
  public ObjectNode toSummaryJson() {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("id", id);
    node.put("displayId", displayId);
    if (formId != null) {
      node.put("formId", formId);
    } else {
      node.putNull("formId");
    }
    node.put("webhookId", webhookId);
    node.put("eventType", eventType);
    if (eventId != null) {
      node.put("eventId", eventId);
    } else {
      node.putNull("eventId");
    }
    node.put("status", status());
    node.put("attempt", attempt);
    node.put("dateSent", dateSent.toString());
    return node;
  }

  /**
   * @param data a member of an API answer
   * @return whether it is a record with a request (one delivery, not a listing entry)
   */
  public static boolean hasRequest(JsonNode data) {
    return data != null && data.path(REQUEST).isObject();
  }

  /**
   * Headers as a record writes them: each name to a list of strings (a single string or number is
   * read as one value; null as none). Order is kept.
   *
   * @param header the {@code header} object
   * @return the headers; empty when {@code header} is not an object
   */
  public static Map<String, List<String>> headersOf(JsonNode header) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    if (header == null || !header.isObject()) {
      return headers;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = header.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      List<String> values = new ArrayList<>();
      if (e.getValue().isArray()) {
        e.getValue().forEach(v -> values.add(v.asText()));
      } else if (!e.getValue().isNull()) {
        values.add(e.getValue().asText());
      }
      headers.put(e.getKey(), values);
    }
    return headers;
  }

  /**
   * @param header a name
   * @return the first value of a request header, whatever its case
   */
  public Optional<String> requestHeader(String header) {
    for (Map.Entry<String, List<String>> e : requestHeaders.entrySet()) {
      if (e.getKey().equalsIgnoreCase(header) && !e.getValue().isEmpty()) {
        return Optional.of(e.getValue().get(0));
      }
    }
    return Optional.empty();
  }

  private static void putHeaders(ObjectNode into, Map<String, List<String>> headers) {
    headers.forEach((name, values) -> values.forEach(into.withArray(name)::add));
  }

  private static Map<String, List<String>> copy(Map<String, List<String>> headers) {
    Map<String, List<String>> copy = new LinkedHashMap<>();
    Objects.requireNonNull(headers, "headers").forEach((k, v) -> copy.put(k, List.copyOf(v)));
    return Collections.unmodifiableMap(copy);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof WebhookLogRecord r && id == r.id && webhookId == r.webhookId && attempt == r.attempt
        && success == r.success && responseCode == r.responseCode && displayId.equals(r.displayId)
        && Objects.equals(formId, r.formId) && eventType.equals(r.eventType) && Objects.equals(eventId, r.eventId)
        && dateSent.equals(r.dateSent) && method.equals(r.method) && url.equals(r.url)
        && requestHeaders.equals(r.requestHeaders) && java.util.Arrays.equals(requestBody, r.requestBody)
        && responseHeaders.equals(r.responseHeaders) && responseBody.equals(r.responseBody);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, webhookId, attempt, displayId, eventType, dateSent);
  }

  /** @return the ids, the event and the status; never the body or headers, which may hold secrets */
  @Override
  public String toString() {
    return "WebhookLogRecord[id=" + id + ", webhookId=" + webhookId + ", eventType=" + ReportLine.escape(eventType)
        + ", status=" + status() + ", attempt=" + attempt + "]";
  }
}
