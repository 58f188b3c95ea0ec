package io.webconnexkit.cli;

import io.webconnexkit.validator.CheckedRecord;
import io.webconnexkit.validator.Problem;
import io.webconnexkit.validator.ReportJson;
import io.webconnexkit.validator.ReportLine;
import java.io.PrintWriter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** How {@code webconnex validate} writes its reports: core's report line and JSON document, and a summary. */
enum ReportFormat {

  /**
   * Compiler-style lines as each record is checked ({@code path:line:column: error: /pointer:
   * message}), in the order of the file, then one summary line.
   */
  TEXT {
    @Override
    void printAsItGoes(CheckedRecord result, PrintWriter out) {
      result.report().problems().stream()
          .sorted(Comparator.comparingInt((Problem p) -> p.hasLocation() ? p.line() : 0).thenComparingInt(Problem::column))
          .forEach(p -> out.println(ReportLine.of(result.record().path(), p)));
    }

    @Override
    void printAtEnd(List<CheckedRecord> results, int files, PrintWriter out) {
      long invalid = results.stream().filter(r -> !r.isValid()).count();
      long errors = results.stream().mapToLong(r -> r.report().errors().size()).sum();
      long warnings = results.stream().mapToLong(r -> r.report().warnings().size()).sum();
      long signatures = results.stream().filter(CheckedRecord::signatureChecked).count();
      String what = count(files, "file") + (results.size() == files ? "" : " (" + count(results.size(), "record") + ")");
      out.println("Validated " + what + ": " + (results.size() - invalid) + " valid, " + invalid + " invalid ("
          + count(errors, "error") + ", " + count(warnings, "warning") + ")"
          + (signatures == 0 ? "" : "; " + count(signatures, "signature") + " checked"));
    }
  },

  /** One document at the end, core's results document ({@link ReportJson#document}). */
  JSON {
    @Override
    void printAtEnd(List<CheckedRecord> results, int files, PrintWriter out) {
      out.println(ReportJson.document(results, false));
    }
  };

  /** Called once per record, as soon as it is checked. */
  void printAsItGoes(CheckedRecord result, PrintWriter out) {}

  /** Called once, after every record of every file. */
  abstract void printAtEnd(List<CheckedRecord> results, int files, PrintWriter out);

  private static String count(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  /** Accepts {@code text} and {@code json} in any case, and says so when given anything else. */
  static final class Converter implements ITypeConverter<ReportFormat> {
    @Override
    public ReportFormat convert(String value) {
      for (ReportFormat f : values()) {
        if (f.name().equalsIgnoreCase(value)) {
          return f;
        }
      }
      throw new TypeConversionException("expected text or json but found '" + ReportLine.escape(value) + "'");
    }
  }

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
