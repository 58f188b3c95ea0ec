package io.webconnexkit.validator;

import java.util.Objects;

/**
 * A recorded delivery and what {@link DeliveryVerifier#verify(RecordedDelivery)} said of it: what
 * every face reports, one per record.
 *
 * @param record the record, with its file and place in it
 * @param report the report, with problems at lines and columns of the file
 */
public record CheckedRecord(RecordedDelivery record, ValidationReport report) {

  /**
   * Checks that neither part is null.
   *
   * @param record the record, with its file and place in it; not null
   * @param report the report on it, problems at lines and columns of the file; not null
   */
  public CheckedRecord {
    Objects.requireNonNull(record, "record");
    Objects.requireNonNull(report, "report");
  }

  /** @return whether the record has no error */
  public boolean isValid() {
    return report.isValid();
  }

  /** @return whether a signature was compared against a secret, whatever the outcome */
  public boolean signatureChecked() {
    SignatureStatus s = report.signature();
    return s == SignatureStatus.VERIFIED || s == SignatureStatus.INVALID || s == SignatureStatus.MISSING;
  }
}
