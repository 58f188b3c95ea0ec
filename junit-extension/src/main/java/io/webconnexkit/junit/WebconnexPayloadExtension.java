package io.webconnexkit.junit;

import io.webconnexkit.validator.EventType;
import io.webconnexkit.validator.ProblemLevels;
import io.webconnexkit.validator.Profile;
import io.webconnexkit.validator.WebconnexDelivery;
import io.webconnexkit.validator.WebconnexValidator;
import java.lang.reflect.Parameter;
import java.lang.reflect.Type;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.opentest4j.AssertionFailedError;

/**
 * Resolves {@link WebconnexPayload} parameters. Registered by the annotation itself.
 *
 * <p>JUnit wraps whatever a resolver throws in a {@code ParameterResolutionException}. For test and
 * lifecycle methods this extension hands the test our {@code AssertionFailedError} back unwrapped,
 * so that IDEs show its expected and actual values; for constructor parameters JUnit offers no such
 * hook, and the failure stays the cause of JUnit's exception.
 */
final class WebconnexPayloadExtension
    implements ParameterResolver, TestExecutionExceptionHandler, LifecycleMethodExecutionExceptionHandler {

  @Override
  public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
    return parameterContext.isAnnotated(WebconnexPayload.class);
  }

  @Override
  public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
    WebconnexPayload annotation = parameterContext.findAnnotation(WebconnexPayload.class).orElseThrow();
    Parameter parameter = parameterContext.getParameter();
    Type type = parameter.getParameterizedType();
    Conversions.requireSupported(type, "@WebconnexPayload " + parameter);

    Defaults defaults = Defaults.of(extensionContext);
    Profile profile = defaults.profile(annotation.profile(), "@WebconnexPayload(profile)");
    ProblemLevels levels = defaults.levels(annotation.levels(), "@WebconnexPayload(levels)");
    WebconnexValidator validator = RunState.validator(extensionContext, profile, levels);
    EventType eventType = Payloads.eventType(annotation.eventType(), "@WebconnexPayload(eventType)");
    String location = fixtureLocation(annotation);

    Payload payload;
    if (location.isEmpty()) {
      if (eventType == null) {
        throw new ExtensionConfigurationException("@WebconnexPayload needs a fixture or an eventType, for example "
            + "@WebconnexPayload(eventType = \"registration\") or @WebconnexPayload(\"webconnex/registration.json\")");
      }
      payload = Payloads.generated(eventType, annotation.set(), annotation.remove(), annotation.documentedOnly(),
          validator);
    } else {
      if (annotation.set().length > 0 || annotation.remove().length > 0) {
        throw new ExtensionConfigurationException("@WebconnexPayload(set, remove) shape generated samples; the fixture "
            + location + " is used exactly as written: edit the file, or drop the fixture to start from a sample");
      }
      String path = defaults.resolve(location);
      ClassLoader loader = classLoader(extensionContext);
      byte[] body = Payloads.readFixture(loader, path, defaults.describeRoot(location));
      payload = Payloads.fixture(path, body, eventType, validator);
    }
    Payloads.check(payload, annotation.invalid());
    // Secrets are read only for a delivery: other parameter types never need one.
    Secrets secrets = Secrets.named(annotation.secretProperty(), annotation.secretEnv(), annotation.secretFile(),
        defaults, "@WebconnexPayload");
    return Conversions.convert(payload, type, RunState.mapper(extensionContext),
        () -> WebconnexDelivery.signed(payload.eventTypeName(), payload.body(), secrets.signer("the delivery")));
  }

  @Override
  public void handleTestExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
    throw unwrapped(throwable);
  }

  @Override
  public void handleBeforeAllMethodExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
    throw unwrapped(throwable);
  }

  @Override
  public void handleBeforeEachMethodExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
    throw unwrapped(throwable);
  }

  @Override
  public void handleAfterEachMethodExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
    throw unwrapped(throwable);
  }

  @Override
  public void handleAfterAllMethodExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
    throw unwrapped(throwable);
  }

  /** An assertion failure a resolver threw, rather than JUnit's wrapper around it. */
  private static Throwable unwrapped(Throwable throwable) {
    if (throwable instanceof ParameterResolutionException && throwable.getCause() instanceof AssertionFailedError failure) {
      return failure;
    }
    return throwable;
  }

  private static String fixtureLocation(WebconnexPayload annotation) {
    String value = annotation.value().trim();
    String fixture = annotation.fixture().trim();
    if (!value.isEmpty() && !fixture.isEmpty() && !value.equals(fixture)) {
      throw new ExtensionConfigurationException("@WebconnexPayload names two fixtures, value \"" + value
          + "\" and fixture \"" + fixture + "\"; give one");
    }
    return value.isEmpty() ? fixture : value;
  }

  static ClassLoader classLoader(ExtensionContext context) {
    ClassLoader loader = context.getTestClass().map(Class::getClassLoader).orElse(null);
    return loader != null ? loader : Thread.currentThread().getContextClassLoader();
  }
}
