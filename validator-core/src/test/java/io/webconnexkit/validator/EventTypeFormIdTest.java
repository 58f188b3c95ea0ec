package io.webconnexkit.validator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** Which field of each event names its form: {@link EventType#formIdOf}. */
class EventTypeFormIdTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @ParameterizedTest
  @EnumSource(EventType.class)
  void everyBundledSampleNamesItsFormWhereItsEventDoes(EventType type) {
    JsonNode sample = parse(Resources.sample(type.wireName()));
    JsonNode where = type == EventType.COUPON ? sample.at("/data/formId") : sample.path("formId");

    assertThat(where.isIntegralNumber()).as("the %s sample names a form", type).isTrue();
    assertThat(type.formIdOf(sample)).hasValue(where.longValue());
  }

  @Test
  void aCouponBelongsToTheFormInItsData() {
    JsonNode coupon = payload("coupon-of-another-form");

    assertThat(coupon.path("formId").longValue()).isNotEqualTo(777);
    assertThat(EventType.COUPON.formIdOf(coupon)).hasValue(777);
  }

  @Test
  void aGlobalCouponBelongsToNoFormThoughItsTopLevelNamesOne() {
    JsonNode global = payload("coupon-global");

    assertThat(global.path("formId").isIntegralNumber()).isTrue();
    assertThat(EventType.COUPON.formIdOf(global)).isEmpty();
  }

  @Test
  void aCouponWithoutADataFormFallsBackToTheTopLevel() {
    assertThat(EventType.COUPON.formIdOf(payload("coupon-without-data-formId"))).hasValue(29815);
  }

  @Test
  void otherEventsReadTheTopLevelEvenWhenTheirDataNamesAnotherForm() {
    JsonNode test = payload("test-with-another-data-formId");

    assertThat(test.at("/data/formId").longValue()).isEqualTo(999);
    assertThat(EventType.TEST.formIdOf(test)).hasValue(test.path("formId").longValue());
  }

  @ParameterizedTest
  @CsvSource({
      "registration-formId-as-string, 432",
      "registration-without-formId, ",
      "registration-formId-not-a-number, ",
      "registration-formId-over-64-bits, ",
      "registration-formId-fraction, "})
  void onlyAWholeNumberOrAStringOfDigitsNamesAForm(String file, Long expected) {
    OptionalLong form = EventType.REGISTRATION.formIdOf(payload(file));

    if (expected == null) {
      assertThat(form).isEmpty();
    } else {
      assertThat(form).hasValue(expected);
    }
  }

  @Test
  void nothingThatIsNotAnObjectNamesAForm() {
    assertThat(EventType.REGISTRATION.formIdOf(null)).isEmpty();
    assertThat(EventType.REGISTRATION.formIdOf(JSON.createArrayNode().add(432))).isEmpty();
    assertThat(EventType.COUPON.formIdOf(JSON.getNodeFactory().textNode("432"))).isEmpty();
  }

  private static JsonNode payload(String name) {
    return parse(Resources.bytes("payloads/forms/" + name + ".json"));
  }

  private static JsonNode parse(byte[] bytes) {
    try {
      return JSON.readTree(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
