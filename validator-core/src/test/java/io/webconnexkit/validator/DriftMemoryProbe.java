package io.webconnexkit.validator;

import java.nio.file.Path;

/** Run in a forked JVM with a small heap by {@link DriftStreamingTest}: drift over one archive. */
final class DriftMemoryProbe {

  private DriftMemoryProbe() {}

  public static void main(String[] args) {
    DriftReport report = DriftReport.of(Path.of(args[0]), "archive.jsonl");
    System.out.println("payloads=" + report.payloads() + " truncated=" + report.truncated()
        + " undocumented=" + report.events().get(0).undocumented().size());
  }
}
