package io.webconnexkit.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialects;
import io.webconnexkit.validator.ProblemKey;
import io.webconnexkit.validator.ProblemLevels;
import io.webconnexkit.validator.ReportJson;
import io.webconnexkit.validator.Severity;
import io.webconnexkit.validator.SigningSecret;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The three report files, read back as the tools that consume them would read them. */
class ReportFileTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static FixtureRun run;
  private static ReportFile.Context context;

  @BeforeAll
  static void validateEveryFixture() {
    run = new FixtureEngine(FixtureRequest.builder(Fixtures.dir()).fixture(Path.of("."))
        .secret(SigningSecret.of(Fixtures.SECRET)).build()).run();
    context = new ReportFile.Context(Fixtures.dir(), "lenient", "1.2.3", 42);
  }

  private static byte[] write(ReportFile format) throws IOException {
    return format.render(run, context);
  }

  @Test
  void junitXmlHasOneTestCasePerFixtureAndFailuresWithEveryMessage() throws Exception {
    Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(write(ReportFile.JUNIT_XML)));

    Element suite = xml.getDocumentElement();
    assertThat(suite.getTagName()).isEqualTo("testsuite");
    assertThat(suite.getAttribute("tests")).isEqualTo("16");
    assertThat(suite.getAttribute("failures")).isEqualTo("9");
    assertThat(suite.getAttribute("time")).isEqualTo("0.042");
    NodeList cases = suite.getElementsByTagName("testcase");
    List<String> names = new ArrayList<>();
    for (int i = 0; i < cases.getLength(); i++) {
      names.add(((Element) cases.item(i)).getAttribute("name"));
    }
    assertThat(names).contains("jsonl/archive.jsonl [line 1]", "jsonl/archive.jsonl [line 2]",
        "jsonl/archive.jsonl [line 3]", "wiremock/journal.json [requests[0]]", "payload/registration.json");
    Element line2 = (Element) cases.item(names.indexOf("jsonl/archive.jsonl [line 2]"));
    Element failure = (Element) line2.getElementsByTagName("failure").item(0);
    assertThat(failure.getAttribute("type")).isEqualTo("schema.type");
    assertThat(failure.getAttribute("message")).isEqualTo(
        "1 error: jsonl/archive.jsonl:2:1626: /data/total: expected number but found string \"100\"");
    assertThat(failure.getTextContent())
        .isEqualTo("jsonl/archive.jsonl:2:1626: error: /data/total: expected number but found string \"100\"");
    Element logRecord = (Element) cases.item(names.indexOf("logs/delivery.json"));
    assertThat(logRecord.getElementsByTagName("failure").getLength()).isZero();
    assertThat(logRecord.getElementsByTagName("system-out").item(0).getTextContent())
        .startsWith("logs/delivery.json:25:9: info: X-Webconnex-Signature: not checked");
  }

  @Test
  void sarifHasAResultPerProblemWithRuleLevelAndRegion() throws Exception {
    JsonNode sarif = MAPPER.readTree(write(ReportFile.SARIF));

    assertThat(sarif.get("version").asText()).isEqualTo("2.1.0");
    assertThat(sarif.get("$schema").asText()).isEqualTo("https://json.schemastore.org/sarif-2.1.0.json");
    JsonNode sarifRun = sarif.get("runs").get(0);
    assertThat(sarifRun.at("/tool/driver/name").asText()).isEqualTo("webconnex-maven-plugin");
    assertThat(sarifRun.at("/tool/driver/version").asText()).isEqualTo("1.2.3");
    assertThat(sarifRun.at("/originalUriBaseIds/%SRCROOT%/uri").asText()).isEqualTo(Fixtures.dir().toUri().toString());
    JsonNode total = null;
    List<String> levels = new ArrayList<>();
    for (JsonNode result : sarifRun.get("results")) {
      levels.add(result.get("level").asText());
      String rule = result.get("ruleId").asText();
      assertThat(sarifRun.at("/tool/driver/rules/" + result.get("ruleIndex").asInt() + "/id").asText()).isEqualTo(rule);
      if (result.at("/locations/0/physicalLocation/artifactLocation/uri").asText().equals("jsonl/archive.jsonl")) {
        total = result;
      }
    }
    assertThat(levels).contains("error", "note").doesNotContain("warning");
    assertThat(total).isNotNull();
    assertThat(total.get("ruleId").asText()).isEqualTo("schema.type");
    assertThat(total.at("/message/text").asText()).isEqualTo("/data/total: expected number but found string \"100\"");
    assertThat(total.at("/locations/0/physicalLocation/artifactLocation/uriBaseId").asText()).isEqualTo("%SRCROOT%");
    assertThat(total.at("/locations/0/physicalLocation/region/startLine").asInt()).isEqualTo(2);
    assertThat(total.at("/locations/0/physicalLocation/region/startColumn").asInt()).isEqualTo(1626);
    assertThat(total.at("/properties/record").asText()).isEqualTo("line 2");
  }

  @Test
  void sarifRulesCarryWordsNotBareKeys() throws Exception {
    JsonNode rules = MAPPER.readTree(write(ReportFile.SARIF)).at("/runs/0/tool/driver/rules");

    assertThat(rules).isNotEmpty();
    for (JsonNode rule : rules) {
      ProblemKey key = ProblemKey.find(rule.get("id").asText()).orElseThrow();
      assertThat(rule.at("/shortDescription/text").asText()).isEqualTo(key.meaning());
      assertThat(rule.at("/fullDescription/text").asText()).startsWith(key.meaning())
          .contains("Default level: " + key.lenient().label() + " (lenient profile)")
          .endsWith("Example: " + key.example());
      assertThat(rule.at("/help/markdown").asText()).contains(key.meaning());
      assertThat(rule.get("helpUri").asText()).isEqualTo(ReportFile.SITE + "/docs/problem-keys.md#every-key");
    }
  }

  /** The help link is the project's declared url, and the page and heading it names are in this repository. */
  @Test
  void sarifHelpLinksToTheProblemKeysTableOfTheSiteThePomDeclares() throws Exception {
    Path root = Path.of("..").toAbsolutePath().normalize();
    String pom = Files.readString(root.resolve("pom.xml"));
    java.util.regex.Matcher url = java.util.regex.Pattern.compile("\n  <url>([^<]+)</url>").matcher(pom);
    assertThat(url.find()).as("the root POM's <url>").isTrue();
    assertThat(ReportFile.SITE).isEqualTo(url.group(1));
    JsonNode sarif = MAPPER.readTree(write(ReportFile.SARIF));
    assertThat(sarif.at("/runs/0/tool/driver/informationUri").asText()).isEqualTo(url.group(1));

    URI help = URI.create(sarif.at("/runs/0/tool/driver/rules/0/helpUri").asText());
    Path page = root.resolve(help.getPath().substring(1));
    assertThat(page).exists();
    // The fragment is the anchor a Markdown renderer gives a heading: lower case, spaces as hyphens.
    assertThat(Files.readAllLines(page)).filteredOn(l -> l.startsWith("#"))
        .extracting(l -> l.replaceFirst("^#+\\s*", "").toLowerCase(java.util.Locale.ROOT).replace(' ', '-'))
        .contains(help.getFragment());
  }

  @Test
  void sarifIsValidAgainstTheSarif210Schema() throws Exception {
    String sarif = new String(write(ReportFile.SARIF), StandardCharsets.UTF_8);

    assertThat(sarifSchemaErrors(sarif)).isEmpty();
  }

  @Test
  void theSarifSchemaCheckFindsABrokenReport() throws Exception {
    ObjectNode sarif = (ObjectNode) MAPPER.readTree(write(ReportFile.SARIF));
    ((ObjectNode) sarif.at("/runs/0/results/0")).put("level", "fatal");
    ((ObjectNode) sarif.at("/runs/0/tool/driver/rules/0")).put("helpUri", "not a uri");

    assertThat(sarifSchemaErrors(MAPPER.writeValueAsString(sarif))).hasSizeGreaterThanOrEqualTo(2);
  }

  /** The errors networknt finds in a SARIF log against the SARIF 2.1.0 schema (src/test/resources/sarif/). */
  static List<String> sarifSchemaErrors(String sarif) throws IOException {
    String schemaText;
    try (InputStream in = ReportFileTest.class.getResourceAsStream("/sarif/sarif-2.1.0-rtm.5.json")) {
      schemaText = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    SchemaRegistry registry = SchemaRegistry.withDefaultDialect(Dialects.getDraft4(),
        b -> b.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
    Schema schema = registry.getSchema(schemaText, InputFormat.JSON);
    return schema.validate(sarif, InputFormat.JSON).stream().map(e -> e.getInstanceLocation() + ": " + e.getMessage())
        .toList();
  }

  @Test
  void jsonIsCoresResultsDocumentWithInfoProblemsAmongTheProblems() throws Exception {
    JsonNode json = MAPPER.readTree(write(ReportFile.JSON));

    assertThat(json).isEqualTo(MAPPER.readTree(ReportJson.document(run.results(), false)));
    assertThat(json.findValues("notes")).isEmpty();
    JsonNode logRecord = null;
    for (JsonNode r : json.get("results")) {
      if (r.get("path").asText().equals("logs/delivery.json")) {
        logRecord = r;
      }
    }
    assertThat(logRecord).isNotNull();
    assertThat(logRecord.get("valid").asBoolean()).isTrue();
    assertThat(logRecord.at("/problems/0/severity").asText()).isEqualTo("info");
    assertThat(logRecord.at("/problems/0/key").asText()).isEqualTo("delivery.signature.notChecked");
    assertThat(logRecord.at("/problems/0/pointer").asText()).isEqualTo("X-Webconnex-Signature");
    assertThat(logRecord.at("/problems/0/line").asInt()).isEqualTo(25);

    JsonNode results = json.get("results");
    assertThat(results).hasSize(16);
    JsonNode bad = null;
    for (JsonNode r : results) {
      if (r.get("path").asText().equals("payload/registration-total-string.json")) {
        bad = r;
      }
    }
    assertThat(bad).isNotNull();
    assertThat(bad.get("eventType").asText()).isEqualTo("registration");
    assertThat(bad.get("valid").asBoolean()).isFalse();
    assertThat(bad.get("shape").asText()).isEqualTo("payload");
    JsonNode problem = bad.at("/problems/0");
    assertThat(MAPPER.convertValue(problem, java.util.Map.class)).containsOnlyKeys(
        "severity", "pointer", "line", "column", "message", "keyword", "key");
    assertThat(problem.get("severity").asText()).isEqualTo("error");
    assertThat(problem.get("pointer").asText()).isEqualTo("/data/total");
    assertThat(problem.get("line").asInt()).isEqualTo(123);
    assertThat(problem.get("column").asInt()).isEqualTo(14);
    assertThat(problem.get("keyword").asText()).isEqualTo("type");
    assertThat(problem.get("key").asText()).isEqualTo("schema.type");
    assertThat(results.findValuesAsText("signature")).contains("verified", "not-checked", "not-applicable");
  }

  @Test
  void junitXmlFailsOnErrorsOnlyAndSarifGivesEachSeverityItsLevel() throws Exception {
    FixtureRun warned = new FixtureEngine(FixtureRequest.builder(Fixtures.dir())
        .fixture(Path.of("payload/registration-total-string.json")).fixture(Path.of("logs/delivery.json"))
        .levels(ProblemLevels.parse("schema.type=warning")).build()).run();

    Element suite = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(ReportFile.JUNIT_XML.render(warned, context))).getDocumentElement();
    assertThat(suite.getAttribute("failures")).isEqualTo("0");
    assertThat(suite.getElementsByTagName("failure").getLength()).isZero();
    NodeList out = suite.getElementsByTagName("system-out");
    assertThat(out.getLength()).isEqualTo(2);
    assertThat(out.item(0).getTextContent()).isEqualTo("payload/registration-total-string.json:123:14: warning: "
        + "/data/total: expected number but found string \"100\"");
    assertThat(out.item(1).getTextContent()).startsWith("logs/delivery.json:25:9: info: X-Webconnex-Signature:");

    JsonNode results = MAPPER.readTree(ReportFile.SARIF.render(warned, context)).at("/runs/0/results");
    assertThat(results.findValuesAsText("level")).containsExactly("warning", "note");
    assertThat(results.findValuesAsText("ruleId")).containsExactly("schema.type", "delivery.signature.notChecked");
    assertThat(ReportFile.level(Severity.ERROR)).isEqualTo("error");
  }

  @Test
  void writesALoneSurrogateAsTheJsonEscapeItCameFromSoTheValueSurvives() throws Exception {
    String text = MAPPER.writeValueAsString(java.util.Map.of("pointer", "/data/\ud800x\udc00\ud83d\ude00"));

    byte[] bytes = ReportFile.json(text);

    assertThat(new String(bytes, java.nio.charset.StandardCharsets.UTF_8)).doesNotContain("?").contains("\\ud800");
    assertThat(MAPPER.readTree(bytes).get("pointer").asText()).isEqualTo("/data/\ud800x\udc00\ud83d\ude00");
  }

  @Test
  void parsesTheFormatList() {
    assertThat(ReportFile.parse("junit-xml,sarif,json"))
        .containsExactly(ReportFile.JUNIT_XML, ReportFile.SARIF, ReportFile.JSON);
    assertThat(ReportFile.parse(" JSON , json ")).containsExactly(ReportFile.JSON);
    assertThat(ReportFile.parse("none")).isEmpty();
    assertThatThrownBy(() -> ReportFile.parse("xml")).hasMessageContaining("unknown report format 'xml'");
  }

  @Test
  void keepsCharactersXmlCannotCarryOutOfJunitXml() {
    assertThat(ReportFile.xmlText("a\u0000b\u001bc\td\n\uFFFE\ud800\ud83d\ude00"))
        .isEqualTo("a\\u0000b\\u001bc\td\n\\ufffe\\ud800\ud83d\ude00");
    assertThat(ReportFile.relativeUri("a:b.json")).isEqualTo("./a:b.json");
    assertThat(ReportFile.relativeUri("my fixtures/a b.json")).isEqualTo("my%20fixtures/a%20b.json");
  }
}
