package io.webconnexkit.wiremock.internal;

import static com.github.tomakehurst.wiremock.common.LocalNotifier.notifier;

import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.stubbing.SubEvent;
import io.webconnexkit.wiremock.MockWebconnex;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@value MockWebconnex#NAME} serve-event listener: delivers the event a stub names when the
 * stub is served. It plans, renders, signs and schedules before WireMock writes the response, so a
 * client that has the response can await the delivery; the HTTP request itself goes out on the
 * mock's threads. Not API: register it through {@link MockWebconnex}.
 *
 * <p>The {@code webhook} and {@code formId} parameters may be templates (the bundled mappings take
 * them from the query); they are rendered once, and what comes out is a value, never a template.
 */
public final class StubDeliveryListener implements ServeEventListener {

  /** The parameters that may be templates over the request that hit the stub. */
  private static final List<String> TEMPLATED = List.of("webhook", "formId");

  private final MockState state;

  /** A listener over the mock's shared state. */
  public StubDeliveryListener(MockState state) {
    this.state = state;
  }

  @Override
  public String getName() {
    return MockWebconnex.NAME;
  }

  /** Only stubs that name this listener deliver. */
  @Override
  public boolean applyGlobally() {
    return false;
  }

  @Override
  public void beforeResponseSent(ServeEvent serveEvent, Parameters parameters) {
    try {
      Map<String, Object> model = new HashMap<>(state.templates().buildModelForRequest(serveEvent));
      model.put("originalRequest", model.remove("request"));
      model.put("parameters", new LinkedHashMap<>(parameters));
      Map<String, Object> rendered = new LinkedHashMap<>(parameters);
      for (String name : TEMPLATED) {
        if (rendered.get(name) instanceof String value && value.contains("{{")) {
          rendered.put(name, state.templates().getUncachedTemplate(value).apply(model));
        }
      }
      DeliveryPlan.Request request = DeliveryPlan.Request.from(rendered);
      DeliveryPlan.Plan plan = state.plan(request, state.renderer(model), false);
      plan.skipped().forEach(skipped -> serveEvent.appendSubEvent("WEBCONNEX_WEBHOOK_SKIPPED",
          Map.of("webhookId", skipped.webhookId(), "reason", skipped.reason())));
      if (plan.planned().isEmpty()) {
        notifier().info("Webconnex " + request.eventType() + " event sent to no webhook: "
            + String.join("; ", plan.skipped().stream().map(Object::toString).toList()));
      }
      for (DeliveryPlan.Planned planned : plan.planned()) {
        state.engine().dispatch(planned.outgoing(), request.delay()).whenComplete((log, error) -> {
          if (log != null) {
            serveEvent.appendSubEvent("WEBCONNEX_WEBHOOK", Map.of("webhookId", log.webhookId(), "logId", log.id(),
                "status", log.status().label(), "code", log.responseCode()));
            notifier().info("Webconnex " + log.eventType() + " webhook to " + log.url() + ": " + log.status().label()
                + (log.responseCode() > 0 ? " " + log.responseCode() : "") + log.error().map(e -> " (" + e + ")").orElse(""));
          }
        });
      }
    } catch (RuntimeException e) {
      String message = "Webconnex webhook not sent: " + e.getMessage();
      notifier().error(message);
      serveEvent.appendSubEvent(SubEvent.error(message));
    }
  }
}
