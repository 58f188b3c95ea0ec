package io.webconnexkit.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code webconnex:drift} over a project whose fixtures folder holds the bundled example corpus. */
class DriftMojoTest {

  private static final Path CORPUS = Path.of("").toAbsolutePath().resolve("../examples/recorded").normalize();

  @TempDir Path project;
  private RecordingLog log;
  private DriftMojo mojo;

  @BeforeEach
  void projectWithRecordedDeliveries() throws Exception {
    Path fixtures = Files.createDirectories(project.resolve("src/test/resources/webconnex"));
    try (Stream<Path> files = Files.list(CORPUS)) {
      for (Path file : files.toList()) {
        Files.copy(file, fixtures.resolve(file.getFileName()));
      }
    }
    mojo = new DriftMojo();
    MavenProject p = new MavenProject();
    p.setFile(project.resolve("pom.xml").toFile());
    mojo.project = p;
    mojo.fixtures = new File[] {fixtures.toFile()};
    mojo.includes = "**/*.json,**/*.jsonl,**/*.ndjson";
    mojo.reportsDirectory = project.resolve("target/webconnex-reports").toFile();
    mojo.formats = "json,html,text";
    mojo.failOnNew = true;
    log = new RecordingLog(false);
    mojo.setLog(log);
  }

  @Test
  void writesTheJsonHtmlAndTextReportsIntoTheReportsFolderAndLogsTheText() throws Exception {
    mojo.execute();

    Path reports = project.resolve("target/webconnex-reports");
    JsonNode json = new ObjectMapper().readTree(reports.resolve("drift.json").toFile());
    assertThat(json.get("payloads").asLong()).isEqualTo(10);
    assertThat(json.at("/events/0/undocumented/0/first/path").asText())
        .isEqualTo("src/test/resources/webconnex/deliveries.jsonl");
    assertThat(Files.readString(reports.resolve("drift.html"))).startsWith("<!DOCTYPE html>");
    assertThat(Files.readString(reports.resolve("drift.txt"))).startsWith("drift: 10 payloads");
    assertThat(String.join("\n", log.lines)).contains("undocumented /data/couponCode").contains("Webconnex drift over 3 files");
    mojo.execute();
    assertThat(reports.resolve("drift.json")).as("its own files are replaced on the next run").exists();
  }

  @Test
  void aBaselineOfTheSameFixturesPassesAndSomethingNewFailsTheBuild() throws Exception {
    mojo.execute();
    Path baseline = project.resolve("baseline.json");
    Files.copy(project.resolve("target/webconnex-reports/drift.json"), baseline);
    mojo.baseline = baseline.toFile();
    mojo.execute();

    Files.writeString(project.resolve("src/test/resources/webconnex/new.jsonl"), "{\"eventType\":\"cancel_order\",\"data\":{}}\n");
    MojoFailureException failure = catchThrowableOfType(MojoFailureException.class, mojo::execute);

    assertThat(failure).isNotNull();
    assertThat(failure.getMessage()).isEqualTo("Something is new since the drift baseline baseline.json: see the report above");
  }

  @Test
  void aFileThePluginDidNotWriteIsNeverReplaced() throws Exception {
    Path mine = Files.createDirectories(project.resolve("target/webconnex-reports")).resolve("drift.html");
    Files.writeString(mine, "mine\n");

    MojoExecutionException error = catchThrowableOfType(MojoExecutionException.class, mojo::execute);

    assertThat(error).isNotNull();
    assertThat(error.getMessage()).contains("Will not write over target/webconnex-reports/drift.html");
    assertThat(Files.readString(mine)).isEqualTo("mine\n");
  }

  @Test
  void badParametersEndWithAClearMessage() throws Exception {
    mojo.formats = "pdf";
    assertThat(catchThrowableOfType(MojoExecutionException.class, mojo::execute).getMessage())
        .isEqualTo("webconnex.drift.formats: expected json, html, text or none but found 'pdf'");

    mojo.formats = "json";
    Path notReport = Files.writeString(project.resolve("results.json"), "{\"results\":[]}");
    mojo.baseline = notReport.toFile();
    assertThat(catchThrowableOfType(MojoExecutionException.class, mojo::execute).getMessage())
        .startsWith("webconnex.drift.baseline: " + notReport + ": not a drift report");
  }

  @Test
  void skipDoesNothing() throws Exception {
    mojo.skip = true;
    mojo.formats = "pdf";

    mojo.execute();

    assertThat(project.resolve("target")).doesNotExist();
  }
}
