package io.webconnexkit.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.webconnexkit.validator.Profile;
import io.webconnexkit.validator.WebconnexValidator;

/**
 * Any bytes at all, as a webhook body: the validator must answer with a report and never throw.
 *
 * <p>Plain {@code ./mvnw verify} replays the seeds in {@code ValidatorFuzzTestInputs/}; with
 * {@code JAZZER_FUZZ=1} Jazzer fuzzes for {@link FuzzSettings#MAX_DURATION} (see
 * {@code docs/fuzzing.md}).
 */
class ValidatorFuzzTest {

  // Built once: Jazzer reuses the test instance and class for every input.
  private static final WebconnexValidator LENIENT = WebconnexValidator.lenient();
  private static final WebconnexValidator STRICT = WebconnexValidator.strict();

  @FuzzTest(maxDuration = FuzzSettings.MAX_DURATION)
  void anyBodyGetsAReport(byte[] body) {
    ReportInvariants.check(LENIENT.validate(body), Profile.LENIENT);
    ReportInvariants.check(STRICT.validate(body), Profile.STRICT);
  }
}
