package io.webconnexkit.wiremock;

import io.webconnexkit.validator.SecretSource;
import io.webconnexkit.validator.EventType;
import io.webconnexkit.validator.SigningSecret;
import io.webconnexkit.validator.WebhookMeta;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * One webhook as configured on its Webconnex settings page ("Customize a Webhook"): name, optional
 * App Key and App/API Token, URL, the status toggle, the event toggles, the forms it sends data
 * from ("Send Data from Every Page", or a list of forms), and where its signing secret comes from.
 * Immutable; built with {@link #builder()} or read from JSON by {@link WebconnexSettings}.
 */
public final class WebhookSettings {

  /** The events a webhook can toggle on: every documented event except {@code test}. */
  public static final Set<EventType> TOGGLEABLE_EVENTS =
      Collections.unmodifiableSet(EnumSet.complementOf(EnumSet.of(EventType.TEST)));

  private final long id;
  private final String name;
  private final URI url;
  private final String appKey;
  private final String appToken;
  private final boolean enabled;
  private final Set<EventType> events;
  private final Set<Long> forms;
  private final SecretSource secret;

  private WebhookSettings(Builder b) {
    this.id = b.id;
    this.name = b.name;
    this.url = URI.create(b.url);
    this.appKey = b.appKey;
    this.appToken = b.appToken;
    this.enabled = b.enabled;
    this.events = Collections.unmodifiableSet(b.events == null ? EnumSet.copyOf(TOGGLEABLE_EVENTS) : EnumSet.copyOf(b.events));
    this.forms = b.forms == null ? null : Collections.unmodifiableSet(new TreeSet<>(b.forms));
    this.secret = b.secret;
  }

/** {@return a builder of one webhook's settings} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return a builder holding these settings, to derive changed copies} */
  public Builder toBuilder() {
    Builder b = new Builder().id(id).name(name).url(url.toString()).enabled(enabled).secret(secret);
    b.appKey = appKey;
    b.appToken = appToken;
    b.events = EnumSet.copyOf(events);
    b.forms = forms == null ? null : new TreeSet<>(forms);
    return b;
  }

  /** {@return the webhook's id; the mock's webhook API logs its deliveries under it} */
  public long id() {
    return id;
  }

  /** {@return the webhook's name, sent as {@code meta.name}} */
  public String name() {
    return name;
  }

  /** {@return where deliveries go} */
  public URI url() {
    return url;
  }

  /** {@return the App Key, sent as {@code meta.appKey} when set} */
  public Optional<String> appKey() {
    return Optional.ofNullable(appKey);
  }

  /** {@return the App/API Token, sent as {@code meta.appToken} when set} */
  public Optional<String> appToken() {
    return Optional.ofNullable(appToken);
  }

  /** {@return the {@code meta} every payload of this webhook carries: its name, App Key and App/API Token} */
  public WebhookMeta meta() {
    return WebhookMeta.of(name).withAppKey(appKey).withAppToken(appToken);
  }

  /** {@return the status toggle: a disabled webhook sends nothing} */
  public boolean enabled() {
    return enabled;
  }

  /** {@return the events toggled on: an unmodifiable set, never null, empty when none is; never {@code test}} */
  public Set<EventType> events() {
    return events;
  }

  /** {@return whether every form sends data ("Send Data from Every Page")} */
  public boolean allForms() {
    return forms == null;
  }

  /** {@return the forms that send data, when not every form does} */
  public Optional<Set<Long>> forms() {
    return Optional.ofNullable(forms);
  }

  /** {@return where the signing secret comes from} */
  public SecretSource secret() {
    return secret;
  }

  /**
   * Whether this webhook is toggled on for this event. {@code test} events go to every webhook.
   *
   * @param eventType the event a delivery is of
   * @return {@code true} for {@code test}, or when the event is toggled on
   */
  public boolean subscribesTo(EventType eventType) {
    return eventType == EventType.TEST || events.contains(eventType);
  }

  /**
   * Whether an event of this form is sent. An event without a form (a global coupon) passes every
   * form list.
   *
   * @param formId the id of the event's form, or {@code null} for an event without one
   * @return {@code true} when every form sends, the event has no form, or its form is listed
   */
  public boolean sendsForm(Long formId) {
    return forms == null || formId == null || forms.contains(formId);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof WebhookSettings w && id == w.id && enabled == w.enabled && name.equals(w.name)
        && url.equals(w.url) && Objects.equals(appKey, w.appKey) && Objects.equals(appToken, w.appToken)
        && events.equals(w.events) && Objects.equals(forms, w.forms) && secret.equals(w.secret);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, name, url, appKey, appToken, enabled, events, forms, secret);
  }

  @Override
  public String toString() {
    return "webhook " + id + " \"" + name + "\" -> " + url + " (" + (enabled ? "enabled" : "disabled")
        + "; events: " + (events.equals(TOGGLEABLE_EVENTS) ? "all" : eventList(events))
        + "; forms: " + (forms == null ? "all" : forms.toString()) + "; " + secret + ")";
  }

  private static String eventList(Set<EventType> events) {
    List<String> names = new ArrayList<>();
    events.forEach(e -> names.add(e.wireName()));
    return String.join(", ", names);
  }

  /** Builds {@link WebhookSettings}; {@link #build()} names every missing or bad field at once. */
  public static final class Builder {
    private Long id;
    private String name;
    private String url;
    private String appKey;
    private String appToken;
    private boolean enabled = true;
    private Set<EventType> events;
    private Set<Long> forms;
    private SecretSource secret;

    private Builder() {}

    /**
     * Required: a positive number, unique among the webhooks of one mock.
     *
     * @param id the webhook's id, greater than 0
     * @return this builder
     */
    public Builder id(long id) {
      this.id = id;
      return this;
    }

    /**
     * Required: the webhook's name, sent as {@code meta.name}.
     *
     * @param name the name; not blank
     * @return this builder
     */
    public Builder name(String name) {
      this.name = name;
      return this;
    }

    /**
     * Required: an absolute http or https URL.
     *
     * @param url the receiver's URL, with a host, such as {@code https://example.org/hooks}
     * @return this builder
     */
    public Builder url(String url) {
      this.url = url;
      return this;
    }

    /**
     * Optional App Key; {@code null} clears it.
     *
     * @param appKey the App Key, or {@code null} for none
     * @return this builder
     */
    public Builder appKey(String appKey) {
      this.appKey = appKey;
      return this;
    }

    /**
     * Optional App/API Token; {@code null} clears it.
     *
     * @param appToken the App/API Token, or {@code null} for none
     * @return this builder
     */
    public Builder appToken(String appToken) {
      this.appToken = appToken;
      return this;
    }

    /**
     * The status toggle; on by default.
     *
     * @param enabled {@code false} for a webhook that sends nothing
     * @return this builder
     */
    public Builder enabled(boolean enabled) {
      this.enabled = enabled;
      return this;
    }

    /**
     * The events toggled on (all of them unless this is called).
     *
     * @param events the events to toggle on, replacing any given before; none toggles every event off; not {@code test}
     * @return this builder
     */
    public Builder events(EventType... events) {
      return events(List.of(events));
    }

    /**
     * The events toggled on (all of them unless this is called).
     *
     * @param events the events to toggle on, replacing any given before; empty toggles every event off; not {@code test}
     * @return this builder
     */
    public Builder events(Collection<EventType> events) {
      this.events = events.isEmpty() ? EnumSet.noneOf(EventType.class) : EnumSet.copyOf(events);
      return this;
    }

    /** {@return this builder, with every event toggled on (the default)} */
    public Builder allEvents() {
      this.events = null;
      return this;
    }

    /**
     * Only events of these forms are sent ("Send Data from Every Page" off).
     *
     * @param formIds the ids of the forms whose events are sent; none sends only events without a form
     * @return this builder
     */
    public Builder forms(long... formIds) {
      Set<Long> set = new TreeSet<>();
      for (long formId : formIds) {
        set.add(formId);
      }
      this.forms = set;
      return this;
    }

    /**
     * Only events of these forms are sent ("Send Data from Every Page" off).
     *
     * @param formIds the ids of the forms whose events are sent; empty sends only events without a form
     * @return this builder
     */
    public Builder forms(Collection<Long> formIds) {
      this.forms = new TreeSet<>(formIds);
      return this;
    }

    /** {@return this builder, with events of every form sent (the default)} */
    public Builder allForms() {
      this.forms = null;
      return this;
    }

    /**
     * Required: where the signing secret comes from.
     *
     * @param secret where the secret is read from when the mock is built; replaces any source given before
     * @return this builder
     */
    public Builder secret(SecretSource secret) {
      this.secret = secret;
      return this;
    }

    /**
     * The signing secret itself, from Java.
     *
     * @param secret the secret; not null
     * @return this builder
     */
    public Builder signingSecret(SigningSecret secret) {
      return secret(SecretSource.of(secret));
    }

    /**
     * The signing secret is the value of this environment variable.
     *
     * @param variable the variable's name, such as {@code WEBCONNEX_SECRET}
     * @return this builder
     */
    public Builder secretEnv(String variable) {
      return secret(SecretSource.environment(variable));
    }

    /**
     * The signing secret is the content of this file.
     *
     * @param file the file whose first line is the secret; read when the mock is built
     * @return this builder
     */
    public Builder secretFile(Path file) {
      return secret(SecretSource.file(file));
    }

    /**
     * Builds the settings, checking every field at once.
     *
     * @throws InvalidSettingsException naming every missing or bad field
     * @return the settings, immutable
     */
    public WebhookSettings build() {
      List<String> faults = faults(id == null ? "webhook: " : "webhook " + id + ": ");
      if (!faults.isEmpty()) {
        throw new InvalidSettingsException(faults);
      }
      return new WebhookSettings(this);
    }

    /** Faults of the fields, each prefixed with where the webhook is ({@code webhooks[1].}). */
    List<String> faults(String prefix) {
      List<String> faults = new ArrayList<>();
      if (id == null) {
        faults.add(prefix + "id: missing; give each webhook a positive number");
      } else if (id <= 0) {
        faults.add(prefix + "id: must be a positive number but is " + id);
      }
      if (name == null || name.isBlank()) {
        faults.add(prefix + "name: missing; it is sent as meta.name");
      }
      String urlFault = urlFault(url);
      if (urlFault != null) {
        faults.add(prefix + "url: " + urlFault);
      }
      if (events != null && events.contains(EventType.TEST)) {
        faults.add(prefix + "events: \"test\" is not an event a webhook toggles on; test deliveries go to every webhook");
      }
      if (secret == null) {
        faults.add(prefix + "secretEnv or secretFile: missing; name where the signing secret comes from");
      }
      return faults;
    }

    boolean hasId() {
      return id != null;
    }

    long idValue() {
      return id;
    }

    private static String urlFault(String url) {
      if (url == null || url.isBlank()) {
        return "missing; give the endpoint URL deliveries go to";
      }
      try {
        URI uri = new URI(url);
        String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!"http".equals(scheme) && !"https".equals(scheme)) {
          return "must be an http or https URL but is \"" + url + "\"";
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
          return "has no host: \"" + url + "\"";
        }
        return null;
      } catch (URISyntaxException e) {
        return "is not a URL: \"" + url + "\" (" + e.getReason() + ")";
      }
    }
  }
}
