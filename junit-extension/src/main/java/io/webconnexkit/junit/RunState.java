package io.webconnexkit.junit;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.webconnexkit.validator.ProblemLevels;
import io.webconnexkit.validator.Profile;
import io.webconnexkit.validator.WebconnexValidator;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;

/**
 * What the extension keeps, all in one namespace: one validator per profile and levels, and one object mapper
 * per engine run (in the root context's store, since both are immutable, thread-safe and costly to
 * build), and the failures of a parameterized test's fixtures (in that test's store).
 */
final class RunState {

  static final Namespace NAMESPACE = Namespace.create(RunState.class);

  private RunState() {}

  static WebconnexValidator validator(ExtensionContext context, Profile profile, ProblemLevels levels) {
    return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(new ValidatorKey(profile, levels),
        key -> WebconnexValidator.builder().profile(key.profile()).levels(key.levels()).build(),
        WebconnexValidator.class);
  }

  /** The mapper that reads payloads into JsonNode and users' classes. */
  static ObjectMapper mapper(ExtensionContext context) {
    return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(MapperKey.INSTANCE,
        key -> JsonMapper.builder()
            // Webconnex adds fields without notice: a user's class lists the ones it cares about.
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            // Users' own modules (java.time, Kotlin, ...) apply to their own classes.
            .findAndAddModules()
            .build(),
        ObjectMapper.class);
  }

  static FixtureFailures fixtureFailures(ExtensionContext testContext) {
    return testContext.getStore(NAMESPACE).getOrComputeIfAbsent(FixtureFailures.class,
        key -> new FixtureFailures(), FixtureFailures.class);
  }

  /** The failures recorded for this parameterized test, looked up from one of its invocations. */
  static FixtureFailures existingFixtureFailures(ExtensionContext invocationContext) {
    return invocationContext.getStore(NAMESPACE).get(FixtureFailures.class, FixtureFailures.class);
  }

  private record ValidatorKey(Profile profile, ProblemLevels levels) {}

  private enum MapperKey { INSTANCE }
}
