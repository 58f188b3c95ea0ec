package io.webconnexkit.maven;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.webconnexkit.validator.Problem;
import io.webconnexkit.validator.ReportJson;
import io.webconnexkit.validator.Severity;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** The report files {@code webconnex:validate} can write, each named in {@code reportFormats}. */
enum ReportFile {

  /**
   * {@code TEST-webconnex.xml}: one test suite, one test case per fixture (per line of a JSON Lines
   * archive, per delivery of a journal or page); failures carry every message of the fixture.
   */
  JUNIT_XML("junit-xml", "TEST-webconnex.xml") {
    @Override
    void write(FixtureRun run, Context context, OutputStream out) throws IOException {
      try {
        XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
        xml.writeStartDocument("UTF-8", "1.0");
        xml.writeCharacters("\n");
        xml.writeStartElement("testsuite");
        xml.writeAttribute("name", "webconnex");
        xml.writeAttribute("tests", Integer.toString(run.results().size()));
        xml.writeAttribute("failures", Long.toString(run.invalid()));
        xml.writeAttribute("errors", "0");
        xml.writeAttribute("skipped", "0");
        xml.writeAttribute("time", seconds(context.elapsedMillis()));
        xml.writeCharacters("\n  ");
        xml.writeStartElement("properties");
        property(xml, "webconnex.profile", context.profile());
        property(xml, "webconnex.pluginVersion", context.toolVersion());
        xml.writeEndElement();
        for (FixtureResult r : run.results()) {
          xml.writeCharacters("\n  ");
          xml.writeStartElement("testcase");
          xml.writeAttribute("name", clean(r.name()));
          xml.writeAttribute("classname", "webconnex." + r.shape().name().toLowerCase(Locale.ROOT));
          xml.writeAttribute("file", clean(r.path()));
          xml.writeAttribute("line", Integer.toString(r.line()));
          xml.writeAttribute("time", "0");
          List<String> lines = new ArrayList<>();
          r.report().problems().forEach(p -> lines.add(p.severity().label() + ": " + CompilerStyle.line(r, p)));
          r.notes().forEach(n -> lines.add("note: " + CompilerStyle.line(r, n)));
          if (!r.isValid()) {
            Problem first = r.report().errors().get(0);
            xml.writeStartElement("failure");
            int errors = r.report().errors().size();
            xml.writeAttribute("message", clean(errors + (errors == 1 ? " error: " : " errors, the first: ")
                + CompilerStyle.line(r, first)));
            xml.writeAttribute("type", first.key());
            xml.writeCharacters(clean(String.join("\n", lines)));
            xml.writeEndElement();
          } else if (!lines.isEmpty()) {
            xml.writeStartElement("system-out");
            xml.writeCharacters(clean(String.join("\n", lines)));
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
    }

    private void property(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
      xml.writeEmptyElement("property");
      xml.writeAttribute("name", name);
      xml.writeAttribute("value", clean(value));
    }
  },

  /**
   * {@code webconnex.sarif}: SARIF 2.1.0, for code-scanning views. One result per problem, with
   * the problem key as rule id; notes (a signature that could not be checked) are of level note.
   */
  SARIF("sarif", "webconnex.sarif") {
    @Override
    void write(FixtureRun run, Context context, OutputStream out) throws IOException {
      ObjectNode root = MAPPER.createObjectNode();
      root.put("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
      root.put("version", "2.1.0");
      ObjectNode sarifRun = root.putArray("runs").addObject();
      ObjectNode driver = sarifRun.putObject("tool").putObject("driver");
      driver.put("name", "webconnex-maven-plugin");
      driver.put("version", context.toolVersion());
      ArrayNode rules = driver.putArray("rules");
      Map<String, Integer> ruleIndex = new LinkedHashMap<>();
      sarifRun.putObject("originalUriBaseIds").putObject(SRCROOT)
          .put("uri", context.baseDirectory().toUri().toString());
      ArrayNode results = sarifRun.putArray("results");
      for (FixtureResult r : run.results()) {
        for (Problem p : r.report().problems()) {
          result(results, rules, ruleIndex, r, p.key(), p.severity() == Severity.ERROR ? "error" : "warning",
              p.header().orElse(p.pointer()), p.message(), p.line(), p.column());
        }
        for (FixtureNote n : r.notes()) {
          result(results, rules, ruleIndex, r, n.key(), "note", n.where(), n.message(), n.line(), n.column());
        }
      }
      MAPPER.writeValue(out, root);
    }

    private void result(ArrayNode results, ArrayNode rules, Map<String, Integer> ruleIndex, FixtureResult r, String key,
        String level, String where, String message, int line, int column) {
      Integer index = ruleIndex.get(key);
      if (index == null) {
        index = ruleIndex.size();
        ruleIndex.put(key, index);
        ObjectNode rule = rules.addObject();
        rule.put("id", key);
        rule.putObject("shortDescription").put("text", key);
      }
      ObjectNode result = results.addObject();
      result.put("ruleId", key);
      result.put("ruleIndex", index);
      result.put("level", level);
      result.putObject("message").put("text", where == null || where.isEmpty() ? message : where + ": " + message);
      ObjectNode physical = result.putArray("locations").addObject().putObject("physicalLocation");
      ObjectNode artifact = physical.putObject("artifactLocation");
      if (r.path().startsWith("/")) {
        artifact.put("uri", r.file().toUri().toString());
      } else {
        artifact.put("uri", relativeUri(r.path()));
        artifact.put("uriBaseId", SRCROOT);
      }
      if (line > 0) {
        ObjectNode region = physical.putObject("region");
        region.put("startLine", line);
        if (column > 0) {
          region.put("startColumn", column);
        }
      }
      if (r.record() != null) {
        result.putObject("properties").put("record", r.record());
      }
    }
  },

  /**
   * {@code webconnex.json}: the CLI's {@code --format json} document, {@code {"results":[{"path",
   * "eventType","valid","problems":[{"severity","pointer","line","column","message","keyword","key"}]}]}},
   * with each result also naming its record, shape, signature status and notes.
   */
  JSON("json", "webconnex.json") {
    @Override
    void write(FixtureRun run, Context context, OutputStream out) throws IOException {
      ObjectNode root = MAPPER.createObjectNode();
      ArrayNode array = root.putArray("results");
      for (FixtureResult r : run.results()) {
        ObjectNode result = array.addObject();
        result.put("path", r.path());
        result.put("eventType", r.report().eventType().orElse(null));
        result.put("valid", r.isValid());
        ReportJson.problems(r.report(), result.putArray("problems"));
        result.put("record", r.record());
        result.put("line", r.line());
        result.put("shape", r.shape().label());
        result.put("signature", r.report().signature().label());
        ArrayNode notes = result.putArray("notes");
        for (FixtureNote n : r.notes()) {
          ObjectNode note = notes.addObject();
          note.put("pointer", n.where());
          note.put("line", n.line());
          note.put("column", n.column());
          note.put("message", n.message());
          note.put("key", n.key());
        }
      }
      MAPPER.writeValue(out, root);
    }
  };

  /** What reports say besides the results. */
  record Context(Path baseDirectory, String profile, String toolVersion, long elapsedMillis) {}

  private static final String SRCROOT = "%SRCROOT%";
  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

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

  abstract void write(FixtureRun run, Context context, OutputStream out) throws IOException;

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
        throw new IllegalArgumentException("unknown report format '" + name.trim()
            + "': expected a comma-separated list of junit-xml, sarif and json, or none");
      }
      if (!formats.contains(format)) {
        formats.add(format);
      }
    }
    return formats;
  }

  static String relativeUri(String path) {
    try {
      return new URI(null, null, path, null).toASCIIString();
    } catch (URISyntaxException e) {
      return path;
    }
  }

  private static String seconds(long millis) {
    return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
  }

  /** Without the characters XML 1.0 cannot carry (control characters from a hostile fixture). */
  static String clean(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder b = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean ok = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF)
          || Character.isSurrogate(c) || (c >= 0xE000 && c <= 0xFFFD);
      if (!ok && b == null) {
        b = new StringBuilder(s.substring(0, i));
      }
      if (b != null) {
        b.append(ok ? c : '\uFFFD');
      }
    }
    return b == null ? s : b.toString();
  }
}
