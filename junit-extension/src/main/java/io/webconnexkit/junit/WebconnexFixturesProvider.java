package io.webconnexkit.junit;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.webconnexkit.validator.Profile;
import io.webconnexkit.validator.SigningSecret;
import io.webconnexkit.validator.WebconnexDelivery;
import io.webconnexkit.validator.WebconnexValidator;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.Type;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.ArgumentsProvider;
import org.junit.jupiter.params.support.AnnotationConsumer;
import org.junit.jupiter.params.support.ParameterDeclaration;
import org.junit.jupiter.params.support.ParameterDeclarations;
import org.opentest4j.AssertionFailedError;

/** Supplies one argument per fixture file for {@link WebconnexFixtures}. */
final class WebconnexFixturesProvider implements ArgumentsProvider, AnnotationConsumer<WebconnexFixtures> {

  private WebconnexFixtures fixtures;

  @Override
  public void accept(WebconnexFixtures annotation) {
    this.fixtures = annotation;
  }

  @Override
  public Stream<? extends Arguments> provideArguments(ParameterDeclarations parameters, ExtensionContext context) {
    if (!(parameters.getSourceElement() instanceof Method)) {
      throw new ExtensionConfigurationException("@WebconnexFixtures supplies @ParameterizedTest methods, not "
          + parameters.getSourceElementDescription());
    }
    ParameterDeclaration first = parameters.getFirst().orElseThrow(() -> new ExtensionConfigurationException(
        "@WebconnexFixtures needs a first parameter to receive each fixture, such as String or WebconnexDelivery"));
    Type type = first.getAnnotatedElement() instanceof Parameter p ? p.getParameterizedType() : first.getParameterType();
    Conversions.requireSupported(type, "@WebconnexFixtures " + parameters.getSourceElementDescription());

    Defaults defaults = Defaults.of(context);
    Profile profile = defaults.profile(fixtures.profile(), "@WebconnexFixtures(profile)");
    String folder = defaults.resolve(fixtures.value());
    if (folder.isEmpty() || folder.equals("/")) {
      throw new ExtensionConfigurationException("@WebconnexFixtures needs a folder, such as @WebconnexFixtures(\"webconnex/\"),"
          + " or the configuration parameter " + Defaults.FIXTURE_ROOT);
    }
    List<FixtureScanner.Fixture> files = FixtureScanner.scan(WebconnexPayloadExtension.classLoader(context), folder);
    if (files.isEmpty()) {
      throw new AssertionFailedError("no *.json fixtures found under the classpath folder " + folder
          + defaults.describeRoot(fixtures.value()));
    }

    WebconnexValidator validator = RunState.validator(context, profile);
    ObjectMapper mapper = RunState.mapper(context);
    FixtureFailures failures = RunState.fixtureFailures(context);
    // Resolved once, up front: a secret that is not there fails the test as a whole, not file by file.
    SigningSecret secret = Conversions.rawType(type) == WebconnexDelivery.class
        ? Secrets.resolve("", "", defaults, "@WebconnexFixtures") : null;
    Supplier<SigningSecret> secrets = () -> secret;
    boolean invalid = fixtures.invalid();

    return files.stream().map(file -> {
      Payload payload = Payloads.fixture(file.resourcePath(), file.body(), null, validator);
      Throwable failure = null;
      try {
        Payloads.check(payload, invalid);
      } catch (AssertionFailedError e) {
        failure = e;
      }
      Object argument;
      try {
        argument = Conversions.convert(payload, type, mapper, secrets);
      } catch (ParameterResolutionException e) {
        argument = Conversions.placeholder(type, mapper);
        failure = failure != null ? failure : e;
      }
      if (failure != null) {
        failures.record(argument, failure);
      }
      return Arguments.of(Named.of(file.name(), argument));
    });
  }
}
