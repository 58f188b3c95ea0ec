package io.webconnexkit.wiremock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.standalone.CommandLineOptions;
import io.webconnexkit.validator.EventType;
import io.webconnexkit.validator.SigningSecret;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Settings as JSON and from Java, and bad settings refused before anything starts. */
class SettingsTest {

  static final Function<String, String> ENV = Map.of("ORDERS_WEBHOOK_SECRET", "orders-secret")::get;

  @TempDir Path temp;

  @Test
  void readsACompleteSettingsFileEqualToItsJavaEquivalent() throws Exception {
    Path file = resource("settings/complete.json");

    WebconnexSettings json = WebconnexSettings.read(file, ENV);

    WebconnexSettings java = WebconnexSettings.builder()
        .webhook(WebhookSettings.builder().id(1).name("Orders").url("https://example.org/hooks/orders")
            .appKey("orders-app").appToken("orders-token").enabled(true)
            .events(EventType.REGISTRATION, EventType.SUBSCRIPTION, EventType.EDIT_REGISTRANT, EventType.CANCEL_REGISTRANT)
            .allForms().secretEnv("ORDERS_WEBHOOK_SECRET").build())
        .webhook(WebhookSettings.builder().id(2).name("Spring gala only").url("http://127.0.0.1:9000/hooks/gala")
            .allEvents().forms(432, 433).secretFile(file.getParent().resolve("gala.secret")).build())
        .webhook(WebhookSettings.builder().id(3).name("Paused").url("https://example.org/hooks/paused")
            .enabled(false).secretEnv("ORDERS_WEBHOOK_SECRET").build())
        .build();
    assertThat(json).isEqualTo(java);
    assertThat(json.webhook(2).orElseThrow().events()).isEqualTo(WebhookSettings.TOGGLEABLE_EVENTS);
    assertThat(json.webhook(2).orElseThrow().sendsForm(433L)).isTrue();
    assertThat(json.webhook(2).orElseThrow().sendsForm(999L)).isFalse();
    assertThat(json.webhook(2).orElseThrow().sendsForm(null)).as("a global coupon").isTrue();
    assertThat(json.webhook(1).orElseThrow().appToken()).contains("orders-token");
    assertThat(json.webhook(2).orElseThrow().appKey()).isEmpty();
    assertThat(json.resolveSecrets(ENV)).containsEntry(2L, SigningSecret.of("gala-secret"))
        .containsEntry(1L, SigningSecret.of("orders-secret"));
    assertThat(json.toString()).doesNotContain("orders-secret", "gala-secret");
  }

  @Test
  void namesEveryFaultOfAFileAtOnce() throws Exception {
    InvalidSettingsException e = catchThrowableOfType(InvalidSettingsException.class,
        () -> WebconnexSettings.read(resource("settings/bad.json"), ENV));

    assertThat(e.faults()).containsExactlyInAnyOrder(
        "webhooks[0].events[1]: unknown event \"registrant_edit\"; did you mean \"edit_registrant\"?",
        "webhooks[0].url: must be an http or https URL but is \"ftp://example.org/hooks\"",
        "webhooks[1].id: duplicate webhook id 1 (also webhooks[0])",
        "webhooks[1].secretFile: the secret file does not exist (the path given is not repeated here, in case it is "
            + "the secret itself)");
    assertThat(e.getMessage()).startsWith("4 faults in the webhook settings:");
  }

  @Test
  void aMissingSecretVariableIsNamedNeverTheSecret() {
    String json = "{\"webhooks\":[{\"id\":1,\"name\":\"a\",\"url\":\"http://127.0.0.1/a\",\"secretEnv\":\"UNSET_VAR\"}]}";

    assertThatThrownBy(() -> WebconnexSettings.parse(json, temp, ENV))
        .isInstanceOf(InvalidSettingsException.class)
        .hasMessage("invalid webhook settings: webhooks[0].secretEnv: environment variable UNSET_VAR is not set or is empty");
  }

  @Test
  void anUnreadableSecretFileIsRefused() throws Exception {
    Path secret = Files.writeString(temp.resolve("locked.secret"), "s3cret");
    boolean locked = secret.toFile().setReadable(false) && !Files.isReadable(secret);
    Path target = locked ? secret : temp.resolve("missing.secret");
    String json = "{\"webhooks\":[{\"id\":1,\"name\":\"a\",\"url\":\"http://127.0.0.1/a\",\"secretFile\":\""
        + target.getFileName() + "\"}]}";

    assertThatThrownBy(() -> WebconnexSettings.parse(json, temp, ENV))
        .isInstanceOf(InvalidSettingsException.class)
        .hasMessageContaining(locked ? "webhooks[0].secretFile: secret file " + target + " cannot be read: permission denied"
            : "webhooks[0].secretFile: the secret file does not exist")
        .hasMessageNotContaining("s3cret");
  }

  @Test
  void aSecretGivenAsTheVariableNameIsNeverRepeated() {
    String json = "{\"webhooks\":[{\"id\":1,\"name\":\"a\",\"url\":\"http://127.0.0.1/a\",\"secretEnv\":\"whsec 9f86d0/81+88\"}]}";

    assertThatThrownBy(() -> WebconnexSettings.parse(json, temp, ENV))
        .isInstanceOf(InvalidSettingsException.class)
        .hasMessageContaining("webhooks[0].secretEnv: expected the name of an environment variable")
        .hasMessageNotContaining("9f86d0");
  }

  @Test
  void theSecretItselfNeverGoesInTheFile() {
    String json = "{\"webhooks\":[{\"id\":1,\"name\":\"a\",\"url\":\"http://127.0.0.1/a\",\"secret\":\"abc\"}]}";

    InvalidSettingsException e = catchThrowableOfType(InvalidSettingsException.class, () -> WebconnexSettings.parse(json, temp, ENV));

    assertThat(e.faults()).containsExactly(
        "webhooks[0].secret: the secret itself never goes in a settings file; name its source with secretEnv or secretFile",
        "webhooks[0].secretEnv or secretFile: missing; name where the signing secret comes from");
    assertThat(e.getMessage()).doesNotContain("abc");
  }

  @Test
  void refusesUrlsThatAreNotHttp() {
    for (String url : new String[] {"ftp://example.org/x", "example.org/hooks", "mailto:a@b.c"}) {
      String json = "{\"webhooks\":[{\"id\":1,\"name\":\"a\",\"url\":\"" + url + "\",\"secretEnv\":\"ORDERS_WEBHOOK_SECRET\"}]}";
      assertThatThrownBy(() -> WebconnexSettings.parse(json, temp, ENV))
          .hasMessageContaining("webhooks[0].url: must be an http or https URL but is \"" + url + "\"");
    }
  }

  @Test
  void suggestsTheDocumentedEventName() {
    String json = "{\"webhooks\":[{\"id\":1,\"name\":\"a\",\"url\":\"http://127.0.0.1/a\",\"secretEnv\":\"ORDERS_WEBHOOK_SECRET\","
        + "\"events\":[\"Registration\",\"ticket_cancel\",\"inventory80\",\"refund\"]}]}";

    InvalidSettingsException e = catchThrowableOfType(InvalidSettingsException.class, () -> WebconnexSettings.parse(json, temp, ENV));

    assertThat(e.faults()).containsExactly(
        "webhooks[0].events[0]: unknown event \"Registration\"; did you mean \"registration\"?",
        "webhooks[0].events[1]: unknown event \"ticket_cancel\"; did you mean \"cancel_ticket\"?",
        "webhooks[0].events[2]: unknown event \"inventory80\"; did you mean \"inventory_80\"?",
        "webhooks[0].events[3]: unknown event \"refund\"; the events are registration, publish, subscription, sms, "
            + "inventory_80, inventory_90, inventory_100, coupon, edit_registrant, cancel_registrant, edit_ticket, cancel_ticket");
  }

  @Test
  void duplicateIdsAreRefusedFromJavaToo() {
    WebhookSettings a = WebhookSettings.builder().id(5).name("a").url("http://127.0.0.1/a").secretEnv("X").build();

    assertThatThrownBy(() -> WebconnexSettings.builder().webhook(a).webhook(a.toBuilder().name("b").build()).build())
        .isInstanceOf(InvalidSettingsException.class)
        .hasMessage("invalid webhook settings: webhook 5: id: duplicate webhook id 5");
  }

  @Test
  void theJavaBuilderNamesEveryMissingField() {
    InvalidSettingsException e = catchThrowableOfType(InvalidSettingsException.class,
        () -> WebhookSettings.builder().id(4).url("ws://127.0.0.1/x").build());

    assertThat(e.faults()).containsExactly(
        "webhook 4: name: missing; it is sent as meta.name",
        "webhook 4: url: must be an http or https URL but is \"ws://127.0.0.1/x\"",
        "webhook 4: secretEnv or secretFile: missing; name where the signing secret comes from");
  }

  @Test
  void theMockRefusesToStartWithASecretItCannotRead() {
    MockWebconnex.Builder builder = MockWebconnex.builder()
        .webhook(WebhookSettings.builder().id(1).name("a").url("http://127.0.0.1/a").secretEnv("UNSET_VAR").build())
        .environment(ENV);

    assertThatThrownBy(builder::build).isInstanceOf(InvalidSettingsException.class)
        .hasMessage("invalid webhook settings: webhook 1: secretEnv: environment variable UNSET_VAR is not set or is empty");
  }

  @Test
  void standaloneWireMockDoesNotStartWithBadSettings() throws Exception {
    System.setProperty("webconnex.settings", resource("settings/bad.json").toString());
    try {
      assertThatThrownBy(() -> new WireMockServer(new CommandLineOptions("--port", "0", "--bind-address", "127.0.0.1",
          "--disable-extensions-scanning", "--extensions", MockWebconnex.class.getName())))
          .hasStackTraceContaining("4 faults in the webhook settings")
          .hasStackTraceContaining("did you mean \"edit_registrant\"?");
    } finally {
      System.clearProperty("webconnex.settings");
    }
  }

  static Path resource(String name) throws URISyntaxException {
    return Path.of(SettingsTest.class.getResource("/" + name).toURI());
  }
}
