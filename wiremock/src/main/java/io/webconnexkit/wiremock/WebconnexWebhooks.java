package io.webconnexkit.wiremock;

import com.fasterxml.jackson.annotation.JsonValue;
import io.webconnexkit.validator.EventType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A builder of the parameters of the {@value #EXTENSION} serve-event listener that
 * {@link MockWebconnex} provides: which Webconnex event a stub delivers when it is hit.
 *
 * <pre>{@code
 * wm.stubFor(post("/checkout").willReturn(ok())
 *     .withServeEventListener(WebconnexWebhooks.EXTENSION,
 *         WebconnexWebhooks.deliver(EventType.REGISTRATION)
 *             .forForm(432)
 *             .with("/data/total", 250)
 *             .after(Duration.ofMillis(200))));
 * }</pre>
 *
 * <p><b>A builder, not a value.</b> Every method but {@link #parameters()} changes this builder and
 * returns it, so that calls chain; a builder shared between two places changes for both. WireMock
 * copies the parameters when {@code withServeEventListener} is called, so changing a builder
 * afterwards changes no stub already built with it.
 * {@link #copy()} gives an independent builder to branch from.
 *
 * <p>The event goes to every configured webhook that wants it (see {@link WebhookSettings}), each
 * copy signed with that webhook's secret; {@link #toWebhook(long)} narrows it to one. The same
 * parameters are what {@link MockWebconnex#send(WebconnexWebhooks)} sends on demand. Their JSON form
 * is the {@code parameters} object of a mapping's {@code serveEventListeners} entry:
 * {@code {"event": "registration", "formId": 432, "with": {"/data/total": 250}, "delayMilliseconds": 200}}.
 *
 * <p>The body is a generated sample of the event ({@code WebconnexSample}: fresh ids, {@code meta}
 * from the webhook's settings, the form of {@link #forForm}, then the overrides of {@link #with} and
 * {@link #without}, which are values, never templates), unless {@link #withBody(String)} or
 * {@link #withBodyFile(String)} supplies one, which is a Handlebars template rendered once per
 * webhook and sent exactly as rendered. Templates see {@code originalRequest} (the request that hit
 * the stub), {@code parameters} and {@code webhook} ({@code id}, {@code name}, {@code appKey},
 * {@code appToken}, {@code url}). The signature is computed over the bytes after templating. In a
 * JSON mapping, {@code webhook} and {@code formId} may be templates too (the bundled mappings take
 * them from the query): each is rendered once, and what comes out is an id, never a template.
 */
public final class WebconnexWebhooks {

  /** The name of the serve-event listener that delivers, as used in mappings. */
  public static final String EXTENSION = MockWebconnex.NAME;

  private final Map<String, Object> parameters = new LinkedHashMap<>();

  private WebconnexWebhooks(EventType eventType) {
    parameters.put("event", eventType.wireName());
  }

  /**
   * A builder that delivers an event of this type.
   *
   * @param eventType the event to deliver; not null
   * @return a new builder holding only the event
   */
  public static WebconnexWebhooks deliver(EventType eventType) {
    return new WebconnexWebhooks(Objects.requireNonNull(eventType, "eventType"));
  }

  /** {@return an independent builder with the parameters this one holds now: changes to either leave the other alone} */
  public WebconnexWebhooks copy() {
    WebconnexWebhooks copy = new WebconnexWebhooks(EventType.fromWireName((String) parameters.get("event")).orElseThrow());
    copy.parameters.putAll(parameters());
    return copy;
  }

  /**
   * Only to the webhook with this id (it must still be enabled and want the event and form). Changes this builder.
   *
   * @param webhookId the id of a configured webhook
   * @return this builder
   */
  public WebconnexWebhooks toWebhook(long webhookId) {
    parameters.put("webhook", webhookId);
    return this;
  }

  /**
   * The event belongs to this form: generated samples carry it as {@code formId}, and webhooks that
   * send only some forms decide by it. For a body you supply, the form is read from its
   * {@code formId} unless given here. Changes this builder.
   *
   * @param formId the form's id, as Webconnex numbers forms
   * @return this builder
   */
  public WebconnexWebhooks forForm(long formId) {
    parameters.put("formId", formId);
    return this;
  }

  /**
   * Sets a field of the generated sample (a JSON Pointer and any value Jackson can write); the value
   * is sent as given, never rendered as a template. Changes this builder.
   *
   * @param pointer a JSON Pointer into the sample, such as {@code /data/total}; not null
   * @param value the value to put there, written by Jackson; {@code null} writes JSON {@code null}
   * @return this builder
   */
  public WebconnexWebhooks with(String pointer, Object value) {
    overrides().put(Objects.requireNonNull(pointer, "pointer"), value);
    return this;
  }

  /**
   * Removes a field of the generated sample. Changes this builder.
   *
   * @param pointer a JSON Pointer into the sample, such as {@code /data/formName}; not null
   * @return this builder
   */
  public WebconnexWebhooks without(String pointer) {
    removals().add(Objects.requireNonNull(pointer, "pointer"));
    return this;
  }

  /**
   * Sends documented fields only: the generated sample leaves out the <em>observed</em> fields
   * (those real traffic carries though no table lists them, such as a registration's {@code
   * data.formName}), which it carries by default as a real delivery does. {@code "documentedOnly":
   * true} in a mapping's parameters. Changes this builder.
   *
   * @return this builder
   */
  public WebconnexWebhooks documentedOnly() {
    parameters.put("documentedOnly", true);
    return this;
  }

  /**
   * Sends this body (a Handlebars template) instead of a generated sample. Changes this builder.
   *
   * @param body the body, a Handlebars template; not null; replaces any {@link #withBodyFile} given
   * @return this builder
   */
  public WebconnexWebhooks withBody(String body) {
    parameters.put("body", Objects.requireNonNull(body, "body"));
    parameters.remove("bodyFile");
    return this;
  }

  /**
   * Sends the content of this file (a Handlebars template) instead of a generated sample: a path,
   * relative to the working directory, or {@code classpath:} and a resource name. Changes this builder.
   *
   * @param file a path, or {@code classpath:} and a resource name; not null; replaces any {@link #withBody} given
   * @return this builder
   */
  public WebconnexWebhooks withBodyFile(String file) {
    parameters.put("bodyFile", Objects.requireNonNull(file, "file"));
    parameters.remove("body");
    return this;
  }

  /**
   * Waits this long after the stub was served (or {@code send} was called) before delivering. Changes this builder.
   *
   * @param delay how long to wait, kept in whole milliseconds; not negative
   * @return this builder
   */
  public WebconnexWebhooks after(Duration delay) {
    if (delay.isNegative()) {
      throw new IllegalArgumentException("a delay cannot be negative: " + delay);
    }
    parameters.put("delayMilliseconds", delay.toMillis());
    return this;
  }

  /** {@return a copy of the listener parameters, as a mapping's JSON holds them} */
  @JsonValue
  public Map<String, Object> parameters() {
    Map<String, Object> copy = new LinkedHashMap<>(parameters);
    if (copy.get("with") instanceof Map<?, ?> with) {
      copy.put("with", new LinkedHashMap<>(with));
    }
    if (copy.get("without") instanceof List<?> without) {
      copy.put("without", new ArrayList<>(without));
    }
    return copy;
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> overrides() {
    return (Map<String, Object>) parameters.computeIfAbsent("with", k -> new LinkedHashMap<String, Object>());
  }

  @SuppressWarnings("unchecked")
  private List<String> removals() {
    return (List<String>) parameters.computeIfAbsent("without", k -> new ArrayList<String>());
  }

  /** The parameters, such as {@code WebconnexWebhooks{event=coupon, formId=29815}}. */
  @Override
  public String toString() {
    return "WebconnexWebhooks" + parameters;
  }
}
