package io.webconnexkit.validator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The generated field index ({@code webconnex/schemas/v1/fields.json}): for each event type, every
 * field its contract describes, with its types, format, place in the contract and, for an observed
 * field, the evidence. Loaded once. Not API.
 */
public final class ContractFields {

  private static final String RESOURCE = "webconnex/schemas/v1/fields.json";
  private static volatile ContractFields shared;

  /**
   * One field of the contract.
   *
   * @param pointer JSON Pointer with {@code *} for array positions
   * @param types the JSON types allowed (empty: any)
   * @param format the format, or null
   * @param conditional true when the field exists only in one branch (a form field's shape by type)
   * @param documentedIn where the contract describes it
   * @param observed the evidence of an observed field, or null for a documented one
   */
  public record Field(String pointer, List<String> types, String format, boolean conditional, String documentedIn,
      String observed) {

    /** @return whether a JSON type name (integer, number, string, ...) is one this field allows */
    public boolean allows(String jsonType) {
      return types.isEmpty() || types.contains(jsonType) || (jsonType.equals("integer") && types.contains("number"));
    }
  }

  /** The fields of one event type, and which of them hold described children. */
  public record EventFields(Map<String, Field> fields, Set<String> containers) {}

  private final Map<String, EventFields> events;

  private ContractFields(Map<String, EventFields> events) {
    this.events = events;
  }

  /** The index of the schemas on the classpath. */
  public static ContractFields shared() {
    ContractFields local = shared;
    if (local == null) {
      synchronized (ContractFields.class) {
        if (shared == null) {
          shared = load();
        }
        local = shared;
      }
    }
    return local;
  }

  /** @return the fields of a documented event type, by wire name */
  public Optional<EventFields> of(String eventType) {
    return Optional.ofNullable(events.get(eventType));
  }

  private static ContractFields load() {
    try (InputStream in = ContractFields.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("webconnex-schemas is not on the classpath (" + RESOURCE + " not found)");
      }
      JsonNode root = new ObjectMapper().readTree(in);
      Map<String, EventFields> events = new LinkedHashMap<>();
      root.path("events").fields().forEachRemaining(e -> {
        Map<String, Field> fields = new LinkedHashMap<>();
        Set<String> containers = new HashSet<>();
        for (JsonNode f : e.getValue()) {
          List<String> types = new ArrayList<>();
          f.path("types").forEach(t -> types.add(t.asText()));
          String pointer = f.path("pointer").asText();
          fields.put(pointer, new Field(pointer, List.copyOf(types), f.path("format").textValue(),
              f.path("conditional").asBoolean(false), f.path("documentedIn").asText(), f.path("observed").textValue()));
          int slash = pointer.lastIndexOf('/');
          if (slash > 0) {
            containers.add(pointer.substring(0, slash));
          }
        }
        containers.add("");
        events.put(e.getKey(), new EventFields(Collections.unmodifiableMap(fields), Collections.unmodifiableSet(containers)));
      });
      return new ContractFields(Collections.unmodifiableMap(events));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
