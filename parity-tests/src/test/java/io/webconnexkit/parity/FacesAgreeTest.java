package io.webconnexkit.parity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.webconnexkit.cli.WebconnexCommand;
import io.webconnexkit.junit.WebconnexFixtures;
import io.webconnexkit.maven.FixtureEngine;
import io.webconnexkit.maven.FixtureRequest;
import io.webconnexkit.validator.CheckedRecord;
import io.webconnexkit.validator.Problem;
import io.webconnexkit.validator.ReportLine;
import io.webconnexkit.validator.SecretSource;
import io.webconnexkit.validator.ValidationReport;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import picocli.CommandLine;

/**
 * One corpus of every recorded shape (bare payloads, webhook logs records, pages and resend
 * responses, WireMock journals, find responses and serve events, JSON Lines, files of no known
 * shape) through the three faces that read recorded files: {@code webconnex validate}, the Maven
 * plugin's engine and {@code @WebconnexFixtures}. Each must find the same records, give each the
 * same verdict, and report the same problems at the same {@code file:line:column}.
 */
class FacesAgreeTest {

  static final String SECRET = "it-signing-secret-0001";
  private static final String RUN_MARKER = "webconnex.parity.inside";
  private static final ObjectMapper JSON = new ObjectMapper();

  private static Path corpus;

  /** What a face said of one record: its verdict and its error and warning lines, path relative to the corpus. */
  record Verdict(boolean valid, List<String> lines) {}

  @BeforeAll
  static void findTheCorpus() throws URISyntaxException {
    corpus = Path.of(FacesAgreeTest.class.getClassLoader().getResource("recorded").toURI());
    System.setProperty("webconnex.parity.secret", SECRET);
  }

  /** Problem lines a face must agree on: errors and warnings (a test framework has no place for infos). */
  private static List<String> lines(String path, ValidationReport report) {
    List<String> lines = new ArrayList<>();
    for (Problem p : report.problems()) {
      if (p.severity() != io.webconnexkit.validator.Severity.INFO) {
        lines.add(ReportLine.of(path, p));
      }
    }
    return lines;
  }

  private static String key(String path, String record) {
    return record == null ? path : path + " [" + record + "]";
  }

  private static Map<String, Verdict> cli() throws Exception {
    StringWriter out = new StringWriter();
    CommandLine cli = WebconnexCommand.commandLine(Map.of("WEBCONNEX_SECRET", SECRET)::get, new ByteArrayInputStream(new byte[0]));
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(new StringWriter(), true));
    int status = cli.execute("validate", "--format", "json", "--secret-env", "WEBCONNEX_SECRET", corpus.toString());
    assertThat(status).isEqualTo(1);
    Map<String, Verdict> verdicts = new TreeMap<>();
    for (JsonNode r : JSON.readTree(out.toString()).get("results")) {
      String path = corpus.relativize(Path.of(r.get("path").asText())).toString().replace('\\', '/');
      List<String> lines = new ArrayList<>();
      for (JsonNode p : r.get("problems")) {
        if (!p.get("severity").asText().equals("info")) {
          StringBuilder s = new StringBuilder(ReportLine.escape(path));
          if (p.get("line").intValue() > 0) {
            s.append(':').append(p.get("line").intValue()).append(':').append(p.get("column").intValue());
          }
          s.append(": ").append(p.get("severity").asText()).append(": ");
          if (!p.get("pointer").asText().isEmpty()) {
            s.append(p.get("pointer").asText()).append(": ");
          }
          lines.add(s.append(ReportLine.escape(p.get("message").asText())).toString());
        }
      }
      verdicts.put(key(path, r.get("record").isNull() ? null : r.get("record").asText()),
          new Verdict(r.get("valid").booleanValue(), lines));
    }
    return verdicts;
  }

  private static Map<String, Verdict> plugin() {
    FixtureRequest request = FixtureRequest.builder(corpus).fixture(Path.of("."))
        .secretSources(List.of(SecretSource.systemProperty("webconnex.parity.secret")))
        .build();
    Map<String, Verdict> verdicts = new TreeMap<>();
    for (CheckedRecord r : new FixtureEngine(request).run().results()) {
      verdicts.put(key(r.record().path(), r.record().label().orElse(null)),
          new Verdict(r.isValid(), lines(r.record().path(), r.report())));
    }
    return verdicts;
  }

  private static Map<String, Verdict> junit() {
    EngineExecutionResults results = EngineTestKit.engine("junit-jupiter")
        .selectors(selectClass(EveryRecordedFile.class))
        .configurationParameter(RUN_MARKER, "true")
        .configurationParameter("webconnex.secretProperty", "webconnex.parity.secret")
        .execute();
    Map<String, Verdict> verdicts = new TreeMap<>();
    for (Event finished : results.testEvents().finished().list()) {
      String name = finished.getTestDescriptor().getDisplayName().replaceFirst("^\\[\\d+\\] ", "");
      var result = finished.getPayload(org.junit.platform.engine.TestExecutionResult.class).orElseThrow();
      List<String> lines = new ArrayList<>();
      result.getThrowable().ifPresent(t -> t.getMessage().lines()
          .filter(l -> l.startsWith("recorded/"))
          .map(l -> l.substring("recorded/".length()))
          .filter(l -> !l.contains(": info: "))
          .forEach(lines::add));
      verdicts.put(name, new Verdict(result.getStatus() == org.junit.platform.engine.TestExecutionResult.Status.SUCCESSFUL,
          lines));
    }
    for (Event skipped : results.testEvents().skipped().list()) {
      verdicts.put(skipped.getTestDescriptor().getDisplayName().replaceFirst("^\\[\\d+\\] ", ""), new Verdict(true, List.of()));
    }
    return verdicts;
  }

  @Test
  void theCliThePluginAndJUnitGiveTheSameVerdictsAtTheSamePlaces() throws Exception {
    Map<String, Verdict> cli = cli();
    Map<String, Verdict> plugin = plugin();
    Map<String, Verdict> junit = junit();

    assertThat(cli).as("records the CLI found").hasSizeGreaterThan(15)
        .containsKeys("wiremock/journal.json [requests[1]]", "logs/page.json [data[1]]", "jsonl/archive.jsonl [line 2]",
            "logs/resend-response.json", "unknown/object.json");
    assertThat(cli.values()).anyMatch(v -> !v.valid()).anyMatch(Verdict::valid);
    assertThat(plugin).as("the plugin engine against the CLI").isEqualTo(cli);
    assertThat(junit).as("@WebconnexFixtures against the CLI").isEqualTo(cli);
  }

  /** Run only inside {@link #junit()}: some of its invocations fail on purpose. */
  @ExtendWith(OnlyInsideTheTestKit.class)
  static class EveryRecordedFile {
    @ParameterizedTest
    @WebconnexFixtures("recorded/")
    void each(ValidationReport report) {
      assertThat(report).isNotNull();
    }
  }

  static final class OnlyInsideTheTestKit implements ExecutionCondition {
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
      return context.getConfigurationParameter(RUN_MARKER).isPresent()
          ? ConditionEvaluationResult.enabled("run by FacesAgreeTest")
          : ConditionEvaluationResult.disabled("fails on purpose; run only by FacesAgreeTest");
    }
  }
}
