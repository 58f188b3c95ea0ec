package io.webconnexkit.wiremock;

import io.webconnexkit.validator.SecretSource;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.webconnexkit.validator.EventType;
import io.webconnexkit.validator.SigningSecret;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The webhooks a mock Webconnex sends to: one or more {@link WebhookSettings}, each with its own
 * URL, secret, events and forms. Immutable. Built from Java with {@link #builder()}, or read from a
 * JSON file (the same file standalone WireMock and {@code webconnex mock --settings} read):
 *
 * <pre>{@code
 * {
 *   "webhooks": [
 *     {
 *       "id": 1, "name": "Orders", "url": "https://example.org/hooks/orders",
 *       "appKey": "orders-app", "appToken": "tok-123",
 *       "enabled": true,
 *       "events": ["registration", "subscription", "edit_registrant"],
 *       "forms": "all",
 *       "secretEnv": "ORDERS_WEBHOOK_SECRET"
 *     }
 *   ]
 * }
 * }</pre>
 *
 * <p>{@code events} may also be {@code "all"} (the default); {@code forms} may be a list of form
 * ids; {@code secretFile} (relative to the settings file) may stand in for {@code secretEnv}. The
 * secret itself never goes in the file.
 */
public final class WebconnexSettings {

  /** The id of the one webhook {@link #everything} configures. */
  public static final long DEFAULT_WEBHOOK_ID = 1;

  private static final ObjectMapper MAPPER = JsonMapper.builder().build();
  private static final Set<String> FIELDS = Set.of(
      "id", "name", "url", "appKey", "appToken", "enabled", "events", "forms", "secretEnv", "secretFile");

  private final List<WebhookSettings> webhooks;

  private WebconnexSettings(List<WebhookSettings> webhooks) {
    this.webhooks = List.copyOf(webhooks);
  }

/** {@return a builder of settings, one webhook at a time} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * One enabled webhook, every event, every form: what the mock does without a settings file.
   *
   * @param secret where the webhook's signing secret is read from; not null
   * @param url the receiver's absolute http or https URL
   * @return settings holding one webhook, id {@value #DEFAULT_WEBHOOK_ID}
   */
  public static WebconnexSettings everything(String url, SecretSource secret) {
    return builder().webhook(WebhookSettings.builder().id(DEFAULT_WEBHOOK_ID).name("Webconnex Contract Kit mock")
        .url(url).secret(secret).build()).build();
  }

  /** {@return the webhooks, in the order given} */
  public List<WebhookSettings> webhooks() {
    return webhooks;
  }

  /**
   * The webhook with this id.
   *
   * @param id the webhook's id
   * @return the first webhook with that id; empty when none has it
   */
  public Optional<WebhookSettings> webhook(long id) {
    return webhooks.stream().filter(w -> w.id() == id).findFirst();
  }

  /**
   * Reads every webhook's secret now.
   *
   * @throws InvalidSettingsException naming each webhook whose secret cannot be had, and why
   * @param environment maps a variable name to its value; {@code null} for the process's environment
   * @return each webhook's secret by webhook id, in the order of {@link #webhooks()}
   */
  public Map<Long, SigningSecret> resolveSecrets(Function<String, String> environment) {
    Map<Long, SigningSecret> secrets = new LinkedHashMap<>();
    List<String> faults = new ArrayList<>();
    for (WebhookSettings webhook : webhooks) {
      try {
        secrets.put(webhook.id(), webhook.secret().resolve(environment));
      } catch (IllegalArgumentException e) {
        faults.add("webhook " + webhook.id() + ": " + secretField(webhook.secret()) + ": " + e.getMessage());
      }
    }
    if (!faults.isEmpty()) {
      throw new InvalidSettingsException(faults);
    }
    return secrets;
  }

  /**
   * Reads a settings file and checks that every secret can be had, naming every fault at once.
   *
   * @throws InvalidSettingsException for bad JSON, bad fields or secrets that cannot be read
   * @throws IllegalArgumentException when the file cannot be read
   * @param environment maps a variable name to its value; {@code null} for the process's environment
   * @param file the settings file, UTF-8 JSON; {@code secretFile} paths are relative to its folder
   * @return the settings, every secret in them readable
   */
  public static WebconnexSettings read(Path file, Function<String, String> environment) {
    String json;
    try {
      json = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read settings file " + file + ": " + e.getClass().getSimpleName());
    }
    Path base = file.toAbsolutePath().getParent();
    return parse(json, base, environment);
  }

  /**
   * Reads a settings file, with secrets from the real environment.
   *
   * @param file the settings file, UTF-8 JSON; {@code secretFile} paths are relative to its folder
   * @return the settings, every secret in them readable
   */
  public static WebconnexSettings read(Path file) {
    return read(file, null);
  }

  /**
   * Parses settings JSON; {@code secretFile} paths are relative to {@code baseDirectory}.
   *
   * @param json the settings
   * @param baseDirectory what {@code secretFile} paths are relative to
   * @param environment looks up {@code secretEnv} variables; null for the process's environment, as
   *     core's {@code SecretSource} reads it (the bytes the process was given, whatever the locale)
   * @return the settings, every secret in them readable
   * @throws InvalidSettingsException naming every fault, secrets included
   */
  public static WebconnexSettings parse(String json, Path baseDirectory, Function<String, String> environment) {
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new InvalidSettingsException(List.of("not valid JSON: " + e.getOriginalMessage()
          + (e.getLocation() != null ? " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")" : "")));
    }
    List<String> faults = new ArrayList<>();
    if (root == null || !root.isObject()) {
      throw new InvalidSettingsException(List.of("the settings must be a JSON object with a \"webhooks\" array"));
    }
    root.fieldNames().forEachRemaining(field -> {
      if (!field.equals("webhooks")) {
        faults.add(field + ": unknown field; the settings hold only \"webhooks\"");
      }
    });
    JsonNode list = root.path("webhooks");
    if (!list.isArray()) {
      faults.add("webhooks: missing; list the webhooks in an array");
      throw new InvalidSettingsException(faults);
    }
    List<WebhookSettings.Builder> builders = new ArrayList<>();
    List<String> prefixes = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      String prefix = "webhooks[" + i + "].";
      WebhookSettings.Builder builder = fromJson(list.get(i), prefix, baseDirectory, faults);
      if (builder != null) {
        builders.add(builder);
        prefixes.add(prefix);
      }
    }
    List<WebhookSettings> webhooks = new ArrayList<>();
    Map<Long, Integer> seen = new LinkedHashMap<>();
    for (int i = 0; i < builders.size(); i++) {
      WebhookSettings.Builder builder = builders.get(i);
      String prefix = prefixes.get(i);
      List<String> own = builder.faults(prefix);
      faults.addAll(own);
      if (builder.hasId()) {
        Integer first = seen.putIfAbsent(builder.idValue(), i);
        if (first != null) {
          faults.add(prefix + "id: duplicate webhook id " + builder.idValue() + " (also webhooks[" + first + "])");
        }
      }
      if (own.isEmpty()) {
        WebhookSettings webhook = builder.build();
        try {
          webhook.secret().resolve(environment);
        } catch (IllegalArgumentException e) {
          faults.add(prefix + secretField(webhook.secret()) + ": " + e.getMessage());
        }
        webhooks.add(webhook);
      }
    }
    if (list.isEmpty()) {
      faults.add("webhooks: empty; configure at least one webhook");
    }
    if (!faults.isEmpty()) {
      throw new InvalidSettingsException(faults);
    }
    return new WebconnexSettings(webhooks);
  }

  private static WebhookSettings.Builder fromJson(JsonNode node, String prefix, Path base, List<String> faults) {
    if (!node.isObject()) {
      faults.add(prefix.substring(0, prefix.length() - 1) + ": must be an object");
      return null;
    }
    WebhookSettings.Builder b = WebhookSettings.builder();
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String field = it.next();
      if (field.equals("secret") || field.equals("signingSecret")) {
        faults.add(prefix + field + ": the secret itself never goes in a settings file; name its source with secretEnv or secretFile");
      } else if (!FIELDS.contains(field)) {
        faults.add(prefix + field + ": unknown field (known: " + String.join(", ", new TreeSet<>(FIELDS)) + ")");
      }
    }
    JsonNode id = node.get("id");
    if (id != null) {
      if (id.canConvertToLong() && id.isIntegralNumber()) {
        b.id(id.longValue());
      } else {
        faults.add(prefix + "id: must be a positive number but is " + id);
      }
    }
    b.name(text(node, "name", prefix, faults));
    b.url(text(node, "url", prefix, faults));
    b.appKey(text(node, "appKey", prefix, faults));
    b.appToken(text(node, "appToken", prefix, faults));
    JsonNode enabled = node.get("enabled");
    if (enabled != null) {
      if (enabled.isBoolean()) {
        b.enabled(enabled.booleanValue());
      } else {
        faults.add(prefix + "enabled: must be true or false but is " + enabled);
      }
    }
    events(node.get("events"), prefix, b, faults);
    forms(node.get("forms"), prefix, b, faults);
    String env = text(node, "secretEnv", prefix, faults);
    String file = text(node, "secretFile", prefix, faults);
    if (env != null && file != null) {
      faults.add(prefix + "secretEnv and secretFile: give one of them, not both");
    } else if (env != null) {
      try {
        b.secretEnv(env);
      } catch (IllegalArgumentException e) {
        // Core's message: what was given is not a variable name, and it is not repeated.
        faults.add(prefix + "secretEnv: " + e.getMessage());
      }
    } else if (file != null) {
      Path path = Path.of(file);
      b.secretFile(base == null || path.isAbsolute() ? path : base.resolve(path).normalize());
    }
    return b;
  }

  private static void events(JsonNode events, String prefix, WebhookSettings.Builder b, List<String> faults) {
    if (events == null || (events.isTextual() && events.textValue().equals("all"))) {
      return;
    }
    if (!events.isArray()) {
      faults.add(prefix + "events: must be \"all\" or a list of event names but is " + events);
      return;
    }
    List<EventType> types = new ArrayList<>();
    for (int i = 0; i < events.size(); i++) {
      JsonNode event = events.get(i);
      String at = prefix + "events[" + i + "]: ";
      if (!event.isTextual()) {
        faults.add(at + "must be an event name but is " + event);
        continue;
      }
      String name = event.textValue();
      Optional<EventType> type = EventType.fromWireName(name);
      if (type.isPresent() && type.get() != EventType.TEST) {
        types.add(type.get());
      } else if (type.isPresent()) {
        faults.add(at + "\"test\" is not an event a webhook toggles on; test deliveries go to every webhook");
      } else {
        faults.add(at + "unknown event \"" + name + "\""
            + EventType.resembling(name, WebhookSettings.TOGGLEABLE_EVENTS)
                .map(e -> "; did you mean \"" + e.wireName() + "\"?")
                .orElse("; the events are " + String.join(", ", WebhookSettings.TOGGLEABLE_EVENTS.stream().map(EventType::wireName).toList())));
      }
    }
    b.events(types);
  }

  private static void forms(JsonNode forms, String prefix, WebhookSettings.Builder b, List<String> faults) {
    if (forms == null || (forms.isTextual() && forms.textValue().equals("all"))) {
      return;
    }
    if (!forms.isArray()) {
      faults.add(prefix + "forms: must be \"all\" or a list of form ids but is " + forms);
      return;
    }
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < forms.size(); i++) {
      JsonNode form = forms.get(i);
      if (form.isIntegralNumber() && form.canConvertToLong()) {
        ids.add(form.longValue());
      } else {
        faults.add(prefix + "forms[" + i + "]: must be a form id (a number) but is " + form);
      }
    }
    b.forms(ids);
  }

  private static String text(JsonNode node, String field, String prefix, List<String> faults) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      faults.add(prefix + field + ": must be a string but is " + value);
      return null;
    }
    return value.textValue();
  }

  private static String secretField(SecretSource source) {
    return source.environmentVariable().isPresent() ? "secretEnv" : source.secretFile().isPresent() ? "secretFile" : "secret";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof WebconnexSettings s && webhooks.equals(s.webhooks);
  }

  @Override
  public int hashCode() {
    return webhooks.hashCode();
  }

  @Override
  public String toString() {
    return "WebconnexSettings" + webhooks;
  }

  /** Builds {@link WebconnexSettings}. */
  public static final class Builder {
    private final List<WebhookSettings> webhooks = new ArrayList<>();

    private Builder() {}

    /**
     * Adds a webhook after those added before.
     *
     * @param webhook one more webhook
     * @return this builder
     */
    public Builder webhook(WebhookSettings webhook) {
      webhooks.add(Objects.requireNonNull(webhook, "webhook"));
      return this;
    }

    /**
     * Builds the settings from the webhooks added, in that order.
     *
     * @throws InvalidSettingsException when there is no webhook or two share an id
     * @return the settings, immutable
     */
    public WebconnexSettings build() {
      List<String> faults = new ArrayList<>();
      if (webhooks.isEmpty()) {
        faults.add("webhooks: empty; configure at least one webhook");
      }
      Set<Long> seen = new TreeSet<>();
      for (WebhookSettings webhook : webhooks) {
        if (!seen.add(webhook.id())) {
          faults.add("webhook " + webhook.id() + ": id: duplicate webhook id " + webhook.id());
        }
      }
      if (!faults.isEmpty()) {
        throw new InvalidSettingsException(faults);
      }
      return new WebconnexSettings(webhooks);
    }
  }
}
