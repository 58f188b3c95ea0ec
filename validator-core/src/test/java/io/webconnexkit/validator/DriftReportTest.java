package io.webconnexkit.validator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.webconnexkit.validator.DriftReport.EventDrift;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The drift report over the bundled example corpus (examples/recorded) and over planted cases. */
class DriftReportTest {

  private static final Path CORPUS = Path.of("").toAbsolutePath().resolve("../examples/recorded").normalize();
  private static final ObjectMapper MAPPER = new ObjectMapper();

  static DriftReport corpus() throws Exception {
    DriftReport.Builder builder = DriftReport.builder();
    List<Path> files;
    try (Stream<Path> list = Files.list(CORPUS)) {
      files = list.sorted().toList();
    }
    for (Path file : files) {
      RecordedDeliveryReader.standard().read(file, "examples/recorded/" + file.getFileName(), builder::add);
    }
    return builder.build();
  }

  private static EventDrift event(DriftReport report, String eventType) {
    return report.events().stream().filter(e -> e.eventType().equals(eventType)).findFirst().orElseThrow();
  }

  @Test
  void theBundledCorpusShowsEveryKindOfFinding() throws Exception {
    DriftReport report = corpus();
    EventDrift registration = event(report, "registration");

    assertThat(report.payloads()).isEqualTo(10);
    assertThat(registration.payloads()).isEqualTo(4);
    assertThat(registration.undocumented()).extracting(DriftReport.Undocumented::pointer)
        .containsExactly("/data/registrants/*/checkedIn", "/data/couponCode");
    DriftReport.Undocumented checkedIn = registration.undocumented().get(0);
    assertThat(checkedIn.count()).isEqualTo(4);
    assertThat(checkedIn.share()).isEqualTo(1.0);
    assertThat(checkedIn.first()).isEqualTo(new DriftReport.First("examples/recorded/deliveries.jsonl", 1));
    assertThat(checkedIn.example()).isEqualTo("true");
    assertThat(registration.undocumented().get(1).share()).isEqualTo(0.25);
    assertThat(registration.typeMismatches()).extracting(DriftReport.TypeMismatch::pointer).containsExactly("/data/id", "/data/total");
    assertThat(registration.typeMismatches().get(1).documented()).containsExactly("number");
    assertThat(registration.typeMismatches().get(1).seen()).containsEntry("string", 1L);
    assertThat(registration.formats()).extracting(DriftReport.Format::pointer, DriftReport.Format::kind)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("/data/id", "numericId"),
            org.assertj.core.groups.Tuple.tuple("/data/registrationTimestamp", "legacyTimestamp"));
    assertThat(registration.formats().get(1).first().line()).isEqualTo(3);
    assertThat(registration.unseen()).extracting(DriftReport.Unseen::pointer).contains("/data/metrics", "/meta/appToken")
        .doesNotContain("/data/tickets/*/fee", "/data/registrants/*/data/*/first");
    assertThat(registration.observed()).extracting(DriftReport.Observed::pointer)
        .contains("/data/formName", "/data/registrants/*/lookupId", "/meta/appUrl", "/data/billing/card/track1");
    assertThat(registration.undocumented()).extracting(DriftReport.Undocumented::pointer)
        .as("observed fields are listed apart").doesNotContain("/data/formName", "/meta/appUrl");
    assertThat(event(report, "subscription").observed()).extracting(DriftReport.Observed::pointer).contains("/data/payments");
    assertThat(event(report, "coupon").undocumented()).extracting(DriftReport.Undocumented::pointer).containsExactly("/data/campaign");
    assertThat(report.unknownEventTypes()).containsExactly(
        new DriftReport.UnknownEventType("ping", 2, null),
        new DriftReport.UnknownEventType("registrant_edit", 1, "edit_registrant"));
    assertThat(report.hasFindings()).isTrue();
  }

  @Test
  void theJsonFormHasTheDocumentedShape() throws Exception {
    JsonNode json = MAPPER.readTree(corpus().toJson(true));

    assertThat(names(json)).containsExactly("payloads", "events", "unknownEventTypes", "skipped", "truncated");
    JsonNode registration = json.at("/events/0");
    assertThat(names(registration))
        .containsExactly("eventType", "payloads", "undocumented", "typeMismatches", "unseen", "formats", "observed");
    assertThat(names(registration.at("/undocumented/0"))).containsExactly("pointer", "count", "share", "first", "example");
    assertThat(names(registration.at("/undocumented/0/first"))).containsExactly("path", "line");
    assertThat(names(registration.at("/typeMismatches/0"))).containsExactly("pointer", "documented", "seen", "count");
    assertThat(names(registration.at("/unseen/0"))).containsExactly("pointer", "documentedIn");
    assertThat(names(registration.at("/formats/0"))).containsExactly("pointer", "kind", "count", "first", "example");
    assertThat(names(registration.at("/observed/0"))).containsExactly("pointer", "count", "share", "evidence");
    assertThat(json.at("/unknownEventTypes/0").toString()).isEqualTo("{\"eventType\":\"ping\",\"count\":2,\"resembles\":null}");
  }

  @Test
  void theDocumentedJsonFormHasTheMembersTheReportWrites() throws Exception {
    String page = Files.readString(Path.of("").toAbsolutePath().resolve("../docs/traffic.md").normalize());
    String drift = page.substring(page.indexOf("## Drift"));
    int start = drift.indexOf("```json\n") + "```json\n".length();
    JsonNode documented = MAPPER.readTree(drift.substring(start, drift.indexOf("```", start)));
    JsonNode written = MAPPER.readTree(corpus().toJson(true));

    java.util.Set<String> documentedShape = new java.util.TreeSet<>();
    java.util.Set<String> writtenShape = new java.util.TreeSet<>();
    shape(documented, "", documentedShape);
    shape(written, "", writtenShape);

    assertThat(documentedShape).isEqualTo(writtenShape);
  }

  /** Every member path, arrays as *, without descending into the types of "seen". */
  private static void shape(JsonNode node, String at, java.util.Set<String> out) {
    if (node.isObject()) {
      node.fields().forEachRemaining(e -> {
        out.add(at + "/" + e.getKey());
        if (!e.getKey().equals("seen")) {
          shape(e.getValue(), at + "/" + e.getKey(), out);
        }
      });
    } else if (node.isArray()) {
      node.forEach(element -> shape(element, at + "/*", out));
    }
  }

  @Test
  void theJsonFormReadsBackAsTheSameReport() throws Exception {
    DriftReport report = corpus();

    DriftReport read = DriftReport.fromJson(report.toJson(false));

    assertThat(read.toJson(false)).isEqualTo(report.toJson(false));
  }

  @Test
  void againstItsOwnBaselineNothingIsNewAndAPlantedFieldTypeAndEventAre() throws Exception {
    DriftReport baseline = corpus();
    assertThat(baseline.newSince(DriftReport.fromJson(baseline.toJson(false))).hasFindings()).isFalse();

    DriftReport.Builder builder = DriftReport.builder();
    RecordedDeliveryReader.standard().read(CORPUS.resolve("deliveries.jsonl"), "deliveries.jsonl", builder::add);
    ObjectMapper mapper = new ObjectMapper();
    JsonNode planted = mapper.readTree(WebconnexSample.of(EventType.REGISTRATION).with("/data/brandNew", 1)
        .with("/data/orderNumber", 7).toBytes());
    builder.add(planted, new DriftReport.First("planted.json", 1));
    builder.add(mapper.readTree("{\"eventType\":\"cancel_order\",\"data\":{}}"), new DriftReport.First("planted.json", 2));

    DriftReport fresh = builder.build().newSince(DriftReport.fromJson(baseline.toJson(false)));

    assertThat(fresh.hasFindings()).isTrue();
    EventDrift registration = event(fresh, "registration");
    assertThat(registration.undocumented()).extracting(DriftReport.Undocumented::pointer).containsExactly("/data/brandNew");
    assertThat(registration.typeMismatches()).extracting(DriftReport.TypeMismatch::pointer).containsExactly("/data/orderNumber");
    assertThat(registration.formats()).isEmpty();
    assertThat(fresh.unknownEventTypes()).extracting(DriftReport.UnknownEventType::eventType).containsExactly("cancel_order");
  }

  @Test
  void aValueUnderAKeyThatLooksLikeASecretCardOrTokenIsNeverShown() throws Exception {
    DriftReport report = DriftReport.of(resource("drift/secrets.jsonl"), "secrets.jsonl");
    EventDrift publish = event(report, "publish");

    assertThat(publish.undocumented()).filteredOn(u -> !u.pointer().contains("plain") && !u.pointer().contains("odd"))
        .extracting(DriftReport.Undocumented::pointer)
        .containsExactlyInAnyOrder("/data/apiSecret", "/data/paymentToken", "/data/cardHolder");
    assertThat(publish.undocumented()).filteredOn(u -> !u.pointer().contains("plain") && !u.pointer().contains("odd"))
        .allSatisfy(u -> assertThat(u.example()).isNull());
    for (String form : List.of(report.toText(), report.toJson(true), report.toHtml())) {
      assertThat(form).doesNotContain("s3cr3t").doesNotContain("tok_live").doesNotContain("4111111111111111")
          .contains("visible-value");
    }
  }

  @Test
  void userDataIsEscapedInEveryFormAndUnreadableRecordsAreCountedAsSkipped() throws Exception {
    DriftReport report = DriftReport.of(resource("drift/secrets.jsonl"), "secrets.jsonl");

    assertThat(report.skipped()).isEqualTo(1);
    assertThat(report.unknownEventTypes()).extracting(DriftReport.UnknownEventType::resembles).containsExactly("cancel_registrant");
    for (String form : List.of(report.toText(), report.toHtml())) {
      assertThat(form.chars().filter(c -> c < 0x20 && c != '\n').count()).as("raw control characters").isZero();
    }
    assertThat(report.toText()).contains("odd\\u001b[31mkey");
    assertThat(report.toHtml()).doesNotContain("<script").doesNotContain("http://").doesNotContain("https://");
  }

  @Test
  void aBaselineThatIsNotADriftReportIsRefusedWithAClearMessage() {
    assertThatThrownBy(() -> DriftReport.fromJson("{\"results\":[]}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("not a drift report: expected a JSON object with \"payloads\", \"events\" and \"unknownEventTypes\""
            + " (the form webconnex drift --format json writes)");
    assertThatThrownBy(() -> DriftReport.fromJson("{\"payloads\":"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("not JSON: ");
  }

  @Test
  void theHtmlPageIsSelfContainedWithABarPerField() throws Exception {
    String html = corpus().toHtml();

    assertThat(html).startsWith("<!DOCTYPE html>").contains("<h2>registration <small>(4 payloads)</small></h2>")
        .contains("class=\"bar undocumented\"").contains("class=\"bar observed\"").contains("class=\"bar documented\"")
        .contains("Content-Security-Policy").doesNotContain("<script").doesNotContain("<link").doesNotContain("src=");
  }

  @Test
  void theJavaSampleOfTheTrafficPageReadsAFileAndComparesWithABaseline(@org.junit.jupiter.api.io.TempDir Path temp)
      throws Exception {
    Path pulled = CORPUS.resolve("deliveries.jsonl");
    Path baseline = temp.resolve("baseline.json");
    Files.writeString(baseline, corpus().toJson(true));

    DriftReport.Builder drift = DriftReport.builder();
    RecordedDeliveryReader.standard().read(pulled, "pulled.jsonl", drift::add);
    DriftReport report = drift.build();
    String page = report.toHtml();
    boolean somethingNew = report.newSince(DriftReport.fromJson(Files.readString(baseline))).hasFindings();

    assertThat(page).contains("<h2>registration");
    assertThat(somethingNew).as("the file is part of the baseline's corpus").isFalse();
  }

  private static List<String> names(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static Path resource(String name) throws URISyntaxException {
    return Path.of(DriftReportTest.class.getClassLoader().getResource(name).toURI());
  }
}
