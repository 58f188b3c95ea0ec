package io.webconnexkit.wiremock.internal;

import static com.github.tomakehurst.wiremock.common.LocalNotifier.notifier;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.extension.requestfilter.RequestFilterAction;
import com.github.tomakehurst.wiremock.extension.requestfilter.StubRequestFilterV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.webconnexkit.validator.EventType;
import io.webconnexkit.wiremock.SendResult;
import io.webconnexkit.wiremock.WebhookSettings;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@value #NAME} request filter: refuses a {@code POST /webconnex/events/{event}} that would
 * send nothing, before the bundled mappings answer it {@code 202}. An event Webconnex does not
 * document is a {@code 404} that names the event it resembles; a query that cannot be read, an
 * unknown or repeated parameter, or a {@code formId} or {@code webhook} that is not an id of at most
 * 64 bits is a {@code 400}; a webhook that is not configured is a {@code 404}; a webhook that would
 * skip the event (disabled, not toggled on for it, another form) is a {@code 409}. Each answer is
 * {@code {"responseCode": N, "error": {"message": "..."}}}, and WireMock's notifier logs it. Only
 * while the bundled mappings are loaded: without them the path belongs to the user's own stubs.
 * Not API: register it through {@code MockWebconnex}.
 */
public final class EventRequestFilter implements StubRequestFilterV2 {

  /** The filter's name. */
  public static final String NAME = "webconnex-event-requests";
  /** Where the bundled mappings take delivery requests. */
  public static final String PATH = "/webconnex/events/";
  /** The query parameters a delivery request takes. */
  static final List<String> PARAMETERS = List.of("formId", "webhook");

  private final MockState state;

  /** A filter over the mock's shared state. */
  public EventRequestFilter(MockState state) {
    this.state = state;
  }

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public RequestFilterAction filter(Request request, ServeEvent serveEvent) {
    String url = request.getUrl();
    int q = url.indexOf('?');
    String path = q < 0 ? url : url.substring(0, q);
    if (!state.bundledMappings() || !path.startsWith(PATH)) {
      return RequestFilterAction.continueWith(request);
    }
    Optional<Refusal> refusal = check(request.getMethod().getName(), path.substring(PATH.length()), q < 0 ? "" : url.substring(q + 1));
    if (refusal.isEmpty()) {
      return RequestFilterAction.continueWith(request);
    }
    Refusal r = refusal.get();
    notifier().error("Webconnex mock refused " + request.getMethod().getName() + " " + Text.quote(url) + " with "
        + r.status() + ": " + r.message());
    ObjectNode body = JsonMapper.builder().build().createObjectNode();
    body.put("responseCode", r.status());
    body.putObject("error").put("message", r.message());
    return RequestFilterAction.stopWith(WebhookApiFilter.json(r.status(), body.toPrettyString()));
  }

  /** Why a request is refused: its status and message. */
  record Refusal(int status, String message) {}

  /** Why this request would send nothing, or empty when it goes on to the bundled mapping. */
  Optional<Refusal> check(String method, String eventName, String rawQuery) {
    if (eventName.isEmpty() || eventName.contains("/")) {
      return refuse(404, "no such endpoint: POST " + PATH + "{event} names one event, one of " + documented());
    }
    Optional<EventType> event = DeliveryPlan.event(eventName);
    if (event.isEmpty()) {
      return refuse(404, DeliveryPlan.unknownEvent(eventName));
    }
    if (!method.equalsIgnoreCase("POST")) {
      return refuse(405, "use POST to deliver an event");
    }
    QueryString query;
    try {
      query = QueryString.parse(rawQuery);
    } catch (QueryString.Malformed e) {
      return refuse(400, e.getMessage());
    }
    for (Map.Entry<String, List<String>> parameter : query.parameters().entrySet()) {
      String name = parameter.getKey();
      if (!PARAMETERS.contains(name)) {
        String hint = PARAMETERS.stream().filter(p -> p.equalsIgnoreCase(name) || p.equalsIgnoreCase(name + "Id"))
            .findFirst().map(p -> "; did you mean \"" + p + "\"?").orElse("");
        return refuse(400, "unknown query parameter " + Text.quote(name) + hint + " (a delivery request takes "
            + String.join(" and ", PARAMETERS) + ")");
      }
      if (parameter.getValue().size() > 1) {
        return refuse(400, "query parameter \"" + name + "\" is given " + parameter.getValue().size() + " times; give it once");
      }
    }
    Long formId;
    Long webhookId;
    try {
      formId = DeliveryPlan.id(query.single("formId").orElse(null), "formId", "form id");
      webhookId = DeliveryPlan.id(query.single("webhook").orElse(null), "webhook", "webhook id");
    } catch (IllegalArgumentException e) {
      return refuse(400, e.getMessage());
    }
    if (webhookId == null) {
      return Optional.empty();
    }
    Optional<WebhookSettings> webhook = state.settings().webhook(webhookId);
    if (webhook.isEmpty()) {
      return refuse(404, DeliveryPlan.noWebhook(webhookId, state.settings()));
    }
    WebhookSettings w = webhook.get();
    return DeliveryPlan.skipReason(w, event.get(), DeliveryPlan.formOfSample(event.get(), formId), false)
        .map(reason -> new Refusal(409, "nothing would be sent: " + new SendResult.Skipped(w.id(), w.name(), reason)));
  }

  private static Optional<Refusal> refuse(int status, String message) {
    return Optional.of(new Refusal(status, message));
  }

  private static String documented() {
    return String.join(", ", Arrays.stream(EventType.values()).map(EventType::wireName).toList());
  }
}
