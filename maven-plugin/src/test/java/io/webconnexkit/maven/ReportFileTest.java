package io.webconnexkit.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.webconnexkit.validator.SigningSecret;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
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
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    format.write(run, context, out);
    return out.toByteArray();
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
        .isEqualTo("error: jsonl/archive.jsonl:2:1626: /data/total: expected number but found string \"100\"");
    Element logRecord = (Element) cases.item(names.indexOf("logs/delivery.json"));
    assertThat(logRecord.getElementsByTagName("failure").getLength()).isZero();
    assertThat(logRecord.getElementsByTagName("system-out").item(0).getTextContent())
        .startsWith("note: logs/delivery.json:25:9: X-Webconnex-Signature: not checked");
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
  void jsonHasTheCliShapeWithRecordsShapesAndSignatures() throws Exception {
    JsonNode json = MAPPER.readTree(write(ReportFile.JSON));

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
  void parsesTheFormatList() {
    assertThat(ReportFile.parse("junit-xml,sarif,json"))
        .containsExactly(ReportFile.JUNIT_XML, ReportFile.SARIF, ReportFile.JSON);
    assertThat(ReportFile.parse(" JSON , json ")).containsExactly(ReportFile.JSON);
    assertThat(ReportFile.parse("none")).isEmpty();
    assertThatThrownBy(() -> ReportFile.parse("xml")).hasMessageContaining("unknown report format 'xml'");
  }

  @Test
  void keepsCharactersXmlCannotCarryOutOfJunitXml() {
    assertThat(ReportFile.clean("a\u0000b\u001bc\td")).isEqualTo("a\uFFFDb\uFFFDc\td");
    assertThat(ReportFile.relativeUri("my fixtures/a b.json")).isEqualTo("my%20fixtures/a%20b.json");
  }
}
