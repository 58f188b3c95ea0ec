package io.webconnexkit.spring.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.webconnexkit.model.WebconnexEvent;
import io.webconnexkit.model.WebconnexEventException;
import io.webconnexkit.model.WebconnexEvents;
import io.webconnexkit.spring.IdempotencyStore;
import io.webconnexkit.spring.WebconnexProperties.OnInvalid;
import io.webconnexkit.validator.DeliveryVerifier;
import io.webconnexkit.validator.Problem;
import io.webconnexkit.validator.ReportJson;
import io.webconnexkit.validator.ReportLine;
import io.webconnexkit.validator.SignatureStatus;
import io.webconnexkit.validator.ValidationReport;
import io.webconnexkit.validator.WebconnexDelivery;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.web.HttpRequestHandler;

/**
 * One receiving endpoint: takes a delivery's raw bytes, verifies the signature before anything is
 * parsed, checks headers and payload, skips a delivery id already handled, binds the event and
 * calls the method that takes its type. Answers in JSON:
 *
 * <ul>
 *   <li>200 {@code {"status":"accepted","deliveryId":...}} when a handler returned;
 *       {@code "duplicate"} for a delivery id already handled; {@code "ignored"} when no method
 *       takes the event type;
 *   <li>400 {@code {"error":"payload","problems":[...]}} for a delivery that does not conform
 *       (unless accepted by {@code webconnex.on-invalid=accept}) or cannot be bound;
 *   <li>401 {@code {"error":"signature","signature":"missing"|"invalid"}};
 *   <li>405 for a method other than POST or PUT (Webconnex delivers by either), 413 for a body over
 *       the validator's size limit, 500 when a handler throws (its claim on the delivery id is
 *       released, so that Webconnex's resend is handled).
 * </ul>
 *
 * <p>Logs name the delivery id, the event type and the problems, escaped; never a body or a secret.
 * Not API.
 */
public final class WebhookEndpoint implements HttpRequestHandler {

  private static final Log LOG = LogFactory.getLog(WebhookEndpoint.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String path;
  private final Map<Class<? extends WebconnexEvent>, WebhookMethod> handlers;
  private final DeliveryVerifier verifier;
  private final IdempotencyStore store;
  private final OnInvalid onInvalid;

  WebhookEndpoint(String path, Map<Class<? extends WebconnexEvent>, WebhookMethod> handlers, DeliveryVerifier verifier,
      IdempotencyStore store, OnInvalid onInvalid) {
    this.path = path;
    this.handlers = Map.copyOf(handlers);
    this.verifier = verifier;
    this.store = store;
    this.onInvalid = onInvalid;
  }

  /** @return the event types this endpoint has a method for */
  public List<Class<? extends WebconnexEvent>> eventTypes() {
    return List.copyOf(handlers.keySet());
  }

  @Override
  public void handleRequest(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
    if (!request.getMethod().equals("POST") && !request.getMethod().equals("PUT")) {
      response.setHeader("Allow", "POST, PUT");
      answer(response, 405, error("method", "Webconnex delivers webhooks by POST or PUT"));
      return;
    }
    long limit = verifier.validator().maxBodyBytes();
    byte[] body = read(request.getInputStream(), limit);
    if (body == null) {
      answer(response, 413, error("payload", "body is over the limit of " + limit + " bytes"));
      return;
    }
    WebconnexDelivery delivery = WebconnexDelivery.of(headers(request), body);
    String id = delivery.header(WebconnexDelivery.DELIVERY_HEADER).orElse(null);
    String name = "Webconnex delivery " + (id == null ? "without " + WebconnexDelivery.DELIVERY_HEADER : id) + " to " + path;

    SignatureStatus signature = verifier.verifySignature(delivery);
    if (signature == SignatureStatus.MISSING || signature == SignatureStatus.INVALID) {
      LOG.warn(ReportLine.escape(name + " refused: its signature is " + signature.label() + (signature == SignatureStatus.MISSING
          ? " (every Webconnex delivery is signed)" : " (was it signed with another secret, or changed on the way?)")));
      ObjectNode answer = error("signature", null);
      answer.put("signature", signature.label());
      answer(response, 401, answer);
      return;
    }

    ValidationReport report = verifier.verify(delivery);
    if (!report.isValid()) {
      if (onInvalid == OnInvalid.REJECT) {
        log(name + " refused: it does not conform to the " + report.profile().folder() + " contract", report.errors(), true);
        answer(response, 400, problems(report));
        return;
      }
      log(name + " accepted although it does not conform to the " + report.profile().folder() + " contract", report.errors(),
          true);
    } else if (!report.warnings().isEmpty() && LOG.isInfoEnabled()) {
      log(name + " conforms, with warnings", report.warnings(), false);
    }

    WebconnexEvent event;
    try {
      event = WebconnexEvents.bind(delivery.body(), report);
    } catch (WebconnexEventException e) {
      log(name + " refused: it cannot be bound to a typed event", e.report().errors(), true);
      answer(response, 400, problems(e.report()));
      return;
    }
    WebhookMethod handler = handlerFor(event);
    if (handler == null) {
      LOG.info(ReportLine.escape(name + ": no @WebconnexWebhook method takes " + event.getClass().getSimpleName() + " (event type "
          + ReportLine.quote(String.valueOf(event.eventType())) + "); acknowledged without handling"));
      answer(response, 200, status("ignored", id));
      return;
    }
    if (id != null && !store.claim(id)) {
      LOG.info(ReportLine.escape(name + " was handled before; acknowledged without handling it again"));
      answer(response, 200, status("duplicate", id));
      return;
    }
    try {
      handler.invoke(event, delivery, report);
    } catch (RuntimeException | Error | IOException | ServletException e) {
      release(id);
      throw e;
    } catch (Exception e) {
      release(id);
      throw new ServletException(handler + " failed", e);
    }
    answer(response, 200, status("accepted", id));
  }

  private void release(String id) {
    if (id != null) {
      store.release(id);
    }
  }

  private WebhookMethod handlerFor(WebconnexEvent event) {
    WebhookMethod own = handlers.get(event.getClass());
    if (own != null) {
      return own;
    }
    return handlers.get(WebconnexEvent.class);
  }

  private static void log(String what, List<Problem> problems, boolean warn) {
    StringBuilder message = new StringBuilder(ReportLine.escape(what));
    for (Problem problem : problems) {
      message.append("\n  ").append(ReportLine.withoutSeverity("payload", problem));
    }
    if (warn) {
      LOG.warn(message);
    } else {
      LOG.info(message);
    }
  }

  private static Map<String, List<String>> headers(HttpServletRequest request) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (String name : Collections.list(request.getHeaderNames())) {
      headers.put(name, new ArrayList<>(Collections.list(request.getHeaders(name))));
    }
    return headers;
  }

  /** The body, or null when it is longer than the limit. */
  private static byte[] read(InputStream in, long limit) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    long total = 0;
    for (int n; (n = in.read(buffer)) > 0; ) {
      total += n;
      if (total > limit) {
        return null;
      }
      out.write(buffer, 0, n);
    }
    return out.toByteArray();
  }

  private static ObjectNode status(String status, String id) {
    ObjectNode answer = JsonNodeFactory.instance.objectNode().put("status", status);
    if (id != null) {
      answer.put("deliveryId", id);
    }
    return answer;
  }

  private static ObjectNode error(String error, String message) {
    ObjectNode answer = JsonNodeFactory.instance.objectNode().put("error", error);
    if (message != null) {
      answer.put("message", message);
    }
    return answer;
  }

  private static ObjectNode problems(ValidationReport report) {
    ObjectNode answer = error("payload", null);
    ReportJson.problems(report.withProblems(report.errors()), answer.putArray("problems"));
    return answer;
  }

  private static void answer(HttpServletResponse response, int status, ObjectNode body) throws IOException {
    response.setStatus(status);
    response.setContentType("application/json");
    byte[] bytes = JSON.writeValueAsBytes(body);
    response.setContentLength(bytes.length);
    response.getOutputStream().write(bytes);
  }

  /** @return the path, for messages */
  @Override
  public String toString() {
    return "Webconnex receiving endpoint " + path + " " + handlers.keySet().stream().map(Class::getSimpleName).sorted().toList();
  }
}
