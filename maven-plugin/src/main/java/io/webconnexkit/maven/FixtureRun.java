package io.webconnexkit.maven;

import io.webconnexkit.validator.SignatureStatus;
import java.nio.file.Path;
import java.util.List;

/**
 * Everything one run of the engine found.
 *
 * @param results one per fixture, in file order and, within a file, in record order
 * @param files how many files were read
 * @param missing configured fixture paths that do not exist
 */
public record FixtureRun(List<FixtureResult> results, int files, List<Path> missing) {

  public FixtureRun {
    results = List.copyOf(results);
    missing = List.copyOf(missing);
  }

  /** Fixtures with at least one error. */
  public long invalid() {
    return results.stream().filter(r -> !r.isValid()).count();
  }

  /** Warnings, over all fixtures. */
  public long warnings() {
    return results.stream().mapToLong(r -> r.report().warnings().size()).sum();
  }

  /** Fixtures with at least one warning. */
  public long withWarnings() {
    return results.stream().filter(r -> !r.report().warnings().isEmpty()).count();
  }

  /** Signatures compared against a secret. */
  public long signaturesChecked() {
    return results.stream().filter(FixtureResult::signatureChecked).count();
  }

  /** Recorded deliveries with raw bodies whose signatures were not checked for want of a secret. */
  public long signaturesUncheckable() {
    return results.stream()
        .filter(r -> r.shape() == FixtureShape.WIREMOCK_REQUEST && r.report().signature() == SignatureStatus.NOT_CHECKED)
        .count();
  }
}
