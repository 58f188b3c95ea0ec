package io.webconnexkit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.opentest4j.AssertionFailedError;

/** What a test sees when its payload is not what it asked for. */
class PayloadFailuresTest {

  @Test
  void nonConformingFixtureFailsBeforeTheBodyWithTheReport() {
    Throwable failure = TestKit.onlyFailure(TestKit.run(BrokenFixture.class));

    assertThat(failure).isInstanceOf(AssertionFailedError.class);
    assertThat(failure.getMessage()).isEqualTo(String.join(System.lineSeparator(),
        "fixture webconnex/broken/registration-total-as-string.json does not conform to the Webconnex contract",
        "invalid registration payload (lenient profile): 1 error, 0 warnings",
        "webconnex/broken/registration-total-as-string.json:123:14: error: /data/total: expected number but found string \"100\""));
    AssertionFailedError afe = (AssertionFailedError) failure;
    assertThat(afe.getExpected().getStringRepresentation()).isEqualTo("valid registration payload (lenient profile)");
    assertThat(afe.getActual().getStringRepresentation()).startsWith("invalid registration payload (lenient profile)")
        .contains("webconnex/broken/registration-total-as-string.json:123:14: error: /data/total: expected number");
  }

  @Test
  void malformedFixtureFailsWithLineAndColumn() {
    Throwable failure = TestKit.onlyFailure(TestKit.run(MalformedFixture.class));

    assertThat(failure).isInstanceOf(AssertionFailedError.class)
        .hasMessageStartingWith("fixture webconnex/broken/subscription-trailing-comma.json does not conform")
        .hasMessageContaining("malformed JSON")
        .hasMessageContaining("webconnex/broken/subscription-trailing-comma.json:53:5: error: ");
  }

  @Test
  void missingFixtureNamesThePathSearched() {
    Throwable failure = TestKit.onlyFailure(TestKit.run(MissingFixture.class));

    assertThat(failure).isInstanceOf(AssertionFailedError.class)
        .hasMessage("fixture not found on the classpath: webconnex/no-such-file.json");
  }

  @Test
  void overridesThatBreakTheSampleFailWithTheReport() {
    Throwable failure = TestKit.onlyFailure(TestKit.run(BreakingOverride.class));

    assertThat(failure).isInstanceOf(AssertionFailedError.class);
    assertThat(failure.getMessage())
        .startsWith("the generated registration sample with set = \"/data/total=\\\"250\\\"\" does not conform")
        .contains("(add invalid = true if the test wants a payload that does not conform)")
        .contains("error: /data/total: expected number but found string \"250\"");
  }

  @Test
  void removingARequiredFieldFailsWithTheReport() {
    Throwable failure = TestKit.onlyFailure(TestKit.run(BreakingRemoval.class));

    assertThat(failure).isInstanceOf(AssertionFailedError.class)
        .hasMessageStartingWith("the generated publish sample with remove = \"/data\" does not conform")
        .hasMessageContaining("data");
  }

  @Test
  void askingForAnInvalidPayloadThatConformsFails() {
    Throwable failure = TestKit.onlyFailure(TestKit.run(InvalidButConforms.class));

    assertThat(failure).isInstanceOf(AssertionFailedError.class)
        .hasMessageStartingWith("invalid = true asks for a payload that does not conform, but the generated coupon sample conforms");
    AssertionFailedError afe = (AssertionFailedError) failure;
    assertThat(afe.getExpected().getStringRepresentation()).isEqualTo("invalid coupon payload (lenient profile)");
    assertThat(afe.getActual().getStringRepresentation()).isEqualTo("valid coupon payload (lenient profile)");
  }

  @Test
  void askingForAnInvalidFixtureThatConformsFails() {
    Throwable failure = TestKit.onlyFailure(TestKit.run(InvalidFixtureButConforms.class));

    assertThat(failure).isInstanceOf(AssertionFailedError.class)
        .hasMessageStartingWith("invalid = true asks for a payload that does not conform, but fixture webconnex/publish.json conforms");
  }

  @Test
  void fixtureOfAnotherEventTypeThanAskedForFails() {
    Throwable failure = TestKit.onlyFailure(TestKit.run(FixtureOfAnotherType.class));

    assertThat(failure).isInstanceOf(AssertionFailedError.class)
        .hasMessageStartingWith("fixture webconnex/publish.json does not conform")
        .hasMessageContaining("registration payload");
  }

  @Test
  void lifecycleMethodParametersFailAsAssertionsToo() {
    Throwable failure = TestKit.onlyFailure(TestKit.run(BrokenFixtureInBeforeEach.class));

    assertThat(failure).isInstanceOf(AssertionFailedError.class)
        .hasMessageStartingWith("fixture webconnex/broken/registration-total-as-string.json does not conform");
  }

  @Test
  void constructorParametersFailWithTheAssertionAsCause() {
    // JUnit offers no hook to translate what a constructor's resolver throws.
    Throwable failure = TestKit.onlyFailure(TestKit.run(BrokenFixtureInConstructor.class));

    assertThat(failure).isInstanceOf(ParameterResolutionException.class)
        .hasMessageContaining("fixture webconnex/broken/registration-total-as-string.json does not conform")
        .hasMessageContaining("webconnex/broken/registration-total-as-string.json:123:14: error: /data/total: expected number but found string \"100\"")
        .cause().isInstanceOf(AssertionFailedError.class);
  }

  @Test
  void misuseIsReportedAsAnError() {
    assertThat(TestKit.onlyFailure(TestKit.runMethod(Misuse.class, "noFixtureNoEventType")))
        .isInstanceOf(ParameterResolutionException.class)
        .hasMessageContaining("@WebconnexPayload needs a fixture or an eventType");
    assertThat(TestKit.onlyFailure(TestKit.runMethod(Misuse.class, "unknownEventType")))
        .hasMessageContaining("@WebconnexPayload(eventType) is \"registraton\", which is not a documented Webconnex event type"
            + " (did you mean \"registration\"?); expected one of registration, publish, subscription");
    assertThat(TestKit.onlyFailure(TestKit.runMethod(Misuse.class, "overridesOnAFixture")))
        .hasMessageContaining("@WebconnexPayload(set, remove) shape generated samples; the fixture webconnex/publish.json"
            + " is used exactly as written");
    assertThat(TestKit.onlyFailure(TestKit.runMethod(Misuse.class, "setEntryWithoutPointer")))
        .hasMessageContaining("set entry \"total=250\" is not \"/json/pointer=value\"");
    assertThat(TestKit.onlyFailure(TestKit.runMethod(Misuse.class, "setUnderAMissingParent")))
        .hasMessageContaining("cannot shape the generated registration sample: the registration sample has no object"
            + " or array at the parent of /data/nothing/here");
    assertThat(TestKit.onlyFailure(TestKit.runMethod(Misuse.class, "primitiveParameter")))
        .hasMessageContaining("a payload cannot be injected as int");
    assertThat(TestKit.onlyFailure(TestKit.runMethod(Misuse.class, "twoFixtures")))
        .hasMessageContaining("@WebconnexPayload names two fixtures");
    assertThat(TestKit.onlyFailure(TestKit.runMethod(Misuse.class, "unknownProfile")))
        .hasMessageContaining("@WebconnexPayload(profile) is \"relaxed\"; expected \"lenient\" or \"strict\"");
  }

  @Test
  void bindingFailuresNameTheTypeAndTheField() {
    Throwable failure = TestKit.onlyFailure(TestKit.run(UnbindablePayload.class));

    assertThat(failure).isInstanceOf(ParameterResolutionException.class)
        .hasMessageContaining("the generated registration sample with set = \"/data/total=\\\"lots\\\"\" and remove ="
            + " \"/data/billing\" cannot be read as io.webconnexkit.junit.RegistrationEvent")
        .hasMessageContaining("lots");
  }

  @TestKitOnly
  static class BrokenFixture {
    @Test
    void body(@WebconnexPayload("webconnex/broken/registration-total-as-string.json") String body) {
      fail("the body ran");
    }
  }

  @TestKitOnly
  static class MalformedFixture {
    @Test
    void body(@WebconnexPayload("webconnex/broken/subscription-trailing-comma.json") byte[] body) {
      fail("the body ran");
    }
  }

  @TestKitOnly
  static class MissingFixture {
    @Test
    void body(@WebconnexPayload("webconnex/no-such-file.json") String body) {
      fail("the body ran");
    }
  }

  @TestKitOnly
  static class BreakingOverride {
    @Test
    void body(@WebconnexPayload(eventType = "registration", set = "/data/total=\"250\"") String body) {
      fail("the body ran");
    }
  }

  @TestKitOnly
  static class BreakingRemoval {
    @Test
    void body(@WebconnexPayload(eventType = "publish", remove = "/data") String body) {
      fail("the body ran");
    }
  }

  @TestKitOnly
  static class InvalidButConforms {
    @Test
    void body(@WebconnexPayload(eventType = "coupon", invalid = true) String body) {
      fail("the body ran");
    }
  }

  @TestKitOnly
  static class InvalidFixtureButConforms {
    @Test
    void body(@WebconnexPayload(value = "webconnex/publish.json", invalid = true) String body) {
      fail("the body ran");
    }
  }

  @TestKitOnly
  static class FixtureOfAnotherType {
    @Test
    void body(@WebconnexPayload(value = "webconnex/publish.json", eventType = "registration") String body) {
      fail("the body ran");
    }
  }

  @TestKitOnly
  static class BrokenFixtureInBeforeEach {
    @BeforeEach
    void setUp(@WebconnexPayload("webconnex/broken/registration-total-as-string.json") String body) {
      fail("the lifecycle method ran");
    }

    @Test
    void body() {
      fail("the body ran");
    }
  }

  @TestKitOnly
  static class BrokenFixtureInConstructor {
    BrokenFixtureInConstructor(@WebconnexPayload("webconnex/broken/registration-total-as-string.json") String body) {
      fail("the constructor ran");
    }

    @Test
    void body() {
      fail("the body ran");
    }
  }

  @TestKitOnly
  static class UnbindablePayload {
    @Test
    void body(@WebconnexPayload(eventType = "registration", set = "/data/total=\"lots\"", remove = "/data/billing",
        invalid = true) RegistrationEvent event) {
      fail("the body ran");
    }
  }

  @TestKitOnly
  static class Misuse {
    @Test
    void noFixtureNoEventType(@WebconnexPayload String body) {}

    @Test
    void unknownEventType(@WebconnexPayload(eventType = "registraton") String body) {}

    @Test
    void overridesOnAFixture(@WebconnexPayload(value = "webconnex/publish.json", set = "/data/status=closed") String body) {}

    @Test
    void setEntryWithoutPointer(@WebconnexPayload(eventType = "registration", set = "total=250") String body) {}

    @Test
    void setUnderAMissingParent(@WebconnexPayload(eventType = "registration", set = "/data/nothing/here=1") String body) {}

    @Test
    void primitiveParameter(@WebconnexPayload(eventType = "registration") int body) {}

    @Test
    void twoFixtures(@WebconnexPayload(value = "webconnex/publish.json", fixture = "webconnex/registration.json") String body) {}

    @Test
    void unknownProfile(@WebconnexPayload(eventType = "registration", profile = "relaxed") String body) {}
  }
}
