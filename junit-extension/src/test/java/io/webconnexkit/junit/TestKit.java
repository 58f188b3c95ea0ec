package io.webconnexkit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/** Runs {@link TestKitOnly} classes in a nested Jupiter engine and reads what happened. */
final class TestKit {

  private TestKit() {}

  static EngineExecutionResults run(Class<?> testClass) {
    return run(testClass, Map.of());
  }

  static EngineExecutionResults run(Class<?> testClass, Map<String, String> configuration) {
    return EngineTestKit.engine("junit-jupiter")
        .selectors(selectClass(testClass))
        .configurationParameter(TestKitOnly.MARKER, "true")
        .configurationParameters(configuration)
        .execute();
  }

  static EngineExecutionResults runMethod(Class<?> testClass, String name) {
    return runMethod(testClass, name, Map.of());
  }

  /** Runs the one method of that name. */
  static EngineExecutionResults runMethod(Class<?> testClass, String name, Map<String, String> configuration) {
    Method method = Arrays.stream(testClass.getDeclaredMethods()).filter(m -> m.getName().equals(name))
        .findFirst().orElseThrow(() -> new IllegalArgumentException("no method " + name + " in " + testClass));
    return EngineTestKit.engine("junit-jupiter")
        .selectors(selectMethod(testClass, method))
        .configurationParameter(TestKitOnly.MARKER, "true")
        .configurationParameters(configuration)
        .execute();
  }

  /**
   * Runs the one method of that name with JUnit's implicit configuration parameters (JVM system
   * properties, {@code junit-platform.properties}) read, as a launcher reads them.
   */
  static EngineExecutionResults runMethodReadingSystemProperties(Class<?> testClass, String name) {
    Method method = Arrays.stream(testClass.getDeclaredMethods()).filter(m -> m.getName().equals(name))
        .findFirst().orElseThrow(() -> new IllegalArgumentException("no method " + name + " in " + testClass));
    return EngineTestKit.engine("junit-jupiter")
        .selectors(selectMethod(testClass, method))
        .configurationParameter(TestKitOnly.MARKER, "true")
        .enableImplicitConfigurationParameters(true)
        .execute();
  }

  /** Asserts that exactly one test ran and failed, and returns why. */
  static Throwable onlyFailure(EngineExecutionResults results) {
    results.testEvents().assertStatistics(stats -> stats.started(1).failed(1).succeeded(0));
    return failures(results).get(0);
  }

  /** Why each failed test failed, in the order they ran. */
  static List<Throwable> failures(EngineExecutionResults results) {
    return results.testEvents().failed().stream().map(TestKit::throwable).toList();
  }

  /** Why the container (a class or a parameterized test as a whole) failed. */
  static List<Throwable> containerFailures(EngineExecutionResults results) {
    return results.containerEvents().failed().stream().map(TestKit::throwable).toList();
  }

  static Throwable throwable(Event event) {
    return event.getPayload(TestExecutionResult.class).flatMap(TestExecutionResult::getThrowable).orElseThrow();
  }

  /** Display names of the tests that succeeded. */
  static List<String> succeeded(EngineExecutionResults results) {
    return results.testEvents().succeeded().stream().map(e -> e.getTestDescriptor().getDisplayName()).toList();
  }

  /**
   * Why each failed test failed, by its display name without the parameter name JUnit puts before
   * the argument ({@code "[2] journal.json [requests[1]]"}).
   */
  static Map<String, Throwable> failuresByName(EngineExecutionResults results) {
    Map<String, Throwable> byName = new java.util.LinkedHashMap<>();
    results.testEvents().failed().stream()
        .forEach(e -> byName.put(withoutParameterName(e.getTestDescriptor().getDisplayName()), throwable(e)));
    return byName;
  }

  /** Display names of the tests that were aborted (skipped while running), without parameter names. */
  static Map<String, Throwable> abortedByName(EngineExecutionResults results) {
    Map<String, Throwable> byName = new java.util.LinkedHashMap<>();
    results.testEvents().aborted().stream()
        .forEach(e -> byName.put(withoutParameterName(e.getTestDescriptor().getDisplayName()), throwable(e)));
    return byName;
  }

  /** Display names of the tests that succeeded, without parameter names. */
  static List<String> succeededNames(EngineExecutionResults results) {
    return succeeded(results).stream().map(TestKit::withoutParameterName).toList();
  }

  /**
   * A display name without the parameter name JUnit puts before the argument when the test is
   * compiled with parameter names ("body=" on JUnit 5, "body = " on JUnit 6).
   */
  static String withoutParameterName(String displayName) {
    return displayName.replaceFirst("] \\w+ ?= ?", "] ");
  }

  static void assertAllPassed(EngineExecutionResults results, int count) {
    assertThat(failures(results)).isEmpty();
    assertThat(containerFailures(results)).isEmpty();
    results.testEvents().assertStatistics(stats -> stats.started(count).succeeded(count));
  }
}
