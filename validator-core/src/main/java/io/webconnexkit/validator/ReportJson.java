package io.webconnexkit.validator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The kit's JSON form of problems, one object each:
 * {@code {"severity","pointer","line","column","message","keyword","key"}}. The CLI's
 * {@code --format json} and the Maven plugin's JSON report both write it, so the two never differ.
 */
public final class ReportJson {

  private ReportJson() {}

  /** Adds one object per problem of the report to {@code into}, in the report's order. */
  public static ArrayNode problems(ValidationReport report, ArrayNode into) {
    for (Problem problem : report.problems()) {
      problem(problem, into.addObject());
    }
    return into;
  }

  /**
   * Writes one problem's fields into {@code into}: {@code pointer} is the header name for header
   * problems; {@code line} and {@code column} are 0 when unknown; {@code keyword} is null when the
   * problem is not a schema problem.
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
