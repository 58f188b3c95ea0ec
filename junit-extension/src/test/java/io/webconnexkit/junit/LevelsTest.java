package io.webconnexkit.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.webconnexkit.validator.Problem;
import io.webconnexkit.validator.Severity;
import io.webconnexkit.validator.ValidationReport;
import java.util.Map;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.params.ParameterizedTest;
import org.opentest4j.AssertionFailedError;

/**
 * Levels for problem keys: the configuration parameter (or system property) {@code webconnex.levels}
 * and the {@code levels} attribute of both annotations, the annotation winning for the same key.
 * {@code webconnex/levels/proxy-user-agent.json} is a WireMock request whose {@code User-Agent} a
 * proxy rewrote: a warning under the lenient profile, an error under the strict one.
 */
class LevelsTest {

  @ParameterizedTest
  @WebconnexFixtures(value = "webconnex/levels/", profile = "strict", levels = "delivery.userAgent=ignore")
  void aProblemSetToIgnoreIsLeftOutAndDoesNotFailTheTest(ValidationReport report) {
    assertThat(report.isValid()).isTrue();
    assertThat(report.problems()).extracting(Problem::key).doesNotContain("delivery.userAgent");
  }

  @ParameterizedTest
  @WebconnexFixtures("webconnex/levels/")
  void aWarningDoesNotFailTheTest(ValidationReport report) {
    assertThat(report.warnings()).extracting(Problem::key).containsExactly("delivery.userAgent");
  }

  @ParameterizedTest
  @WebconnexFixtures(value = "webconnex/levels/", profile = "strict", levels = "delivery.userAgent=info")
  void aNoteNeverFailsTheTest(ValidationReport report) {
    assertThat(report.notes()).extracting(Problem::key).containsExactly("delivery.userAgent");
    assertThat(report.errors()).isEmpty();
  }

  @ParameterizedTest
  @WebconnexFixtures(value = "webconnex/levels/", profile = "strict", levels = {"delivery=warning", "delivery.id=error"})
  void aPrefixSetsEveryKeyUnderItAndTheMostSpecificEntryWins(ValidationReport report) {
    assertThat(report.warnings()).extracting(Problem::key).containsExactly("delivery.userAgent");
  }

  @Test
  void theStrictProfileFailsTheRewrittenUserAgentWithItsPlaceInTheFile() throws Exception {
    Throwable failure = TestKit.onlyFailure(TestKit.runMethod(Levels.class, "strict"));

    assertThat(failure).isInstanceOf(AssertionFailedError.class).hasMessage(String.join(System.lineSeparator(),
        "fixture webconnex/levels/proxy-user-agent.json does not conform to the Webconnex contract",
        "invalid publish payload (strict profile, signature not checked): 1 error, 0 warnings",
        "webconnex/levels/proxy-user-agent.json:"
            + RecordedShapesTest.position("webconnex/levels/proxy-user-agent.json", "\"User-Agent\"", 0)
            + ": error: User-Agent: expected Webconnex-Divvy but found \"corporate-proxy/2.1\""));
  }

  @Test
  void theConfigurationParameterRaisesALevel() {
    Throwable failure = TestKit.onlyFailure(
        TestKit.runMethod(Levels.class, "lenient", Map.of("webconnex.levels", "delivery.userAgent=error")));

    assertThat(failure).hasMessageContaining("proxy-user-agent.json:").hasMessageContaining(": error: User-Agent: ");
  }

  @Test
  void theAnnotationWinsOverTheConfigurationParameterForTheSameKey() {
    TestKit.assertAllPassed(
        TestKit.runMethod(Levels.class, "ignoredOnTheAnnotation", Map.of("webconnex.levels", "delivery.userAgent=error")), 1);
  }

  @Test
  void theConfigurationParameterKeepsTheKeysTheAnnotationDoesNotSet() {
    var results = TestKit.runMethod(Levels.class, "logsIgnoringUserAgent",
        Map.of("webconnex.levels", "delivery.userAgent=error, delivery.signature.notChecked=error"));

    results.testEvents().assertStatistics(stats -> stats.started(4).failed(4));
    assertThat(TestKit.failures(results)).allSatisfy(failure -> assertThat(failure)
        .hasMessageContaining(": error: X-Webconnex-Signature: not checked: the webhook logs API returns the body parsed"));
  }

  @Test
  void theSystemPropertyIsReadAsTheConfigurationParameter() {
    String before = System.getProperty("webconnex.levels");
    System.setProperty("webconnex.levels", "delivery.userAgent=error");
    try {
      Throwable failure = TestKit.onlyFailure(TestKit.runMethodReadingSystemProperties(Levels.class, "lenient"));
      assertThat(failure).hasMessageContaining(": error: User-Agent: ");
    } finally {
      if (before == null) {
        System.clearProperty("webconnex.levels");
      } else {
        System.setProperty("webconnex.levels", before);
      }
    }
  }

  @Test
  void aBadEntryIsAConfigurationErrorWithTheKitsMessage() {
    assertThat(TestKit.containerFailures(TestKit.runMethod(Levels.class, "unknownKey"))).singleElement(InstanceOfAssertFactories.THROWABLE)
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessage("@WebconnexFixtures(levels): unknown problem key \"delivery.userAgnt\" (did you mean"
            + " \"delivery.userAgent\"?)");

    assertThat(TestKit.containerFailures(TestKit.runMethod(Levels.class, "lenient",
        Map.of("webconnex.levels", "schema.type=fatal")))).singleElement(InstanceOfAssertFactories.THROWABLE)
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessage("configuration parameter webconnex.levels: level \"fatal\" for \"schema.type\" is not one of error,"
            + " warning, info, ignore");

    Throwable payload = TestKit.onlyFailure(TestKit.runMethod(Levels.class, "payloadWithoutEquals"));
    assertThat(payload).isInstanceOf(ParameterResolutionException.class)
        .cause().isInstanceOf(ExtensionConfigurationException.class)
        .hasMessage("@WebconnexPayload(levels): level \"schema.type\" is not KEY=LEVEL (for example"
            + " delivery.userAgent=ignore)");
  }

  @Test
  void aPayloadsLevelsDecideWhetherItsFixtureConforms(
      @WebconnexPayload(value = "webconnex/known-bad/registration-timestamp-without-zone.json", levels = "schema.format=warning")
          ValidationReport report) {
    assertThat(report.isValid()).isTrue();
    assertThat(report.warnings()).extracting(Problem::severity).containsExactly(Severity.WARNING);
  }

  @Test
  void aPayloadsLevelsApplyToGeneratedSamplesToo(
      @WebconnexPayload(eventType = "registration", set = "/data/total=\"250\"", levels = "schema.type=ignore")
          ValidationReport report) {
    assertThat(report.problems()).isEmpty();
  }

  @Test
  void aProblemSetToIgnoreNoLongerMakesAPayloadInvalid() {
    Throwable failure = TestKit.onlyFailure(TestKit.runMethod(Levels.class, "invalidButIgnored"));

    assertThat(failure).isInstanceOf(AssertionFailedError.class)
        .hasMessageStartingWith("invalid = true asks for a payload that does not conform, but the generated registration"
            + " sample with set = \"/data/total=\\\"250\\\"\" conforms");
  }

  @TestKitOnly
  static class Levels {
    @ParameterizedTest
    @WebconnexFixtures(value = "webconnex/levels/", profile = "strict")
    void strict(ValidationReport report) {}

    @ParameterizedTest
    @WebconnexFixtures("webconnex/levels/")
    void lenient(ValidationReport report) {}

    @ParameterizedTest
    @WebconnexFixtures(value = "webconnex/levels/", levels = "delivery.userAgent=ignore")
    void ignoredOnTheAnnotation(ValidationReport report) {}

    @ParameterizedTest
    @WebconnexFixtures(value = "webconnex/shapes/logs/", levels = "delivery.userAgent=ignore")
    void logsIgnoringUserAgent(ValidationReport report) {}

    @ParameterizedTest
    @WebconnexFixtures(value = "webconnex/levels/", levels = "delivery.userAgnt=ignore")
    void unknownKey(ValidationReport report) {}

    @Test
    void payloadWithoutEquals(@WebconnexPayload(eventType = "registration", levels = "schema.type") String body) {}

    @Test
    void invalidButIgnored(
        @WebconnexPayload(eventType = "registration", set = "/data/total=\"250\"", levels = "schema.type=ignore",
            invalid = true) String body) {}
  }
}
