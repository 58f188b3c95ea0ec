package io.webconnexkit.validator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one reader of recorded files, on real files of every shape, and the verifier placing problems in them. */
class RecordedDeliveryReaderTest {

  static final String SECRET = "it-signing-secret-0001";

  private static final RecordedDeliveryReader READER = RecordedDeliveryReader.standard();
  private static final DeliveryVerifier UNSIGNED = DeliveryVerifier.builder().build();
  private static final DeliveryVerifier SIGNED =
      DeliveryVerifier.builder().signingSecret(SigningSecret.of(SECRET)).build();

  static Path corpus() {
    try {
      return Path.of(RecordedDeliveryReaderTest.class.getClassLoader().getResource("recorded").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<CheckedRecord> check(String file, DeliveryVerifier verifier) {
    List<CheckedRecord> results = new ArrayList<>();
    READER.read(corpus().resolve(file), file, r -> results.add(new CheckedRecord(r, verifier.verify(r))));
    return results;
  }

  private static CheckedRecord only(String file, DeliveryVerifier verifier) {
    List<CheckedRecord> results = check(file, verifier);
    assertThat(results).hasSize(1);
    return results.get(0);
  }

  private static List<String> lines(CheckedRecord r) {
    return r.report().problems().stream().map(p -> ReportLine.of(r.record().path(), p)).toList();
  }

  @Test
  void acceptsAValidBarePayload() {
    CheckedRecord r = only("payload/registration.json", UNSIGNED);

    assertThat(r.record().shape()).isEqualTo(RecordShape.PAYLOAD);
    assertThat(r.record().label()).isEmpty();
    assertThat(r.record().headers()).isEmpty();
    assertThat(r.isValid()).isTrue();
    assertThat(r.report().problems()).isEmpty();
  }

  @Test
  void reportsABarePayloadProblemAtItsLineAndColumn() {
    assertThat(lines(only("payload/registration-total-string.json", UNSIGNED))).containsExactly(
        "payload/registration-total-string.json:123:14: error: /data/total: expected number but found string \"100\"");
  }

  @Test
  void checksAWebhookLogRecordWithoutItsSignatureAndSaysWhy() {
    CheckedRecord r = only("logs/delivery.json", SIGNED);

    assertThat(r.record().shape()).isEqualTo(RecordShape.WEBHOOK_LOG);
    assertThat(r.record().signatureCheckable()).isFalse();
    assertThat(r.isValid()).isTrue();
    assertThat(r.report().signature()).isEqualTo(SignatureStatus.NOT_CHECKED);
    assertThat(r.report().notes()).singleElement().satisfies(n -> {
      assertThat(n.key()).isEqualTo("delivery.signature.notChecked");
      assertThat(n.header()).contains("X-Webconnex-Signature");
      assertThat(n.line()).isEqualTo(25);
    });
  }

  @Test
  void readsAResendResponseAsALogRecord() {
    CheckedRecord r = only("logs/resend-response.json", UNSIGNED);

    assertThat(r.record().shape()).isEqualTo(RecordShape.WEBHOOK_LOG);
    assertThat(r.report().eventType()).contains("registration");
    assertThat(r.report().errors()).isEmpty();
  }

  @Test
  void placesBodyAndHeaderProblemsOfALogRecordInTheFile() {
    assertThat(lines(only("logs/delivery-broken.json", UNSIGNED))).containsExactly(
        "logs/delivery-broken.json:22:9: error: X-Webconnex-Event: is \"publish\" but the body's eventType is \"registration\"",
        "logs/delivery-broken.json:151:20: error: /data/total: expected number but found string \"100\"",
        "logs/delivery-broken.json:25:9: info: X-Webconnex-Signature: " + DeliveryVerifier.LOGS_SIGNATURE_NOTE);
  }

  @Test
  void checksEachDeliveryOfALogsPage() {
    List<CheckedRecord> results = check("logs/page.json", UNSIGNED);

    assertThat(results).extracting(r -> r.record().label().orElse(null), r -> r.record().line(), CheckedRecord::isValid)
        .containsExactly(tuple("data[0]", 4, true), tuple("data[1]", 174, false));
  }

  @Test
  void saysALogsListingHasNothingToCheck() {
    CheckedRecord r = only("logs/listing.json", SIGNED);

    assertThat(r.record().hasBody()).isFalse();
    assertThat(r.report().problems()).singleElement().satisfies(p -> assertThat(p.key()).isEqualTo("fixture.logListing"));
  }

  @Test
  void verifiesAWireMockJournalAndAFindResponseAlike() {
    for (String file : List.of("wiremock/journal.json", "wiremock/find-response.json")) {
      List<CheckedRecord> results = check(file, SIGNED);
      assertThat(results).extracting(r -> r.record().label().orElse(null), r -> r.record().shape(), r -> r.report().signature())
          .as(file).containsExactly(
              tuple("requests[0]", RecordShape.WIREMOCK_REQUEST, SignatureStatus.VERIFIED),
              tuple("requests[1]", RecordShape.WIREMOCK_REQUEST, SignatureStatus.VERIFIED));
      assertThat(results).allMatch(CheckedRecord::isValid).allMatch(r -> r.record().signatureCheckable());
    }
  }

  @Test
  void rejectsWireMockSignaturesUnderTheWrongSecret() {
    DeliveryVerifier wrong = DeliveryVerifier.builder().signingSecret(SigningSecret.of("not-the-secret")).build();

    List<CheckedRecord> results = check("wiremock/journal.json", wrong);

    assertThat(results).allMatch(r -> r.report().signature() == SignatureStatus.INVALID);
    assertThat(lines(results.get(0))).singleElement().asString()
        .startsWith("wiremock/journal.json:15:11: error: X-Webconnex-Signature: does not match the body");
  }

  @Test
  void placesProblemsOfARawBodyAtTheBodyAndSaysWhereInsideIt() {
    assertThat(lines(only("wiremock/serve-event.json", SIGNED))).containsExactly("wiremock/serve-event.json:20:13: "
        + "error: /data/total: expected number but found string \"100\" (line 1, column 1626 of the recorded body)");
  }

  @Test
  void reportsEachLineOfAJsonLinesArchiveAtItsOwnLine() {
    List<CheckedRecord> results = check("jsonl/archive.jsonl", UNSIGNED);

    assertThat(results).extracting(r -> r.record().label().orElse(null), r -> r.record().line(), CheckedRecord::isValid)
        .containsExactly(tuple("line 1", 1, true), tuple("line 2", 2, false), tuple("line 3", 3, true));
    assertThat(lines(results.get(1)))
        .containsExactly("jsonl/archive.jsonl:2:1626: error: /data/total: expected number but found string \"100\"");
  }

  @Test
  void readsJsonLinesWhoseLinesAreLogRecordsAndJournals(@TempDir Path dir) throws IOException {
    String record = compact("logs/delivery.json");
    String journal = compact("wiremock/journal.json");
    Path file = dir.resolve("mixed.ndjson");
    Files.writeString(file, record + "\n\n" + journal + "\r\n");

    List<CheckedRecord> results = new ArrayList<>();
    READER.read(file, "mixed.ndjson", r -> results.add(new CheckedRecord(r, SIGNED.verify(r))));

    assertThat(results).extracting(r -> r.record().label().orElse(null), r -> r.record().shape(), r -> r.report().signature())
        .containsExactly(
            tuple("line 1", RecordShape.WEBHOOK_LOG, SignatureStatus.NOT_CHECKED),
            tuple("line 3 requests[0]", RecordShape.WIREMOCK_REQUEST, SignatureStatus.VERIFIED),
            tuple("line 3 requests[1]", RecordShape.WIREMOCK_REQUEST, SignatureStatus.VERIFIED));
    assertThat(results.get(1).record().line()).isEqualTo(3);
  }

  @Test
  void saysAFileOfNoKnownShapeIsNotARecording() {
    assertThat(lines(only("unknown/object.json", UNSIGNED))).containsExactly("unknown/object.json:1:1: error: not a "
        + "Webconnex payload, webhook log record, WireMock request journal or JSON Lines archive (its top-level members "
        + "are name, items)");
    assertThat(lines(only("unknown/array.json", UNSIGNED))).containsExactly("unknown/array.json:1:1: error: not a "
        + "Webconnex payload, webhook log record, WireMock request journal or JSON Lines archive (the top level is an array)");
  }

  @Test
  void reportsAFileThatCannotBeRead(@TempDir Path dir) {
    RecordedDelivery missing = READER.readAll(dir.resolve("missing.json"), "missing.json").get(0);
    CheckedRecord r = new CheckedRecord(missing, UNSIGNED.verify(missing));

    assertThat(lines(r)).containsExactly("missing.json: error: cannot be read: no such file");
  }

  @Test
  void saysAnEmptyArchiveHasNoRecords() {
    List<RecordedDelivery> records = READER.readAll(new byte[] {'\n', ' ', '\n'}, "empty.jsonl");

    assertThat(records).singleElement().satisfies(r -> assertThat(r.readProblems()).extracting(Problem::key)
        .containsExactly("fixture.emptyArchive"));
  }

  @Test
  void skipsALineOverTheLimitWithoutHoldingItAndGoesOn() {
    RecordedDeliveryReader small = RecordedDeliveryReader.withMaxRecordBytes(100);
    String body = "{\"eventType\":\"test\",\"x\":\"" + "a".repeat(500) + "\"}\n{\"eventType\":\"test\"}\n";

    List<RecordedDelivery> records = small.readAll(body.getBytes(StandardCharsets.UTF_8), "big.jsonl");

    assertThat(records).extracting(r -> r.label().orElse(null), RecordedDelivery::hasBody)
        .containsExactly(tuple("line 1", false), tuple("line 2", true));
    assertThat(records.get(0).readProblems()).extracting(Problem::key).containsExactly("fixture.tooLarge");
  }

  @Test
  void streamsAnArchiveRecordByRecordInBoundedMemory() {
    // 200,000 lines (about 9 MB) read from a stream that is never held whole; each record is dropped once seen.
    byte[] line = "{\"eventType\":\"ping\",\"data\":{\"n\":12345678901234567890}}\n".getBytes(StandardCharsets.UTF_8);
    long lines = 200_000;
    InputStream endless = new InputStream() {
      long position;

      @Override
      public int read() {
        if (position >= lines * line.length) {
          return -1;
        }
        return line[(int) (position++ % line.length)];
      }
    };
    AtomicLong seen = new AtomicLong();
    READER.read(endless, "stream.jsonl", true, r -> {
      if (r.hasBody()) {
        seen.incrementAndGet();
      }
    });

    assertThat(seen.get()).isEqualTo(lines);
  }

  @Test
  void readsStandardInputAsAPayload() {
    byte[] body = Resources.sample("publish");
    List<RecordedDelivery> records = new ArrayList<>();
    READER.read(new ByteArrayInputStream(body), "<stdin>", false, records::add);

    assertThat(records).singleElement().satisfies(r -> {
      assertThat(r.shape()).isEqualTo(RecordShape.PAYLOAD);
      assertThat(r.body()).isEqualTo(body);
      assertThat(UNSIGNED.verify(r).isValid()).isTrue();
    });
  }

  @Test
  void levelsApplyToRecordsAndToTheReadersOwnKeys() {
    DeliveryVerifier quiet = DeliveryVerifier.builder()
        .levels(ProblemLevels.parse("delivery.signature.notChecked=ignore,fixture=warning")).build();

    assertThat(quiet.verify(READER.readAll(corpus().resolve("logs/delivery.json"), "d.json").get(0)).problems()).isEmpty();
    RecordedDelivery listingRecord = READER.readAll(corpus().resolve("logs/listing.json"), "l.json").get(0);
    CheckedRecord listing = new CheckedRecord(listingRecord, quiet.verify(listingRecord));
    assertThat(listing.isValid()).isTrue();
    assertThat(listing.report().warnings()).extracting(Problem::key).containsExactly("fixture.logListing");
  }

  @Test
  void neverChangesARecordedFile() throws IOException {
    Path file = corpus().resolve("wiremock/journal.json");
    byte[] before = Files.readAllBytes(file);

    check("wiremock/journal.json", SIGNED);

    assertThat(Files.readAllBytes(file)).isEqualTo(before);
  }

  @Test
  void readsEveryRecordTheLogsShapeWritesWithItsHeadersAndBody() throws IOException {
    byte[] body = Resources.sample("publish");
    WebhookLogRecord log = new WebhookLogRecord(7, "WH-7", 3, 432L, "publish", null, true, 1,
        java.time.Instant.parse("2026-11-24T17:26:30Z"), "POST", "http://127.0.0.1:9/hooks",
        java.util.Map.of("X-Webconnex-Event", List.of("publish"), "Content-Type", List.of("application/json")), body,
        200, java.util.Map.of(), "ok");
    var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
    var one = mapper.createObjectNode().put("responseCode", 200);
    one.set("data", log.toJson());
    var page = mapper.createObjectNode().put("responseCode", 200);
    page.putArray("data").add(log.toJson()).add(log.toJson());

    RecordedDelivery record = READER.readAll(mapper.writeValueAsBytes(one), "one.json").get(0);
    List<RecordedDelivery> fromPage = READER.readAll(mapper.writeValueAsBytes(page), "page.json");

    assertThat(record.shape()).isEqualTo(RecordShape.WEBHOOK_LOG);
    assertThat(record.headers().orElseThrow()).containsEntry("X-Webconnex-Event", List.of("publish"));
    assertThat(mapper.readTree(record.body())).isEqualTo(mapper.readTree(body));
    assertThat(fromPage).extracting(RecordedDelivery::shape).containsOnly(RecordShape.WEBHOOK_LOG).hasSize(2);
    assertThat(log.toSummaryJson().has(WebhookLogRecord.REQUEST)).isFalse();
    assertThat(log.toString()).doesNotContain("http://");
  }

  private static String compact(String file) throws IOException {
    return new com.fasterxml.jackson.databind.ObjectMapper().readTree(corpus().resolve(file).toFile()).toString();
  }
}
