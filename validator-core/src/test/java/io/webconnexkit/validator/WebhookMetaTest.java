package io.webconnexkit.validator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How {@code meta} is filled from a webhook's settings: {@link WebhookMeta}. */
class WebhookMetaTest {

  @Test
  void aWebhookWithOnlyANameSendsOnlyItsName() {
    JsonNode meta = WebhookMeta.of("Orders").toTree();

    assertThat(fieldNames(meta)).containsExactly("name");
    assertThat(meta.path("name").asText()).isEqualTo("Orders");
  }

  @Test
  void appKeyAndAppTokenAreSentExactlyWhenSet() {
    WebhookMeta name = WebhookMeta.of("Orders");
    WebhookMeta key = name.withAppKey("orders-app");
    WebhookMeta both = key.withAppToken("orders-token");

    assertThat(fieldNames(key.toTree())).containsExactly("name", "appKey");
    assertThat(fieldNames(both.toTree())).containsExactly("name", "appKey", "appToken");
    assertThat(both.toTree().path("appToken").asText()).isEqualTo("orders-token");
    assertThat(fieldNames(both.withAppKey(null).toTree())).containsExactly("name", "appToken");
  }

  @Test
  void withReturnsACopyAndLeavesTheOriginalAlone() {
    WebhookMeta name = WebhookMeta.of("Orders");
    WebhookMeta key = name.withAppKey("orders-app");

    assertThat(name.appKey()).isEmpty();
    assertThat(key.appKey()).contains("orders-app");
    assertThat(key).isNotEqualTo(name).isEqualTo(WebhookMeta.of("Orders").withAppKey("orders-app"));
    assertThat(key.hashCode()).isEqualTo(WebhookMeta.of("Orders").withAppKey("orders-app").hashCode());
  }

  @Test
  void toStringShowsTheTokenOnlyAsSet() {
    WebhookMeta meta = WebhookMeta.of("Orders").withAppKey("orders-app").withAppToken("tok-9f8e7d");

    assertThat(meta.toString()).contains("Orders", "orders-app").doesNotContain("tok-9f8e7d");
  }

  @Test
  void aSampleWithTheMetaOfAWebhookStillConforms() {
    byte[] body = WebconnexSample.of(EventType.REGISTRATION)
        .meta(WebhookMeta.of("Orders").withAppKey("orders-app").withAppToken("orders-token")).toBytes();

    assertThat(WebconnexValidator.strict().validate(body).problems()).filteredOn(p -> !p.key().equals("schema.observed")).isEmpty();
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new java.util.ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  static final ObjectMapper JSON = new ObjectMapper();
}
