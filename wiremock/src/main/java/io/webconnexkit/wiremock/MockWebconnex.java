package io.webconnexkit.wiremock;

import io.webconnexkit.validator.SecretSource;
import com.github.tomakehurst.wiremock.core.Options;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.Extension;
import com.github.tomakehurst.wiremock.extension.MappingsLoaderExtension;
import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.extension.requestfilter.ContinueAction;
import com.github.tomakehurst.wiremock.extension.requestfilter.RequestFilterAction;
import com.github.tomakehurst.wiremock.extension.requestfilter.StubRequestFilterV2;
import com.github.tomakehurst.wiremock.http.AdminRequestHandler;
import com.github.tomakehurst.wiremock.http.DefaultFactory;
import com.github.tomakehurst.wiremock.http.HttpServer;
import com.github.tomakehurst.wiremock.http.HttpServerFactory;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.StubRequestHandler;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.stubbing.StubMappings;
import io.webconnexkit.validator.EventType;
import io.webconnexkit.wiremock.internal.ApiAccess;
import io.webconnexkit.wiremock.internal.BundledMappingsLoader;
import io.webconnexkit.wiremock.internal.EventRequestFilter;
import io.webconnexkit.wiremock.internal.MalformedQueryGuard;
import io.webconnexkit.wiremock.internal.MockState;
import io.webconnexkit.wiremock.internal.StubDeliveryListener;
import io.webconnexkit.wiremock.internal.WebhookApiFilter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * A mock Webconnex for WireMock 3. It sends signed webhooks when a stub is hit (the {@value #NAME}
 * serve-event listener, configured with {@link WebconnexWebhooks}) or on demand ({@link #send}),
 * obeys each webhook's settings, keeps the "Recent Deliveries" log, and answers Webconnex's public
 * webhook API from that log ({@code /v2/public/webhooks/{id}/logs}, {@code .../logs/{logId}},
 * {@code .../resend/{logId}}, with an {@code apiKey} header) plus the mock-only
 * {@code POST /__webconnex/webhooks/{id}/test/{kind}} ("Send a Test"). The API answers as
 * integrators measured Webconnex's: with {@link Builder#apiKey} only that key is accepted (401 with
 * code 4401 without one, 404 with code 4404 for another), error bodies carry {@code description},
 * {@code limit} is 1 to 50, every answer carries {@code X-Daily-*} and {@code X-Burst-*} rate-limit
 * headers, and {@link Builder#burstLimit} answers 429 past a burst. {@link DeliveryReplay} replays
 * recorded deliveries into a webhook, logged like any other delivery.
 *
 * <pre>{@code
 * MockWebconnex webconnex = MockWebconnex.builder()
 *     .webhook(WebhookSettings.builder().id(1).name("Orders").url(receiverUrl)
 *         .signingSecret(SigningSecret.of("test-secret")).build())
 *     .build();
 * @RegisterExtension
 * static WireMockExtension wm = WireMockExtension.newInstance().options(webconnex.wireMockOptions()).build();
 * }</pre>
 *
 * <p><b>Its extensions.</b> The work is done by small WireMock extensions over one shared state,
 * each named for what it does ({@link #extensions()}): the {@value #NAME} listener that delivers a
 * stub's event, a request filter that answers the webhook API, a request filter that refuses a
 * {@code POST /webconnex/events/{event}} that would send nothing (an undocumented event, a
 * {@code formId} or {@code webhook} that is not an id, a webhook that is not configured), a loader
 * of the bundled mappings, and a server factory that answers a query string WireMock cannot decode
 * with a {@code 400} instead of WireMock's 500 page. This object registers them all at once, under
 * the listener's name ({@code .extensions(webconnex)}, or {@code --extensions} with this class name),
 * by handing each WireMock call to the extension it belongs to; {@code .extensions(webconnex.extensions()...)}
 * registers them one by one. Use one way or the other, not both.
 *
 * <p>From standalone WireMock, {@code --extensions io.webconnexkit.wiremock.MockWebconnex} uses the
 * public no-argument constructor, which reads its settings from the system property
 * {@code webconnex.settings} or the environment variable {@code WEBCONNEX_SETTINGS} (a settings
 * file), or else builds one webhook for every event and form from {@code webconnex.target} /
 * {@code WEBCONNEX_TARGET} (the URL) and the secret in {@code WEBCONNEX_SECRET} (or the variable
 * named by {@code webconnex.secretEnv}); the logs API accepts only the key in the variable
 * {@code webconnex.apiKeyEnv} names, when it is set; it loads the bundled mappings unless
 * {@code webconnex.bundledMappings} is {@code false}. Give WireMock
 * {@code --max-request-journal-entries} there: see {@link #REQUEST_JOURNAL_LIMIT}.
 *
 * <p>Thread-safe. The listener does its work before WireMock writes the stub's response, so once a
 * caller has the response, the delivery is scheduled and {@link #awaitIdle} waits for it.
 */
public final class MockWebconnex
    implements ServeEventListener, StubRequestFilterV2, MappingsLoaderExtension, HttpServerFactory, DefaultFactory {

  /** The extension's name: the serve-event listener name used in mappings. */
  public static final String NAME = "webconnex-webhook";
  /** Where the bundled mappings are, one per event type ({@code registration.json}...). */
  public static final String BUNDLED_MAPPINGS = BundledMappingsLoader.RESOURCES;
  /** How long a receiver gets to answer, unless the builder says otherwise. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
  /** How many delivery attempts the mock's log keeps, unless the builder says otherwise; the oldest go first. */
  public static final int DEFAULT_MAX_LOG_ENTRIES = 10_000;
  /**
   * How many requests WireMock's admin request journal ({@code GET /__admin/requests}) keeps in
   * {@link #wireMockOptions()}: WireMock keeps every request and its body by default, so a mock
   * that runs for long, or receives large bodies, would grow without bound.
   */
  public static final int REQUEST_JOURNAL_LIMIT = 1_000;

  private final MockState state;
  private final StubDeliveryListener delivers;
  private final WebhookApiFilter webhookApi;
  private final EventRequestFilter eventRequests;
  private final BundledMappingsLoader mappings;
  private final MalformedQueryGuard queryGuard;

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
    this.state = new MockState(s, s.resolveSecrets(b.environment), b.timeout, b.maxLogEntries, b.bundledMappings,
        ApiAccess.of(b.apiKey, b.burstLimit, b.burstWindow));
    if (b.activity != null) {
      state.activity(b.activity);
    }
    this.delivers = new StubDeliveryListener(state);
    this.webhookApi = new WebhookApiFilter(state);
    this.eventRequests = new EventRequestFilter(state);
    this.mappings = new BundledMappingsLoader(state);
    this.queryGuard = new MalformedQueryGuard();
  }

  /** {@return a builder of a mock; {@link Builder#build()} reads every secret and refuses bad settings} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@value #NAME}: the listener's name, under which WireMock knows this object. */
  @Override
  public String getName() {
    return NAME;
  }

  /** {@return the settings the mock runs with} */
  public WebconnexSettings settings() {
    return state.settings();
  }

  /**
   * The mock's WireMock extensions, one per role, over this mock's state: the {@value #NAME}
   * delivering listener, the webhook API filter ({@code webconnex-webhook-api}), the delivery
   * request filter ({@code webconnex-event-requests}), the bundled mappings loader
   * ({@code webconnex-bundled-mappings}) and the query guard ({@code webconnex-malformed-query-guard}).
   * Registering this list does what registering the mock itself does.
   *
   * @return an immutable list of five extensions, in the order above
   */
  public List<Extension> extensions() {
    return List.of(delivers, webhookApi, eventRequests, mappings, queryGuard);
  }

  /**
   * WireMock options to start from: this mock registered, 127.0.0.1 on a free port, and the admin
   * request journal limited to {@value #REQUEST_JOURNAL_LIMIT} requests. Change what you need on
   * the result ({@code .port(8089)}, {@code .maxRequestJournalEntries(n)}); a new object each call.
   *
   * @return a new, mutable configuration with this mock registered as an extension
   */
  public WireMockConfiguration wireMockOptions() {
    return WireMockConfiguration.wireMockConfig().dynamicPort().bindAddress("127.0.0.1")
        .maxRequestJournalEntries(REQUEST_JOURNAL_LIMIT).extensions(this);
  }

  // ---- WireMock roles, each handed to its extension ----------------------------------------------

  /** Only stubs that name the {@value #NAME} listener deliver. */
  @Override
  public boolean applyGlobally() {
    return delivers.applyGlobally();
  }

  /** Delivers the stub's event (see {@link WebconnexWebhooks}). */
  @Override
  public void beforeResponseSent(ServeEvent serveEvent, Parameters parameters) {
    delivers.beforeResponseSent(serveEvent, parameters);
  }

  /** Answers the webhook API, refuses delivery requests that would send nothing, and passes on the rest. */
  @Override
  public RequestFilterAction filter(Request request, ServeEvent serveEvent) {
    RequestFilterAction api = webhookApi.filter(request, serveEvent);
    if (!(api instanceof ContinueAction next)) {
      return api;
    }
    return eventRequests.filter(next.getRequest(), serveEvent);
  }

  /** Loads the bundled mappings when the mock is built with them. */
  @Override
  public void loadMappingsInto(StubMappings stubMappings) {
    mappings.loadMappingsInto(stubMappings);
  }

  /** WireMock's Jetty server with the query guard in front (see {@link #extensions()}). */
  @Override
  public HttpServer buildHttpServer(Options options, AdminRequestHandler adminRequestHandler,
      StubRequestHandler stubRequestHandler) {
    return queryGuard.buildHttpServer(options, adminRequestHandler, stubRequestHandler);
  }

  // ---- on-demand deliveries ---------------------------------------------------------------------

  /**
   * Delivers an event now (after its delay) to every webhook that wants it, and waits for the
   * receivers' answers.
   *
   * @throws IllegalArgumentException when the delivery names an unknown webhook or a bad body
   * @param delivery the event, its body and its target webhooks or form; not null
   * @return the attempt for each webhook sent to, and each webhook skipped with the reason
   */
  public SendResult send(WebconnexWebhooks delivery) {
    return state.send(delivery);
  }

  /**
   * Delivers a generated sample of this event, as {@link #send(WebconnexWebhooks)}.
   *
   * @param eventType the event to send a generated sample of; not null
   * @return the attempt for each webhook sent to, and each webhook skipped with the reason
   */
  public SendResult send(EventType eventType) {
    return send(WebconnexWebhooks.deliver(eventType));
  }

  /**
   * "Send a Test": a sample of the kind's event to this webhook, whatever events and forms it is
   * toggled on for, logged like any other delivery.
   *
   * @throws IllegalArgumentException when no such webhook is configured
   * @throws IllegalStateException when the webhook is disabled: Webconnex sends nothing then
   * @param kind which test event to send
   * @param webhookId the id of a configured, enabled webhook
   * @return the logged attempt, once the receiver has answered or the attempt has failed
   */
  public DeliveryLog sendTest(long webhookId, TestKind kind) {
    return state.sendTest(webhookId, kind);
  }

  /**
   * Resends a logged delivery: the same bytes, delivery id and signature, to the same URL, as a new
   * attempt with its own log id.
   *
   * @throws IllegalArgumentException when the webhook has no such log entry
   * @param logId the id of the log entry to resend, as in {@link DeliveryLog#id()}
   * @param webhookId the id of the webhook the entry is logged under
   * @return the new attempt, with its own log id, once the receiver has answered or it has failed
   */
  public DeliveryLog resend(long webhookId, long logId) {
    return state.resend(webhookId, logId);
  }

  /** The shared state, for {@link DeliveryReplay}. */
  MockState state() {
    return state;
  }

  // ---- the log ----------------------------------------------------------------------------------

  /** {@return every attempt the log keeps, oldest first (at most {@link Builder#maxLogEntries})} */
  public List<DeliveryLog> logs() {
    return state.engine().log();
  }

  /**
   * The attempts logged under this webhook, oldest first.
   *
   * @param webhookId the webhook's id; an id that is not configured has no attempts
   * @return an immutable list, oldest first; empty when nothing is logged under the webhook
   */
  public List<DeliveryLog> logs(long webhookId) {
    return state.logs(webhookId);
  }

  /** Forgets every logged attempt, for instance between tests. */
  public void clearLog() {
    state.engine().clearLog();
  }

  /**
   * Waits until every scheduled delivery has been attempted and logged: after it returns, whatever
   * the mock was going to send has been sent, so "nothing was sent" can be asserted.
   *
   * @throws IllegalStateException when deliveries are still pending after {@code limit}
   * @param limit the longest to wait; not null
   */
  public void awaitIdle(Duration limit) {
    state.engine().awaitIdle(limit);
  }

  /** Stops the mock's threads; pending deliveries are dropped. */
  public void close() {
    state.engine().close();
  }

  // ---- bundled mappings -------------------------------------------------------------------------

  /** {@return the bundled mappings, one stub per event type: {@code POST /webconnex/events/{event}[?formId=N&webhook=ID]}} */
  public static List<StubMapping> bundledMappings() {
    return BundledMappingsLoader.mappings();
  }

  // ---- internals --------------------------------------------------------------------------------

  private static Builder standaloneBuilder() {
    Builder b = builder().bundledMappings(!"false".equals(System.getProperty("webconnex.bundledMappings")));
    String apiKeyVariable = System.getProperty("webconnex.apiKeyEnv");
    if (apiKeyVariable != null && !apiKeyVariable.isBlank()) {
      b.apiKey(standaloneApiKey(apiKeyVariable.trim()));
    }
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

  /** The API key from the variable {@code webconnex.apiKeyEnv} names; the messages never hold the key. */
  private static String standaloneApiKey(String variable) {
    if (!SecretSource.isName(variable)) {
      throw new InvalidSettingsException(List.of("webconnex.apiKeyEnv: expected the name of an environment variable, "
          + "but what was given is not a name (it is not repeated here, in case it is the API key itself)"));
    }
    String key = System.getenv(variable);
    if (key == null || key.isBlank()) {
      throw new InvalidSettingsException(List.of("webconnex.apiKeyEnv: " + (variable.matches("[A-Z_][A-Z0-9_]*")
          ? "environment variable " + variable + " is not set or is empty"
          : "the environment variable given is not set or is empty")));
    }
    return key.trim();
  }

  private static String firstNonEmpty(String a, String b) {
    return a != null && !a.isBlank() ? a : b != null && !b.isBlank() ? b : null;
  }

  /** Builds a {@link MockWebconnex}; {@link #build()} reads every secret and refuses bad settings. */
  public static final class Builder {
    private WebconnexSettings settings;
    private final List<WebhookSettings> webhooks = new ArrayList<>();
    /** Null: the process's environment, read by core's SecretSource whatever the JVM's locale. */
    private Function<String, String> environment;
    private Duration timeout = DEFAULT_TIMEOUT;
    private int maxLogEntries = DEFAULT_MAX_LOG_ENTRIES;
    private boolean bundledMappings;
    private String apiKey;
    private int burstLimit;
    private Duration burstWindow = ApiAccess.BURST_WINDOW;
    private MockActivity activity;

    private Builder() {}

    /**
     * The only API key the public API accepts, as Webconnex does: a request without an {@code apiKey}
     * header is answered 401 (code 4401), one with another key 404 (code 4404). Without it, any
     * non-blank key is accepted. The key is never printed.
     *
     * @throws IllegalArgumentException when it is blank
     * @param apiKey the key, compared as given; not null or blank
     * @return this builder
     */
    public Builder apiKey(String apiKey) {
      if (apiKey == null || apiKey.isBlank()) {
        throw new IllegalArgumentException("the API key must not be blank");
      }
      this.apiKey = apiKey;
      return this;
    }

    /**
     * Refuses an API key's requests beyond {@code requests} per {@code window} with 429, as
     * Webconnex does past its burst limit, so that a client's waiting can be tested; each key is
     * counted on its own, as an account is. Without it the mock reports
     * Webconnex's limits ({@code X-Burst-*}: 900 per 15 minutes; {@code X-Daily-*}: 10,000 a day)
     * in every answer but refuses nothing.
     *
     * @throws IllegalArgumentException when either is not positive
     * @param requests the most API requests of one key answered in one window, at least 1
     * @param window the length of a window, positive
     * @return this builder
     */
    public Builder burstLimit(int requests, Duration window) {
      if (requests < 1 || window.isNegative() || window.isZero()) {
        throw new IllegalArgumentException("a burst limit needs at least one request and a positive window");
      }
      this.burstLimit = requests;
      this.burstWindow = window;
      return this;
    }

    /**
     * Told of every delivery attempt and every logs API call as they happen (what
     * {@code webconnex mock} prints); none by default.
     *
     * @param activity the listener, called on the mock's threads
     * @return this builder
     */
    public Builder activity(MockActivity activity) {
      this.activity = Objects.requireNonNull(activity, "activity");
      return this;
    }

    /**
     * The webhooks to send to (instead of {@link #webhook}).
     *
     * @param settings the whole settings (every webhook); not null
     * @return this builder
     */
    public Builder settings(WebconnexSettings settings) {
      this.settings = Objects.requireNonNull(settings, "settings");
      return this;
    }

    /**
     * Adds one webhook (instead of {@link #settings}).
     *
     * @param webhook one webhook's settings; not null; ids must be unique
     * @return this builder
     */
    public Builder webhook(WebhookSettings webhook) {
      webhooks.add(Objects.requireNonNull(webhook, "webhook"));
      return this;
    }

    /**
     * Where {@code secretEnv} variables are looked up; {@code System::getenv} by default.
     *
     * @param environment maps a variable name to its value, or to {@code null} when unset; not null
     * @return this builder
     */
    public Builder environment(Function<String, String> environment) {
      this.environment = Objects.requireNonNull(environment, "environment");
      return this;
    }

    /**
     * How long a receiver gets to answer before the attempt is logged as an error; 10 s by default.
     *
     * @param timeout how long to wait for a receiver's answer, positive
     * @return this builder
     */
    public Builder timeout(Duration timeout) {
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("the timeout must be positive: " + timeout);
      }
      this.timeout = timeout;
      return this;
    }

    /**
     * How many delivery attempts the log keeps (and the logs API serves); the oldest go first.
     * {@value MockWebconnex#DEFAULT_MAX_LOG_ENTRIES} by default.
     *
     * @param entries the most attempts kept, at least 1
     * @return this builder
     */
    public Builder maxLogEntries(int entries) {
      if (entries < 1) {
        throw new IllegalArgumentException("the log must keep at least one entry: " + entries);
      }
      this.maxLogEntries = entries;
      return this;
    }

    /**
     * Whether the mock loads its bundled mappings into WireMock ({@code POST /webconnex/events/{event}}),
     * and refuses delivery requests there that would send nothing.
     *
     * @param load {@code true} to load the bundled mappings; {@code false} (the default) not to
     * @return this builder
     */
    public Builder bundledMappings(boolean load) {
      this.bundledMappings = load;
      return this;
    }

    /**
     * Builds the mock from either the settings or the webhooks given, never both.
     *
     * @throws InvalidSettingsException when a secret cannot be read or two webhooks share an id
     * @throws IllegalStateException when both settings and webhooks were given
     * @return a new mock, its secrets already read
     */
    public MockWebconnex build() {
      if (settings != null && !webhooks.isEmpty()) {
        throw new IllegalStateException("give either settings or webhooks, not both");
      }
      return new MockWebconnex(this);
    }
  }
}
