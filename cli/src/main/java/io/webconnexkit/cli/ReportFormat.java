package io.webconnexkit.cli;

import io.webconnexkit.validator.CheckedRecord;
import io.webconnexkit.validator.Problem;
import io.webconnexkit.validator.ReportJson;
import io.webconnexkit.validator.ReportLine;
import java.io.PrintWriter;
import java.util.Comparator;
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
    Printer printer(PrintWriter out) {
      return new Printer() {
        @Override
        void print(CheckedRecord result) {
          result.report().problems().stream()
              .sorted(Comparator.comparingInt((Problem p) -> p.hasLocation() ? p.line() : 0).thenComparingInt(Problem::column))
              .forEach(p -> out.println(ReportLine.of(result.record().path(), p)));
        }

        @Override
        void end(Tally tally) {
          String what = count(tally.files, "file") + (tally.records == tally.files ? "" : " (" + count(tally.records, "record") + ")");
          out.println("Validated " + what + ": " + (tally.records - tally.invalid) + " valid, " + tally.invalid + " invalid ("
              + count(tally.errors, "error") + ", " + count(tally.warnings, "warning") + ")"
              + (tally.signatures == 0 ? "" : "; " + count(tally.signatures, "signature") + " checked"));
        }
      };
    }
  },

  /** One document, core's results document, written as records are checked ({@link ReportJson#writer}). */
  JSON {
    @Override
    Printer printer(PrintWriter out) {
      ReportJson.ResultsWriter writer = ReportJson.writer(out);
      return new Printer() {
        @Override
        void print(CheckedRecord result) {
          writer.add(result);
        }

        @Override
        void end(Tally tally) {
          writer.close();
          out.println();
        }
      };
    }
  };

  /** What the summary counts; records themselves are not kept, so a run of any size has bounded memory. */
  static final class Tally {
    long files;
    long records;
    long invalid;
    long errors;
    long warnings;
    long signatures;

    void add(CheckedRecord result) {
      records++;
      invalid += result.isValid() ? 0 : 1;
      errors += result.report().errors().size();
      warnings += result.report().warnings().size();
      signatures += result.signatureChecked() ? 1 : 0;
    }

    boolean allValid() {
      return invalid == 0;
    }
  }

  /** Prints one run: each record as it is checked, then the end. */
  abstract static class Printer {
    abstract void print(CheckedRecord result);

    abstract void end(Tally tally);
  }

  /** A printer for one run, writing to {@code out}. */
  abstract Printer printer(PrintWriter out);

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
