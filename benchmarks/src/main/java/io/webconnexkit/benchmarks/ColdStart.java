package io.webconnexkit.benchmarks;

import io.webconnexkit.validator.ValidationReport;
import io.webconnexkit.validator.WebconnexValidator;
import java.lang.management.ManagementFactory;

/**
 * Time to the first report in a fresh JVM: from entering {@code main} to having validated the
 * bundled registration sample with a newly built validator. Run it as its own process each time:
 *
 * <pre>{@code java -cp benchmarks/target/benchmarks.jar io.webconnexkit.benchmarks.ColdStart}</pre>
 */
public final class ColdStart {

  private ColdStart() {}

  public static void main(String[] args) {
    long start = System.nanoTime();
    WebconnexValidator validator = WebconnexValidator.builder().build();
    ValidationReport report = validator.validate(Payloads.resource(Payloads.REGISTRATION_SAMPLE));
    long elapsed = System.nanoTime() - start;
    // Read only after the clock stops: the management beans load classes of their own.
    long sinceJvmStart = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
    System.out.printf("cold start: %.1f ms from main to first report (%d ms since JVM start); report %s%n",
        elapsed / 1e6, sinceJvmStart, report.isValid() ? "valid" : "INVALID");
    if (!report.isValid()) {
      System.out.println(report);
      System.exit(1);
    }
  }
}
