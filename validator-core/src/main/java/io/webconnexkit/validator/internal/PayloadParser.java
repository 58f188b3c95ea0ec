package io.webconnexkit.validator.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ValueNode;
import io.webconnexkit.validator.Problem;
import io.webconnexkit.validator.Severity;
import java.io.CharConversionException;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Locale;

/**
 * Parses a body into a tree under the kit's limits, turning every way a body can be unreadable
 * into a {@link Problem}. Not API.
 */
public final class PayloadParser {

  /** A parsed body: a root object, or the problem that stopped parsing (never both null). */
  public record Result(JsonNode root, Problem problem, boolean byteOrderMark) {}

  /**
   * Longest member name, in bytes of UTF-8 (Jackson's own default, stated here so that the kit's
   * message names the kit's limit). Webconnex's longest names have about twenty characters.
   */
  public static final int MAX_NAME_BYTES = 50_000;

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
                    .maxNameLength(MAX_NAME_BYTES)
                    .build())
            // Names crafted to collide in Jackson's name table made it fail with counts that depend
            // on what the shared table held before, so one body got different reports. Without the
            // check such names only cost lookups, bounded by the body size limit (docs/bad-input.md).
            .disable(JsonFactory.Feature.FAIL_ON_SYMBOL_HASH_OVERFLOW)
            .build();
    // Floats as BigDecimal: money with cents and long ids are reported exactly as sent, never rounded.
    this.mapper =
        JsonMapper.builder(factory)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            // Duplicate keys are caught while building the tree: the streaming parser's own detection
            // costs about a fifth of parse time on large bodies (docs/performance.md).
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .nodeFactory(new DigitLimitedNodeFactory(maxNumberLength))
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
    Encoding other = Encoding.of(body);
    if (other != null) {
      return failed(problem("payload.encoding", "body is " + other.description() + "; Webconnex sends UTF-8")
          .location(1, 1).expected("UTF-8").found(other.name()));
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
      return failed(constraint(e, parser, body));
    } catch (JsonProcessingException e) {
      return failed(syntax(e));
    } catch (NumberFormatException e) {
      // Jackson reports a decimal whose exponent overflows (1e9999999999) outside its own exceptions.
      return failed(atNumber(problem("payload.numberTooLarge", "number cannot be represented: its exponent is out of range")
          .expected("a number with an exponent that fits in 32 bits").found("exponent out of range"), parser));
    } catch (DigitLimitedNodeFactory.TooManyDigits e) {
      return failed(atNumber(problem("payload.numberTooLarge", "number has " + e.digits
          + " digits when written out without an exponent, over the limit of " + e.limit)
          .expected("at most " + e.limit + " digits").found(e.digits + " digits"), parser));
    } catch (CharConversionException e) {
      return failed(problem("payload.encoding", "body is not valid UTF-8: " + firstSentence(e.getMessage())));
    } catch (IOException e) {
      return failed(problem("payload.unreadable", "body cannot be read: " + firstSentence(String.valueOf(e.getMessage()))));
    } catch (RuntimeException e) {
      // A parser failure the mapping above does not know: still a report, never an exception out of validate.
      Problem.Builder p = problem("payload.malformed", "malformed JSON: the parser stopped ("
          + e.getClass().getSimpleName() + ")");
      return failed(parser == null ? p : at(p, parser.currentLocation(), null, parser));
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

  private static Problem.Builder constraint(StreamConstraintsException e, JsonParser parser, byte[] body) {
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
    } else if (lower.startsWith("name length")) {
      // Jackson checks names as its buffer grows, so its count is a buffer size: only the limit is stated.
      p = problem("payload.keyTooLong", "member name is longer than the limit of " + MAX_NAME_BYTES + " bytes")
          .expected("at most " + MAX_NAME_BYTES + " bytes").found("more than " + MAX_NAME_BYTES + " bytes");
      return parser == null ? p : atLongName(p, parser, body);
    } else {
      // Not a limit the kit sets: named in the kit's words, with the limit Jackson reported when it did.
      p = problem("payload.limit", "body exceeds a limit of the JSON parser"
          + (limit.equals("?") ? "" : " (" + limit + ")"));
    }
    JsonLocation location = e.getLocation() != null ? e.getLocation() : parser == null ? null : parser.currentLocation();
    return at(p, location, parser == null ? e : new JsonParseException(parser, original));
  }

  /**
   * A member name over the limit is shown at the object that holds it, and where the name starts:
   * the parser is still inside the name, which has no line break (JSON strings cannot hold a raw
   * one), so its opening quote is on the line where the parser stopped.
   */
  private static Problem.Builder atLongName(Problem.Builder p, JsonParser parser, byte[] body) {
    JsonStreamContext context = parser.getParsingContext();
    if (context != null && context.inObject() && context.getParent() != null) {
      context = context.getParent();
    }
    if (context != null) {
      p.pointer(context.pathAsPointer().toString());
    }
    JsonLocation stop = parser.currentLocation();
    if (stop == null || stop.getLineNr() < 1) {
      return p;
    }
    long offset = Math.min(stop.getByteOffset(), body.length);
    long quote = -1;
    for (long i = offset - 1; i >= 0; i--) {
      if (body[(int) i] == '"') {
        int backslashes = 0;
        for (long j = i - 1; j >= 0 && body[(int) j] == '\\'; j--) {
          backslashes++;
        }
        if (backslashes % 2 == 0) {
          quote = i;
          break;
        }
      }
      if (body[(int) i] == '\n' || body[(int) i] == '\r') {
        break;
      }
    }
    int column = stop.getColumnNr();
    if (quote >= 0 && offset >= 0 && column - (offset - quote) >= 1) {
      column = (int) (column - (offset - quote));
    }
    return p.location(stop.getLineNr(), column);
  }

  /** At the number the parser stands on: its pointer and where it starts. */
  private static Problem.Builder atNumber(Problem.Builder p, JsonParser parser) {
    if (parser == null) {
      return p;
    }
    return at(p, parser.currentTokenLocation(), null, parser);
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
    return at(p, location, e, e.getProcessor() instanceof JsonParser parser ? parser : null);
  }

  private static Problem.Builder at(Problem.Builder p, JsonLocation location, JsonProcessingException e, JsonParser parser) {
    if (location != null && location.getLineNr() > 0) {
      p.location(location.getLineNr(), location.getColumnNr());
    }
    if (parser != null && parser.getParsingContext() != null) {
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
    int cut = m.length();
    // Hints that name Jackson's classes and features ("(bound as `...JsonNode`): not allowed as per
    // `DeserializationFeature...`") are for Jackson's users, not the kit's.
    for (String tail : new String[] {" (for ", " at [Source", " (bound as ", ": not allowed as per "}) {
      int at = m.indexOf(tail);
      if (at > 0 && at < cut) {
        cut = at;
      }
    }
    return m.substring(0, cut);
  }

  private static boolean isBlank(byte[] body) {
    for (byte b : body) {
      if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
        return false;
      }
    }
    return true;
  }

  /**
   * The encodings other than UTF-8 that a JSON body can be told apart by from its first bytes:
   * byte-order marks, and without one the zero bytes of RFC 4627 section 3 (the first two
   * characters of JSON text are ASCII). Checked in the order Jackson's own detection uses, so no
   * body Jackson would decode as UTF-16 or UTF-32 reaches it.
   */
  record Encoding(String name, String description) {

    static Encoding of(byte[] b) {
      int n = b.length;
      int b0 = n > 0 ? b[0] & 0xFF : -1;
      int b1 = n > 1 ? b[1] & 0xFF : -1;
      int b2 = n > 2 ? b[2] & 0xFF : -1;
      int b3 = n > 3 ? b[3] & 0xFF : -1;
      if (n >= 4) {
        if (b0 == 0x00 && b1 == 0x00 && b2 == 0xFE && b3 == 0xFF) {
          return bom("UTF-32BE", "00 00 FE FF");
        }
        if (b0 == 0xFF && b1 == 0xFE && b2 == 0x00 && b3 == 0x00) {
          return bom("UTF-32LE", "FF FE 00 00");
        }
        if (b0 == 0x00 && b1 == 0x00 && b2 == 0xFF && b3 == 0xFE) {
          return bom("UTF-32 (byte order 2143)", "00 00 FF FE");
        }
        if (b0 == 0xFE && b1 == 0xFF && b2 == 0x00 && b3 == 0x00) {
          return bom("UTF-32 (byte order 3412)", "FE FF 00 00");
        }
      }
      if (n >= 2) {
        if (b0 == 0xFE && b1 == 0xFF) {
          return bom("UTF-16BE", "FE FF");
        }
        if (b0 == 0xFF && b1 == 0xFE) {
          return bom("UTF-16LE", "FF FE");
        }
      }
      if (n >= 4) {
        if (b0 == 0 && b1 == 0 && b2 == 0) {
          return zeros("UTF-32BE");
        }
        if (b1 == 0 && b2 == 0 && b3 == 0) {
          return zeros("UTF-32LE");
        }
        if (b0 == 0 && b2 == 0 && b3 == 0) {
          return zeros("UTF-32 (byte order 3412)");
        }
        if (b0 == 0 && b1 == 0 && b3 == 0) {
          return zeros("UTF-32 (byte order 2143)");
        }
      }
      if (n >= 2) {
        if (b0 == 0) {
          return zeros("UTF-16BE");
        }
        if (b1 == 0) {
          return zeros("UTF-16LE");
        }
      }
      return null;
    }

    private static Encoding bom(String name, String bytes) {
      return new Encoding(name, name + " (byte-order mark " + bytes + ")");
    }

    private static Encoding zeros(String name) {
      return new Encoding(name, name + " (no byte-order mark, but zero bytes among its first characters)");
    }
  }

  /**
   * Builds the tree as Jackson does, but refuses a number that would have more digits than the
   * digit limit when written out without an exponent ({@code 1e999999} is a 1 and 999,999 zeros):
   * the one rule by which every number is judged, whatever field holds it (docs/bad-input.md).
   * Jackson's own limit counts only the characters as spelled.
   */
  static final class DigitLimitedNodeFactory extends JsonNodeFactory {
    private static final long serialVersionUID = 1L;

    private final int limit;

    DigitLimitedNodeFactory(int limit) {
      this.limit = limit;
    }

    @Override
    public ValueNode numberNode(BigDecimal v) {
      if (v != null && v.signum() != 0) {
        long digits = digits(v);
        if (digits > limit) {
          throw new TooManyDigits(digits, limit);
        }
      }
      return super.numberNode(v);
    }

    /** Digits of the number written out in plain decimal, not counting a lone zero before the point. */
    static long digits(BigDecimal v) {
      long precision = v.precision();
      long scale = v.scale();
      return scale <= 0 ? precision - scale : Math.max(precision, scale);
    }

    /** Thrown through Jackson's tree reader to the parser's catch; carries no stack trace. */
    static final class TooManyDigits extends RuntimeException {
      private static final long serialVersionUID = 1L;
      final long digits;
      final int limit;

      TooManyDigits(long digits, int limit) {
        super("too many digits", null, false, false);
        this.digits = digits;
        this.limit = limit;
      }
    }
  }
}
