package io.webconnexkit.validator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The one formatter of report lines: compiler-style, and nothing a user wrote can break a line or drive a terminal. */
class ReportLineTest {

  private static final Problem TOTAL = Problem.builder(Severity.ERROR, "schema.type").pointer("/data/total")
      .location(12, 14).message("expected number but found string \"100\"").build();

  @Test
  void readsLikeACompilersLine() {
    assertThat(ReportLine.of("reg.json", TOTAL)).isEqualTo("reg.json:12:14: error: /data/total: expected number but found string \"100\"");
    assertThat(ReportLine.withoutSeverity("reg.json", TOTAL)).isEqualTo("reg.json:12:14: /data/total: expected number but found string \"100\"");
    Problem header = Problem.builder(Severity.WARNING, "delivery.userAgent").header("User-Agent").message("m").build();
    assertThat(ReportLine.of("<stdin>", header)).isEqualTo("<stdin>: warning: User-Agent: m");
  }

  @ParameterizedTest
  @ValueSource(strings = {"\n", "\r", "\u001b[31m", "\u0000", "\u0085", "\u009b", "\u2028", "\u2029", "\u202e", "\u2066",
      "\u007f", "\ud800", "\ufffe", "\ufeff"})
  void escapesEveryCharacterThatCouldForgeALineOrDriveATerminal(String bad) {
    String key = "total" + bad + "other.json:9:9: error: forged";
    Problem p = Problem.builder(Severity.ERROR, "schema.additionalProperties").pointer("/data/" + key)
        .message("property \"" + key + "\" is not documented").build();

    String line = ReportLine.of("dir" + bad + "/x.json", p);

    assertThat(line).doesNotContain(bad).doesNotContain("\n").contains("forged");
    assertThat(line.codePoints().filter(c -> Character.getType(c) == Character.CONTROL
        || Character.getType(c) == Character.FORMAT || Character.getType(c) == Character.LINE_SEPARATOR
        || Character.getType(c) == Character.PARAGRAPH_SEPARATOR || Character.getType(c) == Character.SURROGATE))
        .as(line).isEmpty();
    assertThat(p.toString()).doesNotContain(bad);
  }

  @Test
  void keepsTextThatIsAlreadyEscapedAndEveryOtherCharacter() {
    assertThat(ReportLine.escape("\"a\\nb\" ✓ 𝄞 é")).isEqualTo("\"a\\nb\" ✓ 𝄞 é");
    assertThat(ReportLine.escape("a\tb\nc")).isEqualTo("a\\tb\\nc");
    assertThat(ReportLine.quote("say \"hi\"\n")).isEqualTo("\"say \\\"hi\\\"\\n\"");
  }

  @Test
  void theJsonDocumentStaysWellFormedWhateverTheInputHolds() throws Exception {
    String hostile = "k\u0000\n\u001b]\u2028\"\\\ud800";
    Problem p = Problem.builder(Severity.ERROR, "schema.additionalProperties").pointer("/" + hostile).message(hostile).build();
    RecordedDelivery record = RecordedDeliveryReader.standard().readAll(
        "{\"eventType\":\"test\"}".getBytes(StandardCharsets.UTF_8), "f" + hostile + ".json").get(0);
    ValidationReport report = new ValidationReport(Profile.LENIENT, hostile, List.of(p), SignatureStatus.NOT_APPLICABLE);

    String json = ReportJson.document(List.of(new CheckedRecord(record, report)), false);
    java.io.StringWriter streamed = new java.io.StringWriter();
    try (ReportJson.ResultsWriter writer = ReportJson.writer(streamed)) {
      writer.add(new CheckedRecord(record, report));
    }
    assertThat(streamed).as("the streaming writer writes the same document").hasToString(json);
    java.io.StringWriter none = new java.io.StringWriter();
    ReportJson.writer(none).close();
    assertThat(none).hasToString(ReportJson.document(List.of(), false));

    assertThat(json).doesNotContain("\n").doesNotContain("\u001b");
    assertThat(json.chars()).allMatch(c -> c >= 0x20 && c < 0x7f);
    var tree = new ObjectMapper().readTree(json);
    assertThat(tree.at("/results/0/problems/0/message").textValue()).isEqualTo(hostile);
    assertThat(tree.at("/results/0/path").textValue()).startsWith("fk");
  }
}
