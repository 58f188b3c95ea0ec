package io.webconnexkit.validator.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.webconnexkit.validator.Problem;
import io.webconnexkit.validator.Severity;
import java.io.CharConversionException;
import java.io.IOException;
import java.util.Locale;

/**
 * Parses a body into a tree under the kit's limits, turning every way a body can be unreadable
 * into a {@link Problem}. Not API.
 */
public final class PayloadParser {

  /** A parsed body: a root object, or the problem that stopped parsing (never both null). */
  public record Result(JsonNode root, Problem problem, boolean byteOrderMark) {}

  private final ObjectMapper mapper;
  private final long maxBytes;

  public PayloadParser(long maxBytes, int maxDepth, int maxNumberLength, int maxStringLength) {
    this.maxBytes = maxBytes;
    JsonFactory factory =
        JsonFactory.builder()
            .streamReadConstraints(
                StreamReadConstraints.builder()
                    .maxNestingDepth(maxDepth)
                    .maxNumberLength(maxNumberLength)
                    .maxStringLength(maxStringLength)
                    .build())
            .build();
    // Floats as BigDecimal: money with cents and long ids are reported exactly as sent, never rounded.
    this.mapper =
        JsonMapper.builder(factory)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            // Duplicate keys are caught while building the tree: the streaming parser's own detection
            // costs about a fifth of parse time on large bodies (docs/performance.md).
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .build();
  }

  public long maxBytes() {
    return maxBytes;
  }

  public Result parse(byte[] body) {
    if (body.length > maxBytes) {
      return failed(problem("payload.tooLarge",
          "body is " + body.length + " bytes, over the limit of " + maxBytes + " bytes")
          .expected("at most " + maxBytes + " bytes").found(body.length + " bytes"));
    }
    if (isBlank(body)) {
      return failed(problem("payload.empty", "body is empty; expected a JSON object")
          .expected("a JSON object").found("empty body"));
    }
    boolean bom = body.length >= 3 && (body[0] & 0xFF) == 0xEF && (body[1] & 0xFF) == 0xBB && (body[2] & 0xFF) == 0xBF;
    JsonParser parser = null;
    try {
      parser = mapper.getFactory().createParser(body);
      JsonNode root = mapper.readTree(parser);
      if (root == null || root.isMissingNode()) {
        return failed(problem("payload.empty", "body is empty; expected a JSON object")
            .expected("a JSON object").found("empty body"));
      }
      if (!root.isObject()) {
        return failed(problem("payload.notObject",
            "expected a JSON object at the top level but found " + JsonValues.describe(root))
            .location(1, 1).expected("object").found(JsonValues.typeOf(root)));
      }
      return new Result(root, null, bom);
    } catch (StreamConstraintsException e) {
      return failed(constraint(e, parser));
    } catch (JsonProcessingException e) {
      return failed(syntax(e));
    } catch (NumberFormatException e) {
      // Jackson reports a decimal whose exponent overflows (1e9999999999) outside its own exceptions.
      Problem.Builder p = problem("payload.numberTooLarge", "number cannot be represented: its exponent is out of range")
          .expected("a number with an exponent that fits in 32 bits").found("exponent out of range");
      JsonLocation location = parser == null ? null : parser.currentLocation();
      return failed(location == null ? p : p.location(location.getLineNr(), location.getColumnNr()));
    } catch (CharConversionException e) {
      return failed(problem("payload.encoding", "body is not valid UTF-8: " + e.getMessage()));
    } catch (IOException e) {
      return failed(problem("payload.unreadable", "body cannot be read: " + e.getMessage()));
    } finally {
      if (parser != null) {
        try {
          parser.close();
        } catch (IOException ignored) {
          // Reading from a byte array: nothing to release.
        }
      }
    }
  }

  private static Result failed(Problem.Builder problem) {
    return new Result(null, problem.build(), false);
  }

  private static Problem.Builder problem(String key, String message) {
    return Problem.builder(Severity.ERROR, key).message(message);
  }

  private static final java.util.regex.Pattern LIMIT =
      java.util.regex.Pattern.compile("\\((\\d+)\\) exceeds the maximum allowed \\((\\d+)");

  private static Problem.Builder constraint(StreamConstraintsException e, JsonParser parser) {
    String original = e.getOriginalMessage();
    String lower = original.toLowerCase(Locale.ROOT);
    java.util.regex.Matcher numbers = LIMIT.matcher(original);
    String actual = "?";
    String limit = "?";
    if (numbers.find()) {
      actual = numbers.group(1);
      limit = numbers.group(2);
    }
    Problem.Builder p;
    if (lower.contains("nesting depth")) {
      p = problem("payload.tooDeep", "document is nested deeper than the limit of " + limit + " levels")
          .expected("at most " + limit + " levels").found(actual + " levels");
    } else if (lower.contains("number value length") || lower.contains("number length")) {
      p = problem("payload.numberTooLarge", "number has " + actual + " characters, over the limit of " + limit)
          .expected("at most " + limit + " characters").found(actual + " characters");
    } else if (lower.contains("string value length") || lower.contains("string length")) {
      // Jackson stops counting where it notices the excess, so only the limit is stated.
      p = problem("payload.stringTooLong", "string is longer than the limit of " + limit + " characters")
          .expected("at most " + limit + " characters").found("more than " + limit + " characters");
    } else {
      p = problem("payload.limit", firstSentence(original));
    }
    JsonLocation location = e.getLocation() != null ? e.getLocation() : parser == null ? null : parser.currentLocation();
    return at(p, location, parser == null ? e : new JsonParseException(parser, original));
  }

  private static Problem.Builder syntax(JsonProcessingException e) {
    String original = e.getOriginalMessage();
    Problem.Builder p;
    if (original.startsWith("Duplicate field")) {
      p = problem("payload.duplicateKey", "duplicate key " + quotedName(original) + "; a key may appear once per object");
    } else if (original.contains("UTF-8") || original.contains("UTF8") || original.contains("Invalid UTF")) {
      p = problem("payload.encoding", "body is not valid UTF-8: " + firstSentence(original));
    } else if (original.startsWith("Unexpected character ('}'") && original.contains("double-quote to start field name")) {
      p = problem("payload.malformed", "malformed JSON: trailing comma before '}' (JSON allows no comma after the last member)");
    } else if (original.startsWith("Unexpected character (']'") && original.contains("expected a value")) {
      p = problem("payload.malformed", "malformed JSON: trailing comma before ']' (JSON allows no comma after the last element)");
    } else if (original.startsWith("Non-standard token")) {
      p = problem("payload.malformed", "malformed JSON: " + quotedName(original) + " is not a JSON value (JSON has no NaN or Infinity)");
    } else {
      p = problem("payload.malformed", "malformed JSON: " + firstSentence(original));
    }
    return at(p, e.getLocation(), e);
  }

  private static Problem.Builder at(Problem.Builder p, JsonLocation location, JsonProcessingException e) {
    if (location != null && location.getLineNr() > 0) {
      p.location(location.getLineNr(), location.getColumnNr());
    }
    if (e.getProcessor() instanceof JsonParser parser && parser.getParsingContext() != null) {
      try {
        p.pointer(parser.getParsingContext().pathAsPointer().toString());
      } catch (RuntimeException ignored) {
        // A context in an inconsistent state after the failure: the line and column still say where.
      }
    }
    return p;
  }

  private static String quotedName(String message) {
    int start = message.indexOf('\'');
    int end = message.lastIndexOf('\'');
    return start >= 0 && end > start ? "\"" + message.substring(start + 1, end) + "\"" : "";
  }

  /** Jackson's messages run on with source excerpts and hints; the first sentence is the fact. */
  private static String firstSentence(String message) {
    String m = message.replace('\n', ' ').replaceAll("\\s+", " ").trim();
    int cut = m.indexOf(" (for ");
    if (cut < 0) {
      cut = m.indexOf(" at [Source");
    }
    return cut > 0 ? m.substring(0, cut) : m;
  }

  private static boolean isBlank(byte[] body) {
    for (byte b : body) {
      if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
        return false;
      }
    }
    return true;
  }
}
