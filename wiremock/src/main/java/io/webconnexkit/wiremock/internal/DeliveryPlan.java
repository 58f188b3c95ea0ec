package io.webconnexkit.wiremock.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.webconnexkit.validator.EventType;
import io.webconnexkit.validator.SigningSecret;
import io.webconnexkit.validator.WebconnexDelivery;
import io.webconnexkit.validator.WebconnexSample;
import io.webconnexkit.wiremock.SendResult;
import io.webconnexkit.wiremock.WebconnexSettings;
import io.webconnexkit.wiremock.WebhookSettings;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns one event (listener parameters) into a signed request per webhook that wants it, and a
 * reason for every webhook that does not. Not API.
 */
public final class DeliveryPlan {

  private static final ObjectMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  /** What the parameters ask for, checked. */
  public record Request(EventType eventType, Long webhookId, String formId, String body, String bodyFile,
      Map<String, Object> with, List<String> without, Duration delay) {

    /**
     * @throws IllegalArgumentException naming the parameter that is wrong
     */
    public static Request from(Map<String, ?> parameters) {
      Object event = parameters.get("event");
      if (!(event instanceof String name)) {
        throw new IllegalArgumentException("parameter \"event\" is missing: name the event to deliver, such as \"registration\"");
      }
      EventType type = EventType.fromWireName(name).orElseThrow(() -> new IllegalArgumentException(
          "parameter \"event\": unknown event \"" + name + "\""
              + EventType.resembling(name).map(e -> "; did you mean \"" + e.wireName() + "\"?").orElse("")));
      Long webhook = null;
      Object w = parameters.get("webhook");
      if (w instanceof Number n) {
        webhook = n.longValue();
      } else if (w instanceof String s && !s.isBlank()) {
        try {
          webhook = Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("parameter \"webhook\" must be a webhook id but is \"" + s + "\"");
        }
      }
      Object form = parameters.get("formId");
      String formId = form == null ? null : String.valueOf(form);
      String body = parameters.get("body") instanceof String s ? s : null;
      String bodyFile = parameters.get("bodyFile") instanceof String s ? s : null;
      Map<String, Object> with = new LinkedHashMap<>();
      if (parameters.get("with") instanceof Map<?, ?> map) {
        map.forEach((k, v) -> with.put(String.valueOf(k), v));
      } else if (parameters.get("with") != null) {
        throw new IllegalArgumentException("parameter \"with\" must be an object of JSON Pointers and values");
      }
      List<String> without = new ArrayList<>();
      if (parameters.get("without") instanceof List<?> list) {
        list.forEach(p -> without.add(String.valueOf(p)));
      } else if (parameters.get("without") != null) {
        throw new IllegalArgumentException("parameter \"without\" must be a list of JSON Pointers");
      }
      Duration delay = Duration.ZERO;
      Object d = parameters.get("delayMilliseconds");
      if (d instanceof Number n && n.longValue() >= 0) {
        delay = Duration.ofMillis(n.longValue());
      } else if (d != null) {
        throw new IllegalArgumentException("parameter \"delayMilliseconds\" must be a number of milliseconds, 0 or more");
      }
      return new Request(type, webhook, formId, body, bodyFile, with, without, delay);
    }
  }

  /** A signed request for one webhook. */
  public record Planned(WebhookSettings webhook, DeliveryEngine.Outgoing outgoing) {}

  /** The whole plan: what to send and what was skipped. */
  public record Plan(List<Planned> planned, List<SendResult.Skipped> skipped) {}

  private DeliveryPlan() {}

  /**
   * Plans one event.
   *
   * @param render renders a Handlebars template for one webhook (identity when nothing is templated)
   * @param test a "Send a Test" delivery: event toggles and form lists do not apply
   */
  public static Plan plan(Request request, WebconnexSettings settings, Map<Long, SigningSecret> secrets,
      Renderer render, boolean test) {
    List<WebhookSettings> targets = new ArrayList<>();
    if (request.webhookId() != null) {
      targets.add(settings.webhook(request.webhookId()).orElseThrow(() -> new IllegalArgumentException(
          "no webhook " + request.webhookId() + " is configured (configured: "
              + settings.webhooks().stream().map(w -> String.valueOf(w.id())).toList() + ")")));
    } else {
      targets.addAll(settings.webhooks());
    }
    // One sample per event, shared by every webhook, so all copies carry the same ids.
    ObjectNode sample = request.body() == null && request.bodyFile() == null ? sample(request) : null;
    String template = sample == null ? template(request) : null;
    List<Planned> planned = new ArrayList<>();
    List<SendResult.Skipped> skipped = new ArrayList<>();
    EventType type = request.eventType();
    for (WebhookSettings webhook : targets) {
      if (!webhook.enabled()) {
        skipped.add(new SendResult.Skipped(webhook.id(), webhook.name(), "disabled"));
        continue;
      }
      if (!test && !webhook.subscribesTo(type)) {
        skipped.add(new SendResult.Skipped(webhook.id(), webhook.name(), "not toggled on for " + type.wireName()));
        continue;
      }
      Map<String, Object> webhookModel = webhookModel(webhook);
      String formParameter = request.formId() == null ? null
          : (request.formId().contains("{{") ? render.render(request.formId(), webhookModel) : request.formId()).trim();
      Long explicitForm = formParameter == null || formParameter.isEmpty() ? null : parseForm(formParameter);
      String text;
      if (sample != null) {
        ObjectNode tree = sample.deepCopy();
        applyMeta(tree, webhook, type);
        if (explicitForm != null) {
          applyForm(tree, type, explicitForm);
        }
        text = write(tree);
      } else {
        text = template;
      }
      String rendered = text.contains("{{") ? render.render(text, webhookModel) : text;
      byte[] body = rendered.getBytes(StandardCharsets.UTF_8);
      JsonNode parsed = parse(body);
      Long formId = explicitForm != null ? explicitForm : formOf(parsed, type);
      if (!test && !webhook.sendsForm(formId)) {
        skipped.add(new SendResult.Skipped(webhook.id(), webhook.name(),
            "form " + formId + " is not among its forms " + webhook.forms().orElseThrow()));
        continue;
      }
      Long eventId = parsed != null && parsed.path("eventId").canConvertToLong() && parsed.path("eventId").isIntegralNumber()
          ? parsed.get("eventId").longValue() : null;
      WebconnexDelivery delivery = WebconnexDelivery.signed(type.wireName(), body, secrets.get(webhook.id()));
      Map<String, List<String>> headers = new LinkedHashMap<>();
      for (String name : List.of(WebconnexDelivery.CONTENT_TYPE, WebconnexDelivery.USER_AGENT, WebconnexDelivery.DELIVERY_HEADER,
          WebconnexDelivery.EVENT_HEADER, WebconnexDelivery.SIGNATURE_HEADER)) {
        headers.put(name, List.of(delivery.header(name).orElseThrow()));
      }
      planned.add(new Planned(webhook, new DeliveryEngine.Outgoing(webhook.id(), webhook.url(), type.wireName(), formId,
          eventId, java.util.Collections.unmodifiableMap(headers), body, 1, test)));
    }
    return new Plan(planned, skipped);
  }

  /** Renders a Handlebars template with a model that includes {@code webhook}. */
  public interface Renderer {
    String render(String template, Map<String, Object> webhookModel);

    Renderer NONE = (template, model) -> template;
  }

  private static Map<String, Object> webhookModel(WebhookSettings webhook) {
    Map<String, Object> model = new HashMap<>();
    model.put("id", webhook.id());
    model.put("name", webhook.name());
    model.put("url", webhook.url().toString());
    webhook.appKey().ifPresent(k -> model.put("appKey", k));
    webhook.appToken().ifPresent(t -> model.put("appToken", t));
    return model;
  }

  private static ObjectNode sample(Request request) {
    WebconnexSample sample = WebconnexSample.of(request.eventType());
    request.with().forEach(sample::with);
    request.without().forEach(sample::without);
    return sample.toTree();
  }

  private static String template(Request request) {
    if (request.body() != null) {
      return request.body();
    }
    String file = request.bodyFile();
    try {
      if (file.startsWith("classpath:")) {
        String resource = file.substring("classpath:".length()).replaceFirst("^/", "");
        ClassLoader loader = Thread.currentThread().getContextClassLoader() != null
            ? Thread.currentThread().getContextClassLoader() : DeliveryPlan.class.getClassLoader();
        try (InputStream in = loader.getResourceAsStream(resource)) {
          if (in == null) {
            throw new IllegalArgumentException("parameter \"bodyFile\": no classpath resource " + resource);
          }
          return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
      }
      return Files.readString(Path.of(file), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalArgumentException("parameter \"bodyFile\": cannot read " + file + ": " + e.getClass().getSimpleName());
    }
  }

  /** meta as the settings page defines it: the name, and appKey / appToken exactly when set. */
  private static void applyMeta(ObjectNode tree, WebhookSettings webhook, EventType type) {
    ObjectNode meta = MAPPER.createObjectNode();
    meta.put("name", webhook.name());
    webhook.appKey().ifPresent(k -> meta.put("appKey", k));
    webhook.appToken().ifPresent(t -> meta.put("appToken", t));
    tree.set("meta", meta);
  }

  private static void applyForm(ObjectNode tree, EventType type, long formId) {
    tree.put("formId", formId);
    JsonNode data = tree.path("data");
    if (data instanceof ObjectNode d) {
      if (d.has("formId")) {
        d.put("formId", formId);
      }
      if (type == EventType.PUBLISH && d.has("id")) {
        d.put("id", formId);
      }
    }
  }

  /**
   * The form an event belongs to: a coupon's {@code data.formId} (null for a global coupon),
   * otherwise the top-level {@code formId}. None when the body does not say.
   */
  static Long formOf(JsonNode body, EventType type) {
    if (body == null) {
      return null;
    }
    JsonNode form = type == EventType.COUPON && body.path("data").has("formId") ? body.path("data").get("formId") : body.path("formId");
    if (form.isIntegralNumber() && form.canConvertToLong()) {
      return form.longValue();
    }
    if (form.isTextual()) {
      try {
        return Long.parseLong(form.textValue().trim());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  private static Long parseForm(String value) {
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("parameter \"formId\" must be a form id but is \"" + value + "\"");
    }
  }

  private static JsonNode parse(byte[] body) {
    try {
      return MAPPER.readTree(body);
    } catch (IOException e) {
      return null;
    }
  }

  private static String write(JsonNode tree) {
    try {
      return MAPPER.writeValueAsString(tree);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a sample", e);
    }
  }
}
