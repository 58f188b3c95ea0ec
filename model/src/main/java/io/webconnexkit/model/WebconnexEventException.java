package io.webconnexkit.model;

import io.webconnexkit.validator.Problem;
import io.webconnexkit.validator.ReportLine;
import io.webconnexkit.validator.SignatureStatus;
import io.webconnexkit.validator.ValidationReport;
import java.util.List;
import java.util.Objects;

/**
 * A payload or delivery that cannot become a typed event, with the {@link ValidationReport} that
 * says why: its signature does not verify, it does not conform to the contract, or (rarely) it
 * conforms under levels that ignore a problem but a value does not fit its Java type, which the
 * report then holds as the error {@code model.binding} at its JSON Pointer.
 *
 * <p>The message names the first error with its place, escaped for printing; a secret never
 * appears in it.
 */
public final class WebconnexEventException extends RuntimeException {

  /** The key of the problem that says a value does not fit its Java type. */
  public static final String BINDING_KEY = "model.binding";

  private static final long serialVersionUID = 1L;

  private final transient ValidationReport report;

  /**
   * @param report the report, holding at least one error or a signature that did not verify
   */
  public WebconnexEventException(ValidationReport report) {
    super(message(Objects.requireNonNull(report, "report")));
    this.report = report;
  }

  /** @return the report: every problem, with its place, and the signature status */
  public ValidationReport report() {
    return report;
  }

  /** @return whether the delivery was refused for its signature (missing, malformed or not matching) */
  public boolean isSignatureFailure() {
    return report.signature() == SignatureStatus.MISSING || report.signature() == SignatureStatus.INVALID;
  }

  private static String message(ValidationReport report) {
    List<Problem> errors = report.errors();
    String summary;
    if (report.signature() == SignatureStatus.MISSING || report.signature() == SignatureStatus.INVALID) {
      summary = "delivery refused: the signature is " + report.signature().label();
    } else {
      summary = "payload" + report.eventType().map(t -> " of event type " + ReportLine.quote(t)).orElse("")
          + " cannot be bound: it does not conform to the " + report.profile().folder() + " contract";
    }
    if (errors.isEmpty()) {
      return summary;
    }
    String first = ReportLine.withoutSeverity("payload", errors.get(0));
    return summary + "; " + first + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : "");
  }
}
