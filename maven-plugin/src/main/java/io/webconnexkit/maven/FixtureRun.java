package io.webconnexkit.maven;

import io.webconnexkit.validator.CheckedRecord;
import io.webconnexkit.validator.SignatureStatus;
import java.nio.file.Path;
import java.util.List;

/**
 * Everything one run of the engine found.
 *
 * @param results one per fixture (a file, or one record of a JSON Lines file, journal or page of
 *     webhook logs), in file order and, within a file, in record order
 * @param files how many files were read
 * @param missing configured fixture paths that do not exist
 */
public record FixtureRun(List<CheckedRecord> results, int files, List<Path> missing) {

  /**
   * Copies the lists, so a run never changes once made.
   *
   * @param files how many files were read, 0 or more
   * @param missing configured fixture paths that do not exist; copied
   * @param results one per fixture, in file and record order; copied
   */
  public FixtureRun {
    results = List.copyOf(results);
    missing = List.copyOf(missing);
  }

  /** @return how many fixtures have at least one error */
  public long invalid() {
    return results.stream().filter(r -> !r.isValid()).count();
  }

  /** @return how many warnings there are, over all fixtures */
  public long warnings() {
    return results.stream().mapToLong(r -> r.report().warnings().size()).sum();
  }

  /** @return how many fixtures have at least one warning */
  public long withWarnings() {
    return results.stream().filter(r -> !r.report().warnings().isEmpty()).count();
  }

  /** @return how many signatures were compared against a secret, whatever the outcome */
  public long signaturesChecked() {
    return results.stream().filter(CheckedRecord::signatureChecked).count();
  }

  /**
   * @return how many records hold the raw body and headers, so that their signature could have
   *     been checked, but were not for want of a secret
   */
  public long signaturesUncheckable() {
    return results.stream()
        .filter(r -> r.record().signatureCheckable() && r.report().signature() == SignatureStatus.NOT_CHECKED)
        .count();
  }
}
