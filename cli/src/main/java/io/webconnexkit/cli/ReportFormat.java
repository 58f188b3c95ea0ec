package io.webconnexkit.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.webconnexkit.validator.Problem;
import io.webconnexkit.validator.ReportJson;
import io.webconnexkit.validator.ValidationReport;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** How {@code webconnex validate} writes its reports. */
enum ReportFormat {

  /**
   * Compiler-style lines as each file is checked ({@code path:line:column: error: /pointer:
   * message}), then one summary line.
   */
  TEXT {
    @Override
    void printAsItGoes(Result result, PrintWriter out) {
      for (Problem p : result.report().problems()) {
        out.println(line(result.name(), p));
      }
    }

    @Override
    void printAtEnd(List<Result> results, PrintWriter out) {
      long invalid = results.stream().filter(r -> !r.report().isValid()).count();
      long errors = results.stream().mapToLong(r -> r.report().errors().size()).sum();
      long warnings = results.stream().mapToLong(r -> r.report().warnings().size()).sum();
      out.println("Validated " + count(results.size(), "file") + ": "
          + (results.size() - invalid) + " valid, " + invalid + " invalid ("
          + count(errors, "error") + ", " + count(warnings, "warning") + ")");
    }
  },

  /**
   * One document at the end: {@code {"results":[{"path","eventType","valid","problems":[{"severity",
   * "pointer","line","column","message","keyword","key"}]}]}}.
   */
  JSON {
    // Plain mapper: nothing the payload said is re-parsed here, only the report's own strings.
    private final ObjectMapper mapper = new ObjectMapper();

    @Override
    void printAtEnd(List<Result> results, PrintWriter out) {
      ObjectNode root = mapper.createObjectNode();
      ArrayNode array = root.putArray("results");
      for (Result r : results) {
        ObjectNode result = array.addObject();
        result.put("path", r.name());
        result.put("eventType", r.report().eventType().orElse(null));
        result.put("valid", r.report().isValid());
        ReportJson.problems(r.report(), result.putArray("problems"));
      }
      try {
        out.println(mapper.writeValueAsString(root));
      } catch (JsonProcessingException e) {
        throw new UncheckedIOException(e);
      }
    }
  };

  /** One input and what the validator said of it. */
  record Result(String name, ValidationReport report) {}

  /** Called once per input, as soon as it is validated. */
  void printAsItGoes(Result result, PrintWriter out) {}

  /** Called once, after every input. */
  abstract void printAtEnd(List<Result> results, PrintWriter out);

  /**
   * {@code name:line:column: severity: where: message}, the form editors and CI annotators link to
   * a file position; without {@code :line:column} when the position is unknown, and without
   * {@code where} when the problem is about the whole body.
   */
  static String line(String name, Problem p) {
    StringBuilder s = new StringBuilder(name);
    if (p.hasLocation()) {
      s.append(':').append(p.line()).append(':').append(p.column());
    }
    s.append(": ").append(p.severity().label()).append(": ");
    String where = p.header().orElse(p.pointer());
    if (!where.isEmpty()) {
      s.append(where).append(": ");
    }
    return s.append(p.message()).toString();
  }

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
      throw new TypeConversionException("expected text or json but found '" + value + "'");
    }
  }

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
