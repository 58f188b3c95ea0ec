package io.webconnexkit.schemas.generator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The bundled samples of one contract: its root {@code examples}, one complete payload per event
 * type the contract declares. Every declared event type needs exactly one, so that each event type
 * of the index has its sample and adding a field to a contract is one edit of one file.
 */
final class Samples {

  /** An event type names its sample file ({@code {eventType}.json}): keep it plain. */
  static final Pattern EVENT_TYPE = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]*");

  private Samples() {}

  /**
   * The samples of a contract, keyed by event type, in the contract's order.
   *
   * @param where the contract file, for messages
   * @param contract the contract schema
   * @param eventTypes the event types it declares (none for the envelope and the definitions)
   */
  static Map<String, JsonNode> of(String where, JsonNode contract, List<String> eventTypes) {
    JsonNode examples = contract.get("examples");
    Map<String, JsonNode> samples = new LinkedHashMap<>();
    if (eventTypes.isEmpty()) {
      if (examples != null) {
        throw new ContractException(where + ": root \"examples\" are the bundled samples, one per event type,"
            + " but this contract declares no event type (properties.eventType with const or enum)");
      }
      return samples;
    }
    if (examples == null || !examples.isArray()) {
      throw new ContractException(where + ": needs a root \"examples\" array holding one complete payload"
          + " (the bundled sample) for each of its event types: " + String.join(", ", eventTypes));
    }
    for (int i = 0; i < examples.size(); i++) {
      JsonNode example = examples.get(i);
      String at = where + ": examples[" + i + "]";
      if (!example.isObject()) {
        throw new ContractException(at + " is not a JSON object (a complete payload)");
      }
      JsonNode eventType = example.get("eventType");
      if (eventType == null || !eventType.isTextual()) {
        throw new ContractException(at + " has no string \"eventType\": it names the sample's event type");
      }
      String name = eventType.asText();
      if (!eventTypes.contains(name)) {
        throw new ContractException(at + " has eventType \"" + Text.printable(name)
            + "\", which this contract does not declare (it declares " + String.join(", ", eventTypes) + ")");
      }
      if (samples.put(name, example) != null) {
        throw new ContractException(at + " is a second example for event type \"" + name
            + "\": keep one sample per event type");
      }
    }
    for (String name : eventTypes) {
      if (!samples.containsKey(name)) {
        throw new ContractException(where + ": root \"examples\" has no payload for event type \"" + name
            + "\": add one (it becomes the bundled sample " + SchemaGenerator.SAMPLE_ROOT + name + ".json)");
      }
    }
    return samples;
  }
}
