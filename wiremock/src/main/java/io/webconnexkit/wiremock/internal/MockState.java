package io.webconnexkit.wiremock.internal;

import com.github.tomakehurst.wiremock.extension.responsetemplating.TemplateEngine;
import io.webconnexkit.validator.SigningSecret;
import io.webconnexkit.wiremock.DeliveryLog;
import io.webconnexkit.wiremock.SendResult;
import io.webconnexkit.wiremock.TestKind;
import io.webconnexkit.wiremock.WebconnexSettings;
import io.webconnexkit.wiremock.WebconnexWebhooks;
import io.webconnexkit.wiremock.WebhookSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * What the mock's WireMock extensions share: the webhook settings with their secrets, the engine
 * that sends and keeps the log, the template engine for body templates, and whether the bundled
 * mappings are loaded. One per {@code MockWebconnex}; thread-safe. Not API.
 */
public final class MockState implements WebhookApi.Backend {

  private final WebconnexSettings settings;
  private final Map<Long, SigningSecret> secrets;
  private final DeliveryEngine engine;
  private final boolean bundledMappings;
  private final ApiAccess apiAccess;
  private volatile TemplateEngine templates;

  /**
   * @param timeout how long a receiver gets to answer
   * @param maxLogEntries how many attempts the delivery log keeps
   */
  public MockState(WebconnexSettings settings, Map<Long, SigningSecret> secrets, Duration timeout, int maxLogEntries,
      boolean bundledMappings) {
    this(settings, secrets, timeout, maxLogEntries, bundledMappings, ApiAccess.open());
  }

  /**
   * @param timeout how long a receiver gets to answer
   * @param maxLogEntries how many attempts the delivery log keeps
   * @param apiAccess the API key the public API accepts, and its rate limits
   */
  public MockState(WebconnexSettings settings, Map<Long, SigningSecret> secrets, Duration timeout, int maxLogEntries,
      boolean bundledMappings, ApiAccess apiAccess) {
    this.apiAccess = apiAccess;
    this.settings = settings;
    this.secrets = Map.copyOf(secrets);
    this.bundledMappings = bundledMappings;
    Duration connect = timeout.compareTo(Duration.ofSeconds(5)) < 0 ? timeout : Duration.ofSeconds(5);
    this.engine = new DeliveryEngine(connect, timeout, maxLogEntries);
  }

  /** The webhooks and their settings. */
  public WebconnexSettings settings() {
    return settings;
  }

  /** Whether the bundled mappings (and with them {@code POST /webconnex/events/{event}}) are the mock's. */
  public boolean bundledMappings() {
    return bundledMappings;
  }

  /** Which API key the public API accepts, and its rate limits. */
  public ApiAccess apiAccess() {
    return apiAccess;
  }

  /** The signing secret of a configured webhook, for the mock's own use (replays). */
  public java.util.Optional<SigningSecret> secret(long webhookId) {
    return java.util.Optional.ofNullable(secrets.get(webhookId));
  }

  /** The engine that sends and logs. */
  public DeliveryEngine engine() {
    return engine;
  }

  /** Plans one event with the mock's settings and secrets. */
  public DeliveryPlan.Plan plan(DeliveryPlan.Request request, DeliveryPlan.Renderer render, boolean test) {
    return DeliveryPlan.plan(request, settings, secrets, render, test);
  }

  /** WireMock's Handlebars engine with its default helpers, made on first use. */
  public TemplateEngine templates() {
    TemplateEngine t = templates;
    if (t == null) {
      t = TemplateEngine.defaultTemplateEngine();
      templates = t;
    }
    return t;
  }

  /** A renderer of body templates over this model plus {@code webhook}. */
  public DeliveryPlan.Renderer renderer(Map<String, Object> model) {
    return (template, webhook) -> {
      Map<String, Object> withWebhook = new HashMap<>(model);
      withWebhook.put("webhook", webhook);
      return templates().getUncachedTemplate(template).apply(withWebhook);
    };
  }

  /** Delivers now (after the delay) and waits for the receivers' answers. */
  public SendResult send(WebconnexWebhooks delivery) {
    Map<String, Object> parameters = delivery.parameters();
    DeliveryPlan.Request request = DeliveryPlan.Request.from(parameters);
    DeliveryPlan.Plan plan = plan(request, renderer(Map.of("parameters", parameters)), false);
    List<CompletableFuture<DeliveryLog>> futures = new ArrayList<>();
    plan.planned().forEach(p -> futures.add(engine.dispatch(p.outgoing(), request.delay())));
    return new SendResult(futures.stream().map(CompletableFuture::join).toList(), plan.skipped());
  }

  @Override
  public DeliveryLog sendTest(long webhookId, TestKind kind) {
    WebhookSettings webhook = settings.webhook(webhookId)
        .orElseThrow(() -> new IllegalArgumentException(DeliveryPlan.noWebhook(webhookId, settings)));
    if (!webhook.enabled()) {
      throw new IllegalStateException("webhook " + webhookId + " is disabled; a disabled webhook sends nothing, tests included");
    }
    Map<String, Object> parameters = WebconnexWebhooks.deliver(kind.eventType()).toWebhook(webhookId).parameters();
    DeliveryPlan.Plan plan = plan(DeliveryPlan.Request.from(parameters), renderer(Map.of("parameters", parameters)), true);
    return engine.dispatch(plan.planned().get(0).outgoing(), Duration.ZERO).join();
  }

  @Override
  public DeliveryLog resend(long webhookId, long logId) {
    DeliveryLog original = logs(webhookId).stream().filter(l -> l.id() == logId).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no delivery log " + logId + " for webhook " + webhookId));
    return engine.resend(original).join();
  }

  @Override
  public boolean hasWebhook(long webhookId) {
    return settings.webhook(webhookId).isPresent();
  }

  @Override
  public List<DeliveryLog> logs(long webhookId) {
    return engine.log().stream().filter(l -> l.webhookId() == webhookId).toList();
  }
}
