package io.webconnexkit.junit;

import java.lang.reflect.Method;
import java.util.List;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;

/**
 * Fails an invocation of a {@link WebconnexFixtures} test whose fixture did not pass, instead of
 * running its body. An arguments provider can only supply arguments, and throwing from it would end
 * the whole parameterized test; the failure is therefore recorded with the argument and raised here.
 */
final class FixtureInvocationCheck implements InvocationInterceptor {

  @Override
  public void interceptTestTemplateMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> invocationContext,
      ExtensionContext extensionContext) throws Throwable {
    FixtureFailures failures = RunState.existingFixtureFailures(extensionContext);
    List<Object> arguments = invocationContext.getArguments();
    Throwable failure = failures == null || arguments.isEmpty() ? null : failures.take(arguments.get(0));
    if (failure != null) {
      invocation.skip();
      throw failure;
    }
    invocation.proceed();
  }
}
