package io.webconnexkit.wiremock;

import static com.github.tomakehurst.wiremock.common.LocalNotifier.notifier;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.common.Json;
import com.github.tomakehurst.wiremock.extension.MappingsLoaderExtension;
import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.extension.requestfilter.RequestFilterAction;
import com.github.tomakehurst.wiremock.extension.requestfilter.StubRequestFilterV2;
import com.github.tomakehurst.wiremock.extension.responsetemplating.TemplateEngine;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.stubbing.StubMappingCollection;
import com.github.tomakehurst.wiremock.stubbing.StubMappings;
import com.github.tomakehurst.wiremock.stubbing.SubEvent;
import io.webconnexkit.validator.EventType;
import io.webconnexkit.validator.SigningSecret;
import io.webconnexkit.wiremock.internal.DeliveryEngine;
import io.webconnexkit.wiremock.internal.DeliveryPlan;
import io.webconnexkit.wiremock.internal.WebhookApi;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * A mock Webconnex as a WireMock 3 extension. It sends signed webhooks when a stub is hit (the
 * {@value #NAME} serve-event listener, configured with {@link WebconnexWebhooks}) or on demand
 * ({@link #send}), obeys each webhook's settings, keeps the "Recent Deliveries" log, and answers
 * Webconnex's public webhook API from that log ({@code /v2/public/webhooks/{id}/logs},
 * {@code .../logs/{logId}}, {@code .../resend/{logId}}, with an {@code apiKey} header) plus the
 * mock-only {@code POST /__webconnex/webhooks/{id}/test/{kind}} ("Send a Test").
 *
 * <pre>{@code
 * MockWebconnex webconnex = MockWebconnex.builder()
 *     .webhook(WebhookSettings.builder().id(1).name("Orders").url(receiverUrl)
 *         .signingSecret(SigningSecret.of("test-secret")).build())
 *     .build();
 * @RegisterExtension
 * static WireMockExtension wm = WireMockExtension.newInstance()
 *     .options(wireMockConfig().dynamicPort().extensions(webconnex)).build();
 * }</pre>
 *
 * <p>From standalone WireMock, {@code --extensions io.webconnexkit.wiremock.MockWebconnex} uses the
 * public no-argument constructor, which reads its settings from the system property
 * {@code webconnex.settings} or the environment variable {@code WEBCONNEX_SETTINGS} (a settings
 * file), or else builds one webhook for every event and form from {@code webconnex.target} /
 * {@code WEBCONNEX_TARGET} (the URL) and the secret in {@code WEBCONNEX_SECRET} (or the variable
 * named by {@code webconnex.secretEnv}); it loads the bundled mappings unless
 * {@code webconnex.bundledMappings} is {@code false}.
 *
 * <p>Thread-safe. The listener does its work before WireMock writes the stub's response, so once a
 * caller has the response, the delivery is scheduled and {@link #awaitIdle} waits for it.
 */
public final class MockWebconnex implements ServeEventListener, StubRequestFilterV2, MappingsLoaderExtension {

  /** The extension's name: the serve-event listener name used in mappings. */
  public static final String NAME = "webconnex-webhook";
  /** Where the bundled mappings are, one per event type ({@code registration.json}...). */
  public static final String BUNDLED_MAPPINGS = "webconnex/wiremock/mappings/";
  /** How long a receiver gets to answer, unless the builder says otherwise. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

  private final WebconnexSettings settings;
  private final Map<Long, SigningSecret> secrets;
  private final DeliveryEngine engine;
  private final boolean bundledMappings;
  private final WebhookApi api;
  private volatile TemplateEngine templates;

  /** For standalone WireMock ({@code --extensions}): configured from system properties and the environment. */
  public MockWebconnex() {
    this(standaloneBuilder());
  }

  private MockWebconnex(Builder b) {
    WebconnexSettings s = b.settings;
    if (s == null) {
      if (b.webhooks.isEmpty()) {
        throw new InvalidSettingsException(List.of("webhooks: none configured; give settings or at least one webhook"));
      }
      WebconnexSettings.Builder sb = WebconnexSettings.builder();
      b.webhooks.forEach(sb::webhook);
      s = sb.build();
    }
    this.settings = s;
    this.secrets = Map.copyOf(s.resolveSecrets(b.environment));
    this.bundledMappings = b.bundledMappings;
    this.engine = new DeliveryEngine(b.timeout.compareTo(Duration.ofSeconds(5)) < 0 ? b.timeout : Duration.ofSeconds(5), b.timeout);
    this.api = new WebhookApi(new WebhookApi.Backend() {
      @Override
      public boolean hasWebhook(long webhookId) {
        return settings.webhook(webhookId).isPresent();
      }

      @Override
      public List<DeliveryLog> logs(long webhookId) {
        return MockWebconnex.this.logs(webhookId);
      }

      @Override
      public DeliveryLog resend(long webhookId, long logId) {
        return MockWebconnex.this.resend(webhookId, logId);
      }

      @Override
      public DeliveryLog sendTest(long webhookId, TestKind kind) {
        return MockWebconnex.this.sendTest(webhookId, kind);
      }
    });
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String getName() {
    return NAME;
  }

  /** The settings the mock runs with. */
  public WebconnexSettings settings() {
    return settings;
  }

  // ---- stub-triggered deliveries ----------------------------------------------------------------

  /** Only stubs that name this listener deliver. */
  @Override
  public boolean applyGlobally() {
    return false;
  }

  /**
   * Plans, renders, signs and schedules before WireMock writes the response, so a client that has
   * the response can await the delivery. The HTTP request itself goes out on the mock's threads.
   */
  @Override
  public void beforeResponseSent(ServeEvent serveEvent, Parameters parameters) {
    try {
      Map<String, Object> model = new HashMap<>(templates().buildModelForRequest(serveEvent));
      model.put("originalRequest", model.remove("request"));
      model.put("parameters", new LinkedHashMap<>(parameters));
      // The bundled mappings take the webhook and form from the query: render those two first.
      Map<String, Object> rendered = new LinkedHashMap<>(parameters);
      for (String name : List.of("webhook", "formId")) {
        if (rendered.get(name) instanceof String value && value.contains("{{")) {
          rendered.put(name, templates().getUncachedTemplate(value).apply(model));
        }
      }
      DeliveryPlan.Request request = DeliveryPlan.Request.from(rendered);
      DeliveryPlan.Plan plan = DeliveryPlan.plan(request, settings, secrets, renderer(model), false);
      plan.skipped().forEach(skipped -> serveEvent.appendSubEvent("WEBCONNEX_WEBHOOK_SKIPPED",
          Map.of("webhookId", skipped.webhookId(), "reason", skipped.reason())));
      for (DeliveryPlan.Planned planned : plan.planned()) {
        engine.dispatch(planned.outgoing(), request.delay()).whenComplete((log, error) -> {
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

  // ---- on-demand deliveries ---------------------------------------------------------------------

  /**
   * Delivers an event now (after its delay) to every webhook that wants it, and waits for the
   * receivers' answers.
   *
   * @throws IllegalArgumentException when the delivery names an unknown webhook or a bad body
   */
  public SendResult send(WebconnexWebhooks delivery) {
    DeliveryPlan.Request request = DeliveryPlan.Request.from(delivery.parameters());
    Map<String, Object> model = new HashMap<>();
    model.put("parameters", delivery.parameters());
    DeliveryPlan.Plan plan = DeliveryPlan.plan(request, settings, secrets, renderer(model), false);
    List<CompletableFuture<DeliveryLog>> futures = new ArrayList<>();
    plan.planned().forEach(p -> futures.add(engine.dispatch(p.outgoing(), request.delay())));
    return new SendResult(futures.stream().map(CompletableFuture::join).toList(), plan.skipped());
  }

  /** Delivers a generated sample of this event, as {@link #send(WebconnexWebhooks)}. */
  public SendResult send(EventType eventType) {
    return send(WebconnexWebhooks.deliver(eventType));
  }

  /**
   * "Send a Test": a sample of the kind's event to this webhook, whatever events and forms it is
   * toggled on for, logged like any other delivery.
   *
   * @throws IllegalArgumentException when no such webhook is configured
   * @throws IllegalStateException when the webhook is disabled: Webconnex sends nothing then
   */
  public DeliveryLog sendTest(long webhookId, TestKind kind) {
    WebhookSettings webhook = settings.webhook(webhookId)
        .orElseThrow(() -> new IllegalArgumentException("no webhook " + webhookId + " is configured"));
    if (!webhook.enabled()) {
      throw new IllegalStateException("webhook " + webhookId + " is disabled; a disabled webhook sends nothing, tests included");
    }
    WebconnexWebhooks delivery = WebconnexWebhooks.deliver(kind.eventType()).toWebhook(webhookId);
    Map<String, Object> model = new HashMap<>();
    model.put("parameters", delivery.parameters());
    DeliveryPlan.Plan plan = DeliveryPlan.plan(DeliveryPlan.Request.from(delivery.parameters()), settings, secrets,
        renderer(model), true);
    return engine.dispatch(plan.planned().get(0).outgoing(), Duration.ZERO).join();
  }

  /**
   * Resends a logged delivery: the same bytes, delivery id and signature, to the same URL, as a new
   * attempt with its own log id.
   *
   * @throws IllegalArgumentException when the webhook has no such log entry
   */
  public DeliveryLog resend(long webhookId, long logId) {
    DeliveryLog original = logs(webhookId).stream().filter(l -> l.id() == logId).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no delivery log " + logId + " for webhook " + webhookId));
    return engine.resend(original).join();
  }

  // ---- the log ----------------------------------------------------------------------------------

  /** Every attempt so far, oldest first. */
  public List<DeliveryLog> logs() {
    return engine.log();
  }

  /** The attempts logged under this webhook, oldest first. */
  public List<DeliveryLog> logs(long webhookId) {
    return engine.log().stream().filter(l -> l.webhookId() == webhookId).toList();
  }

  /** Forgets every logged attempt, for instance between tests. */
  public void clearLog() {
    engine.clearLog();
  }

  /**
   * Waits until every scheduled delivery has been attempted and logged: after it returns, whatever
   * the mock was going to send has been sent, so "nothing was sent" can be asserted.
   *
   * @throws IllegalStateException when deliveries are still pending after {@code limit}
   */
  public void awaitIdle(Duration limit) {
    engine.awaitIdle(limit);
  }

  /** Stops the mock's threads; pending deliveries are dropped. */
  public void close() {
    engine.close();
  }

  // ---- the webhook API --------------------------------------------------------------------------

  @Override
  public RequestFilterAction filter(Request request, ServeEvent serveEvent) {
    String url = request.getUrl();
    String path = url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
    if (!WebhookApi.handles(path)) {
      return RequestFilterAction.continueWith(request);
    }
    HttpHeader apiKey = request.header("apiKey");
    String key = apiKey != null && apiKey.isPresent() ? apiKey.firstValue() : null;
    return api.handle(request.getMethod().getName(), url, key)
        .map(r -> RequestFilterAction.stopWith(ResponseDefinitionBuilder.responseDefinition()
            .withStatus(r.status())
            .withHeader("Content-Type", "application/json")
            .withBody(r.body())
            .build()))
        .orElseGet(() -> RequestFilterAction.continueWith(request));
  }

  // ---- bundled mappings -------------------------------------------------------------------------

  @Override
  public void loadMappingsInto(StubMappings stubMappings) {
    if (bundledMappings) {
      bundledMappings().forEach(stubMappings::addMapping);
    }
  }

  /** The bundled mappings, one stub per event type: {@code POST /webconnex/events/{event}[?formId=N]}. */
  public static List<StubMapping> bundledMappings() {
    List<StubMapping> mappings = new ArrayList<>();
    for (EventType type : EventType.values()) {
      String resource = BUNDLED_MAPPINGS + type.wireName() + ".json";
      try (InputStream in = MockWebconnex.class.getClassLoader().getResourceAsStream(resource)) {
        if (in == null) {
          throw new IllegalStateException("missing bundled mapping " + resource);
        }
        StubMappingCollection collection = Json.read(new String(in.readAllBytes(), StandardCharsets.UTF_8),
            StubMappingCollection.class);
        mappings.addAll(collection.getMappingOrMappings());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return mappings;
  }

  // ---- internals --------------------------------------------------------------------------------

  private TemplateEngine templates() {
    TemplateEngine t = templates;
    if (t == null) {
      t = TemplateEngine.defaultTemplateEngine();
      templates = t;
    }
    return t;
  }

  private DeliveryPlan.Renderer renderer(Map<String, Object> model) {
    return (template, webhook) -> {
      Map<String, Object> withWebhook = new HashMap<>(model);
      withWebhook.put("webhook", webhook);
      return templates().getUncachedTemplate(template).apply(withWebhook);
    };
  }

  private static Builder standaloneBuilder() {
    Builder b = builder().bundledMappings(!"false".equals(System.getProperty("webconnex.bundledMappings")));
    String settingsFile = firstNonEmpty(System.getProperty("webconnex.settings"), System.getenv("WEBCONNEX_SETTINGS"));
    if (settingsFile != null) {
      return b.settings(WebconnexSettings.read(Path.of(settingsFile)));
    }
    String target = firstNonEmpty(System.getProperty("webconnex.target"), System.getenv("WEBCONNEX_TARGET"));
    String secretVariable = firstNonEmpty(System.getProperty("webconnex.secretEnv"), "WEBCONNEX_SECRET");
    if (target == null) {
      throw new InvalidSettingsException(List.of("no webhook configured: set webconnex.settings (or WEBCONNEX_SETTINGS) to a "
          + "settings file, or webconnex.target (or WEBCONNEX_TARGET) to the receiver's URL and " + secretVariable
          + " to its signing secret"));
    }
    return b.settings(WebconnexSettings.everything(target, SecretSource.environment(secretVariable)));
  }

  private static String firstNonEmpty(String a, String b) {
    return a != null && !a.isBlank() ? a : b != null && !b.isBlank() ? b : null;
  }

  /** Builds a {@link MockWebconnex}; {@link #build()} reads every secret and refuses bad settings. */
  public static final class Builder {
    private WebconnexSettings settings;
    private final List<WebhookSettings> webhooks = new ArrayList<>();
    private Function<String, String> environment = System::getenv;
    private Duration timeout = DEFAULT_TIMEOUT;
    private boolean bundledMappings;

    private Builder() {}

    /** The webhooks to send to (instead of {@link #webhook}). */
    public Builder settings(WebconnexSettings settings) {
      this.settings = Objects.requireNonNull(settings, "settings");
      return this;
    }

    /** Adds one webhook (instead of {@link #settings}). */
    public Builder webhook(WebhookSettings webhook) {
      webhooks.add(Objects.requireNonNull(webhook, "webhook"));
      return this;
    }

    /** Where {@code secretEnv} variables are looked up; {@code System::getenv} by default. */
    public Builder environment(Function<String, String> environment) {
      this.environment = Objects.requireNonNull(environment, "environment");
      return this;
    }

    /** How long a receiver gets to answer before the attempt is logged as an error; 10 s by default. */
    public Builder timeout(Duration timeout) {
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("the timeout must be positive: " + timeout);
      }
      this.timeout = timeout;
      return this;
    }

    /** Whether the mock loads its bundled mappings into WireMock ({@code POST /webconnex/events/{event}}). */
    public Builder bundledMappings(boolean load) {
      this.bundledMappings = load;
      return this;
    }

    /**
     * @throws InvalidSettingsException when a secret cannot be read or two webhooks share an id
     */
    public MockWebconnex build() {
      if (settings != null && !webhooks.isEmpty()) {
        throw new IllegalStateException("give either settings or webhooks, not both");
      }
      return new MockWebconnex(this);
    }
  }
}
