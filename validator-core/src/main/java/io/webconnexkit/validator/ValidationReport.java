package io.webconnexkit.validator;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of validating a payload or verifying a delivery: a value, immutable and safe to
 * share. A report is valid when it has no problem of severity {@link Severity#ERROR}.
 */
public final class ValidationReport {

  private final Profile profile;
  private final String eventType;
  private final List<Problem> problems;
  private final SignatureStatus signature;

  /**
   * @param profile the profile the payload was held to
   * @param eventType the {@code eventType} found in the payload (or given explicitly), or null
   * @param problems every problem found, errors and warnings
   * @param signature what was learnt about the delivery's signature
   */
  public ValidationReport(Profile profile, String eventType, List<Problem> problems, SignatureStatus signature) {
    this.profile = Objects.requireNonNull(profile, "profile");
    this.eventType = eventType;
    this.problems = List.copyOf(problems);
    this.signature = Objects.requireNonNull(signature, "signature");
  }

  /** @return whether the report has no error (warnings and notes allowed) */
  public boolean isValid() {
    return problems.stream().noneMatch(p -> p.severity() == Severity.ERROR);
  }

  /** @return the profile the payload was held to */
  public Profile profile() {
    return profile;
  }

  /** {@return the event type as found in the payload, documented or not; empty when there was none} */
  public Optional<String> eventType() {
    return Optional.ofNullable(eventType);
  }

  /** {@return the documented event type the payload was checked as; empty for unknown event types} */
  public Optional<EventType> documentedEventType() {
    return eventType == null ? Optional.empty() : EventType.fromWireName(eventType);
  }

  /** {@return every problem, in the order of the document where that is known} */
  public List<Problem> problems() {
    return problems;
  }

  /** @return the problems of severity error, in order */
  public List<Problem> errors() {
    return problems.stream().filter(p -> p.severity() == Severity.ERROR).toList();
  }

  /** @return the problems of severity warning, in order */
  public List<Problem> warnings() {
    return problems.stream().filter(p -> p.severity() == Severity.WARNING).toList();
  }

  /** @return the problems of severity info: what is neither wrong nor doubtful, only worth knowing */
  public List<Problem> notes() {
    return problems.stream().filter(p -> p.severity() == Severity.INFO).toList();
  }

  /** @return what was learnt about the delivery's signature */
  public SignatureStatus signature() {
    return signature;
  }

  /**
   * A copy of this report with the given problems instead of its own (moved into an enclosing
   * file, or at other levels), everything else kept.
   *
   * @param replacement the problems the copy holds, in order; copied
   * @return a new report; this one is unchanged
   */
  public ValidationReport withProblems(List<Problem> replacement) {
    return new ValidationReport(profile, eventType, replacement, signature);
  }

  /**
   * A copy of this report with more problems, placed before its own, and the given signature status.
   *
   * @param more the problems to add
   * @param status the signature status of the copy
   * @return a new report; this one is unchanged
   */
  public ValidationReport with(List<Problem> more, SignatureStatus status) {
    List<Problem> all = new java.util.ArrayList<>(more);
    all.addAll(problems);
    return new ValidationReport(profile, eventType, all, status);
  }

  /** One line per problem, after a summary line; what a person reads in a test failure. */
  @Override
  public String toString() {
    StringBuilder s = new StringBuilder();
    s.append(isValid() ? "valid" : "invalid")
        .append(' ')
        .append(eventType == null ? "payload" : ReportLine.escape(eventType) + " payload")
        .append(" (").append(profile.folder()).append(" profile");
    if (signature != SignatureStatus.NOT_APPLICABLE) {
      s.append(", signature ").append(signature.label().replace('-', ' '));
    }
    s.append(")");
    long errors = errors().size();
    long warnings = warnings().size();
    if (!problems.isEmpty()) {
      s.append(": ").append(errors).append(errors == 1 ? " error" : " errors");
      s.append(", ").append(warnings).append(warnings == 1 ? " warning" : " warnings");
    }
    for (Problem p : problems) {
      s.append(System.lineSeparator()).append("  ").append(p.severity().label()).append(": ").append(p);
    }
    return s.toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ValidationReport r && profile == r.profile && Objects.equals(eventType, r.eventType)
        && problems.equals(r.problems) && signature == r.signature;
  }

  @Override
  public int hashCode() {
    return Objects.hash(profile, eventType, problems, signature);
  }
}
