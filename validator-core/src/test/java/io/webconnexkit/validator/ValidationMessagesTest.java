package io.webconnexkit.validator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Messages are part of the API: these pin the exact text users see. */
class ValidationMessagesTest {

  private final WebconnexValidator lenient = WebconnexValidator.lenient();
  private final WebconnexValidator strict = WebconnexValidator.strict();

  @Test
  void rejectsTotalGivenAsStringWithPointerLineAndColumn() {
    ValidationReport report = lenient.validate(Resources.bytes("payloads/registration-total-as-string.json"));

    assertThat(report.isValid()).isFalse();
    assertThat(report.eventType()).contains("registration");
    assertThat(report.errors()).hasSize(1);
    Problem problem = report.errors().get(0);
    assertThat(problem.toString()).isEqualTo("/data/total: expected number but found string \"100\" (line 12, column 14)");
    assertThat(problem.pointer()).isEqualTo("/data/total");
    assertThat(problem.line()).isEqualTo(12);
    assertThat(problem.column()).isEqualTo(14);
    assertThat(problem.key()).isEqualTo("schema.type");
    assertThat(problem.keyword()).contains("type");
    assertThat(problem.expected()).contains("number");
    assertThat(problem.found()).contains("string \"100\"");
  }

  @Test
  void namesAMissingRequiredPropertyAtItsOwnPointer() {
    ValidationReport report = lenient.validate(Resources.bytes("payloads/registration-problems.json"));

    assertThat(report.errors()).extracting(Problem::toString).contains(
        "/data/total: required property \"total\" is missing (line 5, column 11)",
        "/accountId: expected integer but found string \"one\" (line 3, column 16)",
        "/data/id: expected string but found integer 1450805189464127571 (line 6, column 11)",
        "/data/registrationTimestamp: expected an RFC 3339 date-time such as 2016-08-31T17:03:08Z but found string \"yesterday\" (line 11, column 30)",
        "/data/billing/card/expMonth: expected integer but found string \"April\" (line 12, column 38)");
  }

  @Test
  void strictNamesAnUndocumentedPropertyAtItsKey() {
    ValidationReport report = strict.validate(Resources.bytes("payloads/registration-problems.json"));

    assertThat(report.errors()).extracting(Problem::toString).contains(
        "/data/undocumented: property \"undocumented\" is not documented for this object "
            + "(the strict profile allows documented properties only) (line 13, column 5)");
    assertThat(lenient.validate(Resources.bytes("payloads/registration-problems.json")).problems())
        .noneMatch(p -> p.pointer().equals("/data/undocumented"));
  }

  @Test
  void reportsProblemsInDocumentOrder() {
    ValidationReport report = strict.validate(Resources.bytes("payloads/registration-problems.json"));

    assertThat(report.problems()).extracting(Problem::line).isSorted();
  }

  @Test
  void legacyTimestampIsAWarningUnderLenientAndAnErrorUnderStrict() {
    byte[] body = Resources.bytes("payloads/registration-legacy-timestamp.json");

    ValidationReport lenientReport = lenient.validate(body);
    assertThat(lenientReport.isValid()).isTrue();
    assertThat(lenientReport.warnings()).singleElement().hasToString(
        "/data/registrationTimestamp: expected an RFC 3339 date-time such as 2015-12-02T16:26:58Z but found the legacy form "
            + "\"2015-12-02 16:26:58 +0000\" (accepted by the lenient profile, an error under strict) (line 11, column 30)");

    assertThat(strict.validate(body).errors()).extracting(Problem::toString).contains(
        "/data/registrationTimestamp: expected an RFC 3339 date-time such as 2016-08-31T17:03:08Z but found string "
            + "\"2015-12-02 16:26:58 +0000\" (line 11, column 30)");
  }

  @Test
  void unknownNearMissEventNamesTheDocumentedOne() {
    String body = "{\"eventType\": \"registrant_edit\", \"accountId\": 1, \"data\": {}}";

    ValidationReport report = lenient.validate(body);
    assertThat(report.isValid()).isTrue();
    assertThat(report.eventType()).contains("registrant_edit");
    assertThat(report.documentedEventType()).isEmpty();
    assertThat(report.warnings()).singleElement().satisfies(p -> {
      assertThat(p.key()).isEqualTo("event.unknown");
      assertThat(p.toString()).isEqualTo("/eventType: unknown event type \"registrant_edit\" (did you mean \"edit_registrant\"?),"
          + " so only the common envelope was checked (line 1, column 15)");
    });

    ValidationReport strictReport = strict.validate(body);
    assertThat(strictReport.isValid()).isFalse();
    assertThat(strictReport.errors()).extracting(Problem::key).containsExactly("event.unknown");
  }

  @Test
  void capitalisedInventoryNameIsUnknownAndNamesTheLowercaseEvent() {
    ValidationReport report = lenient.validate("{\"eventType\": \"Inventory_80\", \"data\": {}}");

    assertThat(report.warnings()).singleElement()
        .satisfies(p -> assertThat(p.message()).contains("did you mean \"inventory_80\"?)"));
  }

  @Test
  void unknownEventsAreStillCheckedAgainstTheEnvelope() {
    ValidationReport report = lenient.validate("{\"eventType\": \"ping\", \"accountId\": \"x\", \"data\": {}}");

    assertThat(report.warnings()).extracting(Problem::message)
        .containsExactly("unknown event type \"ping\", so only the common envelope was checked");
    assertThat(report.errors()).extracting(Problem::pointer).containsExactly("/accountId");
  }

  @Test
  void missingEventTypeIsAnErrorUnderBothProfiles() {
    for (WebconnexValidator validator : new WebconnexValidator[] {lenient, strict}) {
      ValidationReport report = validator.validate("{\"data\": {}}");
      assertThat(report.isValid()).isFalse();
      assertThat(report.eventType()).isEmpty();
      assertThat(report.errors()).extracting(Problem::toString)
          .contains("/eventType: required property \"eventType\" is missing (line 1, column 1)");
    }
  }
}
