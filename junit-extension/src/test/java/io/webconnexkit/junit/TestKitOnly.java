package io.webconnexkit.junit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Marks a test class that fails on purpose and is run only by {@link TestKit}: Surefire leaves out
 * the tag, and an IDE that finds the class anyway skips it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("testkit-only")
@ExtendWith(TestKitOnly.InsideTestKit.class)
@interface TestKitOnly {

  /** The configuration parameter {@link TestKit} sets. */
  String MARKER = "webconnex.test.insideTestKit";

  final class InsideTestKit implements ExecutionCondition {
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
      return context.getConfigurationParameter(MARKER).isPresent()
          ? ConditionEvaluationResult.enabled("run by EngineTestKit")
          : ConditionEvaluationResult.disabled("fails on purpose; run only by EngineTestKit");
    }
  }
}
