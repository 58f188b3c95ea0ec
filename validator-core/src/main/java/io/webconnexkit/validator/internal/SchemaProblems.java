package io.webconnexkit.validator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.webconnexkit.validator.Problem;
import io.webconnexkit.validator.Severity;

/**
 * Turns networknt's errors into the kit's problems, with messages that say what was expected and
 * what was found. Not API.
 */
public final class SchemaProblems {

  private SchemaProblems() {}

  /** Where a problem should be located in the source: at a value, or at a member's key. */
  public record Translated(Problem.Builder problem, String pointer, boolean atKey, boolean atParent) {}

  public static Translated translate(com.networknt.schema.Error error, JsonNode root) {
    String keyword = error.getKeyword() == null ? "schema" : error.getKeyword();
    String at = error.getInstanceLocation() == null ? "" : error.getInstanceLocation().toString();
    JsonNode instance = error.getInstanceNode() != null ? error.getInstanceNode() : root.at(at);
    Object[] args = error.getArguments() == null ? new Object[0] : error.getArguments();
    Severity severity = LegacyTimestampKeyword.NAME.equals(keyword) ? Severity.WARNING : Severity.ERROR;
    Problem.Builder p = Problem.builder(severity, "schema." + keyword).keyword(keyword);
    if (ObservedKeyword.NAME.equals(keyword)) {
      return observed(at, instance, arg(args, 0));
    }
    String found = instance == null || instance.isMissingNode() ? null : JsonValues.describe(instance);
    String evaluationPath = error.getEvaluationPath() == null ? "" : error.getEvaluationPath().toString();
    if (evaluationPath.contains("/anyOf/")) {
      // The only anyOf in the schemas is the lenient timestamp (RFC 3339, or the legacy form):
      // both branches failing is one problem, not two.
      keyword = "anyOf";
      p = Problem.builder(severity, "schema.format").keyword("format");
    }
    switch (keyword) {
      case "type" -> {
        String expected = arg(args, 1).replace("[", "").replace("]", "").replace(", ", " or ");
        p.message("expected " + expected + " but found " + found).expected(expected).found(found);
      }
      case "required" -> {
        String property = error.getProperty() != null ? error.getProperty() : arg(args, 0);
        String pointer = at + "/" + escape(property);
        p.pointer(pointer).message("required property \"" + property + "\" is missing")
            .expected("property \"" + property + "\"").found("no such property");
        return new Translated(p, at, false, true);
      }
      case "additionalProperties" -> {
        String property = error.getProperty() != null ? error.getProperty() : arg(args, 0);
        String pointer = at + "/" + escape(property);
        p.pointer(pointer)
            .message("property \"" + property + "\" is not documented for this object (the strict profile allows documented properties only)")
            .expected("documented properties only").found("property \"" + property + "\"");
        return new Translated(p, pointer, true, false);
      }
      case "format" -> {
        String format = arg(args, 0);
        String expected = format.equals("date-time")
            ? "an RFC 3339 date-time such as 2016-08-31T17:03:08Z" : "a value in " + format + " format";
        p.message("expected " + expected + " but found " + found).expected(expected).found(found);
      }
      case "anyOf" -> {
        // The only anyOf in the schemas is the lenient timestamp: RFC 3339, or the legacy form.
        String expected = "an RFC 3339 date-time such as 2016-08-31T17:03:08Z";
        p.message("expected " + expected + " but found " + found).expected(expected).found(found);
      }
      case "const" -> {
        String expected = JsonValues.quote(arg(args, 0));
        if (instance != null && !instance.isTextual()) {
          expected = arg(args, 0);
        }
        p.message("expected " + expected + " but found " + found).expected(expected).found(found);
      }
      case "enum" -> {
        String expected = "one of " + arg(args, 0);
        p.message("expected " + expected + " but found " + found).expected(expected).found(found);
      }
      case "pattern" -> {
        String expected = "a string matching " + arg(args, 0);
        p.message("expected " + expected + " but found " + found).expected(expected).found(found);
      }
      case "minLength" -> {
        String expected = "at least " + arg(args, 0) + " character(s)";
        p.message("expected " + expected + " but found " + found).expected(expected).found(found);
      }
      case LegacyTimestampKeyword.NAME -> {
        String expected = "an RFC 3339 date-time such as " + arg(args, 0);
        String legacy = instance != null && instance.isTextual() ? JsonValues.quote(instance.textValue()) : found;
        p.message("expected " + expected + " but found the legacy form " + legacy
                + " (accepted by the lenient profile, an error under strict)")
            .expected(expected).found(legacy);
      }
      default -> p.message(error.getMessage()).found(found);
    }
    p.pointer(at);
    return new Translated(p, at, false, false);
  }

  /**
   * An observed field: accepted, reported as a warning that names the evidence. Located at the
   * member's key, like an undocumented property.
   */
  private static Translated observed(String at, JsonNode instance, String evidence) {
    int slash = at.lastIndexOf('/');
    String name = slash < 0 ? at : at.substring(slash + 1).replace("~1", "/").replace("~0", "~");
    String found = instance == null || instance.isMissingNode() ? null : JsonValues.describe(instance);
    Problem.Builder p = Problem.builder(Severity.WARNING, OBSERVED_KEY).keyword(ObservedKeyword.NAME).pointer(at)
        .message("property " + JsonValues.quote(name) + " is not in Webconnex's tables, but real traffic is known to carry it"
            + " (the strict profile accepts it with this warning). Evidence: " + evidence)
        .expected("documented properties only").found(found);
    return new Translated(p, at, true, false);
  }

  /** The key of an observed field's warning. */
  public static final String OBSERVED_KEY = "schema.observed";

  private static String arg(Object[] args, int i) {
    return i < args.length && args[i] != null ? String.valueOf(args[i]) : "";
  }

  /** RFC 6901 escaping of one reference token. */
  public static String escape(String token) {
    return token.replace("~", "~0").replace("/", "~1");
  }
}
