package io.webconnexkit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.webconnexkit.validator.SignatureStatus;
import io.webconnexkit.validator.ValidationReport;
import io.webconnexkit.validator.WebconnexDelivery;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.params.ParameterizedTest;
import org.opentest4j.AssertionFailedError;

/** {@link WebconnexFixtures}: one invocation per fixture file, each checked first. */
class WebconnexFixturesTest {

  @ParameterizedTest
  @WebconnexFixtures("webconnex/recorded/")
  void suppliesEveryJsonFileRecursively(String body) {
    assertThat(body).contains("\"eventType\"");
  }

  @ParameterizedTest
  @WebconnexFixtures("webconnex/recorded")
  void suppliesSignedDeliveries(WebconnexDelivery delivery) {
    assertThat(WebconnexAssertions.assertConforms(delivery.body()).isValid()).isTrue();
    WebconnexAssertions.assertSignedBy(delivery, io.webconnexkit.validator.SigningSecret.of(WebconnexPayload.TEST_SECRET));
  }

  @ParameterizedTest
  @WebconnexFixtures("webconnex/recorded/")
  void suppliesTreesBytesReportsAndBoundClasses(JsonNode tree) {
    assertThat(tree.path("data").isObject()).isTrue();
  }

  @ParameterizedTest
  @WebconnexFixtures("/webconnex/samples/v1/")
  void readsFoldersInsideJars(ValidationReport report) {
    // The kit's own samples ship in the webconnex-schemas jar.
    assertThat(report.isValid()).isTrue();
  }

  @ParameterizedTest
  @WebconnexFixtures(value = "webconnex/known-bad/", invalid = true)
  void suppliesKnownBadFilesWhenAskedFor(ValidationReport report) {
    assertThat(report.isValid()).isFalse();
  }

  @Test
  void namesEachInvocationByItsFileAndSkipsFilesThatAreNotFixtures() {
    var results = TestKit.run(NamedByFile.class);

    TestKit.assertAllPassed(results, 3);
    assertThat(withoutParameterNames(TestKit.succeeded(results)))
        .containsExactly("[1] coupon.json", "[2] nested/publish.json", "[3] registration.json");
  }

  @Test
  void aFileThatDoesNotConformFailsOnlyItsOwnInvocationBeforeTheBody() {
    Mixed.RAN.clear();
    var results = TestKit.run(Mixed.class);

    results.testEvents().assertStatistics(stats -> stats.started(3).succeeded(2).failed(1));
    assertThat(withoutParameterNames(TestKit.succeeded(results)))
        .containsExactly("[1] a-registration.json", "[3] c-publish.json");
    assertThat(Mixed.RAN).containsExactly("registration", "publish");
    Throwable failure = TestKit.failures(results).get(0);
    assertThat(failure).isInstanceOf(AssertionFailedError.class).hasMessage(String.join(System.lineSeparator(),
        "fixture webconnex/mixed/b-registration-total-as-string.json does not conform to the Webconnex contract",
        "invalid registration payload (lenient profile): 1 error, 0 warnings",
        "webconnex/mixed/b-registration-total-as-string.json:123:14: error: /data/total: expected number but found string \"100\""));
    assertThat(((AssertionFailedError) failure).getExpected().getStringRepresentation())
        .isEqualTo("valid registration payload (lenient profile)");
  }

  @Test
  void everyParameterTypeFailsItsInvocation() {
    for (String method : List.of("asBytes", "asTree", "asBoundClass", "asDelivery", "asReport")) {
      var results = TestKit.runMethod(MixedAsEveryType.class, method);
      results.testEvents().assertStatistics(stats -> stats.started(3).succeeded(2).failed(1));
      assertThat(TestKit.failures(results).get(0)).as(method)
          .hasMessageStartingWith("fixture webconnex/mixed/b-registration-total-as-string.json does not conform");
    }
  }

  @Test
  void aConformingFileFailsWhenInvalidIsAskedFor() {
    var results = TestKit.run(MixedExpectedInvalid.class);

    results.testEvents().assertStatistics(stats -> stats.started(3).succeeded(1).failed(2));
    assertThat(TestKit.failures(results)).allSatisfy(failure -> assertThat(failure)
        .hasMessageStartingWith("invalid = true asks for a payload that does not conform, but fixture webconnex/mixed/"));
  }

  @Test
  void aFileThatCannotBeBoundFailsItsInvocation() {
    var results = TestKit.run(BoundToTheWrongClass.class);

    results.testEvents().assertStatistics(stats -> stats.started(4).succeeded(1).failed(3));
    assertThat(TestKit.failures(results)).allSatisfy(failure -> assertThat(failure)
        .isInstanceOf(ParameterResolutionException.class)
        .hasMessageContaining("cannot be read as io.webconnexkit.junit.WebconnexFixturesTest$OnlyConstructibleFromANumber"));
  }

  @Test
  void aMissingOrEmptyFolderFailsNamingIt() {
    Throwable missing = TestKit.containerFailures(TestKit.run(MissingFolder.class)).get(0);
    assertThat(missing).isInstanceOf(AssertionFailedError.class)
        .hasMessage("no *.json, *.jsonl or *.ndjson fixtures found under the classpath folder webconnex/no-such-folder/");
  }

  @Test
  void aFolderIsNeededWithoutAFixtureRoot() {
    Throwable failure = TestKit.containerFailures(TestKit.run(NoFolder.class)).get(0);
    assertThat(failure).hasMessageContaining("@WebconnexFixtures needs a folder");
  }

  /**
   * Display names without the parameter name JUnit puts before the argument when the test is
   * compiled with parameter names ("body=" on JUnit 5, "body = " on JUnit 6).
   */
  static List<String> withoutParameterNames(List<String> displayNames) {
    return displayNames.stream().map(name -> name.replaceFirst("] \\w+ ?= ?", "] ")).toList();
  }

  @TestKitOnly
  static class NamedByFile {
    @ParameterizedTest
    @WebconnexFixtures("webconnex/recorded/")
    void body(String body) {}
  }

  @TestKitOnly
  static class Mixed {
    static final List<String> RAN = new CopyOnWriteArrayList<>();

    @ParameterizedTest
    @WebconnexFixtures("webconnex/mixed/")
    void body(JsonNode payload) {
      RAN.add(payload.path("eventType").asText());
    }
  }

  @TestKitOnly
  static class MixedAsEveryType {
    @ParameterizedTest
    @WebconnexFixtures("webconnex/mixed/")
    void asBytes(byte[] body) {}

    @ParameterizedTest
    @WebconnexFixtures("webconnex/mixed/")
    void asTree(JsonNode body) {}

    @ParameterizedTest
    @WebconnexFixtures("webconnex/mixed/")
    void asBoundClass(RegistrationEvent body) {}

    @ParameterizedTest
    @WebconnexFixtures("webconnex/mixed/")
    void asDelivery(WebconnexDelivery delivery) {
      assertThat(DeliverySignature.of(delivery)).isEqualTo(SignatureStatus.VERIFIED);
    }

    @ParameterizedTest
    @WebconnexFixtures("webconnex/mixed/")
    void asReport(ValidationReport report) {}
  }

  @TestKitOnly
  static class MixedExpectedInvalid {
    @ParameterizedTest
    @WebconnexFixtures(value = "webconnex/mixed/", invalid = true)
    void body(ValidationReport report) {
      assertThat(report.isValid()).isFalse();
    }
  }

  /** A class Jackson can build only from a number: no fixture binds to it, and neither does {}. */
  static final class OnlyConstructibleFromANumber {
    @com.fasterxml.jackson.annotation.JsonCreator
    OnlyConstructibleFromANumber(long value) {}
  }

  @TestKitOnly
  static class BoundToTheWrongClass {
    @ParameterizedTest
    @WebconnexFixtures("webconnex/recorded/")
    void body(OnlyConstructibleFromANumber value) {
      fail("the body ran");
    }

    @Test
    void passes() {}
  }

  @TestKitOnly
  static class MissingFolder {
    @ParameterizedTest
    @WebconnexFixtures("webconnex/no-such-folder/")
    void body(String body) {}
  }

  @TestKitOnly
  static class NoFolder {
    @ParameterizedTest
    @WebconnexFixtures
    void body(String body) {}
  }

  /** Whether a delivery is signed with the test secret. */
  static final class DeliverySignature {
    static SignatureStatus of(WebconnexDelivery delivery) {
      return io.webconnexkit.validator.DeliveryVerifier.builder()
          .signingSecret(io.webconnexkit.validator.SigningSecret.of(WebconnexPayload.TEST_SECRET))
          .build()
          .verifySignature(delivery);
    }
  }
}
