package io.webconnexkit.junit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.webconnexkit.validator.EventType;
import io.webconnexkit.validator.Profile;
import io.webconnexkit.validator.ValidationReport;
import io.webconnexkit.validator.WebconnexDelivery;
import io.webconnexkit.validator.WebconnexValidator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Payloads generated from an event type, shaped by overrides. */
class GeneratedPayloadTest {

  @Test
  void generatesAConformingSampleOfTheEventType(@WebconnexPayload(eventType = "subscription") byte[] body) {
    ValidationReport report = WebconnexValidator.strict().validate(body, EventType.SUBSCRIPTION);
    assertThat(report.isValid()).as("%s", report).isTrue();
  }

  @Test
  void carriesObservedFieldsByDefaultAndDocumentedFieldsOnlyWhenAsked(
      @WebconnexPayload(eventType = "registration") JsonNode asSent,
      @WebconnexPayload(eventType = "registration", documentedOnly = true) JsonNode documented,
      @WebconnexPayload(eventType = "registration", documentedOnly = true, profile = "strict") ValidationReport strict) {
    assertThat(asSent.at("/data/formName").isMissingNode()).as("an observed field, carried as Webconnex sends it").isFalse();
    assertThat(documented.at("/data/formName").isMissingNode()).isTrue();
    assertThat(documented.at("/data/registrants/0/lookupId").isMissingNode()).isTrue();
    assertThat(strict.isValid()).isTrue();
    assertThat(strict.warnings()).as("no observed field, so no warning naming one").isEmpty();
  }

  @Test
  void generatesUnderTheStrictProfileWhenAskedTo(
      @WebconnexPayload(eventType = "registration", profile = "strict") ValidationReport report) {
    assertThat(report.profile()).isEqualTo(Profile.STRICT);
    assertThat(report.isValid()).isTrue();
  }

  @Test
  void everyParameterIsItsOwnPayload(
      @WebconnexPayload(eventType = "registration") JsonNode first,
      @WebconnexPayload(eventType = "registration") JsonNode second,
      @WebconnexPayload(eventType = "registration") WebconnexDelivery firstDelivery,
      @WebconnexPayload(eventType = "registration") WebconnexDelivery secondDelivery) {
    assertThat(first.at("/data/id").asText()).isNotEqualTo(second.at("/data/id").asText());
    assertThat(first.path("eventId").asLong()).isNotEqualTo(second.path("eventId").asLong());
    assertThat(firstDelivery.header(WebconnexDelivery.DELIVERY_HEADER))
        .isNotEqualTo(secondDelivery.header(WebconnexDelivery.DELIVERY_HEADER));
  }

  @Test
  void everyTestGetsFreshIdsAndAFreshDeliveryId() {
    FreshPerTest.SEEN.clear();
    TestKit.assertAllPassed(TestKit.run(FreshPerTest.class), 3);

    assertThat(FreshPerTest.SEEN).hasSize(6).doesNotHaveDuplicates();
  }

  @Test
  void setsNumbers(@WebconnexPayload(eventType = "registration", set = "/data/total=250") JsonNode payload) {
    assertThat(payload.at("/data/total").isNumber()).isTrue();
    assertThat(payload.at("/data/total").decimalValue()).isEqualByComparingTo("250");
  }

  @Test
  void setsDecimalsExactly(@WebconnexPayload(eventType = "registration", set = "/data/total=250.10") String body) {
    assertThat(body).contains("\"total\" : 250.10");
  }

  @Test
  void setsStringsWithOrWithoutQuotes(
      @WebconnexPayload(eventType = "publish", set = {"/meta/name=Orders webhook", "/meta/appKey=\"orders\""})
      JsonNode payload) {
    assertThat(payload.at("/meta/name").textValue()).isEqualTo("Orders webhook");
    assertThat(payload.at("/meta/appKey").textValue()).isEqualTo("orders");
  }

  @Test
  void setsObjectsArraysNullsAndBooleans(
      @WebconnexPayload(eventType = "publish", set = {
          "/meta={\"name\":\"Replaced\",\"appKey\":\"k\"}",
          "/data/extraTags=[\"a\",\"b\"]",
          "/data/extraNote=null",
          "/data/extraFlag=true"}) JsonNode payload) {
    assertThat(payload.at("/meta/name").textValue()).isEqualTo("Replaced");
    assertThat(payload.at("/data/extraTags").size()).isEqualTo(2);
    assertThat(payload.at("/data/extraNote").isNull()).isTrue();
    assertThat(payload.at("/data/extraFlag").booleanValue()).isTrue();
  }

  @Test
  void setsArrayElementsAndAppends(
      @WebconnexPayload(eventType = "registration", set = {"/data/registrants/0/amount=75", "/data/registrants/-={\"id\":\"2\",\"data\":[]}"})
      JsonNode payload) {
    assertThat(payload.at("/data/registrants/0/amount").intValue()).isEqualTo(75);
    assertThat(payload.at("/data/registrants").size()).isEqualTo(2);
  }

  @Test
  void removesMembers(@WebconnexPayload(eventType = "publish", remove = "/meta/appKey") JsonNode payload) {
    assertThat(payload.at("/meta").has("appKey")).isFalse();
  }

  @Test
  void aValueWithAnEqualsSignIsTakenWhole(@WebconnexPayload(eventType = "publish", set = "/meta/name=a=b") JsonNode payload) {
    assertThat(payload.at("/meta/name").textValue()).isEqualTo("a=b");
  }

  @Test
  void givesAnInvalidPayloadWhenAskedFor(
      @WebconnexPayload(eventType = "registration", set = "/data/total=\"250\"", invalid = true) ValidationReport report,
      @WebconnexPayload(eventType = "registration", set = "/data/total=\"250\"", invalid = true) String body) {
    assertThat(report.isValid()).isFalse();
    assertThat(report.errors()).singleElement()
        .satisfies(problem -> assertThat(problem.pointer()).isEqualTo("/data/total"));
    assertThat(body).contains("\"total\" : \"250\"");
  }

  @Test
  void anUndocumentedFieldPassesLenientButNotStrict() {
    TestKit.assertAllPassed(TestKit.runMethod(UndocumentedField.class, "lenient"), 1);

    Throwable strict = TestKit.onlyFailure(TestKit.runMethod(UndocumentedField.class, "strict"));
    assertThat(strict).hasMessageContaining("invalid registration payload (strict profile)")
        .hasMessageContaining("/data/shoeSize");
  }

  @Test
  void generatesEventsWithNoOfficialExampleToo(
      @WebconnexPayload(eventType = "sms", profile = "strict") ValidationReport sms,
      @WebconnexPayload(eventType = "inventory_80", profile = "strict") ValidationReport inventory,
      @WebconnexPayload(eventType = "edit_ticket", profile = "strict") ValidationReport editTicket,
      @WebconnexPayload(eventType = "cancel_registrant", profile = "strict") ValidationReport cancelRegistrant,
      @WebconnexPayload(eventType = "test", profile = "strict") ValidationReport test) {
    assertThat(List.of(sms, inventory, editTicket, cancelRegistrant, test)).allSatisfy(r -> assertThat(r.isValid()).isTrue());
    assertThat(inventory.eventType()).contains("inventory_80");
  }

  @TestKitOnly
  static class FreshPerTest {
    static final List<String> SEEN = new CopyOnWriteArrayList<>();

    @Test
    void one(@WebconnexPayload(eventType = "registration") WebconnexDelivery delivery,
        @WebconnexPayload(eventType = "registration") JsonNode payload) {
      record(delivery, payload);
    }

    @Test
    void two(@WebconnexPayload(eventType = "registration") WebconnexDelivery delivery,
        @WebconnexPayload(eventType = "registration") JsonNode payload) {
      record(delivery, payload);
    }

    @Test
    void three(@WebconnexPayload(eventType = "registration") WebconnexDelivery delivery,
        @WebconnexPayload(eventType = "registration") JsonNode payload) {
      record(delivery, payload);
    }

    private static void record(WebconnexDelivery delivery, JsonNode payload) {
      SEEN.add("delivery " + delivery.header(WebconnexDelivery.DELIVERY_HEADER).orElseThrow());
      SEEN.add("registration " + payload.at("/data/id").asText());
    }
  }

  @TestKitOnly
  static class UndocumentedField {
    @Test
    void lenient(@WebconnexPayload(eventType = "registration", set = "/data/shoeSize=44") String body) {}

    @Test
    void strict(@WebconnexPayload(eventType = "registration", set = "/data/shoeSize=44", profile = "strict") String body) {}
  }
}
