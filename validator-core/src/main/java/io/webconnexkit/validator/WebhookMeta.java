package io.webconnexkit.validator;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code meta} object Webconnex puts in every payload a webhook sends, filled from that
 * webhook's settings page ("Customize a Webhook"): {@code name} always, {@code appKey} (the App Key)
 * and {@code appToken} (the App/API Token) exactly when the webhook has them, and nothing else.
 * Immutable: {@code with...} returns a changed copy.
 *
 * <pre>{@code
 * WebhookMeta meta = WebhookMeta.of("Orders").withAppKey("orders-app");
 * byte[] body = WebconnexSample.of(EventType.REGISTRATION).meta(meta).toBytes();
 * // body holds "meta": {"name": "Orders", "appKey": "orders-app"}
 * }</pre>
 */
public final class WebhookMeta {

  private final String name;
  private final String appKey;
  private final String appToken;

  private WebhookMeta(String name, String appKey, String appToken) {
    this.name = name;
    this.appKey = appKey;
    this.appToken = appToken;
  }

  /**
   * The meta of a webhook with this name and neither App Key nor App/API Token.
   *
   * @param name the webhook's name, sent as {@code meta.name}; not null
   * @return a new meta holding only the name
   */
  public static WebhookMeta of(String name) {
    return new WebhookMeta(Objects.requireNonNull(name, "name"), null, null);
  }

  /**
   * A copy with this App Key, sent as {@code meta.appKey}; {@code null} for none.
   *
   * @param appKey the App Key, or {@code null} for none
   * @return a new meta; this one is unchanged
   */
  public WebhookMeta withAppKey(String appKey) {
    return new WebhookMeta(name, appKey, appToken);
  }

  /**
   * A copy with this App/API Token, sent as {@code meta.appToken}; {@code null} for none.
   *
   * @param appToken the App/API Token, or {@code null} for none
   * @return a new meta; this one is unchanged
   */
  public WebhookMeta withAppToken(String appToken) {
    return new WebhookMeta(name, appKey, appToken);
  }

  /** {@return the webhook's name, sent as {@code meta.name}} */
  public String name() {
    return name;
  }

  /** {@return the App Key, when the webhook has one} */
  public Optional<String> appKey() {
    return Optional.ofNullable(appKey);
  }

  /** {@return the App/API Token, when the webhook has one} */
  public Optional<String> appToken() {
    return Optional.ofNullable(appToken);
  }

  /** {@return the {@code meta} object as a new tree: {@code name}, then {@code appKey} and {@code appToken} when set} */
  public ObjectNode toTree() {
    ObjectNode meta = JsonNodeFactory.instance.objectNode();
    meta.put("name", name);
    if (appKey != null) {
      meta.put("appKey", appKey);
    }
    if (appToken != null) {
      meta.put("appToken", appToken);
    }
    return meta;
  }

  /** Equal when name, App Key and App/API Token are. */
  @Override
  public boolean equals(Object o) {
    return o instanceof WebhookMeta m && name.equals(m.name) && Objects.equals(appKey, m.appKey)
        && Objects.equals(appToken, m.appToken);
  }

  /** A hash of name, App Key and App/API Token. */
  @Override
  public int hashCode() {
    return Objects.hash(name, appKey, appToken);
  }

  /**
   * The meta for messages and debugging, the App/API Token shown only as set or not: it is a
   * credential of the account, even though every payload carries it.
   */
  @Override
  public String toString() {
    ObjectNode shown = toTree();
    if (appToken != null) {
      shown.put("appToken", "(set)");
    }
    return "WebhookMeta" + shown;
  }
}
