package io.webconnexkit.validator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.webconnexkit.validator.internal.ContractFields;
import io.webconnexkit.validator.internal.DriftRender;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * How recorded traffic drifts from the documented contract: per event type, the number of payloads,
 * the fields no table lists (undocumented), the observed fields (known from real traffic, listed
 * apart), values of another JSON type than documented, documented fields never seen, format
 * deviations (the legacy timestamp form, ids sent as numbers where the docs say string), and across
 * the corpus the event types that are not documented, each with the documented one it resembles.
 *
 * <p>Made by a {@link Builder}, which reads one delivery at a time and keeps only counts and one
 * example per finding, so its memory stays bounded whatever the size of the corpus: at most
 * {@link Builder#MAX_FINDINGS} undocumented fields per event type and
 * {@link Builder#MAX_FINDINGS} unknown event types are kept (the rest are counted in
 * {@link #truncated()}).
 *
 * <pre>{@code
 * DriftReport.Builder drift = DriftReport.builder();
 * RecordedDeliveryReader.standard().read(Path.of("deliveries.jsonl"), "deliveries.jsonl", drift::add);
 * DriftReport report = drift.build();
 * System.out.println(report.toText());
 * }</pre>
 *
 * <p>{@link #toJson(boolean)} writes the documented JSON form ({@code docs/traffic.md}), which
 * {@link #fromJson(String)} reads back as a baseline for {@link #newSince(DriftReport)}.
 *
 * @param payloads the number of payloads read (JSON objects with a string eventType)
 * @param events one entry per event type of the contract seen: those of {@link EventType} in its
 *     order, then any other the contract knows, by name
 * @param unknownEventTypes the event types seen that are not documented, most frequent first
 * @param skipped records that held no payload to compare (unreadable, not JSON, no eventType)
 * @param truncated findings left out to keep memory bounded
 */
public record DriftReport(long payloads, List<EventDrift> events, List<UnknownEventType> unknownEventTypes, long skipped,
    long truncated) {

  /**
   * Copies the lists.
   *
   * @param events one entry per event type seen; copied
   * @param payloads the number of payloads read, 0 or more
   * @param skipped the number of records with no payload to compare
   * @param truncated the number of findings left out
   * @param unknownEventTypes the undocumented event types seen, most frequent first; copied
   */
  public DriftReport {
    events = List.copyOf(events);
    unknownEventTypes = List.copyOf(unknownEventTypes);
  }

  /**
   * Where a finding was first seen.
   *
   * @param path the file as named to the reader
   * @param line the line of the record in the file (1 for a file holding one document)
   */
  public record First(String path, int line) {}

  /**
   * The drift of one documented event type.
   *
   * @param eventType the event type's wire name
   * @param payloads how many payloads of it were read
   * @param undocumented fields no table lists, most frequent first (only the top-most field of an
   *     undocumented subtree)
   * @param typeMismatches documented fields seen with another JSON type
   * @param unseen documented fields never present, whose parent was present at least once
   * @param formats values in a form other than the documented one
   * @param observed observed fields seen (not documented, but known from real traffic)
   * @param presence how many payloads carried each documented or observed field (for the HTML
   *     bars); empty in a report read back from JSON
   */
  public record EventDrift(String eventType, long payloads, List<Undocumented> undocumented, List<TypeMismatch> typeMismatches,
      List<Unseen> unseen, List<Format> formats, List<Observed> observed, Map<String, Long> presence) {

    /**
     * Copies the lists.
     *
     * @param eventType the event type's wire name, such as {@code registration}
     * @param formats values in another form than documented; copied
     * @param observed observed fields seen; copied
     * @param payloads how many payloads of the type were read
     * @param presence payloads carrying each field, by JSON Pointer; copied, read-only
     * @param typeMismatches documented fields seen with another JSON type; copied
     * @param undocumented fields no table lists, most frequent first; copied
     * @param unseen documented fields never present; copied
     */
    public EventDrift {
      undocumented = List.copyOf(undocumented);
      typeMismatches = List.copyOf(typeMismatches);
      unseen = List.copyOf(unseen);
      formats = List.copyOf(formats);
      observed = List.copyOf(observed);
      presence = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(presence));
    }
  }

  /**
   * A field no table lists.
   *
   * @param pointer JSON Pointer with {@code *} for array positions
   * @param count how many payloads carried it
   * @param share count divided by the event type's payloads
   * @param first where it was first seen
   * @param example one value, as JSON, truncated; null when the key looks like a secret, a card or
   *     a token
   */
  public record Undocumented(String pointer, long count, double share, First first, String example) {}

  /**
   * A documented field seen with another JSON type.
   *
   * @param pointer the field
   * @param documented the JSON types the contract allows
   * @param seen each other type seen and how many values had it
   * @param count how many values had another type
   */
  public record TypeMismatch(String pointer, List<String> documented, Map<String, Long> seen, long count) {}

  /**
   * A documented field never seen.
   *
   * @param pointer the field
   * @param documentedIn where the contract describes it
   */
  public record Unseen(String pointer, String documentedIn) {}

  /**
   * Values in a form other than the documented one.
   *
   * @param pointer the field
   * @param kind {@code legacyTimestamp} (2015-12-02 16:26:58 +0000 where RFC 3339 is documented) or
   *     {@code numericId} (an id sent as a JSON number where the docs say string)
   * @param count how many values
   * @param first where it was first seen
   * @param example one value, truncated
   */
  public record Format(String pointer, String kind, long count, First first, String example) {}

  /**
   * An observed field seen.
   *
   * @param pointer the field
   * @param count how many payloads carried it
   * @param share count divided by the event type's payloads
   * @param evidence where the contract says it was seen before
   */
  public record Observed(String pointer, long count, double share, String evidence) {}

  /**
   * An event type that is not documented.
   *
   * @param eventType the name sent
   * @param count how many payloads carried it
   * @param resembles the documented event type it resembles, or null
   */
  public record UnknownEventType(String eventType, long count, String resembles) {}

  /** @return a builder with nothing read yet */
  public static Builder builder() {
    return new Builder();
  }

  /** @return whether the report has any finding (what a baseline comparison asks) */
  public boolean hasFindings() {
    return !unknownEventTypes.isEmpty() || events.stream().anyMatch(e -> !e.undocumented.isEmpty()
        || !e.typeMismatches.isEmpty() || !e.formats.isEmpty());
  }

  /**
   * Only what is new since a baseline: an undocumented field, a type seen at a field, a format kind
   * at a field, or an unknown event type that the baseline does not have. Counts stay those of this
   * report; unseen and observed fields are not findings and are left out.
   *
   * @param baseline an earlier report, usually read with {@link #fromJson(String)}
   * @return a report whose {@link #hasFindings()} says whether anything is new
   */
  public DriftReport newSince(DriftReport baseline) {
    Objects.requireNonNull(baseline, "baseline");
    Map<String, EventDrift> before = new HashMap<>();
    baseline.events.forEach(e -> before.put(e.eventType, e));
    List<EventDrift> events = new ArrayList<>();
    for (EventDrift e : this.events) {
      EventDrift old = before.get(e.eventType);
      Set<String> oldFields = new HashSet<>();
      Set<String> oldTypes = new HashSet<>();
      Set<String> oldFormats = new HashSet<>();
      if (old != null) {
        old.undocumented.forEach(u -> oldFields.add(u.pointer));
        old.typeMismatches.forEach(t -> t.seen.keySet().forEach(type -> oldTypes.add(t.pointer + " " + type)));
        old.formats.forEach(f -> oldFormats.add(f.pointer + " " + f.kind));
      }
      List<Undocumented> undocumented = e.undocumented.stream().filter(u -> !oldFields.contains(u.pointer)).toList();
      List<TypeMismatch> types = new ArrayList<>();
      for (TypeMismatch t : e.typeMismatches) {
        Map<String, Long> seen = new TreeMap<>();
        t.seen.forEach((type, n) -> {
          if (!oldTypes.contains(t.pointer + " " + type)) {
            seen.put(type, n);
          }
        });
        if (!seen.isEmpty()) {
          types.add(new TypeMismatch(t.pointer, t.documented, seen, seen.values().stream().mapToLong(Long::longValue).sum()));
        }
      }
      List<Format> formats = e.formats.stream().filter(f -> !oldFormats.contains(f.pointer + " " + f.kind)).toList();
      events.add(new EventDrift(e.eventType, e.payloads, undocumented, types, List.of(), formats, List.of(), Map.of()));
    }
    Set<String> oldUnknown = new HashSet<>();
    baseline.unknownEventTypes.forEach(u -> oldUnknown.add(u.eventType));
    List<UnknownEventType> unknown = unknownEventTypes.stream().filter(u -> !oldUnknown.contains(u.eventType)).toList();
    return new DriftReport(payloads, events, unknown, skipped, truncated);
  }

  /**
   * The documented JSON form: {@code {"payloads":N,"events":[{"eventType","payloads","undocumented",
   * "typeMismatches","unseen","formats","observed"}],"unknownEventTypes":[...]}}, as
   * {@code docs/traffic.md} describes it.
   *
   * @param indent {@code true} for indented text ending in a line break; {@code false} for one line
   * @return the JSON text
   */
  public String toJson(boolean indent) {
    return DriftRender.json(this, indent);
  }

  /** @return the report for people: one line per finding, user data escaped */
  public String toText() {
    return DriftRender.text(this);
  }

  /**
   * @return one self-contained HTML page (no script, nothing loaded from elsewhere): a summary, a
   *     table per event type and a bar per field showing how often it is present
   */
  public String toHtml() {
    return DriftRender.html(this);
  }

  /**
   * Reads a report written by {@link #toJson(boolean)}, for use as a baseline.
   *
   * @param json the JSON text
   * @return the report (without presence counts)
   * @throws IllegalArgumentException with a clear message when the text is not such a report
   */
  public static DriftReport fromJson(String json) {
    return DriftRender.parse(json);
  }

  /**
   * Accumulates deliveries into a {@link DriftReport}. Not thread-safe: feed it from one thread (a
   * reader's callback).
   */
  public static final class Builder {

    /** The most undocumented fields kept per event type, and the most unknown event types kept. */
    public static final int MAX_FINDINGS = 1000;

    private static final ObjectMapper MAPPER = JsonMapper.builder().build();
    private static final int EXAMPLE_LENGTH = 60;
    private static final Pattern SENSITIVE = Pattern.compile(
        "(?i).*(secret|token|passw|card|cvv|cvc|track|iban|accountnumber|routing|ssn|signature|apikey|api_key|appkey"
            + "|auth|credential|private|pin$).*");
    private static final Pattern LEGACY = Pattern.compile("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2} [+-]\\d{4}");
    private static final Pattern ID_NAME = Pattern.compile("(?i)(id|.*Id|hash)");

    private final ContractFields contract = ContractFields.shared();
    private final Map<String, EventState> events = new HashMap<>();
    private final Map<String, long[]> unknown = new HashMap<>();
    private long payloads;
    private long skipped;
    private long truncated;

    private Builder() {}

    private static final class Counter {
      long count;
      First first;
      String example;
    }

    private static final class EventState {
      final ContractFields.EventFields fields;
      long payloads;
      final Map<String, Counter> undocumented = new HashMap<>();
      final Map<String, Long> presence = new HashMap<>();
      final Map<String, Map<String, Long>> mismatches = new HashMap<>();
      final Map<String, Counter> formats = new HashMap<>();

      EventState(ContractFields.EventFields fields) {
        this.fields = fields;
      }
    }

    /**
     * Adds one recorded delivery; one without a payload to compare (unreadable, not a JSON object,
     * no string eventType) is counted as skipped.
     *
     * @param delivery a delivery from {@link RecordedDeliveryReader}
     * @return this builder
     */
    public Builder add(RecordedDelivery delivery) {
      Objects.requireNonNull(delivery, "delivery");
      if (!delivery.hasBody()) {
        skipped++;
        return this;
      }
      JsonNode root;
      try {
        root = MAPPER.readTree(delivery.body());
      } catch (IOException | RuntimeException e) {
        skipped++;
        return this;
      }
      return add(root, new First(delivery.path(), Math.max(1, delivery.line())));
    }

    /**
     * Adds one payload.
     *
     * @param payload the parsed payload
     * @param where where it was read, for the first occurrence of a finding
     * @return this builder
     */
    public Builder add(JsonNode payload, First where) {
      Objects.requireNonNull(where, "where");
      if (payload == null || !payload.isObject() || !payload.path("eventType").isTextual()) {
        skipped++;
        return this;
      }
      payloads++;
      String eventType = payload.get("eventType").textValue();
      Optional<ContractFields.EventFields> fields = contract.of(eventType);
      if (fields.isEmpty()) {
        long[] count = unknown.get(eventType);
        if (count != null) {
          count[0]++;
        } else if (unknown.size() < MAX_FINDINGS) {
          unknown.put(eventType, new long[] {1});
        } else {
          truncated++;
        }
        return this;
      }
      EventState state = events.computeIfAbsent(eventType, t -> new EventState(fields.get()));
      state.payloads++;
      Set<String> present = new HashSet<>();
      Set<String> undocumentedHere = new HashSet<>();
      walk(state, payload, "", where, present, undocumentedHere);
      for (String pointer : present) {
        state.presence.merge(pointer, 1L, Long::sum);
      }
      for (String pointer : undocumentedHere) {
        Counter c = state.undocumented.get(pointer);
        if (c != null) {
          c.count++;
        }
      }
      return this;
    }

    private void walk(EventState state, JsonNode node, String pointer, First where, Set<String> present,
        Set<String> undocumentedHere) {
      if (node.isObject()) {
        node.fields().forEachRemaining(member -> {
          String child = pointer + "/" + member.getKey().replace("~", "~0").replace("/", "~1");
          visit(state, member.getValue(), child, member.getKey(), where, present, undocumentedHere);
        });
      } else if (node.isArray()) {
        String child = pointer + "/*";
        String name = lastName(pointer);
        for (JsonNode element : node) {
          visit(state, element, child, name, where, present, undocumentedHere);
        }
      }
    }

    private void visit(EventState state, JsonNode value, String pointer, String name, First where, Set<String> present,
        Set<String> undocumentedHere) {
      ContractFields.Field field = state.fields.fields().get(pointer);
      if (field == null) {
        if (undocumentedHere.add(pointer) && !state.undocumented.containsKey(pointer)) {
          if (state.undocumented.size() >= MAX_FINDINGS) {
            truncated++;
            return;
          }
          Counter c = new Counter();
          c.first = where;
          c.example = sensitive(pointer) ? null : example(value);
          state.undocumented.put(pointer, c);
        }
        return;
      }
      present.add(pointer);
      String type = jsonType(value);
      if (!field.allows(type)) {
        state.mismatches.computeIfAbsent(pointer, p -> new TreeMap<>()).merge(type, 1L, Long::sum);
      }
      if (value.isTextual() && "date-time".equals(field.format()) && LEGACY.matcher(value.textValue()).matches()) {
        format(state, pointer, "legacyTimestamp", where, value);
      }
      if (value.isNumber() && field.types().contains("string") && !field.allows(type) && ID_NAME.matcher(name).matches()) {
        format(state, pointer, "numericId", where, value);
      }
      if (state.fields.containers().contains(pointer)) {
        walk(state, value, pointer, where, present, undocumentedHere);
      }
    }

    private void format(EventState state, String pointer, String kind, First where, JsonNode value) {
      Counter c = state.formats.computeIfAbsent(pointer + " " + kind, k -> {
        Counter n = new Counter();
        n.first = where;
        n.example = sensitive(pointer) ? null : example(value);
        return n;
      });
      c.count++;
    }

    private static String lastName(String pointer) {
      int slash = pointer.lastIndexOf('/');
      return slash < 0 ? pointer : pointer.substring(slash + 1);
    }

    private static boolean sensitive(String pointer) {
      for (String token : pointer.split("/")) {
        if (!token.isEmpty() && !token.equals("*") && SENSITIVE.matcher(token).matches()) {
          return true;
        }
      }
      return false;
    }

    private static String example(JsonNode value) {
      String text = value.toString();
      return text.length() <= EXAMPLE_LENGTH ? text : text.substring(0, EXAMPLE_LENGTH) + "...";
    }

    static String jsonType(JsonNode value) {
      return switch (value.getNodeType()) {
        case STRING -> "string";
        case NUMBER -> value.isIntegralNumber() ? "integer" : "number";
        case BOOLEAN -> "boolean";
        case ARRAY -> "array";
        case OBJECT -> "object";
        default -> "null";
      };
    }

    /** @return the report of everything added so far */
    public DriftReport build() {
      List<EventDrift> drifts = new ArrayList<>();
      for (EventType type : EventType.values()) {
        EventState state = events.get(type.wireName());
        if (state != null) {
          drifts.add(drift(type.wireName(), state));
        }
      }
      events.keySet().stream().filter(k -> EventType.fromWireName(k).isEmpty()).sorted()
          .forEach(k -> drifts.add(drift(k, events.get(k))));
      List<UnknownEventType> unknownTypes = new ArrayList<>();
      unknown.forEach((name, count) -> unknownTypes.add(new UnknownEventType(name, count[0],
          EventType.resembling(name).map(EventType::wireName).orElse(null))));
      unknownTypes.sort(Comparator.comparingLong(UnknownEventType::count).reversed()
          .thenComparing(UnknownEventType::eventType));
      return new DriftReport(payloads, drifts, unknownTypes, skipped, truncated);
    }

    private static EventDrift drift(String eventType, EventState state) {
      double n = state.payloads;
      List<Undocumented> undocumented = new ArrayList<>();
      state.undocumented.forEach((pointer, c) ->
          undocumented.add(new Undocumented(pointer, c.count, share(c.count, n), c.first, c.example)));
      undocumented.sort(Comparator.comparingLong(Undocumented::count).reversed().thenComparing(Undocumented::pointer));
      List<TypeMismatch> mismatches = new ArrayList<>();
      List<Unseen> unseen = new ArrayList<>();
      List<Observed> observed = new ArrayList<>();
      Map<String, Long> presence = new LinkedHashMap<>();
      for (ContractFields.Field field : state.fields.fields().values()) {
        String pointer = field.pointer();
        long count = state.presence.getOrDefault(pointer, 0L);
        Map<String, Long> seen = state.mismatches.get(pointer);
        if (seen != null) {
          mismatches.add(new TypeMismatch(pointer, field.types(), seen, seen.values().stream().mapToLong(Long::longValue).sum()));
        }
        if (field.observed() != null) {
          if (count > 0) {
            observed.add(new Observed(pointer, count, share(count, n), field.observed()));
            presence.put(pointer, count);
          }
          continue;
        }
        presence.put(pointer, count);
        String parent = pointer.substring(0, pointer.lastIndexOf('/'));
        boolean parentSeen = parent.isEmpty() || state.presence.getOrDefault(parent, 0L) > 0;
        if (count == 0 && parentSeen && !field.conditional()) {
          unseen.add(new Unseen(pointer, field.documentedIn()));
        }
      }
      List<Format> formats = new ArrayList<>();
      state.formats.forEach((key, c) -> {
        int space = key.lastIndexOf(' ');
        formats.add(new Format(key.substring(0, space), key.substring(space + 1), c.count, c.first, c.example));
      });
      formats.sort(Comparator.comparing(Format::pointer).thenComparing(Format::kind));
      return new EventDrift(eventType, state.payloads, undocumented, mismatches, unseen, formats, observed, presence);
    }

    private static double share(long count, double payloads) {
      return payloads == 0 ? 0 : Math.round(count / payloads * 10000) / 10000.0;
    }
  }

  /**
   * Reads every delivery in a file into a new report: a convenience over {@link Builder} and
   * {@link RecordedDeliveryReader}.
   *
   * @param file the file (JSON or JSON Lines)
   * @param path how findings name it
   * @return a new report of every delivery in the file
   */
  public static DriftReport of(Path file, String path) {
    Builder builder = builder();
    RecordedDeliveryReader.standard().read(file, path, builder::add);
    return builder.build();
  }
}
