package io.webconnexkit.fuzz;

import io.webconnexkit.validator.Problem;
import io.webconnexkit.validator.Profile;
import io.webconnexkit.validator.Severity;
import io.webconnexkit.validator.ValidationReport;

/**
 * What must hold for every report, whatever the input. A violation throws {@link AssertionError},
 * which Jazzer records as a finding (and JUnit as a failure in regression runs).
 */
final class ReportInvariants {

  private ReportInvariants() {}

  static void check(ValidationReport report, Profile profile) {
    if (report == null) {
      throw new AssertionError("report is null");
    }
    if (report.profile() != profile) {
      throw new AssertionError("report says profile " + report.profile() + " but the validator's is " + profile);
    }
    boolean anyError = false;
    for (Problem problem : report.problems()) {
      if (problem == null || problem.severity() == null || problem.key() == null || problem.key().isEmpty()
          || problem.message() == null || problem.pointer() == null) {
        throw new AssertionError("incomplete problem in " + report.problems());
      }
      anyError |= problem.severity() == Severity.ERROR;
    }
    if (report.isValid() == anyError) {
      throw new AssertionError("isValid() is " + report.isValid() + " but the report has "
          + (anyError ? "" : "no ") + "ERROR problems: " + report.problems());
    }
    if (report.errors().isEmpty() == anyError) {
      throw new AssertionError("errors() disagrees with the problems' severities: " + report.problems());
    }
    // Reports are printed in test failures and logs: printing one must not fail either.
    if (report.toString().isEmpty()) {
      throw new AssertionError("report prints as an empty string");
    }
  }
}
