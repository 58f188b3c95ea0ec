package io.webconnexkit.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.webconnexkit.validator.CheckedRecord;
import io.webconnexkit.validator.Problem;
import io.webconnexkit.validator.ProblemLevels;
import io.webconnexkit.validator.Profile;
import io.webconnexkit.validator.RecordShape;
import io.webconnexkit.validator.ReportLine;
import io.webconnexkit.validator.Severity;
import io.webconnexkit.validator.SignatureStatus;
import io.webconnexkit.validator.SigningSecret;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine on real fixture files of each shape, as the goal runs it. */
class FixtureEngineTest {

  /** What a webhook logs API record says of its signature, at info: in file order among the problems. */
  private static final String NOTE = "not checked: the webhook logs API returns the body parsed, not the bytes "
      + "Webconnex signed, so this record cannot prove the signature (record the raw request, for example with "
      + "WireMock, to check it)";

  private static FixtureEngine engine() {
    return new FixtureEngine(FixtureRequest.builder(Fixtures.dir()).build());
  }

  private static FixtureEngine engine(String secret) {
    return new FixtureEngine(FixtureRequest.builder(Fixtures.dir()).secret(SigningSecret.of(secret)).build());
  }

  private static CheckedRecord only(List<CheckedRecord> results) {
    assertThat(results).hasSize(1);
    return results.get(0);
  }

  private static List<String> lines(CheckedRecord r) {
    return ReportFile.inFileOrder(r).stream().map(p -> ReportLine.withoutSeverity(r.record().path(), p)).toList();
  }

  private static String path(CheckedRecord r) {
    return r.record().path();
  }

  private static String label(CheckedRecord r) {
    return r.record().label().orElse(null);
  }

  @Test
  void acceptsAValidBarePayload() {
    CheckedRecord r = only(engine().check(Path.of("payload/registration.json")));

    assertThat(r.record().shape()).isEqualTo(RecordShape.PAYLOAD);
    assertThat(r.isValid()).isTrue();
    assertThat(r.report().problems()).isEmpty();
    assertThat(r.report().eventType()).contains("registration");
    assertThat(r.record().label()).isEmpty();
  }

  @Test
  void reportsABarePayloadProblemAtItsLineAndColumn() {
    CheckedRecord r = only(engine().check(Path.of("payload/registration-total-string.json")));

    assertThat(r.isValid()).isFalse();
    assertThat(lines(r)).containsExactly(
        "payload/registration-total-string.json:123:14: /data/total: expected number but found string \"100\"");
    assertThat(r.report().problems().get(0).key()).isEqualTo("schema.type");
  }

  @Test
  void reportsMalformedJsonWhereItBreaks() {
    CheckedRecord r = only(engine().check(Path.of("payload/malformed.json")));

    assertThat(r.report().problems()).extracting(Problem::key, Problem::line, Problem::column)
        .containsExactly(tuple("payload.malformed", 4, 1));
  }

  @Test
  void checksAWebhookLogRecordWithoutItsSignatureAndSaysWhy() {
    CheckedRecord r = only(engine(Fixtures.SECRET).check(Path.of("logs/delivery.json")));

    assertThat(r.record().shape()).isEqualTo(RecordShape.WEBHOOK_LOG);
    assertThat(r.isValid()).isTrue();
    // Even with a secret configured: the logs API gives a parsed body, not the signed bytes.
    assertThat(r.report().signature()).isEqualTo(SignatureStatus.NOT_CHECKED);
    assertThat(r.signatureChecked()).isFalse();
    assertThat(r.report().notes()).singleElement().satisfies(n -> {
      assertThat(n.key()).isEqualTo("delivery.signature.notChecked");
      assertThat(n.severity()).isEqualTo(Severity.INFO);
      assertThat(n.header()).contains("X-Webconnex-Signature");
      assertThat(n.message()).contains("the webhook logs API returns the body parsed");
      assertThat(n.line()).isEqualTo(25);
    });
  }

  @Test
  void placesBodyAndHeaderProblemsOfALogRecordInTheFixture() {
    CheckedRecord r = only(engine().check(Path.of("logs/delivery-broken.json")));

    // The body is cut out of the fixture byte for byte, so its lines are the fixture's lines.
    assertThat(lines(r)).containsExactly(
        "logs/delivery-broken.json:22:9: X-Webconnex-Event: is \"publish\" but the body's eventType is \"registration\"",
        "logs/delivery-broken.json:25:9: X-Webconnex-Signature: " + NOTE,
        "logs/delivery-broken.json:151:20: /data/total: expected number but found string \"100\"");
  }

  @Test
  void checksEachDeliveryOfALogsPage() {
    List<CheckedRecord> results = engine().check(Path.of("logs/page.json"));

    assertThat(results).extracting(FixtureEngineTest::label, r -> r.record().line(), CheckedRecord::isValid)
        .containsExactly(tuple("data[0]", 4, true), tuple("data[1]", 174, false));
    assertThat(lines(results.get(1))).containsExactly("logs/page.json:196:11: X-Webconnex-Signature: " + NOTE,
        "logs/page.json:322:22: /data/total: expected number but found string \"100\"");
  }

  @Test
  void saysALogsListingHasNothingToCheck() {
    CheckedRecord r = only(engine().check(Path.of("logs/listing.json")));

    assertThat(r.report().problems()).singleElement().satisfies(p -> {
      assertThat(p.key()).isEqualTo("fixture.logListing");
      assertThat(p.message()).contains("/logs/{logId}");
    });
  }

  @Test
  void verifiesTheSignaturesOfAWireMockJournalWithTheRightSecret() {
    List<CheckedRecord> results = engine(Fixtures.SECRET).check(Path.of("wiremock/journal.json"));

    assertThat(results).extracting(FixtureEngineTest::label, r -> r.record().shape(), r -> r.report().signature())
        .containsExactly(
            tuple("requests[0]", RecordShape.WIREMOCK_REQUEST, SignatureStatus.VERIFIED),
            tuple("requests[1]", RecordShape.WIREMOCK_REQUEST, SignatureStatus.VERIFIED));
    assertThat(results).allMatch(CheckedRecord::isValid).allMatch(CheckedRecord::signatureChecked);
  }

  @Test
  void rejectsTheSignaturesOfAWireMockJournalUnderTheWrongSecret() {
    List<CheckedRecord> results = engine("not-the-secret").check(Path.of("wiremock/journal.json"));

    assertThat(results).allMatch(r -> r.report().signature() == SignatureStatus.INVALID);
    assertThat(lines(results.get(0))).singleElement().asString()
        .startsWith("wiremock/journal.json:15:11: X-Webconnex-Signature: does not match the body");
  }

  @Test
  void leavesWireMockSignaturesUncheckedWithoutASecret() {
    FixtureRun run = new FixtureEngine(FixtureRequest.builder(Fixtures.dir())
        .fixture(Path.of("wiremock/journal.json")).build()).run();

    assertThat(run.results()).allMatch(r -> r.report().signature() == SignatureStatus.NOT_CHECKED);
    assertThat(run.signaturesChecked()).isZero();
    assertThat(run.signaturesUncheckable()).isEqualTo(2);
  }

  @Test
  void placesProblemsOfARawBodyAtTheBodyAndSaysWhereInsideIt() {
    CheckedRecord r = only(engine(Fixtures.SECRET).check(Path.of("wiremock/serve-event.json")));

    assertThat(r.record().shape()).isEqualTo(RecordShape.WIREMOCK_REQUEST);
    assertThat(r.report().signature()).isEqualTo(SignatureStatus.VERIFIED);
    assertThat(lines(r)).containsExactly("wiremock/serve-event.json:20:13: /data/total: expected number but found "
        + "string \"100\" (line 1, column 1626 of the recorded body)");
  }

  @Test
  void reportsEachLineOfAJsonLinesArchiveWithItsOwnLineNumber() {
    List<CheckedRecord> results = engine().check(Path.of("jsonl/archive.jsonl"));

    assertThat(results).extracting(FixtureEngineTest::label, r -> r.record().line(), CheckedRecord::isValid)
        .containsExactly(tuple("line 1", 1, true), tuple("line 2", 2, false), tuple("line 3", 3, true));
    assertThat(lines(results.get(1)))
        .containsExactly("jsonl/archive.jsonl:2:1626: /data/total: expected number but found string \"100\"");
  }

  @Test
  void skipsBlankLinesAndKeepsCountingThem(@TempDir Path dir) throws IOException {
    Path archive = dir.resolve("a.jsonl");
    Files.writeString(archive, "\n{\"eventType\":\"test\",\"formId\":\"x\"}\r\n\n");

    List<CheckedRecord> results = new FixtureEngine(FixtureRequest.builder(dir).build()).check(archive);

    assertThat(results).singleElement().satisfies(r -> {
      assertThat(r.record().line()).isEqualTo(2);
      assertThat(r.report().problems()).isNotEmpty().allMatch(p -> p.line() == 2);
    });
  }

  @Test
  void saysAFileOfNoKnownShapeIsNotAFixture() {
    CheckedRecord object = only(engine().check(Path.of("unknown/object.json")));
    CheckedRecord array = only(engine().check(Path.of("unknown/array.json")));

    assertThat(object.record().shape()).isEqualTo(RecordShape.UNRECOGNISED);
    assertThat(lines(object)).containsExactly("unknown/object.json:1:1: not a Webconnex payload, webhook log record, "
        + "WireMock request journal or JSON Lines archive (its top-level members are name, items)");
    assertThat(lines(array)).containsExactly("unknown/array.json:1:1: not a Webconnex payload, webhook log record, "
        + "WireMock request journal or JSON Lines archive (the top level is an array)");
  }

  @Test
  void reportsAFileThatCannotBeReadAndGoesOn(@TempDir Path dir) throws IOException {
    Fixtures.copyTo(dir);
    Path broken = dir.resolve("payload/zz-broken-link.json");
    Files.createSymbolicLink(broken, dir.resolve("nowhere.json"));

    FixtureRun run = new FixtureEngine(FixtureRequest.builder(dir).fixture(Path.of("payload")).build()).run();

    assertThat(run.results()).extracting(FixtureEngineTest::path).containsExactly("payload/malformed.json",
        "payload/registration-total-string.json", "payload/registration.json", "payload/zz-broken-link.json");
    assertThat(run.results().get(3).report().problems()).singleElement()
        .satisfies(p -> assertThat(p.key()).isEqualTo("fixture.unreadable"));
  }

  @Test
  void findsFilesWithAntStyleIncludesAndExcludes() {
    FixtureRun run = new FixtureEngine(FixtureRequest.builder(Fixtures.dir()).fixture(Path.of("."))
        .include("**/*.json").exclude("unknown/**").exclude("**/*-broken.json").build()).run();

    assertThat(run.results().stream().map(FixtureEngineTest::path).distinct())
        .contains("payload/registration.json", "logs/delivery.json", "wiremock/journal.json")
        .doesNotContain("jsonl/archive.jsonl", "unknown/object.json", "logs/delivery-broken.json");
  }

  @Test
  void includesFilesAtTheTopOfAFolderToo(@TempDir Path dir) throws IOException {
    Files.copy(Fixtures.dir().resolve("payload/registration.json"), dir.resolve("top.json"));

    FixtureRun run = new FixtureEngine(FixtureRequest.builder(dir).fixture(dir).build()).run();

    assertThat(run.results()).extracting(FixtureEngineTest::path).containsExactly("top.json");
  }

  @Test
  void namesFoldersThatDoNotExist() {
    FixtureRun run = new FixtureEngine(FixtureRequest.builder(Fixtures.dir()).fixture(Path.of("no-such-folder")).build()).run();

    assertThat(run.results()).isEmpty();
    assertThat(run.missing()).containsExactly(Fixtures.dir().resolve("no-such-folder"));
  }

  @Test
  void holdsPayloadsToTheStrictProfileWhenAsked() {
    FixtureRequest strict = FixtureRequest.builder(Fixtures.dir()).profile(Profile.STRICT).build();

    CheckedRecord r = only(new FixtureEngine(strict).check(Path.of("payload/registration.json")));

    assertThat(r.report().profile()).isEqualTo(Profile.STRICT);
  }

  @Test
  void givesTheSameResultsOnSeveralThreadsInTheSameOrder() {
    FixtureRun one = new FixtureEngine(FixtureRequest.builder(Fixtures.dir()).fixture(Path.of(".")).build()).run();
    FixtureRun four = new FixtureEngine(FixtureRequest.builder(Fixtures.dir()).fixture(Path.of(".")).threads(4).build()).run();

    assertThat(four.results()).extracting(r -> r.record().name(), CheckedRecord::report)
        .containsExactlyElementsOf(one.results().stream().map(r -> tuple(r.record().name(), r.report())).toList());
    assertThat(one.files()).isEqualTo(12);
  }

  @Test
  void neverChangesAFixture(@TempDir Path dir) {
    Fixtures.copyTo(dir);
    Map<String, String> before = Fixtures.checksums(dir);

    FixtureRun run = new FixtureEngine(FixtureRequest.builder(dir).fixture(dir).threads(2)
        .secret(SigningSecret.of(Fixtures.SECRET)).build()).run();

    assertThat(run.invalid()).isPositive();
    assertThat(Fixtures.checksums(dir)).isEqualTo(before);
  }

  @Test
  void takesNdjsonFilesByDefault(@TempDir Path dir) throws IOException {
    Files.copy(Fixtures.dir().resolve("jsonl/archive.jsonl"), dir.resolve("archive.ndjson"));

    FixtureRun run = new FixtureEngine(FixtureRequest.builder(dir).fixture(dir).build()).run();

    assertThat(run.results()).extracting(FixtureEngineTest::label, CheckedRecord::isValid)
        .containsExactly(tuple("line 1", true), tuple("line 2", false), tuple("line 3", true));
  }

  @Test
  void acceptsASignatureMadeWithAnyOfSeveralSecrets() {
    FixtureRequest rotation = FixtureRequest.builder(Fixtures.dir())
        .secret(SigningSecret.of("the-new-secret")).secret(SigningSecret.of(Fixtures.SECRET)).build();

    List<CheckedRecord> results = new FixtureEngine(rotation).check(Path.of("wiremock/journal.json"));

    assertThat(results).extracting(r -> r.report().signature())
        .containsExactly(SignatureStatus.VERIFIED, SignatureStatus.VERIFIED);
  }

  @Test
  void setsTheLevelsOfPayloadAndFixtureKeys() {
    FixtureRequest levels = FixtureRequest.builder(Fixtures.dir())
        .levels(ProblemLevels.parse("schema.type=warning,fixture=ignore")).build();
    FixtureEngine engine = new FixtureEngine(levels);

    CheckedRecord total = only(engine.check(Path.of("payload/registration-total-string.json")));
    CheckedRecord unknown = only(engine.check(Path.of("unknown/object.json")));

    assertThat(total.isValid()).isTrue();
    assertThat(total.report().warnings()).extracting(Problem::key, Problem::line).containsExactly(tuple("schema.type", 123));
    assertThat(unknown.isValid()).isTrue();
    assertThat(unknown.report().problems()).isEmpty();
  }

  @Test
  void aLevelCanTurnTheLogsNoteIntoAWarning() {
    FixtureRequest levels = FixtureRequest.builder(Fixtures.dir())
        .levels(ProblemLevels.parse("delivery.signature.notChecked=warning")).build();

    CheckedRecord r = only(new FixtureEngine(levels).check(Path.of("logs/delivery.json")));

    assertThat(r.report().warnings()).extracting(Problem::key).containsExactly("delivery.signature.notChecked");
    assertThat(r.report().notes()).isEmpty();
  }

  @Test
  void antPatternsBecomeGlobsThatAlsoMatchNoFolder() {
    assertThat(FixtureScanner.globs("**/*.json")).containsExactly("**/*.json", "*.json");
    assertThat(FixtureScanner.globs("a/**/b/**/*.json"))
        .containsExactlyInAnyOrder("a/**/b/**/*.json", "a/**/b/*.json", "a/b/**/*.json", "a/b/*.json");
    assertThat(FixtureScanner.globs("logs/")).containsExactly("logs/**");
  }
}
