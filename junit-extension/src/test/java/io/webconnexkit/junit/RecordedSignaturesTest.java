package io.webconnexkit.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.webconnexkit.validator.SignatureStatus;
import io.webconnexkit.validator.ValidationReport;
import java.util.Map;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.params.ParameterizedTest;

/**
 * Recorded signatures under {@link WebconnexFixtures}: checked against the named secrets (any of
 * them, for a rotation), not checked without one, as in the CLI. The files are under
 * {@code src/test/resources/webconnex/signatures/}: {@code rotation.json} holds a request signed with
 * the system property's secret and one signed with the environment variable's, and
 * {@code wrong-secret.json} one signed with neither.
 */
class RecordedSignaturesTest {

  @Test
  void withoutANamedSecretRecordedSignaturesAreNotChecked() {
    TestKit.assertAllPassed(TestKit.run(Signatures.class), 3);
    assertThat(Signatures.lastStatus).isEqualTo(SignatureStatus.NOT_CHECKED);
  }

  @Test
  void aNamedSecretChecksEveryRecordThatCarriesItsRawBodyAndHeaders() throws Exception {
    var results = TestKit.run(Signatures.class, Map.of("webconnex.secretProperty", "webconnex.test.secretProperty"));

    assertThat(TestKit.succeededNames(results)).containsExactly("[1] rotation.json [requests[0]]");
    var failures = TestKit.failuresByName(results);
    assertThat(failures.keySet()).containsExactly("[2] rotation.json [requests[1]]", "[3] wrong-secret.json");
    assertThat(failures.get("[3] wrong-secret.json")).hasMessageContaining(
        "webconnex/signatures/wrong-secret.json:" + position("wrong-secret.json", "\"X-Webconnex-Signature\"")
            + ": error: X-Webconnex-Signature: does not match the body: it is not the HMAC-SHA256 of these bytes under"
            + " the configured signing secret (was the body changed, or the secret rotated?)");
    assertThat(failures.values()).allSatisfy(failure -> assertThat(failure.getMessage())
        .contains("signature invalid")
        .doesNotContain("secret-from-a-system-property")
        .doesNotContain("secret-from-an-environment-variable"));
  }

  @Test
  void severalSecretsVerifyASignatureMadeWithAnyOfThem() {
    var results = TestKit.run(SignaturesDuringARotation.class);

    assertThat(TestKit.succeededNames(results))
        .containsExactly("[1] rotation.json [requests[0]]", "[2] rotation.json [requests[1]]");
    assertThat(TestKit.failuresByName(results).keySet()).containsExactly("[3] wrong-secret.json");
    // The record that fails never reaches the body: the last one that did was verified.
    assertThat(SignaturesDuringARotation.lastStatus).isEqualTo(SignatureStatus.VERIFIED);
  }

  @Test
  void secretsOnTheAnnotationReplaceTheConfigurationParameters() {
    var results = TestKit.run(SignaturesDuringARotation.class, Map.of("webconnex.secretEnv", "WEBCONNEX_TEST_UNSET"));

    assertThat(TestKit.succeededNames(results)).hasSize(2);
  }

  @Test
  void theConfigurationParametersNameSeveralSecretsToo() {
    var results = TestKit.run(Signatures.class, Map.of("webconnex.secretProperty", "webconnex.test.secretProperty",
        "webconnex.secretEnv", "WEBCONNEX_TEST_SECRET"));

    assertThat(TestKit.succeededNames(results)).hasSize(2);
  }

  @Test
  void aNamedSecretThatIsNotSetFailsTheWholeTestBeforeAnyRecord() {
    var results = TestKit.run(Signatures.class, Map.of("webconnex.secretEnv", "WEBCONNEX_TEST_SECRET,WEBCONNEX_TEST_UNSET"));

    results.testEvents().assertStatistics(stats -> stats.started(0));
    assertThat(TestKit.containerFailures(results)).singleElement(InstanceOfAssertFactories.THROWABLE)
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessage("no signing secret for the fixtures: environment variable WEBCONNEX_TEST_UNSET is not set or is empty"
            + " (named by configuration parameters webconnex.secretProperty/webconnex.secretEnv/webconnex.secretFile)");
  }

  private static String position(String file, String text) throws java.io.IOException {
    return RecordedShapesTest.position("webconnex/signatures/" + file, text, 0);
  }

  @TestKitOnly
  static class Signatures {
    static volatile SignatureStatus lastStatus;

    @ParameterizedTest
    @WebconnexFixtures("webconnex/signatures/")
    void body(ValidationReport report) {
      lastStatus = report.signature();
    }
  }

  @TestKitOnly
  static class SignaturesDuringARotation {
    static volatile SignatureStatus lastStatus;

    @ParameterizedTest
    @WebconnexFixtures(value = "webconnex/signatures/", secretProperty = "webconnex.test.secretProperty",
        secretEnv = "WEBCONNEX_TEST_SECRET")
    void body(ValidationReport report) {
      lastStatus = report.signature();
    }
  }
}
