package io.webconnexkit.validator.badinput;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The kit's bad-input catalogue: {@code bad-input/catalogue.json} on the test classpath, read into
 * {@link BadInputCase}s with every input generated. validator-core publishes it in its test-jar, so
 * the CLI and the Maven plugin run the same cases through their own entry points:
 *
 * <pre>{@code
 * static Stream<BadInputCase> cases() {
 *   return BadInputCatalogue.load().through(BadInputCase.CLI).stream();
 * }
 * }</pre>
 *
 * <p>The file format is described in its own {@code "format"} member and in docs/bad-input.md.
 * Unknown members and generators are refused, so a typo cannot turn a case into one that passes
 * without testing anything.
 */
public final class BadInputCatalogue {

  /** Where the catalogue is on the classpath. */
  public static final String RESOURCE = "bad-input/catalogue.json";

  private static final Set<String> KINDS =
      Set.of(BadInputCase.BODY, BadInputCase.SIGNATURE, BadInputCase.HEADER, BadInputCase.ARGUMENTS);
  private static final Set<String> ENTRY_POINTS = Set.of(BadInputCase.LIBRARY, BadInputCase.CLI, BadInputCase.PLUGIN);
  private static final Set<String> FIELDS = Set.of("id", "kind", "through", "profile", "key", "exit", "open", "file",
      "text", "base64", "generate", "header", "filename", "arguments", "files", "message", "pointer", "line", "column",
      "note");

  private final List<BadInputCase> cases;

  private BadInputCatalogue(List<BadInputCase> cases) {
    this.cases = List.copyOf(cases);
  }

  /** Reads the catalogue from the classpath (the one in validator-core's test resources). */
  public static BadInputCatalogue load() {
    JsonNode root;
    try (InputStream in = resource(RESOURCE)) {
      root = new ObjectMapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
    List<BadInputCase> cases = new ArrayList<>();
    Set<String> ids = new LinkedHashSet<>();
    for (JsonNode c : root.path("cases")) {
      BadInputCase parsed = parse(c);
      if (!ids.add(parsed.id())) {
        throw new IllegalStateException(RESOURCE + ": duplicate case id " + parsed.id());
      }
      cases.add(parsed);
    }
    if (cases.isEmpty()) {
      throw new IllegalStateException(RESOURCE + " has no cases");
    }
    return new BadInputCatalogue(cases);
  }

  /** Every case. */
  public List<BadInputCase> cases() {
    return cases;
  }

  /** The cases an entry point ({@code library}, {@code cli}, {@code plugin}) runs. */
  public List<BadInputCase> through(String entryPoint) {
    if (!ENTRY_POINTS.contains(entryPoint)) {
      throw new IllegalArgumentException("unknown entry point " + entryPoint);
    }
    return cases.stream().filter(c -> c.runsThrough(entryPoint)).toList();
  }

  /** The cases of one kind an entry point runs. */
  public List<BadInputCase> through(String entryPoint, String kind) {
    return through(entryPoint).stream().filter(c -> c.kind().equals(kind)).toList();
  }

  private static BadInputCase parse(JsonNode c) {
    String id = text(c, "id");
    if (id == null || id.isEmpty()) {
      throw new IllegalStateException(RESOURCE + ": a case without an id: " + c);
    }
    for (Iterator<String> names = c.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!FIELDS.contains(name)) {
        throw new IllegalStateException(RESOURCE + ": case " + id + " has an unknown member \"" + name + "\"");
      }
    }
    String kind = c.path("kind").asText(BadInputCase.BODY);
    if (!KINDS.contains(kind)) {
      throw new IllegalStateException(RESOURCE + ": case " + id + " has an unknown kind " + kind);
    }
    Set<String> through = new LinkedHashSet<>();
    c.path("through").forEach(t -> through.add(t.asText()));
    if (through.isEmpty() || !ENTRY_POINTS.containsAll(through)) {
      throw new IllegalStateException(RESOURCE + ": case " + id + " must run through some of " + ENTRY_POINTS);
    }
    if (through.contains(BadInputCase.CLI) && !c.hasNonNull("exit")) {
      throw new IllegalStateException(RESOURCE + ": case " + id + " runs through the CLI but names no exit status");
    }
    List<String> arguments = new ArrayList<>();
    c.path("arguments").forEach(a -> arguments.add(a.asText()));
    if (kind.equals(BadInputCase.ARGUMENTS) != !arguments.isEmpty()) {
      throw new IllegalStateException(RESOURCE + ": case " + id + ": arguments go with kind \"arguments\", and only there");
    }
    if (kind.equals(BadInputCase.HEADER) && !c.hasNonNull("header")) {
      throw new IllegalStateException(RESOURCE + ": case " + id + " is a header case without a header");
    }
    Map<String, String> open = new LinkedHashMap<>();
    c.path("open").fields().forEachRemaining(f -> open.put(f.getKey(), f.getValue().asText()));
    if (!through.containsAll(open.keySet())) {
      throw new IllegalStateException(RESOURCE + ": case " + id + " is open for an entry point it does not run through");
    }
    Map<String, String> files = new LinkedHashMap<>();
    c.path("files").fields().forEachRemaining(f -> files.put(f.getKey(), f.getValue().asText()));
    String profile = c.path("profile").asText("lenient");
    if (!profile.equals("lenient") && !profile.equals("strict")) {
      throw new IllegalStateException(RESOURCE + ": case " + id + " has an unknown profile " + profile);
    }
    byte[] input = kind.equals(BadInputCase.ARGUMENTS) ? new byte[0] : input(id, c);
    return new BadInputCase(id, kind, Set.copyOf(through), profile, text(c, "key"),
        c.hasNonNull("exit") ? c.get("exit").intValue() : null, Map.copyOf(open), input,
        text(c, "header"), text(c, "filename"), List.copyOf(arguments), Map.copyOf(files),
        text(c, "message"), text(c, "pointer"), c.path("line").asInt(0),
        c.path("column").asInt(0));
  }

  /** A member's text, or null when it is absent or JSON null (asText would say "null"). */
  private static String text(JsonNode c, String name) {
    JsonNode v = c.get(name);
    return v == null || v.isNull() ? null : v.asText();
  }

  /** Exactly one of file, text, base64 and generate (which may take text as its source). */
  private static byte[] input(String id, JsonNode c) {
    int given = (c.has("file") ? 1 : 0) + (c.has("base64") ? 1 : 0) + (c.has("generate") ? 1 : 0)
        + (c.has("text") && !c.has("generate") ? 1 : 0);
    if (given != 1) {
      throw new IllegalStateException(RESOURCE + ": case " + id + " needs exactly one of file, text, base64, generate");
    }
    if (c.has("file")) {
      try (InputStream in = resource(c.get("file").asText())) {
        return in.readAllBytes();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    if (c.has("base64")) {
      return Base64.getDecoder().decode(c.get("base64").asText());
    }
    if (c.has("generate")) {
      return generate(id, c.get("generate").asText(), text(c, "text"));
    }
    return c.get("text").asText().getBytes(StandardCharsets.UTF_8);
  }

  /**
   * A valid lenient {@code test} payload, the body of signature and header cases and the base of
   * the generators; a fresh copy.
   */
  public static byte[] validBody() {
    return utf8(VALID);
  }

  /** The secret runners sign with; it must never appear in any output. */
  public static final String SECRET = "catalogue-secret-Qz7w";

  static final String VALID_PREFIX =
      "{\"eventType\": \"test\", \"formId\": 1, \"eventId\": 1, \"accountId\": 1, \"data\": {\"data\": \"x\", "
          + "\"eventId\": 1, \"eventType\": \"test\", \"formId\": 1";
  static final String VALID = VALID_PREFIX + "}}";

  /**
   * The generators, for inputs too big or too binary to write inline:
   * <ul>
   *   <li>{@code deep:N}: a valid payload whose {@code data.data} is N nested arrays;
   *   <li>{@code longkey:N}: a valid payload with one more member in {@code data}, named by N letters;
   *   <li>{@code longstring:N}: {@code data.data} is a string of N letters;
   *   <li>{@code collidingkeys:N}: N more members in {@code data} whose names all fall in one slot of
   *       Jackson's name table, whatever its seed (the same first twelve bytes, then the same
   *       four-byte groups in other orders: the hash adds those groups up);
   *   <li>{@code large:N}: a valid payload padded with spaces to N bytes;
   *   <li>{@code encode:CHARSET} or {@code encode:CHARSET:bom}: {@code text} (or the valid payload)
   *       encoded in CHARSET, with its byte-order mark when asked;
   *   <li>{@code hexwith:HEX:POS}: 64 hex characters with code point U+HEX at position POS (from 1);
   *       {@code fullwidthhex} is {@code hexwith:FF46:12}, a fullwidth 'f' that
   *       {@code Character.digit} takes for a hex digit.
   * </ul>
   */
  static byte[] generate(String id, String generator, String text) {
    String[] parts = generator.split(":");
    String name = parts[0];
    try {
      return switch (name) {
        case "deep" -> utf8(VALID_PREFIX.replace("\"data\": \"x\"", "\"data\": " + "[".repeat(number(parts[1]))
            + "]".repeat(number(parts[1]))) + "}}");
        case "longkey" -> utf8(VALID_PREFIX + ", \"" + "k".repeat(number(parts[1])) + "\": 1}}");
        case "longstring" -> utf8(VALID_PREFIX.replace("\"data\": \"x\"", "\"data\": \"" + "x".repeat(number(parts[1])) + "\"")
            + "}}");
        case "collidingkeys" -> utf8(collidingKeys(number(parts[1])));
        case "large" -> {
          int size = number(parts[1]);
          yield utf8(VALID + " ".repeat(Math.max(0, size - VALID.length())));
        }
        case "encode" -> encode(text == null ? VALID : text, Charset.forName(parts[1]), parts.length > 2 && parts[2].equals("bom"));
        case "hexwith" -> utf8(hexWith(Integer.parseInt(parts[1], 16), number(parts[2])));
        case "fullwidthhex" -> utf8(hexWith(0xFF46, 12));
        default -> throw new IllegalStateException(RESOURCE + ": case " + id + " has an unknown generator " + generator);
      };
    } catch (ArrayIndexOutOfBoundsException | NumberFormatException e) {
      throw new IllegalStateException(RESOURCE + ": case " + id + " has a malformed generator " + generator);
    }
  }

  private static int number(String s) {
    return Integer.parseInt(s.replace("_", ""));
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] encode(String text, Charset charset, boolean bom) {
    // Java's UTF-16 and UTF-32 encoders named with an order write no byte-order mark: add it by hand.
    return (bom ? "\uFEFF" + text : text).getBytes(charset);
  }

  static String hexWith(int codePoint, int position) {
    String hex = "0123456789abcdef".repeat(4);
    return hex.substring(0, position - 1) + new String(Character.toChars(codePoint)) + hex.substring(position);
  }

  static String collidingKeys(int n) {
    List<String> names = new ArrayList<>(n);
    permutations(List.of("aaaa", "bbbb", "cccc", "dddd", "eeee", "ffff", "gggg", "hhhh"), "collidingkey", names, n);
    if (names.size() < n) {
      throw new IllegalStateException("at most 40320 colliding names");
    }
    StringBuilder s = new StringBuilder(VALID_PREFIX);
    for (String name : names) {
      s.append(", \"").append(name).append("\": 1");
    }
    return s.append("}}").toString();
  }

  private static void permutations(List<String> pool, String prefix, List<String> out, int max) {
    if (out.size() >= max) {
      return;
    }
    if (pool.isEmpty()) {
      out.add(prefix);
      return;
    }
    for (int i = 0; i < pool.size() && out.size() < max; i++) {
      List<String> rest = new ArrayList<>(pool);
      String group = rest.remove(i);
      permutations(rest, prefix + group, out, max);
    }
  }

  private static InputStream resource(String path) {
    InputStream in = BadInputCatalogue.class.getClassLoader().getResourceAsStream(path);
    if (in == null) {
      throw new IllegalStateException("no resource " + path + " on the classpath");
    }
    return in;
  }
}
