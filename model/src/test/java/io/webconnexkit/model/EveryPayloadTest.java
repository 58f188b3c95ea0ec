package io.webconnexkit.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.webconnexkit.validator.EventType;
import io.webconnexkit.validator.RecordedDelivery;
import io.webconnexkit.validator.RecordedDeliveryReader;
import io.webconnexkit.validator.ValidationReport;
import io.webconnexkit.validator.WebconnexValidator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every payload of the repository through the model: the bundled samples, the examples printed in
 * Webconnex's API documentation, and every recorded payload, log record, WireMock journal and test
 * input of every module. Each one that conforms (lenient) must bind to the record of its event type
 * and write back the same JSON tree; each one that does not must be refused with the very report the
 * validator gives.
 */
class EveryPayloadTest {

  /** The record each documented event type binds to, as the issue names them. */
  static final Map<String, Class<? extends WebconnexEvent>> RECORDS = Map.ofEntries(
      Map.entry("registration", RegistrationEvent.class),
      Map.entry("publish", PublishEvent.class),
      Map.entry("subscription", SubscriptionEvent.class),
      Map.entry("sms", SmsEvent.class),
      Map.entry("inventory_80", InventoryEvent.class),
      Map.entry("inventory_90", InventoryEvent.class),
      Map.entry("inventory_100", InventoryEvent.class),
      Map.entry("coupon", CouponEvent.class),
      Map.entry("edit_registrant", RegistrantEvent.class),
      Map.entry("cancel_registrant", RegistrantEvent.class),
      Map.entry("edit_ticket", TicketEvent.class),
      Map.entry("cancel_ticket", TicketEvent.class),
      Map.entry("test", TestEvent.class));

  private static final WebconnexValidator LENIENT = WebconnexValidator.lenient();
  private static final ObjectMapper USERS_MAPPER = new ObjectMapper().findAndRegisterModules();

  /** Folders whose JSON files are not payloads or recordings: schemas, contracts, stub mappings, golden files. */
  private static final List<String> NOT_PAYLOADS = List.of(
      "schemas/src/main/resources/webconnex/schemas/",
      "schemas/src/contract/",
      "schemas-generator/src/test/resources/",
      "wiremock/src/main/resources/webconnex/wiremock/mappings/",
      "validator-core/src/test/resources/schemas/");

  @Test
  void everyBundledSampleBindsToTheRecordOfItsEventTypeAndWritesTheSameTree() {
    for (EventType type : EventType.values()) {
      byte[] sample = Json.resource("webconnex/samples/v1/" + type.wireName() + ".json");

      WebconnexEvent event = WebconnexEvents.parse(sample);

      assertThat(event).as(type.wireName()).isInstanceOf(RECORDS.get(type.wireName()));
      assertThat(event.eventType()).isEqualTo(type.wireName());
      assertThat(Json.roundTripOf(event)).as(type.wireName()).isEqualTo(Json.canonical(Json.tree(sample)));
      assertThat(event.extras()).as("a sample carries only documented fields: %s", type).isEmpty();
    }
    assertThat(RECORDS).hasSameSizeAs(EventType.values());
  }

  @Test
  void everyExamplePrintedInTheApiDocumentationBindsAndWritesTheSameTree() throws IOException {
    List<String> examples = officialExamples();

    for (String example : examples) {
      byte[] body = example.getBytes(StandardCharsets.UTF_8);
      WebconnexEvent event = WebconnexEvents.parse(body);

      assertThat(event).isInstanceOf(RECORDS.get(event.eventType()));
      assertThat(Json.roundTripOf(event)).as(event.eventType()).isEqualTo(Json.canonical(Json.tree(body)));
    }
    assertThat(examples).as("registration, publish, subscription, inventory, coupon and test").hasSize(6);
  }

  @Test
  void everyPayloadRecordedInTheRepositoryBindsWhenItConformsAndIsRefusedWithItsReportWhenItDoesNot() throws IOException {
    List<String> bound = new ArrayList<>();
    List<String> refused = new ArrayList<>();
    List<String> overLong = new ArrayList<>();

    for (Path file : repositoryJsonFiles()) {
      String path = Json.ROOT.relativize(file).toString().replace('\\', '/');
      for (RecordedDelivery record : RecordedDeliveryReader.standard().readAll(file, path)) {
        if (!record.hasBody()) {
          continue;
        }
        byte[] body = record.body();
        ValidationReport report = LENIENT.validate(body);
        if (report.isValid() && beyondLong(body, report)) {
          overLong.add(record.name());
        } else if (report.isValid()) {
          WebconnexEvent event = WebconnexEvents.parse(body);
          String expected = Json.canonical(Json.tree(body));
          assertThat(Json.roundTripOf(event)).as(record.name()).isEqualTo(expected);
          assertThat(USERS_MAPPER.readValue(body, WebconnexEvent.class)).as(record.name()).isEqualTo(event);
          assertThat(Json.canonical(Json.tree(USERS_MAPPER.writeValueAsBytes(event)))).as(record.name()).isEqualTo(expected);
          RECORDS.entrySet().stream().filter(e -> e.getKey().equals(event.eventType())).forEach(e ->
              assertThat(event).as(record.name()).isInstanceOf(e.getValue()));
          if (!RECORDS.containsKey(event.eventType())) {
            assertThat(event).as(record.name()).isInstanceOf(UnknownEvent.class);
          }
          bound.add(record.name());
        } else {
          WebconnexEventException refusal =
              catchThrowableOfType(WebconnexEventException.class, () -> WebconnexEvents.parse(body));
          assertThat(refusal).as(record.name()).isNotNull();
          assertThat(refusal.report()).as(record.name()).isEqualTo(report);
          refused.add(record.name());
        }
      }
    }
    assertThat(bound).as("conforming payloads found in the repository").hasSizeGreaterThan(40);
    assertThat(overLong).as("conforming payloads with an integer beyond a Java long, refused with model.binding")
        .hasSizeLessThan(bound.size() / 10);
    assertThat(refused).as("nonconforming payloads found in the repository").hasSizeGreaterThan(20);
  }

  /**
   * Whether a conforming payload holds an integer that no Java long can, such as a formId of 20 digits
   * (the kit takes an id as 64 bits, as {@code EventType.formIdOf} does): then, and only then, parse
   * must refuse it with the validator's report plus one error {@code model.binding} at that integer.
   */
  private static boolean beyondLong(byte[] body, ValidationReport report) {
    try {
      WebconnexEvents.parse(body);
      return false;
    } catch (WebconnexEventException e) {
      assertThat(e.report().problems().subList(0, report.problems().size())).isEqualTo(report.problems());
      assertThat(e.report().errors()).singleElement().satisfies(problem -> {
        assertThat(problem.key()).isEqualTo(WebconnexEventException.BINDING_KEY);
        assertThat(problem.message()).startsWith("expected an integer that fits a Java long");
        assertThat(Json.tree(body).at(problem.pointer()).bigIntegerValue().bitLength()).isGreaterThan(63);
      });
      return true;
    }
  }

  /** The ```json blocks of the API text, with the one documented repair (D-SUBSCRIPTION-COMMA). */
  static List<String> officialExamples() throws IOException {
    String text = Files.readString(Json.ROOT.resolve("schemas/src/test/resources/seeds/001_193fbef7f4e59dc6.txt"));
    List<String> examples = new ArrayList<>();
    Matcher block = Pattern.compile("```json\\n(.*?)```", Pattern.DOTALL).matcher(text);
    while (block.find()) {
      examples.add(block.group(1).replaceFirst("(\"status\": \"active\"),(\\s*})", "$1$2"));
    }
    return examples;
  }

  private static List<Path> repositoryJsonFiles() throws IOException {
    try (Stream<Path> files = Files.walk(Json.ROOT)) {
      return files.filter(Files::isRegularFile)
          .filter(p -> p.toString().endsWith(".json") || p.toString().endsWith(".jsonl"))
          .filter(p -> {
            String path = Json.ROOT.relativize(p).toString().replace('\\', '/');
            return !path.contains("/target/") && !path.startsWith(".git/") && !path.contains("/node_modules/")
                && NOT_PAYLOADS.stream().noneMatch(path::startsWith);
          })
          .sorted()
          .toList();
    }
  }
}
