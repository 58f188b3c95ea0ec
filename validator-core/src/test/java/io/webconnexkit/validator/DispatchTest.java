package io.webconnexkit.validator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class DispatchTest {

  static List<String> eventTypes() {
    return Resources.EVENT_TYPES;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("eventTypes")
  void everySampleIsValidUnderBothProfilesAndDispatchedByItsEventType(String eventType) {
    for (Profile profile : Profile.values()) {
      ValidationReport report = WebconnexValidator.builder().profile(profile).build().validate(Resources.sample(eventType));
      assertThat(report.problems()).as(profile + " " + eventType).filteredOn(p -> !p.key().equals("schema.observed")).isEmpty();
      assertThat(report.eventType()).contains(eventType);
      assertThat(report.documentedEventType()).map(EventType::wireName).contains(eventType);
    }
  }

  @ParameterizedTest
  @EnumSource(Profile.class)
  void explicitEventTypeOverridesThePayloads(Profile profile) {
    ValidationReport report = WebconnexValidator.builder().profile(profile).build()
        .validate(Resources.sample("publish"), EventType.REGISTRATION);

    assertThat(report.eventType()).contains("registration");
    assertThat(report.errors()).extracting(Problem::toString)
        .contains("/eventType: expected \"registration\" but found string \"publish\" (line 2, column 16)");
  }

  @Test
  void everyDocumentedEventTypeHasASchemaInTheIndex() throws IOException {
    JsonNode index = new ObjectMapper().readTree(Resources.bytes("webconnex/schemas/v1/index.json"));
    List<String> indexed = new ArrayList<>();
    index.get("events").fieldNames().forEachRemaining(indexed::add);
    List<String> declared = new ArrayList<>();
    for (EventType type : EventType.values()) {
      declared.add(type.wireName());
    }
    assertThat(declared).containsExactlyInAnyOrderElementsOf(indexed);
    assertThat(Resources.EVENT_TYPES).containsExactlyInAnyOrderElementsOf(indexed);
  }

  @Test
  void parsedTreesAreValidatedWithoutLocations() throws IOException {
    JsonNode tree = new ObjectMapper().readTree(Resources.bytes("payloads/registration-total-as-string.json"));

    ValidationReport report = WebconnexValidator.lenient().validate(tree);

    assertThat(report.errors()).singleElement().satisfies(p -> {
      assertThat(p.toString()).isEqualTo("/data/total: expected number but found string \"100\"");
      assertThat(p.hasLocation()).isFalse();
    });
  }

  @Test
  void anExtraSchemaValidatesAnEventWebconnexDoesNotDocument() {
    WebconnexValidator validator = WebconnexValidator.builder()
        .eventSchema("ping", new String(Resources.bytes("schemas/ping.json"), java.nio.charset.StandardCharsets.UTF_8))
        .build();

    assertThat(validator.validate("{\"eventType\": \"ping\", \"accountId\": 14, \"data\": {\"pong\": true}}").problems()).isEmpty();
    assertThat(validator.validate("{\"eventType\": \"ping\", \"accountId\": 14, \"data\": {}}").errors())
        .extracting(Problem::toString)
        .containsExactly("/data/pong: required property \"pong\" is missing (line 1, column 48)");
  }

  @Test
  void idsAreNeverRoundedInReports() {
    ValidationReport report = WebconnexValidator.lenient().validate(
        "{\"eventType\": \"registration\", \"data\": {\"total\": 20.60, \"id\": 14508051894641275719999}}");

    assertThat(report.errors()).extracting(Problem::message)
        .contains("expected string but found integer 14508051894641275719999");
  }

  @Test
  void namesTheDocumentedEventAnUnknownNameResembles() {
    assertThat(EventType.resembling("registrant_edit")).contains(EventType.EDIT_REGISTRANT);
    assertThat(EventType.resembling("Inventory_80")).contains(EventType.INVENTORY_80);
    assertThat(EventType.resembling("registation")).contains(EventType.REGISTRATION);
    assertThat(EventType.resembling("ping")).isEmpty();
    assertThat(EventType.resembling("registrant_edit", java.util.List.of(EventType.COUPON))).isEmpty();
  }
}
