package io.webconnexkit.validator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class WebconnexSampleTest {

  @ParameterizedTest
  @EnumSource(EventType.class)
  void everySampleConformsToBothProfilesWithFreshIds(EventType type) {
    byte[] first = WebconnexSample.of(type).toBytes();
    byte[] second = WebconnexSample.of(type).toBytes();

    assertThat(WebconnexValidator.strict().validate(first).problems()).filteredOn(p -> !p.key().equals("schema.observed")).isEmpty();
    assertThat(WebconnexValidator.lenient().validate(first).problems()).isEmpty();
    assertThat(first).isNotEqualTo(second);
    assertThat(WebconnexValidator.lenient().validate(first).eventType()).contains(type.wireName());
  }

  @Test
  void idsAreNineteenDigitStringsAndRepeatableWithASeed() {
    ObjectNode tree = WebconnexSample.of(EventType.REGISTRATION).seed(7).toTree();

    assertThat(tree.at("/data/id").isTextual()).isTrue();
    assertThat(tree.at("/data/id").asText()).matches("[1-9][0-9]{18}");
    assertThat(tree.at("/data/registrants/0/id").asText()).matches("[1-9][0-9]{18}");
    assertThat(WebconnexSample.of(EventType.REGISTRATION).seed(7).toTree()).isEqualTo(tree);
  }

  @Test
  void overridesSetAddAppendAndRemoveFields() {
    ObjectNode tree = WebconnexSample.of(EventType.REGISTRATION)
        .with("/data/total", 250)
        .with("/meta/appToken", "token-1")
        .with("/data/tickets/-", java.util.Map.of("id", "1"))
        .without("/meta/appKey")
        .toTree();

    assertThat(tree.at("/data/total").intValue()).isEqualTo(250);
    assertThat(tree.at("/meta/appToken").asText()).isEqualTo("token-1");
    assertThat(tree.at("/data/tickets/0/id").asText()).isEqualTo("1");
    assertThat(tree.at("/meta").has("appKey")).isFalse();
  }

  @Test
  void anOverrideCanMakeTheSampleInvalidOnPurpose() {
    byte[] body = WebconnexSample.of(EventType.REGISTRATION).with("/data/total", "100").toBytes();

    assertThat(WebconnexValidator.lenient().validate(body).errors()).extracting(Problem::pointer).containsExactly("/data/total");
  }

  @Test
  void overridesOfMissingParentsNameThePointer() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> WebconnexSample.of(EventType.COUPON).with("/data/nothing/here", 1).toTree())
        .withMessage("the coupon sample has no object or array at the parent of /data/nothing/here");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> WebconnexSample.of(EventType.COUPON).without("/data/absent").toTree())
        .withMessage("nothing to remove at /data/absent in the coupon sample");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> WebconnexSample.of(EventType.COUPON).with("data/total", 1))
        .withMessageStartingWith("not a JSON Pointer: \"data/total\"");
  }
}
