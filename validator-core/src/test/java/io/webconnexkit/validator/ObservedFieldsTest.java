package io.webconnexkit.validator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Observed fields: lenient accepts them, strict warns naming the evidence, an unknown field stays an error. */
class ObservedFieldsTest {

  private static final WebconnexValidator LENIENT = WebconnexValidator.builder().build();
  private static final WebconnexValidator STRICT = WebconnexValidator.builder().profile(Profile.STRICT).build();

  @Test
  void theRegistrationSampleCarriesTheObservedFieldsARealDeliveryCarries() {
    ObjectNode sample = WebconnexSample.of(EventType.REGISTRATION).seed(1).toTree();

    assertThat(sample.at("/data/formName").isTextual()).isTrue();
    assertThat(sample.at("/data/registrants/0/lookupId").isMissingNode()).isFalse();
  }

  @Test
  void lenientAcceptsObservedFieldsWithoutAWord() {
    ValidationReport report = LENIENT.validate(WebconnexSample.of(EventType.REGISTRATION).seed(1).toBytes());

    assertThat(report.problems()).isEmpty();
  }

  @Test
  void strictReportsEachObservedFieldAsAWarningNamingTheEvidence() {
    ValidationReport report = STRICT.validate(WebconnexSample.of(EventType.REGISTRATION).seed(1).toBytes());

    assertThat(report.isValid()).isTrue();
    List<Problem> observed = report.problems().stream().filter(p -> p.key().equals("schema.observed")).toList();
    assertThat(observed).extracting(Problem::pointer)
        .containsExactlyInAnyOrder("/data/formName", "/data/registrants/0/lookupId");
    assertThat(observed).allSatisfy(p -> {
      assertThat(p.severity()).isEqualTo(Severity.WARNING);
      assertThat(p.message()).contains("real traffic is known to carry it")
          .contains("Evidence: Required by a typed receiver (zod) in public code");
      assertThat(p.hasLocation()).isTrue();
    });
    assertThat(report.problems()).allSatisfy(p -> assertThat(p.key()).isEqualTo("schema.observed"));
  }

  @Test
  void aFieldThatIsNeitherDocumentedNorObservedIsStillAnErrorUnderStrict() {
    byte[] body = WebconnexSample.of(EventType.REGISTRATION).seed(1).with("/data/favouriteColour", "green").toBytes();

    ValidationReport report = STRICT.validate(body);

    assertThat(report.isValid()).isFalse();
    assertThat(report.errors()).extracting(Problem::key, Problem::pointer)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("schema.additionalProperties", "/data/favouriteColour"));
  }

  @Test
  void anObservedWarningCanBeRaisedToAnErrorLikeAnyKey() {
    WebconnexValidator strictest = WebconnexValidator.builder().profile(Profile.STRICT).level("schema.observed", Severity.ERROR).build();

    assertThat(strictest.validate(WebconnexSample.of(EventType.REGISTRATION).seed(1).toBytes()).isValid()).isFalse();
  }

  @Test
  void documentedOnlyLeavesTheObservedFieldsOutAndStrictHasNothingToSay() {
    WebconnexSample sample = WebconnexSample.of(EventType.REGISTRATION).seed(1).documentedOnly();
    byte[] body = sample.toBytes();
    String text = new String(body, StandardCharsets.UTF_8);

    assertThat(text).doesNotContain("formName");
    assertThat(sample.toTree().at("/data/registrants/0").has("lookupId")).isFalse();
    assertThat(sample.toTree().at("/data/lookupId").isMissingNode()).as("the documented data.lookupId stays").isFalse();
    assertThat(STRICT.validate(body).problems()).isEmpty();
    assertThat(sample.toString()).contains("documented only");
    assertThat(sample.copy().toTree().at("/data/formName").isMissingNode()).as("a copy keeps the switch").isTrue();
  }

  @Test
  void anOverrideCanPutAnObservedFieldBackOnADocumentedOnlySample() {
    ObjectNode tree = WebconnexSample.of(EventType.REGISTRATION).documentedOnly().with("/data/formName", "Mine").toTree();

    assertThat(tree.at("/data/formName").asText()).isEqualTo("Mine");
  }
}
