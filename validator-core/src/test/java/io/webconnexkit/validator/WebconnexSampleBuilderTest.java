package io.webconnexkit.validator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@link WebconnexSample} as a builder: meta and form of a webhook, copies, seeds, the order of overrides. */
class WebconnexSampleBuilderTest {

  @Test
  void metaReplacesTheBundledMetaWhole() {
    ObjectNode bundled = WebconnexSample.of(EventType.REGISTRATION).toTree();
    ObjectNode tree = WebconnexSample.of(EventType.REGISTRATION).meta(WebhookMeta.of("Gala only")).toTree();

    assertThat(bundled.at("/meta").has("appKey")).as("the bundled sample has an App Key").isTrue();
    assertThat(tree.at("/meta")).isEqualTo(WebhookMeta.of("Gala only").toTree());
  }

  @ParameterizedTest
  @EnumSource(EventType.class)
  void forFormPutsTheFormWhereTheEventNamesItAndTheSampleStillConforms(EventType type) {
    ObjectNode tree = WebconnexSample.of(type).forForm(8_675_309).toTree();
    byte[] body = WebconnexSample.of(type).forForm(8_675_309).toBytes();

    assertThat(type.formIdOf(tree)).hasValue(8_675_309);
    assertThat(tree.path("formId").longValue()).isEqualTo(8_675_309);
    assertThat(WebconnexValidator.strict().validate(body).problems()).filteredOn(p -> !p.key().equals("schema.observed")).isEmpty();
    assertThat(WebconnexValidator.lenient().validate(body).problems()).isEmpty();
  }

  @Test
  void aPublishedFormIsTheFormOfItsPublishEvent() {
    assertThat(WebconnexSample.of(EventType.PUBLISH).forForm(51).toTree().at("/data/id").longValue()).isEqualTo(51);
  }

  @Test
  void anOverrideHasTheLastWordWhateverTheOrderOfCalls() {
    ObjectNode tree = WebconnexSample.of(EventType.COUPON)
        .with("/meta/name", "from the override")
        .with("/data/formId", null)
        .meta(WebhookMeta.of("from the settings"))
        .forForm(432)
        .toTree();

    assertThat(tree.at("/meta/name").asText()).isEqualTo("from the override");
    assertThat(tree.at("/data/formId").isNull()).isTrue();
    assertThat(EventType.COUPON.formIdOf(tree)).as("a global coupon").isEmpty();
    assertThat(tree.path("formId").longValue()).isEqualTo(432);
  }

  @Test
  void aCopyIsIndependentOfItsOriginal() {
    WebconnexSample base = WebconnexSample.of(EventType.REGISTRATION).seed(11).with("/data/total", 100);
    WebconnexSample branch = base.copy().with("/data/total", 250).meta(WebhookMeta.of("Branch"));

    assertThat(base.toTree().at("/data/total").intValue()).isEqualTo(100);
    assertThat(base.toTree().at("/meta/name").asText()).isNotEqualTo("Branch");
    assertThat(branch.toTree().at("/data/total").intValue()).isEqualTo(250);
    assertThat(branch.toTree().at("/data/id")).as("the copy keeps the seed").isEqualTo(base.toTree().at("/data/id"));
  }

  @Test
  void theSameBuilderChangesForEveryoneWhoHoldsIt() {
    WebconnexSample shared = WebconnexSample.of(EventType.REGISTRATION);
    WebconnexSample returned = shared.with("/data/total", 5);

    assertThat(returned).isSameAs(shared);
    assertThat(shared.toTree().at("/data/total").intValue()).isEqualTo(5);
  }

  @Test
  void aSeedGivesTheSameIdsToEveryPayloadOfTheBuilder() {
    WebconnexSample seeded = WebconnexSample.of(EventType.SUBSCRIPTION).seed(42);
    WebconnexSample fresh = WebconnexSample.of(EventType.SUBSCRIPTION);

    assertThat(seeded.toTree()).isEqualTo(seeded.toTree());
    assertThat(fresh.toTree().at("/data/id")).isNotEqualTo(fresh.toTree().at("/data/id"));
  }

  @Test
  void toStringDescribesTheBuilderNotAPayload() {
    WebconnexSample sample = WebconnexSample.of(EventType.REGISTRATION).seed(7).forForm(432).with("/data/total", 1);

    assertThat(sample.toString()).isEqualTo("WebconnexSample[registration, seed 7, form 432, 1 override]");
  }
}
