package io.webconnexkit.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The goal as Maven runs it, with the parameters' default values, in a project folder: what it
 * prints, what it writes, and how it ends (failure for bad fixtures, error for broken setup).
 */
class ValidateMojoTest {

  @TempDir Path project;
  private RecordingLog log;
  private ValidateMojo mojo;

  @BeforeEach
  void projectWithFixtures() {
    Fixtures.copyTo(project.resolve("src/test/resources/webconnex"));
    mojo = mojo(project, false);
  }

  private ValidateMojo mojo(Path basedir, boolean debug) {
    ValidateMojo m = new ValidateMojo();
    MavenProject p = new MavenProject();
    p.setFile(basedir.resolve("pom.xml").toFile());
    m.project = p;
    m.fixtures = new File[] {basedir.resolve("src/test/resources/webconnex").toFile()};
    m.includes = "**/*.json,**/*.jsonl";
    m.profile = "lenient";
    m.failOnError = true;
    m.reportsDirectory = basedir.resolve("target/webconnex-reports").toFile();
    m.reportFormats = "junit-xml,sarif,json";
    m.environment = name -> null;
    log = new RecordingLog(debug);
    m.setLog(log);
    return m;
  }

  private void onlyPayloads() {
    mojo.includes = "payload/registration*.json";
  }

  @Test
  void failsTheBuildWithCompilerStyleLinesWhenAFixtureDoesNotConform() {
    onlyPayloads();

    assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class)
        .hasMessage("1 fixture does not conform to the Webconnex contract: see the [ERROR] lines above and the "
            + "reports in target/webconnex-reports");
    assertThat(log.lines).containsExactly(
        "[ERROR] src/test/resources/webconnex/payload/registration-total-string.json:123:14: /data/total: "
            + "expected number but found string \"100\"",
        "[INFO] Validated 2 fixtures, 0 signatures checked: 1 invalid, 0 warnings");
  }

  @Test
  void reportsEveryFixtureOfEveryShapeAndCountsRecords() {
    mojo.environment = Map.of("WEBCONNEX_SECRET", Fixtures.SECRET)::get;
    mojo.secretEnv = "WEBCONNEX_SECRET";

    assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class)
        .hasMessageStartingWith("9 fixtures do not conform to the Webconnex contract");
    assertThat(log.lines).contains(
        "[INFO] src/test/resources/webconnex/logs/delivery.json:25:9: X-Webconnex-Signature: not checked: the "
            + "webhook logs API returns the body parsed, not the bytes Webconnex signed, so this record cannot prove the "
            + "signature (record the raw request, for example with WireMock, to check it)",
        "[ERROR] src/test/resources/webconnex/jsonl/archive.jsonl:2:1626: /data/total: expected number but found "
            + "string \"100\"",
        "[INFO] Validated 16 fixtures in 12 files, 3 signatures checked: 9 invalid, 0 warnings");
  }

  @Test
  void passesWhenFailOnErrorIsOff() throws Exception {
    onlyPayloads();
    mojo.failOnError = false;

    mojo.execute();

    assertThat(log.text()).contains("[ERROR] src/test/resources/webconnex/payload/registration-total-string.json:123:14:");
  }

  @Test
  void logsWarningsAtWarnAndFailsOnThemOnlyWhenAsked() throws Exception {
    copyWarningFixture();
    mojo.includes = "warning/*.json";

    mojo.execute();
    assertThat(log.lines).first().asString()
        .startsWith("[WARNING] src/test/resources/webconnex/warning/ping.json:2:16: /eventType: unknown event type \"ping\"");

    mojo.failOnWarning = true;
    assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class)
        .hasMessage("1 fixture has warnings and webconnex.failOnWarning is true: see the [WARNING] lines above");
  }

  @Test
  void strictProfileTurnsAnUnknownEventIntoAnError() {
    copyWarningFixture();
    mojo.includes = "warning/*.json";
    mojo.profile = "STRICT";

    assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class);
    assertThat(log.text()).contains("[ERROR] src/test/resources/webconnex/warning/ping.json:2:16: /eventType: unknown");
  }

  @Test
  void skipDoesNothingElse() throws Exception {
    mojo.skip = true;
    mojo.secretFile = "no-such-secret";
    mojo.profile = "nonsense";

    mojo.execute();

    assertThat(log.lines).containsExactly("[INFO] Skipping Webconnex fixture validation (webconnex.skip)");
    assertThat(project.resolve("target")).doesNotExist();
  }

  @Test
  void writesTheThreeReportFilesByDefault() {
    onlyPayloads();

    assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class);

    assertThat(project.resolve("target/webconnex-reports/TEST-webconnex.xml")).isRegularFile();
    assertThat(project.resolve("target/webconnex-reports/webconnex.sarif")).isRegularFile();
    assertThat(project.resolve("target/webconnex-reports/webconnex.json")).isRegularFile();
  }

  @Test
  void writesOnlyTheFormatsAsked() throws Exception {
    onlyPayloads();
    mojo.failOnError = false;
    mojo.reportFormats = " sarif ";

    mojo.execute();

    try (Stream<Path> files = Files.list(project.resolve("target/webconnex-reports"))) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("webconnex.sarif", ".webconnex-reports");
    }
  }

  @Test
  void anUnknownReportFormatIsAConfigurationError() {
    mojo.reportFormats = "junit-xml,html";

    assertThatThrownBy(mojo::execute).isInstanceOf(MojoExecutionException.class)
        .hasMessage("webconnex.reportFormats: unknown report format 'html': expected a comma-separated list of "
            + "junit-xml, sarif and json, or none");
  }

  @Test
  void anUnknownProfileIsAConfigurationError() {
    mojo.profile = "relaxed";

    assertThatThrownBy(mojo::execute).isInstanceOf(MojoExecutionException.class)
        .hasMessage("webconnex.profile must be lenient or strict but was 'relaxed'");
  }

  @Test
  void anUnwritableReportsDirectoryIsAnExecutionError() throws IOException {
    Path file = Files.writeString(project.resolve("occupied"), "a file, not a folder");
    mojo.reportsDirectory = file.resolve("reports").toFile();

    assertThatThrownBy(mojo::execute).isInstanceOf(MojoExecutionException.class)
        .hasMessageStartingWith("Cannot create the reports directory occupied/reports: ");
  }

  @Test
  void aMissingSecretFileIsAnExecutionErrorThatDoesNotRepeatThePath() {
    mojo.secretFile = "secrets/webhook.txt";

    assertThatThrownBy(mojo::execute).isInstanceOf(MojoExecutionException.class)
        .hasMessage("webconnex.secretFile: the secret file does not exist (the path given is not repeated here, in "
            + "case it is the secret itself)");
  }

  @Test
  void aSecretFileThatIsAFolderIsAnExecutionError() {
    mojo.secretFile = project.resolve("src").toString();

    assertThatThrownBy(mojo::execute).isInstanceOf(MojoExecutionException.class)
        .hasMessage("webconnex.secretFile: secret file " + project.resolve("src") + " is not a regular file");
  }

  @Test
  void anUnsetSecretVariableIsAnExecutionErrorThatNamesIt() {
    mojo.secretEnv = "WEBCONNEX_SECRET";

    assertThatThrownBy(mojo::execute).isInstanceOf(MojoExecutionException.class)
        .hasMessage("webconnex.secretEnv: environment variable WEBCONNEX_SECRET is not set or is empty");
  }

  @Test
  void saysWhichOfSeveralSecretsIsMissing() {
    mojo.environment = Map.of("WEBCONNEX_SECRET", Fixtures.SECRET)::get;
    mojo.secretEnv = "WEBCONNEX_SECRET, WEBCONNEX_NEXT_SECRET";

    assertThatThrownBy(mojo::execute).isInstanceOf(MojoExecutionException.class)
        .hasMessage("webconnex.secretEnv (entry 2 of 2): environment variable WEBCONNEX_NEXT_SECRET is not set or is "
            + "empty");
  }

  @Test
  void neverRepeatsASecretGivenInPlaceOfAVariableNameOrAPath() {
    mojo.secretEnv = "s3cr3t value!";
    assertThatThrownBy(mojo::execute).isInstanceOf(MojoExecutionException.class)
        .hasMessageNotContaining("s3cr3t")
        .hasMessageStartingWith("webconnex.secretEnv: expected the name of an environment variable");

    mojo.secretEnv = null;
    mojo.secretFile = "s3cr3t-value-pasted-here";
    assertThatThrownBy(mojo::execute).isInstanceOf(MojoExecutionException.class)
        .hasMessageNotContaining("s3cr3t").hasMessageStartingWith("webconnex.secretFile: ");

    mojo.secretFile = "s3cr3t\u0000value";
    assertThatThrownBy(mojo::execute).isInstanceOf(MojoExecutionException.class)
        .hasMessageNotContaining("s3cr3t").hasMessageStartingWith("webconnex.secretFile: ");
    assertThat(log.text()).doesNotContain("s3cr3t");
  }

  @Test
  void acceptsASignatureMadeWithAnyOfSeveralSecretsForARotation() throws Exception {
    Path old = Files.writeString(project.resolve("old-secret.txt"), "the-secret-before-rotation\n");
    mojo.environment = Map.of("NEXT", "the-secret-after-rotation", "CURRENT", Fixtures.SECRET)::get;
    mojo.secretEnv = "NEXT,CURRENT";
    mojo.secretFile = old.toString();
    mojo.includes = "wiremock/journal.json";

    mojo.execute();

    assertThat(log.lines).containsExactly("[INFO] Validated 2 fixtures in 1 file, 2 signatures checked: 0 invalid, 0 warnings");
  }

  @Test
  void levelsChangeWhatFailsTheBuild() throws Exception {
    onlyPayloads();
    mojo.levels = "schema.type=warning";

    mojo.execute();

    assertThat(log.lines).containsExactly(
        "[WARNING] src/test/resources/webconnex/payload/registration-total-string.json:123:14: /data/total: "
            + "expected number but found string \"100\"",
        "[INFO] Validated 2 fixtures, 0 signatures checked: 0 invalid, 1 warning");
  }

  @Test
  void levelsReachThePluginsOwnFixtureKeys() throws Exception {
    mojo.includes = "unknown/*.json";
    mojo.levels = "fixture.unrecognised=info";

    mojo.execute();

    assertThat(log.lines).contains("[INFO] src/test/resources/webconnex/unknown/array.json:1:1: not a Webconnex payload, "
        + "webhook log record, WireMock request journal or JSON Lines archive (the top level is an array)",
        "[INFO] Validated 2 fixtures, 0 signatures checked: 0 invalid, 0 warnings");
  }

  @Test
  void aBadLevelIsAConfigurationErrorNamingTheParameter() {
    mojo.levels = "schema.type=warning,delivery.userAgnet=ignore";

    assertThatThrownBy(mojo::execute).isInstanceOf(MojoExecutionException.class)
        .hasMessageStartingWith("webconnex.levels: unknown problem key \"delivery.userAgnet\"");

    mojo.levels = "event.unknown=loud";
    assertThatThrownBy(mojo::execute).isInstanceOf(MojoExecutionException.class)
        .hasMessage("webconnex.levels: level \"loud\" for \"event.unknown\" is not one of error, warning, info, ignore");
  }

  @Test
  void verifiesWithASecretFileAndNeverPrintsOrWritesTheSecret() throws Exception {
    mojo.includes = "wiremock/journal.json";
    mojo.secretFile = "src/test/resources/webconnex/secret.txt";
    mojo.reportFormats = "junit-xml,sarif,json";

    mojo.execute();

    assertThat(log.lines).containsExactly("[INFO] Validated 2 fixtures in 1 file, 2 signatures checked: 0 invalid, 0 warnings");
    assertNoSecretIn(project.resolve("target/webconnex-reports"));
  }

  @Test
  void reportsAWrongSecretAsASignatureMismatchAndStillHidesIt() throws IOException {
    Path wrong = Files.writeString(project.resolve("wrong-secret.txt"), "a-different-secret\n");
    mojo.includes = "wiremock/journal.json";
    mojo.secretFile = wrong.toString();

    assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class)
        .hasMessageStartingWith("2 fixtures do not conform");
    assertThat(log.lines).contains("[INFO] Validated 2 fixtures in 1 file, 2 signatures checked: 2 invalid, 0 warnings");
    assertThat(log.text()).contains("[ERROR] src/test/resources/webconnex/wiremock/journal.json:15:11: "
        + "X-Webconnex-Signature: does not match the body").doesNotContain("a-different-secret");
  }

  @Test
  void saysWhenRawSignaturesWentUncheckedForWantOfASecret() throws Exception {
    mojo.includes = "wiremock/journal.json";

    mojo.execute();

    assertThat(log.lines).contains("[INFO] 2 recorded requests with raw bodies had signatures left unchecked: set "
        + "webconnex.secretEnv or webconnex.secretFile to verify them");
  }

  @Test
  void isQuietAboutAMissingDefaultFolderButWarnsAboutAConfiguredOne(@TempDir Path empty) throws Exception {
    ValidateMojo bare = mojo(empty, false);
    bare.execute();
    assertThat(log.lines).containsExactly("[INFO] No Webconnex fixtures: src/test/resources/webconnex does not exist",
        "[INFO] Validated 0 fixtures, 0 signatures checked: 0 invalid, 0 warnings");

    ValidateMojo typo = mojo(empty, false);
    typo.fixtures = new File[] {empty.resolve("src/test/resources/webconnx").toFile()};
    typo.failIfNoFixtures = false;
    typo.execute();
    assertThat(log.lines).first().isEqualTo("[WARNING] Fixtures folder src/test/resources/webconnx does not exist");
  }

  @Test
  void aConfiguredFolderThatDoesNotExistFailsTheBuildNamingIt(@TempDir Path empty) {
    ValidateMojo typo = mojo(empty, false);
    typo.fixtures = new File[] {empty.resolve("src/test/resources/webconnx").toFile()};

    assertThatThrownBy(typo::execute).isInstanceOf(MojoFailureException.class)
        .hasMessage("Fixtures folder src/test/resources/webconnx does not exist: check webconnex.fixtures, or set "
            + "webconnex.failIfNoFixtures=false");
    assertThat(log.lines).first().isEqualTo("[ERROR] Fixtures folder src/test/resources/webconnx does not exist");
  }

  @Test
  void aConfiguredFolderWithNoFixtureFailsTheBuild() throws IOException {
    Files.createDirectories(project.resolve("fixtures/empty"));
    mojo.fixtures = new File[] {project.resolve("fixtures/empty").toFile()};

    assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class)
        .hasMessage("No Webconnex fixtures found in fixtures/empty (webconnex.includes: **/*.json,**/*.jsonl): check "
            + "webconnex.fixtures and webconnex.includes, or set webconnex.failIfNoFixtures=false");
  }

  @Test
  void theDefaultFolderWithNoFixtureFailsOnlyWhenAskedTo(@TempDir Path empty) {
    ValidateMojo bare = mojo(empty, false);
    bare.failIfNoFixtures = true;

    assertThatThrownBy(bare::execute).isInstanceOf(MojoFailureException.class)
        .hasMessageStartingWith("Fixtures folder src/test/resources/webconnex does not exist");
  }

  @Test
  void knownBadFixturesMatchedByExpectInvalidDoNotFailTheBuild() throws Exception {
    onlyPayloads();
    mojo.expectInvalid = "payload/*-total-string.json";

    mojo.execute();

    assertThat(log.lines).containsExactly(
        "[INFO] src/test/resources/webconnex/payload/registration-total-string.json:123:14: /data/total: "
            + "expected number but found string \"100\" (expected: webconnex.expectInvalid)",
        "[INFO] Validated 2 fixtures, 0 signatures checked: 0 invalid, 0 warnings, 1 invalid as expected "
            + "(webconnex.expectInvalid)");
    // The report files say what the console says: expected, not failed.
    Path reports = project.resolve("target/webconnex-reports");
    Element suite = junitXml(reports);
    assertThat(suite.getAttribute("failures")).isEqualTo("0");
    Element knownBad = testCase(suite, "src/test/resources/webconnex/payload/registration-total-string.json");
    assertThat(knownBad.getElementsByTagName("failure").getLength()).isZero();
    assertThat(knownBad.getElementsByTagName("system-out").item(0).getTextContent()).isEqualTo(
        "src/test/resources/webconnex/payload/registration-total-string.json:123:14: /data/total: expected number but found string \"100\" "
            + "(expected: webconnex.expectInvalid)");
    String sarifText = Files.readString(reports.resolve("webconnex.sarif"));
    assertThat(ReportFileTest.sarifSchemaErrors(sarifText)).isEmpty();
    JsonNode results = new ObjectMapper().readTree(sarifText).at("/runs/0/results");
    assertThat(results).hasSize(1);
    assertThat(results.get(0).get("ruleId").asText()).isEqualTo("schema.type");
    assertThat(results.get(0).at("/suppressions/0/kind").asText()).isEqualTo("external");
    assertThat(results.get(0).at("/suppressions/0/status").asText()).isEqualTo("accepted");
    assertThat(results.get(0).at("/suppressions/0/justification").asText())
        .isEqualTo("expected: the fixture matches webconnex.expectInvalid (payload/*-total-string.json)");
    JsonNode json = new ObjectMapper().readTree(reports.resolve("webconnex.json").toFile());
    for (JsonNode result : json.get("results")) {
      boolean knownBadOne = result.get("path").asText().endsWith("registration-total-string.json");
      assertThat(result.path("expectedInvalid").asBoolean()).as(result.get("path").asText()).isEqualTo(knownBadOne);
    }
  }

  private static Element junitXml(Path reports) throws Exception {
    return DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(reports.resolve("TEST-webconnex.xml").toFile()).getDocumentElement();
  }

  private static Element testCase(Element suite, String name) {
    NodeList cases = suite.getElementsByTagName("testcase");
    for (int i = 0; i < cases.getLength(); i++) {
      if (((Element) cases.item(i)).getAttribute("name").equals(name)) {
        return (Element) cases.item(i);
      }
    }
    throw new AssertionError("no test case " + name);
  }

  @Test
  void aKnownBadFixtureThatConformsFailsTheBuildWithThatReason() throws Exception {
    onlyPayloads();
    mojo.expectInvalid = "payload/**";

    assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class)
        .hasMessage("1 fixture matched by webconnex.expectInvalid (payload/**) conforms to the Webconnex contract: "
            + "see the [ERROR] lines above; move it out of the known-bad folder, or break it again");
    assertThat(log.lines).contains("[ERROR] src/test/resources/webconnex/payload/registration.json: conforms to the "
        + "Webconnex contract, but webconnex.expectInvalid says it must not");
    // In the report files the conforming one is the failure, the broken one is as expected.
    Path reports = project.resolve("target/webconnex-reports");
    Element suite = junitXml(reports);
    assertThat(suite.getAttribute("failures")).isEqualTo("1");
    Element failure = (Element) testCase(suite, "src/test/resources/webconnex/payload/registration.json").getElementsByTagName("failure").item(0);
    assertThat(failure.getAttribute("type")).isEqualTo("fixture.expectedInvalid");
    assertThat(failure.getAttribute("message")).isEqualTo("src/test/resources/webconnex/payload/registration.json: conforms to the Webconnex "
        + "contract, but webconnex.expectInvalid says it must not");
    assertThat(testCase(suite, "src/test/resources/webconnex/payload/registration-total-string.json").getElementsByTagName("failure").getLength())
        .isZero();
    String sarifText = Files.readString(reports.resolve("webconnex.sarif"));
    assertThat(ReportFileTest.sarifSchemaErrors(sarifText)).isEmpty();
    JsonNode sarif = new ObjectMapper().readTree(sarifText);
    JsonNode conforming = null;
    for (JsonNode result : sarif.at("/runs/0/results")) {
      if (result.get("ruleId").asText().equals("fixture.expectedInvalid")) {
        conforming = result;
      } else {
        assertThat(result.at("/suppressions/0/status").asText()).isEqualTo("accepted");
      }
    }
    assertThat(conforming).isNotNull();
    assertThat(conforming.get("level").asText()).isEqualTo("error");
    assertThat(conforming.has("suppressions")).isFalse();
    assertThat(conforming.at("/locations/0/physicalLocation/artifactLocation/uri").asText())
        .isEqualTo("src/test/resources/webconnex/payload/registration.json");
    JsonNode rule = sarif.at("/runs/0/tool/driver/rules/" + conforming.get("ruleIndex").asInt());
    assertThat(rule.at("/shortDescription/text").asText())
        .isEqualTo(io.webconnexkit.validator.ProblemKey.find("fixture.expectedInvalid").orElseThrow().meaning());
  }

  @Test
  void logsItsTimingAtDebugLevel() throws Exception {
    ValidateMojo debug = mojo(project, true);
    debug.includes = "payload/registration.json";

    debug.execute();

    assertThat(log.lines).anyMatch(l -> l.matches("\\[DEBUG] webconnex:validate took \\d+ ms: 1 files, 1 fixtures "
        + "validated in \\d+ ms \\(\\d threads\\), reports written in \\d+ ms"));
  }

  @Test
  void refusesAReportsDirectoryInsideAFixturesFolderAndTouchesNothing() {
    Path fixtures = project.resolve("src/test/resources/webconnex");
    Map<String, String> before = Fixtures.checksums(fixtures);
    mojo.reportsDirectory = fixtures.resolve("reports").toFile();

    assertThatThrownBy(mojo::execute).isInstanceOf(MojoExecutionException.class)
        .hasMessage("webconnex.reportsDirectory src/test/resources/webconnex/reports is inside the fixtures folder "
            + "src/test/resources/webconnex: reports are never written among fixtures; set webconnex.reportsDirectory "
            + "to a folder outside it (the default is target/webconnex-reports), or webconnex.reportFormats to none");
    assertThat(fixtures.resolve("reports")).doesNotExist();
    assertThat(Fixtures.checksums(fixtures)).isEqualTo(before);
    assertThat(log.lines).isEmpty();
  }

  @Test
  void refusesTheFixturesFolderItselfAndALinkToIt() throws IOException {
    Path fixtures = project.resolve("src/test/resources/webconnex");
    mojo.reportsDirectory = fixtures.toFile();
    assertThatThrownBy(mojo::execute).isInstanceOf(MojoExecutionException.class)
        .hasMessageStartingWith("webconnex.reportsDirectory src/test/resources/webconnex is inside the fixtures "
            + "folder src/test/resources/webconnex: ");

    Path alias = Files.createSymbolicLink(project.resolve("alias"), fixtures);
    mojo.reportsDirectory = alias.resolve("reports").toFile();
    assertThatThrownBy(mojo::execute).isInstanceOf(MojoExecutionException.class)
        .hasMessageStartingWith("webconnex.reportsDirectory alias/reports is inside the fixtures folder "
            + "src/test/resources/webconnex: ");
    assertThat(fixtures.resolve("reports")).doesNotExist();
  }

  @Test
  void refusesToWriteAReportOverAFixtureFileNamedLikeIt() throws IOException {
    Path reports = Files.createDirectories(project.resolve("target/webconnex-reports"));
    Path fixture = Files.copy(project.resolve("src/test/resources/webconnex/payload/registration.json"),
        reports.resolve("webconnex.json"));
    String before = Files.readString(fixture);
    mojo.fixtures = new File[] {fixture.toFile()};

    assertThatThrownBy(mojo::execute).isInstanceOf(MojoExecutionException.class)
        .hasMessageStartingWith("webconnex.reportsDirectory target/webconnex-reports holds the fixture "
            + "target/webconnex-reports/webconnex.json, which a report would replace: reports are never written among "
            + "fixtures; ");
    assertThat(fixture).hasContent(before);
  }

  @Test
  void writesNoReportAmongFixturesButMayValidateThereWithoutReports() throws Exception {
    onlyPayloads();
    mojo.failOnError = false;
    mojo.reportFormats = "none";
    mojo.reportsDirectory = project.resolve("src/test/resources/webconnex").toFile();

    mojo.execute();

    assertThat(log.lines).last().isEqualTo("[INFO] Validated 2 fixtures, 0 signatures checked: 1 invalid, 0 warnings");
    assertThat(project.resolve("src/test/resources/webconnex/webconnex.json")).doesNotExist();
  }

  @Test
  void neverWritesOverAFileItDidNotWrite() throws IOException {
    onlyPayloads();
    Path reports = Files.createDirectories(project.resolve("target/webconnex-reports"));
    Path foreign = Files.writeString(reports.resolve("webconnex.json"), "{\"mine\":true}");

    assertThatThrownBy(mojo::execute).isInstanceOf(MojoExecutionException.class)
        .hasMessage("Will not write over target/webconnex-reports/webconnex.json: the file exists and "
            + "webconnex:validate did not write it; move it away, or set webconnex.reportsDirectory to a folder of its own");
    assertThat(foreign).hasContent("{\"mine\":true}");
    try (Stream<Path> files = Files.list(reports)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("webconnex.json");
    }
  }

  @Test
  void neverWritesThroughALinkItDidNotMake() throws IOException {
    onlyPayloads();
    Path fixture = project.resolve("src/test/resources/webconnex/payload/registration.json");
    String before = Files.readString(fixture);
    Path reports = Files.createDirectories(project.resolve("target/webconnex-reports"));
    Files.createSymbolicLink(reports.resolve("webconnex.sarif"), fixture);

    assertThatThrownBy(mojo::execute).isInstanceOf(MojoExecutionException.class)
        .hasMessageStartingWith("Will not write over target/webconnex-reports/webconnex.sarif: the file exists");
    assertThat(fixture).hasContent(before);
  }

  @Test
  void replacesItsOwnReportsOnTheNextRunAndALinkPutInPlaceOfOne() throws Exception {
    onlyPayloads();
    mojo.failOnError = false;
    mojo.execute();
    Path reports = project.resolve("target/webconnex-reports");
    assertThat(Files.readAllLines(reports.resolve(".webconnex-reports")))
        .containsExactly(ReportsFolder.MARKER_HEADER, "TEST-webconnex.xml", "webconnex.sarif", "webconnex.json");

    Path fixture = project.resolve("src/test/resources/webconnex/payload/registration.json");
    String before = Files.readString(fixture);
    Files.delete(reports.resolve("webconnex.json"));
    Files.createSymbolicLink(reports.resolve("webconnex.json"), fixture);
    mojo.includes = "payload/registration.json";
    mojo.execute();

    assertThat(fixture).hasContent(before);
    assertThat(reports.resolve("webconnex.json")).isRegularFile();
    assertThat(Files.isSymbolicLink(reports.resolve("webconnex.json"))).isFalse();
    assertThat(Files.readString(reports.resolve("webconnex.json")))
        .contains("\"path\" : \"src/test/resources/webconnex/payload/registration.json\"")
        .doesNotContain("registration-total-string");
    try (Stream<Path> files = Files.list(reports)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(
          ".webconnex-reports", "TEST-webconnex.xml", "webconnex.sarif", "webconnex.json");
    }
  }

  @Test
  void refusesAFolderWhoseMarkerItDidNotWrite() throws IOException {
    Path reports = Files.createDirectories(project.resolve("target/webconnex-reports"));
    Files.writeString(reports.resolve(".webconnex-reports"), "someone else's file\n");

    assertThatThrownBy(mojo::execute).isInstanceOf(MojoExecutionException.class)
        .hasMessage("Will not write reports in target/webconnex-reports: target/webconnex-reports/.webconnex-reports "
            + "exists and was not written by webconnex:validate; set webconnex.reportsDirectory to a folder of its own");
    assertThat(reports.resolve(".webconnex-reports")).hasContent("someone else's file");
  }

  @Test
  void resolvesDefaultsLeftUnresolvedWithoutAProject() {
    Path cwd = Path.of("/work/here");

    assertThat(ValidateMojo.resolve(new File("/work/here/${project.basedir}/src/test/resources/webconnex"), cwd))
        .isEqualTo(cwd.resolve("src/test/resources/webconnex"));
    assertThat(ValidateMojo.resolve(new File("/work/here/${project.build.directory}/webconnex-reports"), cwd))
        .isEqualTo(cwd.resolve("target/webconnex-reports"));
    assertThat(ValidateMojo.resolve(new File("fixtures"), cwd)).isEqualTo(cwd.resolve("fixtures"));
  }

  private void copyWarningFixture() {
    try {
      Path source = Path.of(getClass().getResource("warning/ping.json").toURI());
      Path target = project.resolve("src/test/resources/webconnex/warning/ping.json");
      Files.createDirectories(target.getParent());
      Files.copy(source, target);
    } catch (IOException | URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void assertNoSecretIn(Path reports) throws IOException {
    try (Stream<Path> files = Files.list(reports)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        assertThat(Files.readString(f)).doesNotContain(Fixtures.SECRET);
      }
    }
  }
}
