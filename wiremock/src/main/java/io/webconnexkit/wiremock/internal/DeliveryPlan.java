package io.webconnexkit.wiremock.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
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
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Turns one event (listener parameters) into a signed request per webhook that wants it, and a
 * reason for every webhook that does not. The payload rules (meta, forms) are core's
 * ({@link WebconnexSample}, {@link EventType#formIdOf}); this class only applies settings. Not API.
 *
 * <p>Nothing here renders a value as a template except a body the stub names ({@code body},
 * {@code bodyFile}), once per webhook: parameter values, settings and generated samples are data.
 */
public final class DeliveryPlan {

  private static final ObjectMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
  private static final SecureRandom SEEDS = new SecureRandom();

  /** What the parameters ask for, checked. */
  public record Request(EventType eventType, Long webhookId, Long formId, String body, String bodyFile,
      Map<String, Object> with, List<String> without, Duration delay, boolean documentedOnly) {

    /**
     * @throws IllegalArgumentException naming the parameter that is wrong
     */
    public static Request from(Map<String, ?> parameters) {
      Object event = parameters.get("event");
      if (!(event instanceof String name)) {
        throw new IllegalArgumentException("parameter \"event\" is missing: name the event to deliver, such as \"registration\"");
      }
      EventType type = event(name).orElseThrow(() -> new IllegalArgumentException("parameter \"event\": " + unknownEvent(name)));
      Long webhook = id(parameters.get("webhook"), "parameter \"webhook\"", "webhook id");
      Long formId = id(parameters.get("formId"), "parameter \"formId\"", "form id");
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
      Object documented = parameters.get("documentedOnly");
      if (documented != null && !(documented instanceof Boolean)) {
        throw new IllegalArgumentException("parameter \"documentedOnly\" must be true or false");
      }
      return new Request(type, webhook, formId, body, bodyFile, with, without, delay, Boolean.TRUE.equals(documented));
    }
  }

  /** A signed request for one webhook. */
  public record Planned(WebhookSettings webhook, DeliveryEngine.Outgoing outgoing) {}

  /** The whole plan: what to send and what was skipped. */
  public record Plan(List<Planned> planned, List<SendResult.Skipped> skipped) {}

  /** Renders a body template for one webhook: the model gains {@code webhook}. */
  public interface Renderer {
    /** Renders once; what comes out is sent, never rendered again. */
    String render(String template, Map<String, Object> webhookModel);
  }

  private DeliveryPlan() {}

  /** The documented event by its wire name. */
  public static Optional<EventType> event(String name) {
    return EventType.fromWireName(name);
  }

  /** Why a name is not an event, naming the documented one it resembles. */
  public static String unknownEvent(String name) {
    return "unknown event " + Text.quote(name) + EventType.resembling(name).map(e -> "; did you mean \"" + e.wireName() + "\"?")
        .orElse("; Webconnex documents " + String.join(", ", java.util.Arrays.stream(EventType.values()).map(EventType::wireName).toList()));
  }

  /**
   * An id given as a number or as a string of digits: a whole number from 0 to
   * {@value Long#MAX_VALUE}. Null or blank is none.
   *
   * @throws IllegalArgumentException naming {@code what} and quoting the value
   */
  public static Long id(Object value, String what, String kind) {
    if (value == null) {
      return null;
    }
    if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
      long id = ((Number) value).longValue();
      if (id >= 0) {
        return id;
      }
    } else if (value instanceof String s) {
      String text = s.trim();
      if (text.isEmpty()) {
        return null;
      }
      if (text.length() <= 19 && text.chars().allMatch(c -> c >= '0' && c <= '9')) {
        try {
          return Long.parseLong(text);
        } catch (NumberFormatException tooLarge) {
          // Reported below with the bound.
        }
      }
    }
    String shown = value instanceof String s ? Text.quote(s) : String.valueOf(value);
    throw new IllegalArgumentException(what + " must be a " + kind + ", a whole number from 0 to " + Long.MAX_VALUE
        + ", but is " + shown);
  }

  /**
   * Why a webhook gets nothing of an event of this form (null: of no form), or empty when it gets
   * it. A test ("Send a Test") ignores event toggles and forms, never the status toggle.
   */
  public static Optional<String> skipReason(WebhookSettings webhook, EventType type, Long formId, boolean test) {
    if (!webhook.enabled()) {
      return Optional.of("disabled");
    }
    if (!test && !webhook.subscribesTo(type)) {
      return Optional.of("not toggled on for " + type.wireName());
    }
    if (!test && !webhook.sendsForm(formId)) {
      return Optional.of("form " + formId + " is not among its forms " + webhook.forms().orElseThrow());
    }
    return Optional.empty();
  }

  /** The form of an event of this type asked for with this form (or none): the generated sample's own when none. */
  public static Long formOfSample(EventType type, Long formId) {
    if (formId != null) {
      return formId;
    }
    OptionalLong form = type.formIdOf(WebconnexSample.of(type).toTree());
    return form.isPresent() ? form.getAsLong() : null;
  }

  /**
   * Plans one event.
   *
   * @param render renders a body the stub names (unused for generated samples)
   * @param test a "Send a Test" delivery: event toggles and form lists do not apply
   */
  public static Plan plan(Request request, WebconnexSettings settings, Map<Long, SigningSecret> secrets,
      Renderer render, boolean test) {
    List<WebhookSettings> targets = new ArrayList<>();
    if (request.webhookId() != null) {
      targets.add(settings.webhook(request.webhookId()).orElseThrow(() -> new IllegalArgumentException(
          noWebhook(request.webhookId(), settings))));
    } else {
      targets.addAll(settings.webhooks());
    }
    boolean generated = request.body() == null && request.bodyFile() == null;
    String template = generated ? null : template(request);
    // One seed per event, shared by every webhook, so all copies carry the same ids.
    long seed = SEEDS.nextLong();
    EventType type = request.eventType();
    List<Planned> planned = new ArrayList<>();
    List<SendResult.Skipped> skipped = new ArrayList<>();
    for (WebhookSettings webhook : targets) {
      Optional<String> early = skipReason(webhook, type, null, test);
      if (early.isPresent()) {
        skipped.add(new SendResult.Skipped(webhook.id(), webhook.name(), early.get()));
        continue;
      }
      byte[] body = generated ? sample(request, webhook, seed)
          : render.render(template, webhookModel(webhook)).getBytes(StandardCharsets.UTF_8);
      JsonNode parsed = parse(body);
      Long formId;
      if (generated || request.formId() == null) {
        OptionalLong named = type.formIdOf(parsed);
        formId = named.isPresent() ? named.getAsLong() : null;
      } else {
        formId = request.formId();
      }
      Optional<String> reason = skipReason(webhook, type, formId, test);
      if (reason.isPresent()) {
        skipped.add(new SendResult.Skipped(webhook.id(), webhook.name(), reason.get()));
        continue;
      }
      Long eventId = parsed != null && parsed.path("eventId").isIntegralNumber() && parsed.path("eventId").canConvertToLong()
          ? parsed.get("eventId").longValue() : null;
      WebconnexDelivery delivery = WebconnexDelivery.signed(type.wireName(), body, secrets.get(webhook.id()));
      Map<String, List<String>> headers = new LinkedHashMap<>();
      for (String name : List.of(WebconnexDelivery.CONTENT_TYPE, WebconnexDelivery.USER_AGENT, WebconnexDelivery.DELIVERY_HEADER,
          WebconnexDelivery.EVENT_HEADER, WebconnexDelivery.SIGNATURE_HEADER)) {
        headers.put(name, List.of(delivery.header(name).orElseThrow()));
      }
      planned.add(new Planned(webhook, new DeliveryEngine.Outgoing(webhook.id(), webhook.url(), type.wireName(), formId,
          eventId, Collections.unmodifiableMap(headers), body, 1, test)));
    }
    return new Plan(planned, skipped);
  }

  /** Why a webhook id names no webhook, listing the configured ones. */
  public static String noWebhook(long webhookId, WebconnexSettings settings) {
    return "no webhook " + webhookId + " is configured (configured: "
        + String.join(", ", settings.webhooks().stream().map(w -> String.valueOf(w.id())).toList()) + ")";
  }

  /** The generated sample for one webhook: core's sample, its meta, the form asked for, then the overrides. */
  private static byte[] sample(Request request, WebhookSettings webhook, long seed) {
    WebconnexSample sample = WebconnexSample.of(request.eventType()).seed(seed).meta(webhook.meta());
    if (request.documentedOnly()) {
      sample.documentedOnly();
    }
    if (request.formId() != null) {
      sample.forForm(request.formId());
    }
    request.with().forEach(sample::with);
    request.without().forEach(sample::without);
    return sample.toBytes();
  }

  /** What a body template sees as {@code webhook}. */
  private static Map<String, Object> webhookModel(WebhookSettings webhook) {
    Map<String, Object> model = new HashMap<>();
    model.put("id", webhook.id());
    model.put("name", webhook.name());
    model.put("url", webhook.url().toString());
    webhook.appKey().ifPresent(k -> model.put("appKey", k));
    webhook.appToken().ifPresent(t -> model.put("appToken", t));
    return model;
  }

  private static String template(Request request) {
    if (request.body() != null) {
      return request.body();
    }
    String file = request.bodyFile();
    if (file.startsWith("classpath:")) {
      String resource = file.substring("classpath:".length()).replaceFirst("^/", "");
      ClassLoader loader = Thread.currentThread().getContextClassLoader() != null
          ? Thread.currentThread().getContextClassLoader() : DeliveryPlan.class.getClassLoader();
      try (InputStream in = loader.getResourceAsStream(resource)) {
        if (in == null) {
          throw new IllegalArgumentException("parameter \"bodyFile\": no classpath resource " + Text.quote(resource));
        }
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw unreadable(file, e);
      }
    }
    try {
      return Files.readString(Path.of(file), StandardCharsets.UTF_8);
    } catch (IOException | InvalidPathException e) {
      throw unreadable(file, e);
    }
  }

  private static IllegalArgumentException unreadable(String file, Exception e) {
    return new IllegalArgumentException("parameter \"bodyFile\": cannot read " + Text.quote(file) + ": " + e.getClass().getSimpleName());
  }

  private static JsonNode parse(byte[] body) {
    try {
      return MAPPER.readTree(body);
    } catch (IOException e) {
      return null;
    }
  }

}
