package io.webconnexkit.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.webconnexkit.validator.ReportJson;
import io.webconnexkit.validator.ReportLine;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Fixtures whose file names and keys hold what could forge a report line or break a report file:
 * line breaks, terminal escapes, NUL and other control characters, C1 controls, line separators,
 * bidirectional overrides, lone surrogates, {@code ]]>} and characters XML cannot carry. The
 * console stays one line per problem with every such character escaped; the JUnit XML, SARIF and
 * JSON files stay well-formed UTF-8 and, where JSON can, keep the exact value.
 */
class HostileInputTest {

  /** File names Linux allows that no report may print raw. */
  private static final List<String> NAMES = List.of("line\nforged.json", "esc\u001b[31mred.json", "sep\u2028x.json",
      "cdata]]>.json", "markup<&\"'>.json", "c1\u0085\u009b.json", "del\u007f.json", "bidi\u202egnp.json",
      "tab\tname.json", "cr\rname.json", "nonchar\ufffe.json", "colon:first.json");

  private static final ObjectMapper MAPPER = new ObjectMapper();

  @TempDir Path project;
  private RecordingLog log;
  private Path reports;

  @BeforeEach
  void projectWithHostileFixtures() throws IOException, URISyntaxException {
    assumeTrue(File.separatorChar == '/' && "UTF-8".equalsIgnoreCase(System.getProperty("sun.jnu.encoding")),
        "file names with control characters need a POSIX file system and UTF-8 file names");
    Path fixtures = Files.createDirectories(project.resolve("src/test/resources/webconnex/names"));
    byte[] invalid = Files.readAllBytes(Fixtures.dir().resolve("payload/registration-total-string.json"));
    for (String name : NAMES) {
      Files.write(fixtures.resolve(name), invalid);
    }
    for (String name : List.of("keys.json", "surrogate-key.json")) {
      Files.copy(Path.of(getClass().getResource("hostile/" + name).toURI()),
          project.resolve("src/test/resources/webconnex/" + name));
    }

    ValidateMojo mojo = new ValidateMojo();
    MavenProject p = new MavenProject();
    p.setFile(project.resolve("pom.xml").toFile());
    mojo.project = p;
    mojo.fixtures = new File[] {project.resolve("src/test/resources/webconnex").toFile()};
    mojo.includes = "**/*.json";
    mojo.profile = "strict";
    mojo.failOnError = true;
    reports = project.resolve("target/webconnex-reports");
    mojo.reportsDirectory = reports.toFile();
    mojo.reportFormats = "junit-xml,sarif,json";
    mojo.environment = name -> null;
    log = new RecordingLog(false);
    mojo.setLog(log);
    assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class)
        .hasMessageStartingWith((NAMES.size() + 2) + " fixtures do not conform");
  }

  @Test
  void printsEveryProblemOnOneLineWithEveryHostileCharacterEscaped() {
    for (String line : log.lines) {
      assertThat(ReportLine.escape(line)).as("a console line with nothing to escape").isEqualTo(line);
      assertThat(line).matches("\\[(ERROR|WARNING|INFO)] .*");
    }
    assertThat(log.lines).noneMatch(l -> l.contains("] other.json") || l.startsWith("other.json"));
    assertThat(log.lines).contains(
        "[ERROR] src/test/resources/webconnex/names/line\\nforged.json:123:14: /data/total: expected number but "
            + "found string \"100\"",
        "[ERROR] src/test/resources/webconnex/names/esc\\u001b[31mred.json:123:14: /data/total: expected number but "
            + "found string \"100\"",
        "[ERROR] src/test/resources/webconnex/names/sep\\u2028x.json:123:14: /data/total: expected number but "
            + "found string \"100\"");
    String keyLines = String.join("\n", log.lines.stream().filter(l -> l.contains("/keys.json:")).toList());
    assertThat(keyLines).contains("/data/a\\nother.json:9:9: error: forged", "/data/\\u001b[2J\\u001b[31mred",
        "/data/nul\\u0000key", "/data/line\\u2028separator", "found string \"\\udc00lone\\ud800\"",
        "/data/bidi\\u202eoverride", "/data/cr\\rtab\\tdel\\u007f", "/data/c1\\u0085\\u009bcsi");
    assertThat(log.lines).anyMatch(l -> l.startsWith("[ERROR] src/test/resources/webconnex/surrogate-key.json:1:"));
  }

  @Test
  void keepsTheJunitXmlWellFormedAndItsTextEscaped() throws Exception {
    Element suite = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(Files.readAllBytes(reports.resolve("TEST-webconnex.xml")))).getDocumentElement();

    NodeList cases = suite.getElementsByTagName("testcase");
    assertThat(cases.getLength()).isEqualTo(NAMES.size() + 2);
    List<String> names = new ArrayList<>();
    String keyFailure = null;
    for (int i = 0; i < cases.getLength(); i++) {
      Element testcase = (Element) cases.item(i);
      names.add(testcase.getAttribute("name"));
      assertThat(testcase.getElementsByTagName("failure").getLength()).isEqualTo(1);
      if (testcase.getAttribute("name").endsWith("keys.json")) {
        keyFailure = testcase.getElementsByTagName("failure").item(0).getTextContent();
      }
    }
    assertThat(names).contains("src/test/resources/webconnex/names/line\\nforged.json",
        "src/test/resources/webconnex/names/cdata]]>.json", "src/test/resources/webconnex/names/markup<&\"'>.json",
        "src/test/resources/webconnex/names/nonchar\\ufffe.json", "src/test/resources/webconnex/names/cr\\rname.json");
    assertThat(keyFailure).isNotNull().contains("/data/nul\\u0000key", "property \"]]></failure><injected/>\"",
        "/data/nonchar\\ufffe\\uffff", "found string \"\\udc00lone\\ud800\"");
    for (String line : keyFailure.split("\n")) {
      assertThat(ReportLine.escape(line)).isEqualTo(line);
    }
    assertThat(suite.getElementsByTagName("injected").getLength()).isZero();
  }

  @Test
  void keepsTheSarifWellFormedUtf8WithUrisEncodedAndMessagesEscaped() throws Exception {
    byte[] bytes = Files.readAllBytes(reports.resolve("webconnex.sarif"));
    strictUtf8(bytes);
    JsonNode results = MAPPER.readTree(bytes).at("/runs/0/results");

    List<String> uris = results.findValuesAsText("uri");
    assertThat(uris).contains("src/test/resources/webconnex/names/line%0Aforged.json",
        "src/test/resources/webconnex/names/esc%1B%5B31mred.json", "src/test/resources/webconnex/names/sep%E2%80%A8x.json");
    assertThat(uris).allSatisfy(uri -> assertThat(uri).matches("[\\x21-\\x7e]+"));
    for (JsonNode result : results) {
      String text = result.at("/message/text").asText();
      assertThat(ReportLine.escape(text)).isEqualTo(text);
    }
  }

  @Test
  void keepsTheJsonWellFormedUtf8AndEveryValueExact() throws Exception {
    byte[] bytes = Files.readAllBytes(reports.resolve("webconnex.json"));
    strictUtf8(bytes);
    JsonNode json = MAPPER.readTree(bytes);

    // Core's document, value for value: a lone surrogate is kept as the JSON escape it came from.
    FixtureRun run = new FixtureEngine(FixtureRequest.builder(project).fixture(Path.of("src/test/resources/webconnex"))
        .include("**/*.json").profile(io.webconnexkit.validator.Profile.STRICT).build()).run();
    assertThat(json).isEqualTo(MAPPER.readTree(ReportJson.document(run.results(), false)));
    List<String> pointers = json.findValuesAsText("pointer");
    assertThat(pointers).contains("/data/a\nother.json:9:9: error: forged", "/data/nul\u0000key",
        "/data/line\u2028separator", "/data/nonchar\ufffe\uffff");
    assertThat(json.findValuesAsText("path")).contains("src/test/resources/webconnex/names/line\nforged.json");
  }

  private static void strictUtf8(byte[] bytes) throws CharacterCodingException {
    StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
  }
}
