package io.webconnexkit.wiremock;

import io.webconnexkit.validator.WebconnexDelivery;
import java.net.URI;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One delivery attempt as the mock's "Recent Deliveries" log keeps it: what was sent, to which
 * webhook, and what the receiver answered. Immutable. A resend is a new attempt with its own log
 * id and the same bytes, delivery id and signature.
 */
public final class DeliveryLog {

  /** How an attempt ended, as the webhook logs API spells it. */
  public enum Status {
    /** The receiver answered with a 2xx status. */
    SUCCESS,
    /** The receiver answered with another status, or did not answer in time, or could not be reached. */
    ERROR;

    /** {@return {@code success} or {@code error}} */
    public String label() {
      return this == SUCCESS ? "success" : "error";
    }
  }

  private final long id;
  private final String displayId;
  private final long webhookId;
  private final Long formId;
  private final String eventType;
  private final Long eventId;
  private final Status status;
  private final int attempt;
  private final Instant dateSent;
  private final URI url;
  private final Map<String, List<String>> requestHeaders;
  private final byte[] requestBody;
  private final int responseCode;
  private final Map<String, List<String>> responseHeaders;
  private final String responseBody;
  private final String error;
  private final boolean test;

  /**
   * For the mock's own use; tests read logs, they do not make them.
   *
   * @param attempt 1 for the first delivery, one more for each resend
   * @param dateSent when the request was sent (the mock keeps whole seconds)
   * @param displayId a short id for display (ten characters in the mock); not the delivery id
   * @param error why there was no usable answer, or {@code null} when the receiver answered
   * @param eventId the payload's {@code eventId}, or {@code null} when it has none
   * @param eventType the event type's wire name, such as {@code registration}
   * @param formId the event's form id, or {@code null} when it has none
   * @param id the log id, unique in the mock: the {@code logId} of the webhook logs API
   * @param requestBody the exact bytes sent; copied
   * @param requestHeaders the headers sent, names as sent; copied (a sorted map keeps its ordering, such as
   *     case-insensitive names)
   * @param responseBody the receiver's body, at most 64 KiB; empty when there was no answer
   * @param responseCode the receiver's HTTP status code, or 0 when there was no answer
   * @param responseHeaders the receiver's response headers; empty when there was no answer; copied as the
   *     request headers are
   * @param status {@code SUCCESS} for a 2xx answer, otherwise {@code ERROR}
   * @param test {@code true} when sent by "Send a Test"
   * @param url the receiver's URL the request went to
   * @param webhookId the id of the webhook the delivery was for
   */
  public DeliveryLog(long id, String displayId, long webhookId, Long formId, String eventType, Long eventId,
      Status status, int attempt, Instant dateSent, URI url, Map<String, List<String>> requestHeaders, byte[] requestBody,
      int responseCode, Map<String, List<String>> responseHeaders, String responseBody, String error, boolean test) {
    this.id = id;
    this.displayId = displayId;
    this.webhookId = webhookId;
    this.formId = formId;
    this.eventType = eventType;
    this.eventId = eventId;
    this.status = status;
    this.attempt = attempt;
    this.dateSent = dateSent;
    this.url = url;
    this.requestHeaders = readOnlyCopy(requestHeaders);
    this.requestBody = requestBody.clone();
    this.responseCode = responseCode;
    this.responseHeaders = readOnlyCopy(responseHeaders);
    this.responseBody = responseBody;
    this.error = error;
    this.test = test;
  }

  /** Headers as a read-only copy, in the given map's order (a sorted map's comparator kept). */
  private static Map<String, List<String>> readOnlyCopy(Map<String, List<String>> headers) {
    if (headers == null || headers.isEmpty()) {
      return Map.of();
    }
    Map<String, List<String>> copy = headers instanceof SortedMap<String, List<String>> sorted
        ? new TreeMap<>(sorted.comparator()) : new LinkedHashMap<>();
    headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
    return Collections.unmodifiableMap(copy);
  }

  /** {@return the log id: the {@code logId} of the webhook logs API} */
  public long id() {
    return id;
  }

  /** {@return a short display id; not the {@code X-Webconnex-Delivery} value} */
  public String displayId() {
    return displayId;
  }

  /** {@return the webhook the delivery was for} */
  public long webhookId() {
    return webhookId;
  }

  /** {@return the form the event belongs to, when it has one} */
  public Optional<Long> formId() {
    return Optional.ofNullable(formId);
  }

  /** {@return the event type sent} */
  public String eventType() {
    return eventType;
  }

  /** {@return the payload's {@code eventId}, when it has one} */
  public Optional<Long> eventId() {
    return Optional.ofNullable(eventId);
  }

  /** {@return success when the receiver answered 2xx, else error} */
  public Status status() {
    return status;
  }

  /** {@return 1 for the first delivery, one more for each resend} */
  public int attempt() {
    return attempt;
  }

  /** {@return when the delivery was sent} */
  public Instant dateSent() {
    return dateSent;
  }

  /** {@return the receiver's URL} */
  public URI url() {
    return url;
  }

  /** {@return the headers sent, names as sent, read-only} */
  public Map<String, List<String>> requestHeaders() {
    return requestHeaders;
  }

  /** {@return a copy of the exact bytes sent} */
  public byte[] requestBody() {
    return requestBody.clone();
  }

  /** {@return the receiver's status code; 0 when there was no answer} */
  public int responseCode() {
    return responseCode;
  }

  /** {@return the receiver's response headers, read-only} */
  public Map<String, List<String>> responseHeaders() {
    return responseHeaders;
  }

  /** {@return the receiver's body, cut at 64 KiB; empty when there was no answer} */
  public String responseBody() {
    return responseBody;
  }

  /** {@return why there was no usable answer (a timeout, a refused connection), when so} */
  public Optional<String> error() {
    return Optional.ofNullable(error);
  }

  /** {@return whether this was sent by "Send a Test"} */
  public boolean test() {
    return test;
  }

  /** {@return the {@code X-Webconnex-Delivery} header sent} */
  public String deliveryId() {
    return header(WebconnexDelivery.DELIVERY_HEADER);
  }

  /** {@return the {@code X-Webconnex-Signature} header sent} */
  public String signature() {
    return header(WebconnexDelivery.SIGNATURE_HEADER);
  }

  /** {@return the request as a {@link WebconnexDelivery}, ready for a {@code DeliveryVerifier}} */
  public WebconnexDelivery delivery() {
    return WebconnexDelivery.of(requestHeaders, requestBody);
  }

  private String header(String name) {
    for (Map.Entry<String, List<String>> e : requestHeaders.entrySet()) {
      if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
        return e.getValue().get(0);
      }
    }
    return null;
  }

  @Override
  public String toString() {
    return "DeliveryLog[" + id + ", webhook " + webhookId + ", " + eventType + ", " + status.label()
        + (responseCode > 0 ? " " + responseCode : "") + (error != null ? " (" + error + ")" : "") + ", attempt " + attempt
        + ", " + requestBody.length + " bytes]";
  }
}
