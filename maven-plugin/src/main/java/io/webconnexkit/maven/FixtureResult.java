package io.webconnexkit.maven;

import io.webconnexkit.validator.SignatureStatus;
import io.webconnexkit.validator.ValidationReport;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What was found in one fixture: a whole file, one line of a JSON Lines archive, or one delivery
 * of a WireMock journal or a page of webhook logs. Problems carry lines and columns of the fixture
 * file, not of the body they were found in.
 *
 * @param file the fixture file
 * @param path how reports name the file: relative to the base directory, with {@code /}
 * @param record which record of the file this is ({@code line 3}, {@code requests[0]},
 *     {@code data[2]}), or null when the file is one record
 * @param line the line of the file where the record starts (1 for a whole file)
 * @param shape what the record was recognised as
 * @param report what the validator said, with locations in the file
 * @param notes what is neither error nor warning (a signature that could not be checked)
 */
public record FixtureResult(
    Path file, String path, String record, int line, FixtureShape shape, ValidationReport report, List<FixtureNote> notes) {

  public FixtureResult {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(shape, "shape");
    Objects.requireNonNull(report, "report");
    notes = List.copyOf(notes);
  }

  public boolean isValid() {
    return report.isValid();
  }

  /** The file's path, with the record when the file holds several: {@code journal.json [requests[1]]}. */
  public String name() {
    return record == null ? path : path + " [" + record + "]";
  }

  /** Whether a signature was compared against a secret (whatever the outcome). */
  public boolean signatureChecked() {
    SignatureStatus s = report.signature();
    return s == SignatureStatus.VERIFIED || s == SignatureStatus.INVALID || s == SignatureStatus.MISSING;
  }
}
