package io.webconnexkit.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Timestamp, WebconnexId and the records' immutability. */
class ValuesTest {

  @Test
  void aTimestampReadsRfc3339AndTheLegacyFormAndKeepsTheText() {
    Timestamp rfc = Timestamp.parse("2016-08-31T17:03:08Z");
    Timestamp legacy = Timestamp.parse("2015-12-02 16:26:58 +0000");
    Timestamp offset = Timestamp.parse("2015-12-02 08:26:58 -0800");

    assertThat(rfc.instant()).isEqualTo(Instant.parse("2016-08-31T17:03:08Z"));
    assertThat(rfc.isLegacyForm()).isFalse();
    assertThat(legacy.isLegacyForm()).isTrue();
    assertThat(offset.instant()).isEqualTo(legacy.instant());
    assertThat(offset).isNotEqualTo(legacy).hasToString("2015-12-02 08:26:58 -0800");
    assertThat(Timestamp.of(Instant.parse("2016-08-31T17:03:08Z"))).isEqualTo(rfc);
  }

  @Test
  void aTimestampInNeitherFormIsRefusedNamingBothForms() {
    assertThatThrownBy(() -> Timestamp.parse("2016-08-31"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("expected an RFC 3339 date-time such as 2016-08-31T17:03:08Z (or the legacy form 2015-12-02 16:26:58"
            + " +0000) but found \"2016-08-31\"");
    assertThatThrownBy(() -> Timestamp.parse("2016-02-30T00:00:00Z\u001b[2J")).hasMessageEndingWith("\\u001b[2J\"");
  }

  @Test
  void anIdKeepsItsFormAndTellsTheSameIdSentTheOtherWay() {
    WebconnexId number = WebconnexId.of(3170);
    WebconnexId text = WebconnexId.of("3170");

    assertThat(number).isNotEqualTo(text);
    assertThat(number.sameIdAs(text)).isTrue();
    assertThat(text.asLong()).isEqualTo(3170L);
    assertThat(new WebconnexId("99999999999999999999", true).value()).isEqualTo("99999999999999999999");
    assertThatThrownBy(() -> new WebconnexId("99999999999999999999", true).asLong())
        .hasMessage("the id \"99999999999999999999\" is not an integer that fits a long");
    assertThatThrownBy(() -> new WebconnexId("12a", true)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aRecordCopiesWhatItIsGivenAndWhatItGives() {
    List<FieldValue> fields = new ArrayList<>();
    fields.add(new EmailField("email", "email", "Email", "a@example.com", Map.of()));
    ObjectNode extra = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode().put("note", "kept");
    Registrant registrant = new Registrant("1450805189470200001", null, fields, null, Map.of("x", extra));

    fields.clear();
    extra.put("note", "changed");
    ((ObjectNode) registrant.extras().get("x")).put("note", "changed again");

    assertThat(registrant.data()).hasSize(1);
    assertThat(registrant.extras().get("x").get("note")).isEqualTo(TextNode.valueOf("kept"));
    assertThatThrownBy(() -> registrant.data().clear()).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> registrant.extras().clear()).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void aRecordsTextRedactsCredentialsAndCardDataButShowsTheRest() {
    RegistrationEvent event = WebconnexEvents.parse(Json.resource("payloads/registration-real-shaped.json"),
        RegistrationEvent.class);

    String text = event.toString();

    assertThat(text).startsWith("RegistrationEvent[eventType=registration, accountId=14,")
        .contains("Meta[name=Example webhook, appKey=[redacted], appToken=[redacted], appUrl=https://example.com/hooks, extras={}]",
            "company=Acme", "token=[redacted]", "cvvCode=[redacted]", "track1=[redacted]", "id=1450805189464127571",
            "extras={webhookVersion=\"2015-11\"}")
        .doesNotContain("example-token", "example-app", "tok_4242");
  }

  @Test
  void aRecordMadeInJavaWritesTheJsonOfItsComponents() {
    Registrant registrant = new Registrant("1450805189470200001", new java.math.BigDecimal("20.6"),
        List.of(new EmailField("email", "email", null, "a@example.com", Map.of())), WebconnexId.of(3171), null);

    assertThat(Json.canonical(WebconnexEvents.toTree(registrant))).isEqualTo(
        "{\"amount\":20.6,\"data\":[{\"key\":\"email\",\"type\":\"email\",\"value\":\"a@example.com\"}],"
            + "\"id\":\"1450805189470200001\",\"lookupId\":3171}");
  }
}
