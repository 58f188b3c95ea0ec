package io.webconnexkit.maven;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.webconnexkit.validator.CheckedRecord;
import io.webconnexkit.validator.Problem;
import io.webconnexkit.validator.ProblemKey;
import io.webconnexkit.validator.RecordedDelivery;
import io.webconnexkit.validator.ReportJson;
import io.webconnexkit.validator.ReportLine;
import io.webconnexkit.validator.Severity;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The report files {@code webconnex:validate} can write, each named in {@code reportFormats}.
 * Each stays well-formed whatever a fixture's keys or a file's name hold: text for people goes
 * through {@link ReportLine}, and what XML or JSON cannot carry is written as a {@code \}{@code u}
 * escape.
 */
enum ReportFile {

  /**
   * {@code TEST-webconnex.xml}: one test suite, one test case per fixture (per line of a JSON Lines
   * file, per delivery of a journal or page). A fixture with an error is a failure carrying every
   * message; warnings and infos alone are not failures, and go to {@code system-out}.
   */
  JUNIT_XML("junit-xml", "TEST-webconnex.xml") {
    @Override
    byte[] render(FixtureRun run, Context context) throws IOException {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try {
        XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
        xml.writeStartDocument("UTF-8", "1.0");
        xml.writeCharacters("\n");
        xml.writeStartElement("testsuite");
        xml.writeAttribute("name", "webconnex");
        xml.writeAttribute("tests", Integer.toString(run.results().size()));
        xml.writeAttribute("failures", Long.toString(run.results().stream().filter(context::fails).count()));
        xml.writeAttribute("errors", "0");
        xml.writeAttribute("skipped", "0");
        xml.writeAttribute("time", seconds(context.elapsedMillis()));
        xml.writeCharacters("\n  ");
        xml.writeStartElement("properties");
        property(xml, "webconnex.profile", context.profile());
        property(xml, "webconnex.pluginVersion", context.toolVersion());
        xml.writeEndElement();
        for (CheckedRecord r : run.results()) {
          RecordedDelivery record = r.record();
          xml.writeCharacters("\n  ");
          xml.writeStartElement("testcase");
          xml.writeAttribute("name", xmlText(ReportLine.escape(record.name())));
          xml.writeAttribute("classname", "webconnex." + record.shape().name().toLowerCase(Locale.ROOT));
          xml.writeAttribute("file", xmlText(ReportLine.escape(record.path())));
          xml.writeAttribute("line", Integer.toString(record.line()));
          xml.writeAttribute("time", "0");
          List<String> lines = new ArrayList<>();
          boolean expected = context.expectsInvalid(r);
          inFileOrder(r).forEach(p -> lines.add(expected ? expectedLine(record.path(), p) : ReportLine.of(record.path(), p)));
          if (expected && r.isValid()) {
            xml.writeStartElement("failure");
            xml.writeAttribute("message", xmlText(ReportLine.escape(record.path()) + ": " + CONFORMS_BUT_EXPECTED_INVALID));
            xml.writeAttribute("type", EXPECTED_INVALID_KEY);
            xml.writeCharacters(xmlText(String.join("\n", lines)));
            xml.writeEndElement();
          } else if (!r.isValid() && !expected) {
            Problem first = r.report().errors().get(0);
            int errors = r.report().errors().size();
            xml.writeStartElement("failure");
            xml.writeAttribute("message", xmlText((errors == 1 ? "1 error: " : errors + " errors, the first: ")
                + ReportLine.withoutSeverity(record.path(), first)));
            xml.writeAttribute("type", xmlText(ReportLine.escape(first.key())));
            xml.writeCharacters(xmlText(String.join("\n", lines)));
            xml.writeEndElement();
          } else if (!lines.isEmpty()) {
            xml.writeStartElement("system-out");
            xml.writeCharacters(xmlText(String.join("\n", lines)));
            xml.writeEndElement();
          }
          xml.writeEndElement();
        }
        xml.writeCharacters("\n");
        xml.writeEndElement();
        xml.writeCharacters("\n");
        xml.writeEndDocument();
        xml.flush();
        xml.close();
      } catch (XMLStreamException e) {
        throw new IOException("cannot write JUnit XML: " + e.getMessage(), e);
      }
      return out.toByteArray();
    }

    private void property(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
      xml.writeEmptyElement("property");
      xml.writeAttribute("name", name);
      xml.writeAttribute("value", xmlText(ReportLine.escape(value)));
    }
  },

  /**
   * {@code webconnex.sarif}: SARIF 2.1.0, for code-scanning views. One result per problem, with
   * the problem key as rule id and the level of its severity: error, warning, or note for info.
   */
  SARIF("sarif", "webconnex.sarif") {
    @Override
    byte[] render(FixtureRun run, Context context) throws IOException {
      ObjectNode root = MAPPER.createObjectNode();
      root.put("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
      root.put("version", "2.1.0");
      ObjectNode sarifRun = root.putArray("runs").addObject();
      ObjectNode driver = sarifRun.putObject("tool").putObject("driver");
      driver.put("name", "webconnex-maven-plugin");
      driver.put("version", context.toolVersion());
      driver.put("informationUri", SITE);
      ArrayNode rules = driver.putArray("rules");
      Map<String, Integer> ruleIndex = new LinkedHashMap<>();
      sarifRun.putObject("originalUriBaseIds").putObject(SRCROOT)
          .put("uri", context.baseDirectory().toUri().toString());
      ArrayNode results = sarifRun.putArray("results");
      for (CheckedRecord r : run.results()) {
        boolean expected = context.expectsInvalid(r);
        if (expected && r.isValid()) {
          result(results, rules, ruleIndex, r.record(), Problem.builder(Severity.ERROR, EXPECTED_INVALID_KEY)
              .message(CONFORMS_BUT_EXPECTED_INVALID).location(r.record().line(), 0).build());
        }
        for (Problem p : inFileOrder(r)) {
          ObjectNode result = result(results, rules, ruleIndex, r.record(), p);
          if (expected) {
            // Known-bad fixtures' problems are expected: code-scanning views show them as suppressed, not as alerts.
            result.putArray("suppressions").addObject()
                .put("kind", "external")
                .put("status", "accepted")
                .put("justification", "expected: the fixture matches webconnex.expectInvalid ("
                    + ReportLine.escape(context.expectInvalid()) + ")");
          }
        }
      }
      return json(MAPPER.writeValueAsString(root));
    }

    /**
     * A rule as code-scanning views show it: the key's meaning as the short description; meaning,
     * default levels and an example message as the full one and as help; and a link to the page
     * that lists every key. A key the kit does not list (a keyword of a user's own schema) says so.
     */
    private void rule(ObjectNode rule, String key) {
      rule.put("id", key);
      Optional<ProblemKey> known = ProblemKey.find(key);
      String shortText;
      String fullText;
      String markdown;
      if (known.isPresent()) {
        ProblemKey k = known.get();
        shortText = k.meaning();
        String levels = "Default level: " + k.lenient().label() + " (lenient profile), " + k.strict().label()
            + " (strict profile).";
        fullText = k.meaning() + " " + levels + " Example: " + k.example();
        markdown = k.meaning() + " " + levels + "\n\nExample message: `" + k.example().replace("`", "'") + "`";
      } else {
        String escaped = ReportLine.escape(key);
        shortText = "A problem reported by the JSON Schema keyword of a user-supplied schema (" + escaped + ").";
        fullText = shortText + " It is not one of the kit's own keys; its default level is error.";
        markdown = fullText;
      }
      rule.putObject("shortDescription").put("text", shortText);
      rule.putObject("fullDescription").put("text", fullText);
      rule.putObject("help").put("text", fullText).put("markdown", markdown);
      rule.put("helpUri", PROBLEM_KEYS_PAGE);
    }

    private ObjectNode result(ArrayNode results, ArrayNode rules, Map<String, Integer> ruleIndex, RecordedDelivery record,
        Problem p) {
      String key = p.key();
      Integer index = ruleIndex.get(key);
      if (index == null) {
        index = ruleIndex.size();
        ruleIndex.put(key, index);
        rule(rules.addObject(), key);
      }
      ObjectNode result = results.addObject();
      result.put("ruleId", key);
      result.put("ruleIndex", index);
      result.put("level", level(p.severity()));
      String where = p.header().orElse(p.pointer());
      result.putObject("message").put("text", where == null || where.isEmpty() ? ReportLine.escape(p.message())
          : ReportLine.escape(where) + ": " + ReportLine.escape(p.message()));
      ObjectNode physical = result.putArray("locations").addObject().putObject("physicalLocation");
      ObjectNode artifact = physical.putObject("artifactLocation");
      URI absolute = absoluteUri(record.path());
      if (absolute != null) {
        artifact.put("uri", absolute.toString());
      } else {
        artifact.put("uri", relativeUri(record.path()));
        artifact.put("uriBaseId", SRCROOT);
      }
      if (p.line() > 0) {
        ObjectNode region = physical.putObject("region");
        region.put("startLine", p.line());
        if (p.column() > 0) {
          region.put("startColumn", p.column());
        }
      }
      record.label().ifPresent(label -> result.putObject("properties").put("record", label));
      return result;
    }
  },

  /**
   * {@code webconnex.json}: validator-core's JSON results document, the CLI's {@code --format
   * json}, exactly as {@link ReportJson#document} makes it; a known-bad fixture's result also
   * says {@code "expectedInvalid": true}.
   */
  JSON("json", "webconnex.json") {
    @Override
    byte[] render(FixtureRun run, Context context) throws IOException {
      String document = ReportJson.document(run.results(), true);
      if (context.expectedInvalid().isEmpty()) {
        return json(document + "\n");
      }
      ObjectNode root = (ObjectNode) ASCII.readTree(document);
      ArrayNode results = (ArrayNode) root.get("results");
      for (int i = 0; i < run.results().size(); i++) {
        if (context.expectsInvalid(run.results().get(i))) {
          ((ObjectNode) results.get(i)).put("expectedInvalid", true);
        }
      }
      return json(ASCII.writeValueAsString(root) + "\n");
    }
  };

  /**
   * What reports say besides the results.
   *
   * @param expectedInvalid the fixtures {@code webconnex.expectInvalid} matches (by identity): their
   *     problems are expected, and one that conforms is a failure
   * @param expectInvalid the patterns, as configured, for the reports' words
   */
  record Context(Path baseDirectory, String profile, String toolVersion, long elapsedMillis,
      Set<CheckedRecord> expectedInvalid, String expectInvalid) {

    Context {
      expectedInvalid = Collections.unmodifiableSet(expectedInvalid);
    }

    /** A run with no {@code expectInvalid} patterns. */
    Context(Path baseDirectory, String profile, String toolVersion, long elapsedMillis) {
      this(baseDirectory, profile, toolVersion, elapsedMillis, Set.of(), "");
    }

    /** Whether the fixture must not conform. */
    boolean expectsInvalid(CheckedRecord r) {
      return expectedInvalid.contains(r);
    }

    /** Whether the fixture fails the build: an error it should not have, or no error where one is expected. */
    boolean fails(CheckedRecord r) {
      return expectsInvalid(r) == r.isValid();
    }
  }

  /** The key of a known-bad fixture that conforms (a failure in every report). */
  static final String EXPECTED_INVALID_KEY = "fixture.expectedInvalid";

  /** What is wrong with a known-bad fixture that conforms, after its name. */
  static final String CONFORMS_BUT_EXPECTED_INVALID =
      "conforms to the Webconnex contract, but webconnex.expectInvalid says it must not";

  /** A known-bad fixture's problem, as the console and the JUnit XML report show it: expected. */
  static String expectedLine(String path, Problem p) {
    return ReportLine.withoutSeverity(path, p) + " (expected: webconnex.expectInvalid)";
  }

  private static final String SRCROOT = "%SRCROOT%";

  /** The kit's site, the root POM's {@code <url>}, as the build wrote it into {@code links.properties}. */
  static final String SITE = site();

  /**
   * Where every problem key is listed with its meaning and levels: {@code docs/problem-keys.md} of
   * the kit's site, at its "Every key" table.
   */
  static final String PROBLEM_KEYS_PAGE = SITE + "/docs/problem-keys.md#every-key";

  private static String site() {
    Properties links = new Properties();
    try (InputStream in = ReportFile.class.getResourceAsStream("links.properties")) {
      links.load(Objects.requireNonNull(in, "links.properties"));
    } catch (IOException | NullPointerException e) {
      throw new IllegalStateException("the plugin jar is incomplete: cannot read links.properties", e);
    }
    String site = links.getProperty("site", "");
    if (!site.startsWith("https://")) {
      throw new IllegalStateException("the plugin jar was built without resource filtering: links.properties says "
          + ReportLine.escape(site));
    }
    return site.replaceAll("/+$", "");
  }

  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  /** Writes as core's results document does: indented, everything outside ASCII as an escape. */
  private static final ObjectMapper ASCII = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII)
      .enable(SerializationFeature.INDENT_OUTPUT).build();

  private final String formatName;
  private final String fileName;

  ReportFile(String formatName, String fileName) {
    this.formatName = formatName;
    this.fileName = fileName;
  }

  /** The name used in {@code reportFormats}. */
  String formatName() {
    return formatName;
  }

  /** The file written in the reports directory. */
  String fileName() {
    return fileName;
  }

  /** The report's bytes. */
  abstract byte[] render(FixtureRun run, Context context) throws IOException;

  /**
   * The formats a comma-separated list names, in list order, each once; {@code none} (or nothing)
   * for no report files.
   *
   * @throws IllegalArgumentException naming the unknown format and the known ones
   */
  static List<ReportFile> parse(String list) {
    List<ReportFile> formats = new ArrayList<>();
    if (list == null) {
      return formats;
    }
    for (String name : list.split(",")) {
      String n = name.trim().toLowerCase(Locale.ROOT);
      if (n.isEmpty() || n.equals("none")) {
        continue;
      }
      ReportFile format = null;
      for (ReportFile f : values()) {
        if (f.formatName.equals(n)) {
          format = f;
        }
      }
      if (format == null) {
        throw new IllegalArgumentException("unknown report format '" + ReportLine.escape(name.trim())
            + "': expected a comma-separated list of junit-xml, sarif and json, or none");
      }
      if (!formats.contains(format)) {
        formats.add(format);
      }
    }
    return formats;
  }

  /** SARIF's level for a severity: error, warning, and note for info. */
  static String level(Severity severity) {
    return switch (severity) {
      case ERROR -> "error";
      case WARNING -> "warning";
      default -> "note";
    };
  }

  /** A record's problems in the order of its file (by line; the report's order among equals). */
  static List<Problem> inFileOrder(CheckedRecord r) {
    List<Problem> problems = new ArrayList<>(r.report().problems());
    problems.sort(Comparator.comparingInt(Problem::line));
    return problems;
  }

  /** A relative path as a URI reference: every character a URI cannot hold percent-encoded. */
  static String relativeUri(String path) {
    try {
      // A colon in the first segment would read as a scheme: "./" keeps it a path.
      int colon = path.indexOf(':');
      int slash = path.indexOf('/');
      String p = colon >= 0 && (slash < 0 || colon < slash) ? "./" + path : path;
      return new URI(null, null, p, null).toASCIIString();
    } catch (URISyntaxException | RuntimeException e) {
      return ReportLine.escape(path);
    }
  }

  /** The file URI of a path outside the base directory, or null for a relative one. */
  private static URI absoluteUri(String path) {
    try {
      Path p = Path.of(path);
      return p.isAbsolute() ? p.toUri() : null;
    } catch (InvalidPathException e) {
      return null;
    }
  }

  private static String seconds(long millis) {
    return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
  }

  /**
   * Text that XML 1.0 can carry: every character outside XML's {@code Char} production (the
   * control characters other than tab, line feed and carriage return, U+FFFE, U+FFFF and lone
   * surrogates) written as a {@code \}{@code uXXXX} escape, as {@link ReportLine#escape} writes
   * them. Text already through {@code ReportLine} holds none of them; this is the last guard.
   */
  static String xmlText(String s) {
    StringBuilder b = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean pair = Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
      boolean ok = pair || c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
      if (!ok && b == null) {
        b = new StringBuilder(s.length() + 16).append(s, 0, i);
      }
      if (b != null) {
        if (ok) {
          b.append(c);
          if (pair) {
            b.append(s.charAt(i + 1));
          }
        } else {
          b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
        }
      }
      if (pair) {
        i++;
      }
    }
    return b == null ? s : b.toString();
  }

  /**
   * A JSON text as UTF-8. A lone surrogate (a key written {@code "\}{@code ud800"} in a fixture)
   * cannot be encoded as UTF-8; in a JSON text it can only sit inside a string, so it is written as
   * the JSON escape it came from, and the document keeps its exact value.
   */
  static byte[] json(String text) {
    StringBuilder b = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean lone = Character.isHighSurrogate(c)
          ? i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))
          : Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(text.charAt(i - 1)));
      if (lone && b == null) {
        b = new StringBuilder(text.length() + 16).append(text, 0, i);
      }
      if (b != null) {
        if (lone) {
          b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
        } else {
          b.append(c);
        }
      }
    }
    return (b == null ? text : b.toString()).getBytes(StandardCharsets.UTF_8);
  }
}
