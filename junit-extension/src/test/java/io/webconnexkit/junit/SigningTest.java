package io.webconnexkit.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.webconnexkit.validator.DeliveryVerifier;
import io.webconnexkit.validator.SignatureStatus;
import io.webconnexkit.validator.SigningSecret;
import io.webconnexkit.validator.ValidationReport;
import io.webconnexkit.validator.WebconnexDelivery;
import io.webconnexkit.validator.WebconnexSignature;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ParameterResolutionException;

/**
 * How deliveries are signed. The build sets the system property {@code webconnex.test.secretProperty}
 * and the environment variable {@code WEBCONNEX_TEST_SECRET} (see the Surefire configuration).
 */
class SigningTest {

  static final SigningSecret FROM_PROPERTY = SigningSecret.of("secret-from-a-system-property");
  static final SigningSecret FROM_ENVIRONMENT = SigningSecret.of("secret-from-an-environment-variable");

  @Test
  void deliveriesLookExactlyLikeWebconnexSendsThem(@WebconnexPayload(eventType = "coupon") WebconnexDelivery delivery) {
    ValidationReport report = DeliveryVerifier.builder()
        .signingSecret(SigningSecret.of(WebconnexPayload.TEST_SECRET))
        .build()
        .verify(delivery);

    assertThat(report.problems()).as("%s", report).isEmpty();
    assertThat(report.signature()).isEqualTo(SignatureStatus.VERIFIED);
    assertThat(delivery.header("content-type")).contains("application/json");
    assertThat(delivery.header("User-Agent")).contains("Webconnex-Divvy");
    assertThat(delivery.header("X-Webconnex-Event")).contains("coupon");
    assertThat(delivery.header("X-Webconnex-Delivery").orElseThrow()).matches("[0-9a-f]{32}");
  }

  @Test
  void signsWithTheFixedPublicTestSecretByDefault(@WebconnexPayload(eventType = "publish") WebconnexDelivery delivery) {
    assertThat(WebconnexPayload.TEST_SECRET).isEqualTo("webconnex-kit-public-test-secret");
    assertThat(delivery.header(WebconnexDelivery.SIGNATURE_HEADER))
        .contains(WebconnexSignature.sign(SigningSecret.of(WebconnexPayload.TEST_SECRET), delivery.body()));
  }

  @Test
  void signsWithASecretFromASystemProperty(
      @WebconnexPayload(eventType = "publish", secretProperty = "webconnex.test.secretProperty") WebconnexDelivery delivery) {
    assertThat(signatureOf(delivery)).isEqualTo(WebconnexSignature.sign(FROM_PROPERTY, delivery.body()));
  }

  @Test
  void signsWithASecretFromAnEnvironmentVariable(
      @WebconnexPayload(eventType = "publish", secretEnv = "WEBCONNEX_TEST_SECRET") WebconnexDelivery delivery) {
    assertThat(signatureOf(delivery)).isEqualTo(WebconnexSignature.sign(FROM_ENVIRONMENT, delivery.body()));
  }

  @Test
  void theFirstNamedSecretSignsSystemPropertiesBeforeEnvironmentVariables(
      @WebconnexPayload(eventType = "publish", secretProperty = "webconnex.test.secretProperty",
          secretEnv = "WEBCONNEX_TEST_SECRET") WebconnexDelivery bothNamed,
      @WebconnexPayload(eventType = "publish", secretEnv = {"WEBCONNEX_TEST_SECRET", "WEBCONNEX_TEST_SECRET"})
          WebconnexDelivery twoVariables) {
    assertThat(signatureOf(bothNamed)).isEqualTo(WebconnexSignature.sign(FROM_PROPERTY, bothNamed.body()));
    assertThat(signatureOf(twoVariables)).isEqualTo(WebconnexSignature.sign(FROM_ENVIRONMENT, twoVariables.body()));
  }

  @Test
  void aNamedSecretThatIsNotSetIsAnErrorThatNamesWhereItLooked() {
    Throwable failure = TestKit.onlyFailure(TestKit.run(UnsetSecret.class));

    assertThat(failure).isInstanceOf(ParameterResolutionException.class)
        .hasMessageEndingWith("no signing secret for the delivery: system property webconnex.test.unset is not set or is"
            + " empty (named by @WebconnexPayload(secretProperty/secretEnv/secretFile))")
        .cause().isInstanceOf(ExtensionConfigurationException.class);
  }

  @Test
  void everyNamedSecretMustBeSetNotOnlyTheOneThatSigns() {
    // A rotation lists the old secret and the new one: a missing one is a mistake, not a fallback.
    Throwable failure = TestKit.onlyFailure(TestKit.run(SecondSecretUnset.class));

    assertThat(failure).isInstanceOf(ParameterResolutionException.class)
        .hasMessageEndingWith("no signing secret for the delivery: environment variable WEBCONNEX_TEST_UNSET is not set"
            + " or is empty (named by @WebconnexPayload(secretProperty/secretEnv/secretFile))");
  }

  @Test
  void aValueGivenWhereANameBelongsIsNeverRepeated() {
    Throwable failure = TestKit.onlyFailure(TestKit.run(SecretGivenAsItsName.class));

    assertThat(failure).isInstanceOf(ParameterResolutionException.class)
        .hasMessageContaining("no signing secret for the delivery: expected the name of an environment variable")
        .hasMessageNotContaining(SecretGivenAsItsName.LOOKS_LIKE_A_SECRET)
        .hasMessageNotContaining("whsec");
  }

  @Test
  void aMissingSecretFileIsAnErrorThatDoesNotRepeatThePath() {
    Throwable failure = TestKit.onlyFailure(TestKit.run(MissingSecretFile.class));

    assertThat(failure).isInstanceOf(ParameterResolutionException.class)
        .hasMessageContaining("no signing secret for the delivery: the secret file does not exist")
        .hasMessageNotContaining("no-such-secret-file");
  }

  @Test
  void otherParameterTypesNeedNoSecret(
      @WebconnexPayload(eventType = "publish", secretEnv = "WEBCONNEX_TEST_UNSET") String body) {
    assertThat(body).contains("publish");
  }

  @Test
  void theSecretNeverAppearsInFailures() {
    Throwable failure = TestKit.onlyFailure(TestKit.run(WrongSecret.class));

    assertThat(failure).hasMessageContaining("signature invalid")
        .hasMessageNotContaining("secret-from-a-system-property")
        .hasMessageNotContaining(WebconnexPayload.TEST_SECRET);
  }

  private static String signatureOf(WebconnexDelivery delivery) {
    return delivery.header(WebconnexDelivery.SIGNATURE_HEADER).orElseThrow();
  }

  @TestKitOnly
  static class UnsetSecret {
    @org.junit.jupiter.api.Test
    void body(@WebconnexPayload(eventType = "publish", secretProperty = "webconnex.test.unset",
        secretEnv = "WEBCONNEX_TEST_UNSET") WebconnexDelivery delivery) {}
  }

  @TestKitOnly
  static class SecondSecretUnset {
    @org.junit.jupiter.api.Test
    void body(@WebconnexPayload(eventType = "publish", secretProperty = "webconnex.test.secretProperty",
        secretEnv = "WEBCONNEX_TEST_UNSET") WebconnexDelivery delivery) {}
  }

  @TestKitOnly
  static class SecretGivenAsItsName {
    static final String LOOKS_LIKE_A_SECRET = "whsec 4f9a:c1e2/8b7d";

    @org.junit.jupiter.api.Test
    void body(@WebconnexPayload(eventType = "publish", secretEnv = LOOKS_LIKE_A_SECRET) WebconnexDelivery delivery) {}
  }

  @TestKitOnly
  static class MissingSecretFile {
    @org.junit.jupiter.api.Test
    void body(@WebconnexPayload(eventType = "publish", secretFile = "no-such-secret-file.txt") WebconnexDelivery delivery) {}
  }

  @TestKitOnly
  static class WrongSecret {
    @org.junit.jupiter.api.Test
    void body(@WebconnexPayload(eventType = "publish", secretProperty = "webconnex.test.secretProperty") WebconnexDelivery delivery) {
      WebconnexAssertions.assertSignedBy(delivery, SigningSecret.of(WebconnexPayload.TEST_SECRET));
    }
  }
}
