package io.webconnexkit.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The "Observed fields" section of docs/documentation-discrepancies.md lists exactly the observed
 * fields of the contract (as the generated field index carries them), with their event types and
 * evidence.
 */
class ObservedFieldsPageTest {

  private static final Path MODULE = Path.of("").toAbsolutePath();
  private static final Path PAGE = MODULE.resolve("../docs/documentation-discrepancies.md").normalize();
  private static final Path INDEX = MODULE.resolve("src/main/resources/webconnex/schemas/v1/fields.json");
  private static final Pattern ROW = Pattern.compile("^\\| `([^`]+)` \\| ([^|]+) \\| (.+) \\|$", Pattern.MULTILINE);

  @Test
  void thePageListsEveryObservedFieldOfTheContractWithItsEventTypesAndEvidence() throws IOException {
    Map<String, String> contract = new TreeMap<>();
    JsonNode events = PublishedSchemas.MAPPER.readTree(INDEX.toFile()).get("events");
    Map<String, String> eventTypes = new TreeMap<>();
    new TreeMap<>(toMap(events)).forEach((eventType, fields) -> fields.forEach(field -> {
      if (field.has("observed")) {
        String pointer = field.get("pointer").asText();
        contract.put(pointer, field.get("observed").asText());
        eventTypes.merge(pointer, eventType, (a, b) -> a + ", " + b);
      }
    }));

    Map<String, String> page = new TreeMap<>();
    Map<String, String> pageEvents = new TreeMap<>();
    String text = Files.readString(PAGE);
    String section = text.substring(text.indexOf("\n## Observed fields"));
    Matcher row = ROW.matcher(section);
    while (row.find()) {
      page.put(row.group(1), row.group(3));
      pageEvents.put(row.group(1), row.group(2).trim());
    }

    assertThat(contract).as("the contract has observed fields").isNotEmpty();
    assertThat(page).as("observed fields and evidence on " + PAGE).isEqualTo(contract);
    assertThat(pageEvents).as("event types of each observed field on " + PAGE).isEqualTo(eventTypes);
  }

  private static Map<String, JsonNode> toMap(JsonNode events) {
    Map<String, JsonNode> map = new TreeMap<>();
    events.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue()));
    return map;
  }
}
