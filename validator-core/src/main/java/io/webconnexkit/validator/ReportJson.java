package io.webconnexkit.validator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The kit's JSON results document, the one form the CLI's {@code --format json} and the Maven
 * plugin's {@code webconnex.json} report both write:
 * <pre>{@code
 * {"results":[{"path","record","line","shape","eventType","valid","signature",
 *              "problems":[{"severity","pointer","line","column","message","keyword","key"}]}]}
 * }</pre>
 * {@code record} is null when the file is one record; {@code pointer} is the header name for
 * header problems; {@code line} and {@code column} are 0 when unknown; {@code keyword} is null when
 * the problem is not a schema problem; {@code severity} is {@code error}, {@code warning} or
 * {@code info}. The document is plain ASCII: every other character is written as a JSON backslash-u
 * escape, so it stays well-formed, and exact, whatever a payload or file name holds.
 */
public final class ReportJson {

  // Every non-ASCII character is written as a backslash-u escape: the document is plain ASCII, survives any
  // encoding of a log or file, and lone surrogates in what a payload said round-trip exactly.
  private static final ObjectMapper MAPPER = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();
  private static final ObjectMapper INDENTED = MAPPER.copy().enable(SerializationFeature.INDENT_OUTPUT);

  private ReportJson() {}

  /**
   * The whole document for these results, in their order.
   *
   * @param results one per record
   * @param indent whether to indent it for people
   * @return the document as text
   */
  public static String document(List<CheckedRecord> results, boolean indent) {
    ObjectNode root = MAPPER.createObjectNode();
    ArrayNode array = root.putArray("results");
    for (CheckedRecord r : results) {
      result(r, array.addObject());
    }
    try {
      return (indent ? INDENTED : MAPPER).writeValueAsString(root);
    } catch (JsonProcessingException e) {
      // A tree of the kit's own strings and numbers always serialises.
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A writer of the same document, one result at a time, for runs too large to hold: the text it
   * writes equals {@link #document(List, boolean) document(results, false)} of the same results.
   *
   * @param out where the document goes; not closed
   * @return the writer; {@link ResultsWriter#close()} ends the document
   */
  public static ResultsWriter writer(java.io.Writer out) {
    return new ResultsWriter(java.util.Objects.requireNonNull(out, "out"));
  }

  /** Writes the results document as results come; see {@link #writer(java.io.Writer)}. Not thread-safe. */
  public static final class ResultsWriter implements AutoCloseable {
    private final java.io.Writer out;
    private boolean first = true;
    private boolean closed;

    private ResultsWriter(java.io.Writer out) {
      this.out = out;
    }

    /**
     * Writes one result.
     *
     * @param result a record and its report
     * @throws UncheckedIOException when {@code out} fails
     */
    public void add(CheckedRecord result) {
      try {
        out.write(first ? "{\"results\":[" : ",");
        first = false;
        out.write(MAPPER.writeValueAsString(ReportJson.result(result, MAPPER.createObjectNode())));
      } catch (java.io.IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /**
     * Ends the document (an empty one when no result was added) and flushes {@code out}.
     *
     * @throws UncheckedIOException when {@code out} fails
     */
    @Override
    public void close() {
      if (closed) {
        return;
      }
      closed = true;
      try {
        out.write(first ? "{\"results\":[]}" : "]}");
        out.flush();
      } catch (java.io.IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /**
   * Writes one result's fields into {@code into}.
   *
   * @param result a record and its report
   * @param into the object to fill
   * @return {@code into}
   */
  public static ObjectNode result(CheckedRecord result, ObjectNode into) {
    RecordedDelivery record = result.record();
    ValidationReport report = result.report();
    into.put("path", record.path());
    into.put("record", record.label().orElse(null));
    into.put("line", record.line());
    into.put("shape", record.shape().label());
    into.put("eventType", report.eventType().orElse(null));
    into.put("valid", report.isValid());
    into.put("signature", report.signature().label());
    problems(report, into.putArray("problems"));
    return into;
  }

  /**
   * Adds one object per problem of the report to {@code into}, in the report's order.
   *
   * @param report the report whose problems are written
   * @param into the array to fill
   * @return {@code into}
   */
  public static ArrayNode problems(ValidationReport report, ArrayNode into) {
    for (Problem problem : report.problems()) {
      problem(problem, into.addObject());
    }
    return into;
  }

  /**
   * Writes one problem's fields into {@code into}.
   *
   * @param problem the problem whose fields are written
   * @param into the object to fill
   * @return {@code into}
   */
  public static ObjectNode problem(Problem problem, ObjectNode into) {
    into.put("severity", problem.severity().label());
    into.put("pointer", problem.header().orElse(problem.pointer()));
    into.put("line", problem.line());
    into.put("column", problem.column());
    into.put("message", problem.message());
    into.put("keyword", problem.keyword().orElse(null));
    into.put("key", problem.key());
    return into;
  }
}
