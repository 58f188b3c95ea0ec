package io.webconnexkit.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.webconnexkit.validator.Profile;
import io.webconnexkit.validator.ValidationReport;
import io.webconnexkit.validator.WebconnexDelivery;
import io.webconnexkit.validator.WebconnexSignature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.params.ParameterizedTest;
import org.opentest4j.AssertionFailedError;

/** Project-wide defaults from JUnit configuration parameters (junit-platform.properties). */
class ConfigurationParametersTest {

  @Test
  void profileDefaultsToLenient() {
    TestKit.assertAllPassed(TestKit.runMethod(ProfileFromConfiguration.class, "officialExample"), 1);
  }

  @Test
  void profileFromConfigurationAppliesToEveryAnnotation() {
    Throwable failure = TestKit.onlyFailure(
        TestKit.runMethod(ProfileFromConfiguration.class, "officialExample", Map.of("webconnex.profile", "strict")));

    assertThat(failure).isInstanceOf(AssertionFailedError.class)
        .hasMessageContaining("fixture webconnex/strict-only/registration-official-example.json does not conform")
        .hasMessageContaining("invalid registration payload (strict profile)");
  }

  @Test
  void profileOnTheAnnotationWinsOverConfiguration() {
    TestKit.assertAllPassed(
        TestKit.runMethod(ProfileFromConfiguration.class, "officialExampleLenient", Map.of("webconnex.profile", "strict")), 1);
  }

  @Test
  void profileFromConfigurationReachesGeneratedPayloadsAndFixtureFolders() {
    var results = TestKit.runMethod(ProfileFromConfiguration.class, "reportsItsProfile", Map.of("webconnex.profile", "STRICT"));
    TestKit.assertAllPassed(results, 1);
    assertThat(ProfileFromConfiguration.lastProfile).isEqualTo(Profile.STRICT);

    Throwable folder = TestKit.onlyFailure(
        TestKit.runMethod(ProfileFromConfiguration.class, "strictOnlyFolder", Map.of("webconnex.profile", "strict")));
    assertThat(folder).hasMessageContaining("(strict profile)");
  }

  @Test
  void anUnknownProfileIsAnErrorNamingTheParameter() {
    Throwable failure = TestKit.onlyFailure(
        TestKit.runMethod(ProfileFromConfiguration.class, "reportsItsProfile", Map.of("webconnex.profile", "relaxed")));

    assertThat(failure).isInstanceOf(ParameterResolutionException.class)
        .hasMessageContaining("configuration parameter webconnex.profile is \"relaxed\"; expected \"lenient\" or \"strict\"");
  }

  @Test
  void fixtureRootPrefixesRelativeFixturePaths() {
    TestKit.assertAllPassed(TestKit.run(FixtureRoot.class, Map.of("webconnex.fixtureRoot", "custom-root")), 3);
  }

  @Test
  void fixtureRootIsNamedWhenAFixtureIsMissing() {
    Throwable failure = TestKit.onlyFailure(
        TestKit.run(MissingUnderFixtureRoot.class, Map.of("webconnex.fixtureRoot", "/custom-root/")));

    assertThat(failure).isInstanceOf(AssertionFailedError.class).hasMessage(
        "fixture not found on the classpath: custom-root/registration.json"
            + " (\"registration.json\" under webconnex.fixtureRoot \"custom-root/\")");
  }

  @Test
  void secretPropertyFromConfigurationSignsDeliveries() {
    TestKit.assertAllPassed(TestKit.run(SignedWithPropertySecret.class,
        Map.of("webconnex.secretProperty", "webconnex.test.secretProperty")), 1);
  }

  @Test
  void secretEnvFromConfigurationSignsDeliveries() {
    TestKit.assertAllPassed(TestKit.run(SignedWithEnvironmentSecret.class,
        Map.of("webconnex.secretEnv", "WEBCONNEX_TEST_SECRET")), 1);
  }

  @Test
  void aSecretFromConfigurationThatIsNotSetIsAnError() {
    Throwable failure = TestKit.onlyFailure(TestKit.run(SignedWithEnvironmentSecret.class, Map.of("webconnex.secretEnv", "WEBCONNEX_TEST_UNSET")));

    assertThat(failure).hasMessageContaining("environment variable WEBCONNEX_TEST_UNSET is not set or is empty"
        + " (named by configuration parameters webconnex.secretProperty/webconnex.secretEnv/webconnex.secretFile)");
  }

  @Test
  void secretParametersNameSeveralSecretsSeparatedByCommas() {
    TestKit.assertAllPassed(TestKit.run(SignedWithPropertySecret.class,
        Map.of("webconnex.secretEnv", "WEBCONNEX_TEST_SECRET", "webconnex.secretProperty", " webconnex.test.secretProperty ,")),
        1);
    Throwable failure = TestKit.onlyFailure(TestKit.run(SignedWithEnvironmentSecret.class,
        Map.of("webconnex.secretEnv", "WEBCONNEX_TEST_SECRET, WEBCONNEX_TEST_UNSET")));
    assertThat(failure).hasMessageContaining("environment variable WEBCONNEX_TEST_UNSET is not set or is empty");
  }

  @Test
  void secretFileFromConfigurationSignsDeliveriesWithItsFirstLine(@TempDir Path temp) throws IOException {
    Path file = temp.resolve("signing-secret.txt");
    Files.writeString(file, SignedWithFileSecret.SECRET + "\nsecond line, not part of the secret\n");

    TestKit.assertAllPassed(TestKit.run(SignedWithFileSecret.class, Map.of("webconnex.secretFile", file.toString())), 1);
  }

  @Test
  void secretOnTheAnnotationWinsOverConfiguration() {
    TestKit.assertAllPassed(TestKit.run(SignedWithAnnotationSecret.class, Map.of("webconnex.secretEnv", "WEBCONNEX_TEST_UNSET")), 1);
  }

  @TestKitOnly
  static class ProfileFromConfiguration {
    static volatile Profile lastProfile;

    @Test
    void officialExample(@WebconnexPayload("webconnex/strict-only/registration-official-example.json") String body) {}

    @Test
    void officialExampleLenient(
        @WebconnexPayload(value = "webconnex/strict-only/registration-official-example.json", profile = "lenient") String body) {}

    @Test
    void reportsItsProfile(@WebconnexPayload(eventType = "registration") ValidationReport report) {
      lastProfile = report.profile();
    }

    @ParameterizedTest
    @WebconnexFixtures("webconnex/strict-only/")
    void strictOnlyFolder(String body) {}
  }

  @TestKitOnly
  static class FixtureRoot {
    @Test
    void relative(@WebconnexPayload("coupon.json") ValidationReport report) {
      assertThat(report.eventType()).contains("coupon");
    }

    @Test
    void absoluteIgnoresTheRoot(@WebconnexPayload("/webconnex/publish.json") ValidationReport report) {
      assertThat(report.eventType()).contains("publish");
    }

    @ParameterizedTest
    @WebconnexFixtures
    void folderDefaultsToTheRoot(ValidationReport report) {
      assertThat(report.eventType()).contains("coupon");
    }
  }

  @TestKitOnly
  static class MissingUnderFixtureRoot {
    @Test
    void body(@WebconnexPayload("registration.json") String body) {}
  }

  @TestKitOnly
  static class SignedWithPropertySecret {
    @Test
    void body(@WebconnexPayload(eventType = "publish") WebconnexDelivery delivery) {
      assertThat(delivery.header(WebconnexDelivery.SIGNATURE_HEADER))
          .contains(WebconnexSignature.sign(SigningTest.FROM_PROPERTY, delivery.body()));
    }
  }

  @TestKitOnly
  static class SignedWithEnvironmentSecret {
    @Test
    void body(@WebconnexPayload(eventType = "publish") WebconnexDelivery delivery) {
      assertThat(delivery.header(WebconnexDelivery.SIGNATURE_HEADER))
          .contains(WebconnexSignature.sign(SigningTest.FROM_ENVIRONMENT, delivery.body()));
    }
  }

  @TestKitOnly
  static class SignedWithFileSecret {
    static final String SECRET = "secret-from-a-file-\u00e9t\u00e9";

    @Test
    void body(@WebconnexPayload(eventType = "publish") WebconnexDelivery delivery) {
      assertThat(delivery.header(WebconnexDelivery.SIGNATURE_HEADER))
          .contains(WebconnexSignature.sign(io.webconnexkit.validator.SigningSecret.of(SECRET), delivery.body()));
    }
  }

  @TestKitOnly
  static class SignedWithAnnotationSecret {
    @Test
    void body(@WebconnexPayload(eventType = "publish", secretProperty = "webconnex.test.secretProperty") WebconnexDelivery delivery) {
      assertThat(delivery.header(WebconnexDelivery.SIGNATURE_HEADER))
          .contains(WebconnexSignature.sign(SigningTest.FROM_PROPERTY, delivery.body()));
    }
  }
}
