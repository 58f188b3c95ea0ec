package io.webconnexkit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.webconnexkit.validator.CheckedRecord;
import io.webconnexkit.validator.DeliveryVerifier;
import io.webconnexkit.validator.Problem;
import io.webconnexkit.validator.RecordShape;
import io.webconnexkit.validator.RecordedDelivery;
import io.webconnexkit.validator.RecordedDeliveryReader;
import io.webconnexkit.validator.ReportLine;
import io.webconnexkit.validator.SigningSecret;
import io.webconnexkit.validator.ValidationReport;
import io.webconnexkit.validator.WebconnexDelivery;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/**
 * {@link WebconnexFixtures} reads every shape {@code webconnex validate} and {@code mvn
 * webconnex:validate} read, one invocation per record, and judges each as core's
 * {@code DeliveryVerifier.verify(RecordedDelivery)} does. The files are under
 * {@code src/test/resources/webconnex/shapes/} (all conforming) and {@code shapes-broken/}.
 */
class RecordedShapesTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Test
  void suppliesOneInvocationPerRecordOfEveryShapeNamedByFileAndPlace() {
    var results = TestKit.run(EveryShape.class);

    TestKit.assertAllPassed(results, 14);
    assertThat(TestKit.succeededNames(results)).containsExactly(
        "[1] jsonl/archive.jsonl [line 1]",
        "[2] jsonl/archive.jsonl [line 2]",
        "[3] jsonl/archive.jsonl [line 4]",
        "[4] jsonl/payloads.ndjson [line 1]",
        "[5] jsonl/payloads.ndjson [line 2]",
        "[6] logs/delivery.json",
        "[7] logs/page.json [data[0]]",
        "[8] logs/page.json [data[1]]",
        "[9] logs/resend.json",
        "[10] payload/publish.json",
        "[11] wiremock/find.json [requests[0]]",
        "[12] wiremock/journal.json [requests[0]]",
        "[13] wiremock/journal.json [requests[1]]",
        "[14] wiremock/serve-event.json");
    // One record per invocation, in file order, each the body of its record and nothing else.
    assertThat(EveryShape.eventTypes).containsExactly("publish", "coupon", "registration", "registration", "coupon",
        "registration", "coupon", "publish", "registration", "publish", "coupon", "registration", "publish", "publish");
  }

  @ParameterizedTest
  @WebconnexFixtures("webconnex/shapes/")
  void givesTheBodyOfEachRecordAsTextBytesTreeOrBoundClass(JsonNode payload) {
    assertThat(payload.path("eventType").isTextual()).isTrue();
    assertThat(payload.has("request")).as("the body, not the record around it").isFalse();
    assertThat(payload.has("responseCode")).isFalse();
  }

  @ParameterizedTest
  @WebconnexFixtures("webconnex/shapes/jsonl/")
  void givesEachLineOfAJsonLinesArchiveAsItsOwnBody(String body) {
    assertThat(body).doesNotContain("\n").startsWith("{").endsWith("}");
  }

  @ParameterizedTest
  @WebconnexFixtures(value = "webconnex/shapes/wiremock/", secretProperty = "webconnex.test.secretProperty")
  void aWireMockRequestIsInjectedAsRecordedWithItsHeadersAndRawBody(WebconnexDelivery delivery) {
    // The recorded delivery ids are one digit repeated: a fresh one would be random.
    assertThat(delivery.header(WebconnexDelivery.DELIVERY_HEADER).orElseThrow()).matches("(\\d)\\1{31}");
    assertThat(delivery.header("Content-Length")).contains(String.valueOf(delivery.bodyLength()));
    WebconnexAssertions.assertSignedBy(delivery, SigningSecret.of(System.getProperty("webconnex.test.secretProperty")));
  }

  @ParameterizedTest
  @WebconnexFixtures("webconnex/shapes/logs/")
  void aLogsApiRecordIsInjectedWithItsRecordedHeadersAndTheBodyAsWritten(WebconnexDelivery delivery) throws IOException {
    assertThat(delivery.header(WebconnexDelivery.DELIVERY_HEADER).orElseThrow())
        .isIn("b473fe314def43ccacc10ec75aae1451", "0123456789abcdef0123456789abcdef", "fedcba9876543210fedcba9876543210");
    JsonNode body = MAPPER.readTree(delivery.body());
    assertThat(delivery.header(WebconnexDelivery.EVENT_HEADER)).contains(body.path("eventType").asText());
  }

  @ParameterizedTest
  @WebconnexFixtures("webconnex/shapes/logs/")
  void aLogsApiRecordSaysItsSignatureCannotBeChecked(ValidationReport report) {
    assertThat(report.isValid()).isTrue();
    assertThat(report.notes()).extracting(Problem::key).containsExactly("delivery.signature.notChecked");
  }

  @ParameterizedTest
  @WebconnexFixtures("webconnex/shapes/payload/")
  void aBarePayloadIsInjectedAsADeliverySignedWithTheTestSecret(WebconnexDelivery delivery) {
    WebconnexAssertions.assertSignedBy(delivery, SigningSecret.of(WebconnexPayload.TEST_SECRET));
    assertThat(delivery.header(WebconnexDelivery.DELIVERY_HEADER).orElseThrow()).matches("[0-9a-f]{32}");
  }

  @Test
  void aRecordThatDoesNotConformFailsWithTheLinesAndColumnsCoreGives() throws Exception {
    BrokenShapes.ran.clear();
    var results = TestKit.run(BrokenShapes.class);
    Map<String, Throwable> failures = byRecord(TestKit.failuresByName(results));
    Map<String, CheckedRecord> core = coreVerdicts("webconnex/shapes-broken/", DeliveryVerifier.builder().build());

    assertThat(byRecord(TestKit.succeededNames(results))).containsExactly(
        "jsonl/archive.jsonl [line 1]", "wiremock/journal.json [requests[0]]");
    assertThat(failures.keySet()).containsExactly("jsonl/archive.jsonl [line 2]", "jsonl/archive.jsonl [line 3]",
        "logs/delivery.json", "logs/listing.json", "other/array.json", "wiremock/journal.json [requests[1]]");
    assertThat(TestKit.abortedByName(results)).hasSize(1).hasEntrySatisfying("[7] other/empty.jsonl",
        aborted -> assertThat(aborted).isInstanceOf(TestAbortedException.class)
            .hasMessage("fixture webconnex/shapes-broken/other/empty.jsonl holds no payload to pass to the test"
                + System.lineSeparator()
                + "webconnex/shapes-broken/other/empty.jsonl:1:1: warning: JSON Lines archive has no records"));
    assertThat(BrokenShapes.ran).as("bodies that ran").containsExactlyInAnyOrder("publish", "publish");

    // The verdict core gives each record, line for line, in the failure of that record's invocation.
    failures.forEach((name, failure) -> {
      CheckedRecord checked = core.get(name);
      assertThat(checked.isValid()).as(name).isFalse();
      assertThat(failure).as(name).isInstanceOf(AssertionFailedError.class)
          .hasMessageStartingWith("fixture webconnex/shapes-broken/" + name + " ");
      for (Problem p : checked.report().problems()) {
        assertThat(failure.getMessage()).as(name).contains(ReportLine.of("webconnex/shapes-broken/" + name.split(" \\[")[0], p));
      }
    });
  }

  @Test
  void theLineAndColumnAreThoseOfTheFileNotOfTheBody() throws Exception {
    var failures = byRecord(TestKit.failuresByName(TestKit.run(BrokenShapes.class)));

    // Where "total": "100" is in each file, found in the text, not taken from the kit.
    assertThat(failures.get("logs/delivery.json")).hasMessageContaining(
        "webconnex/shapes-broken/logs/delivery.json:" + position("webconnex/shapes-broken/logs/delivery.json", "\"total\": \"100\"", 9)
            + ": error: /data/total: expected number but found string \"100\"");
    assertThat(failures.get("jsonl/archive.jsonl [line 2]")).hasMessageContaining(
        "webconnex/shapes-broken/jsonl/archive.jsonl:" + position("webconnex/shapes-broken/jsonl/archive.jsonl", "\"total\":\"100\"", 8)
            + ": error: /data/total: expected number but found string \"100\"");
    // A WireMock body is a JSON string in the file: the line names the string and says where in the body.
    assertThat(failures.get("wiremock/journal.json [requests[1]]")).hasMessageContaining(
        "webconnex/shapes-broken/wiremock/journal.json:" + position("webconnex/shapes-broken/wiremock/journal.json",
            "\"{\\\"eventType\\\":\\\"registration\\\"", 0) + ": error: /data/total: expected number but found string \"100\""
            + " (line 1, column ");
  }

  @Test
  void invalidAsksEveryRecordNotToConform() {
    var results = TestKit.run(BrokenShapesExpectedInvalid.class);
    Map<String, Throwable> failures = byRecord(TestKit.failuresByName(results));

    assertThat(byRecord(TestKit.succeededNames(results))).containsExactly("jsonl/archive.jsonl [line 2]",
        "jsonl/archive.jsonl [line 3]", "logs/delivery.json", "wiremock/journal.json [requests[1]]");
    assertThat(failures.get("jsonl/archive.jsonl [line 1]")).hasMessageStartingWith(
        "invalid = true asks for a payload that does not conform, but fixture webconnex/shapes-broken/jsonl/archive.jsonl"
            + " [line 1] conforms");
    assertThat(failures.get("wiremock/journal.json [requests[0]]")).hasMessageStartingWith(
        "invalid = true asks for a payload that does not conform, but fixture webconnex/shapes-broken/wiremock/journal.json"
            + " [requests[0]] conforms");
    // A file that holds no payload at all is not a known-bad payload: there is nothing to hand to the test.
    assertThat(failures.get("other/array.json")).hasMessageStartingWith(
        "fixture webconnex/shapes-broken/other/array.json holds no Webconnex payload" + System.lineSeparator()
            + "webconnex/shapes-broken/other/array.json:1:1: error: not a Webconnex payload");
    assertThat(failures.get("logs/listing.json")).hasMessageContaining("holds no Webconnex payload");
    assertThat(failures).hasSize(4);
    // An empty archive has nothing wrong and nothing to give: skipped, whatever invalid says.
    assertThat(TestKit.abortedByName(results)).containsOnlyKeys("[7] other/empty.jsonl");
  }

  @Test
  void aFileTheLevelsIgnoreIsSkipped() {
    var results = TestKit.runMethod(BrokenShapes.class, "body", Map.of("webconnex.levels", "fixture=ignore"));

    assertThat(TestKit.abortedByName(results).keySet()).containsExactly("[5] logs/listing.json", "[6] other/array.json",
        "[7] other/empty.jsonl");
  }

  @Test
  void userDataInAFailureIsEscapedSoItCannotForgeAReportLine() {
    // The file has a member named "x<ESC>[31m<LF>other.json:9:9: error: forged", which strict does not allow.
    Throwable failure = TestKit.onlyFailure(TestKit.run(ForgedKey.class));

    assertThat(failure.getMessage().lines()).noneMatch(line -> line.startsWith("other.json"))
        .anyMatch(line -> line.startsWith("webconnex/escaping/forged-key.json:")
            && line.contains("/x\\u001b[31m\\nother.json:9:9: error: forged"));
    assertThat(failure.getMessage()).doesNotContain("\u001b");
  }

  /** The index JUnit numbers invocations with, left out. */
  private static Map<String, Throwable> byRecord(Map<String, Throwable> byName) {
    Map<String, Throwable> byRecord = new LinkedHashMap<>();
    byName.forEach((name, t) -> byRecord.put(name.replaceFirst("^\\[\\d+] ", ""), t));
    return byRecord;
  }

  private static List<String> byRecord(List<String> names) {
    return names.stream().map(name -> name.replaceFirst("^\\[\\d+] ", "")).toList();
  }

  /** What core says of every record under a classpath folder, by file path under the folder and label. */
  static Map<String, CheckedRecord> coreVerdicts(String folder, DeliveryVerifier verifier)
      throws IOException, URISyntaxException {
    Path root = Path.of(RecordedShapesTest.class.getClassLoader().getResource(folder).toURI());
    Map<String, CheckedRecord> verdicts = new LinkedHashMap<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
        String name = root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
        for (RecordedDelivery record : RecordedDeliveryReader.standard().readAll(file, folder + name)) {
          verdicts.put(name + record.label().map(l -> " [" + l + "]").orElse(""),
              new CheckedRecord(record, verifier.verify(record)));
        }
      }
    }
    return verdicts;
  }

  /** {@code line:column} of the first occurrence of {@code text} in a classpath resource, plus {@code offset} characters. */
  static String position(String resource, String text, int offset) throws IOException {
    URL url = RecordedShapesTest.class.getClassLoader().getResource(resource);
    String content;
    try (var in = url.openStream()) {
      content = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    int found = content.indexOf(text);
    assertThat(found).as(text + " in " + resource).isNotNegative();
    int at = found + offset;
    String before = content.substring(0, at);
    int line = (int) before.chars().filter(c -> c == '\n').count() + 1;
    int column = at - (before.lastIndexOf('\n') + 1) + 1;
    return line + ":" + column;
  }

  @TestKitOnly
  static class EveryShape {
    static final List<String> eventTypes = new java.util.concurrent.CopyOnWriteArrayList<>();

    @ParameterizedTest
    @WebconnexFixtures("webconnex/shapes/")
    void body(JsonNode payload) {
      eventTypes.add(payload.path("eventType").asText());
    }
  }

  @TestKitOnly
  static class BrokenShapes {
    static final List<String> ran = new java.util.concurrent.CopyOnWriteArrayList<>();

    @ParameterizedTest
    @WebconnexFixtures("webconnex/shapes-broken/")
    void body(JsonNode payload) {
      ran.add(payload.path("eventType").asText());
    }
  }

  @TestKitOnly
  static class ForgedKey {
    @ParameterizedTest
    @WebconnexFixtures(value = "webconnex/escaping/", profile = "strict")
    void body(String body) {}
  }

  @TestKitOnly
  static class BrokenShapesExpectedInvalid {
    @ParameterizedTest
    @WebconnexFixtures(value = "webconnex/shapes-broken/", invalid = true)
    void body(byte[] body) {
      if (body.length == 0) {
        fail("an empty body reached the test");
      }
    }
  }

  /** Shapes the reader recognised, for tests that look at what it gave. */
  static RecordShape shapeOf(String resource) throws Exception {
    Path file = Path.of(RecordedShapesTest.class.getClassLoader().getResource(resource).toURI());
    return RecordedDeliveryReader.standard().readAll(file, resource).get(0).shape();
  }

  @Test
  void theFilesAreOfTheShapesTheyAreNamedFor() throws Exception {
    assertThat(shapeOf("webconnex/shapes/logs/resend.json")).isEqualTo(RecordShape.WEBHOOK_LOG);
    assertThat(shapeOf("webconnex/shapes/logs/page.json")).isEqualTo(RecordShape.WEBHOOK_LOG);
    assertThat(shapeOf("webconnex/shapes/wiremock/find.json")).isEqualTo(RecordShape.WIREMOCK_REQUEST);
    assertThat(shapeOf("webconnex/shapes/wiremock/serve-event.json")).isEqualTo(RecordShape.WIREMOCK_REQUEST);
    assertThat(shapeOf("webconnex/shapes/payload/publish.json")).isEqualTo(RecordShape.PAYLOAD);
  }
}
