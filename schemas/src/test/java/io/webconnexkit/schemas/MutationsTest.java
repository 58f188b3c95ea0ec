package io.webconnexkit.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each mutation of src/test/resources/mutations.json breaks one thing in one bundled sample; both
 * profiles must report it at the mutation's pointer.
 */
class MutationsTest {

  static final Set<String> KINDS =
      Set.of("wrong-type", "missing-required", "bad-date-time", "wrong-event-type", "bad-nested-type");

  /** One entry of mutations.json. */
  record Mutation(String event, String kind, String set, JsonNode value, String remove, String expect, String note) {

    static Mutation of(JsonNode entry) {
      return new Mutation(
          entry.path("event").asText(),
          entry.path("kind").asText(),
          entry.hasNonNull("set") ? entry.get("set").asText() : null,
          entry.get("value"),
          entry.hasNonNull("remove") ? entry.get("remove").asText() : null,
          entry.path("expect").asText(),
          entry.hasNonNull("note") ? entry.get("note").asText() : null);
    }

    String at() {
      return set != null ? set : remove;
    }

    /** The sample with this mutation applied; fails if the mutated place does not exist in it. */
    JsonNode apply(JsonNode sample) {
      JsonNode payload = sample.deepCopy();
      JsonPointer pointer = JsonPointer.compile(at());
      assertThat(payload.at(pointer).isMissingNode()).as("%s: %s is not in the sample", this, at()).isFalse();
      JsonNode parent = payload.at(pointer.head());
      if (parent instanceof ObjectNode object) {
        String name = pointer.last().getMatchingProperty();
        if (set != null) {
          object.set(name, value);
        } else {
          object.remove(name);
        }
      } else {
        int index = pointer.last().getMatchingIndex();
        if (set != null) {
          ((ArrayNode) parent).set(index, value);
        } else {
          ((ArrayNode) parent).remove(index);
        }
      }
      return payload;
    }

    @Override
    public String toString() {
      String change = set != null ? set + " = " + value : "without " + remove;
      return event + " · " + kind + " · " + change;
    }
  }

  static List<Mutation> mutations() {
    List<Mutation> mutations = new ArrayList<>();
    PublishedSchemas.resource("mutations.json").path("mutations").forEach(m -> mutations.add(Mutation.of(m)));
    return mutations;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("mutations")
  void mutatedSampleFailsUnderBothProfilesAtTheMutatedPlace(Mutation mutation) {
    JsonNode payload = mutation.apply(SamplesTest.sample(mutation.event() + ".json"));
    String file = SchemaValidation.fileFor(mutation.event());

    for (String profile : PublishedSchemas.PROFILES) {
      List<com.networknt.schema.Error> errors = SchemaValidation.validate(profile, file, payload);
      assertThat(SchemaValidation.pointers(errors))
          .as("%s under %s:%s", mutation, profile, SchemaValidation.describe(errors))
          .contains(mutation.expect());
    }
  }

  @Test
  void everyEventTypeOfTheIndexHasAtLeastFiveMutationsCoveringEveryKind() {
    Map<String, List<Mutation>> byEvent =
        mutations().stream().collect(Collectors.groupingBy(Mutation::event, TreeMap::new, Collectors.toList()));
    List<String> findings = new ArrayList<>();
    Map<String, JsonNode> strict = PublishedSchemas.profile("strict");
    PublishedSchemas.index().path("events").fields().forEachRemaining(event -> {
      List<Mutation> own = byEvent.getOrDefault(event.getKey(), List.of());
      Set<String> kinds = own.stream().map(Mutation::kind).collect(Collectors.toSet());
      if (own.size() < 5) {
        findings.add(event.getKey() + " has " + own.size() + " mutations");
      }
      boolean hasTimestamp = reachesTimestamp(event.getValue().asText(), strict.get(event.getValue().asText()),
          strict, new HashSet<>());
      for (String kind : KINDS) {
        if (kind.equals("bad-date-time") && !hasTimestamp) {
          boolean substituted = own.stream().anyMatch(m -> m.kind().equals("bad-nested-type")
              && m.note() != null && m.note().contains("in place of bad-date-time"));
          if (!substituted) {
            findings.add(event.getKey() + " has no timestamp field and no noted substitute for bad-date-time");
          }
        } else if (!kinds.contains(kind)) {
          findings.add(event.getKey() + " has no " + kind + " mutation");
        }
      }
    });
    byEvent.keySet().forEach(event -> {
      if (!PublishedSchemas.index().path("events").has(event)) {
        findings.add("mutations for " + event + ", which index.json does not list");
      }
    });

    assertThat(findings).isEmpty();
  }

  /** Whether a schema uses the timestamp definition, directly or through any chain of references. */
  private static boolean reachesTimestamp(String file, JsonNode node, Map<String, JsonNode> schemas, Set<String> seen) {
    if (node.has("$ref")) {
      String ref = node.get("$ref").asText();
      if (ref.endsWith("#/$defs/timestamp")) {
        return true;
      }
      ConformanceChecker.Located target = ConformanceChecker.deref(schemas, new ConformanceChecker.Located(file, node));
      if (target != null && target.node() != null && seen.add(ref)
          && reachesTimestamp(target.file(), target.node(), schemas, seen)) {
        return true;
      }
    }
    for (JsonNode child : node) {
      if (reachesTimestamp(file, child, schemas, seen)) {
        return true;
      }
    }
    return false;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("mutations")
  void mutationIsOfAKnownKindAndAWrongEventTypeIsAnotherDocumentedEventName(Mutation mutation) {
    assertThat(KINDS).contains(mutation.kind());
    if (mutation.kind().equals("wrong-event-type")) {
      assertThat(PublishedSchemas.index().path("events").has(mutation.value().asText()))
          .as("%s names a documented event", mutation).isTrue();
      assertThat(mutation.value().asText()).isNotEqualTo(mutation.event());
    }
  }
}
