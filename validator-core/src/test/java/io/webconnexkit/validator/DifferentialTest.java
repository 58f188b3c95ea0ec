package io.webconnexkit.validator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.webconnexkit.validator.badinput.BadInputCase;
import io.webconnexkit.validator.badinput.BadInputCatalogue;
import io.webconnexkit.validator.internal.CompiledSchemas;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The compiled schemas against networknt: every payload, mutation, discrepancy case, bad input
 * and fuzz seed in the repository, under both profiles, must get the same report from the
 * validator with its compiled fast path as from the validator that interprets every schema.
 */
class DifferentialTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Path REPOSITORY = Path.of("").toAbsolutePath().getParent();

  private static final Map<Profile, WebconnexValidator> FAST = Map.of(
      Profile.LENIENT, WebconnexValidator.builder().build(),
      Profile.STRICT, WebconnexValidator.builder().profile(Profile.STRICT).build());
  private static final Map<Profile, WebconnexValidator> INTERPRETED = Map.of(
      Profile.LENIENT, WebconnexValidator.builder().interpretedOnly().build(),
      Profile.STRICT, WebconnexValidator.builder().profile(Profile.STRICT).interpretedOnly().build());

  /** Values each field is replaced by in turn: every type, the formats' edges, the patterns' edges. */
  private static final List<JsonNode> REPLACEMENTS = replacements();

  private int compared;

  @Test
  void everyFileOfTheRepositoryGetsTheSameReportOnBothPaths() throws IOException {
    Map<String, byte[]> bodies = repositoryBodies();
    assertThat(bodies).hasSizeGreaterThan(150);
    bodies.forEach(this::compare);
    assertThat(compared).isGreaterThan(300);
  }

  @Test
  void everyBadInputOfTheCatalogueGetsTheSameReportOnBothPaths() {
    for (BadInputCase c : BadInputCatalogue.load().through(BadInputCase.LIBRARY, BadInputCase.BODY)) {
      compare("catalogue " + c.id(), c.input());
    }
    assertThat(compared).isGreaterThan(20);
  }

  @Test
  void everyFieldOfEveryValidPayloadMutatedGetsTheSameReportOnBothPaths() throws IOException {
    int mutations = 0;
    for (Map.Entry<String, byte[]> seed : validSeeds().entrySet()) {
      JsonNode root = MAPPER.readTree(seed.getValue());
      List<String> pointers = new ArrayList<>();
      collectPointers(root, "", pointers);
      for (String pointer : pointers) {
        for (JsonNode replacement : REPLACEMENTS) {
          compare(seed.getKey() + " " + pointer + " := " + replacement, bytes(replaced(root, pointer, replacement)));
          mutations++;
        }
        JsonNode removed = removed(root, pointer);
        if (removed != null) {
          compare(seed.getKey() + " without " + pointer, bytes(removed));
          mutations++;
        }
        if (root.at(pointer) instanceof ObjectNode object) {
          ObjectNode extra = object.deepCopy();
          extra.put("undocumentedMember", "x");
          compare(seed.getKey() + " " + pointer + " + undocumentedMember", bytes(replaced(root, pointer, extra)));
          mutations++;
        }
      }
      ObjectNode extra = (ObjectNode) root.deepCopy();
      extra.put("undocumentedMember", "x");
      compare(seed.getKey() + " + undocumentedMember", bytes(extra));
    }
    assertThat(mutations).isGreaterThan(5_000);
  }

  @Test
  void everySampleAsEveryEventTypeGetsTheSameReportOnBothPaths() {
    for (String type : Resources.EVENT_TYPES) {
      byte[] body = Resources.sample(type);
      for (Profile profile : Profile.values()) {
        for (EventType as : EventType.values()) {
          assertThat(FAST.get(profile).validate(body, as))
              .as("%s as %s under %s", type, as, profile)
              .isEqualTo(INTERPRETED.get(profile).validate(body, as));
        }
        JsonNode tree = readTree(body);
        assertThat(FAST.get(profile).validate(tree)).isEqualTo(INTERPRETED.get(profile).validate(tree));
      }
    }
  }

  @Test
  void theCompiledPathAcceptsEveryCleanSample() {
    // Without this the fast path could answer "ask networknt" for everything and the other tests would still pass.
    for (String type : Resources.EVENT_TYPES) {
      byte[] body = Resources.sample(type);
      for (Profile profile : Profile.values()) {
        if (INTERPRETED.get(profile).validate(body).problems().isEmpty()) {
          assertThat(CompiledSchemas.certainlyClean(profile, type, readTree(body)))
              .as("compiled %s accepts the %s sample", profile, type).isTrue();
        }
      }
    }
  }

  @Test
  void theCompiledPathLeavesWarningsToNetworknt() {
    byte[] legacy = Resources.bytes("payloads/registration-legacy-timestamp.json");
    ValidationReport report = FAST.get(Profile.LENIENT).validate(legacy);
    assertThat(report.isValid()).isTrue();
    assertThat(report.warnings()).isNotEmpty();
    assertThat(CompiledSchemas.certainlyClean(Profile.LENIENT, "registration", readTree(legacy))).isFalse();
  }

  private void compare(String name, byte[] body) {
    for (Profile profile : Profile.values()) {
      ValidationReport fast = FAST.get(profile).validate(body);
      ValidationReport interpreted = INTERPRETED.get(profile).validate(body);
      assertThat(fast.isValid()).as("verdict of %s under %s", name, profile).isEqualTo(interpreted.isValid());
      assertThat(fast).as("report of %s under %s", name, profile).isEqualTo(interpreted);
      compared++;
    }
  }

  /** Every JSON, JSON Lines and recorded-request file of the repository, whole and record by record. */
  private static Map<String, byte[]> repositoryBodies() throws IOException {
    Map<String, byte[]> bodies = new LinkedHashMap<>();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(REPOSITORY)) {
      files = walk.filter(Files::isRegularFile)
          .filter(p -> !isBuildOutput(REPOSITORY.relativize(p)))
          .filter(p -> {
            String n = p.getFileName().toString();
            return n.endsWith(".json") || n.endsWith(".jsonl") || n.endsWith(".http") || n.endsWith(".txt")
                && p.toString().contains("discrepancies");
          })
          .sorted()
          .toList();
    }
    RecordedDeliveryReader reader = RecordedDeliveryReader.standard();
    for (Path file : files) {
      byte[] content = Files.readAllBytes(file);
      String name = REPOSITORY.relativize(file).toString();
      bodies.put(name, content);
      for (RecordedDelivery record : reader.readAll(content, name)) {
        if (record.hasBody()) {
          bodies.putIfAbsent(record.name(), record.body());
        }
      }
    }
    return bodies;
  }

  private static boolean isBuildOutput(Path relative) {
    for (Path part : relative) {
      String p = part.toString();
      if (p.equals("target") || p.equals("node_modules") || p.startsWith(".")) {
        return true;
      }
    }
    return false;
  }

  /** Valid payloads to mutate: the samples, the discrepancy cases and the fuzz seeds valid under lenient. */
  private static Map<String, byte[]> validSeeds() throws IOException {
    Map<String, byte[]> seeds = new LinkedHashMap<>();
    for (String type : Resources.EVENT_TYPES) {
      seeds.put("sample " + type, Resources.sample(type));
    }
    for (String folder : List.of("schemas/src/test/resources/discrepancies",
        "fuzz/src/test/resources/io/webconnexkit/fuzz/ValidatorFuzzTestInputs/anyBodyGetsAReport",
        "validator-core/src/test/resources/payloads")) {
      try (Stream<Path> list = Files.list(REPOSITORY.resolve(folder))) {
        for (Path p : list.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
          byte[] body = Files.readAllBytes(p);
          if (INTERPRETED.get(Profile.LENIENT).validate(body).isValid()
              && seeds.values().stream().noneMatch(b -> Arrays.equals(b, body))) {
            seeds.put(folder + "/" + p.getFileName(), body);
          }
        }
      }
    }
    return seeds;
  }

  private static List<JsonNode> replacements() {
    JsonNodeFactory f = JsonNodeFactory.instance;
    List<JsonNode> r = new ArrayList<>();
    r.add(f.nullNode());
    r.add(f.booleanNode(true));
    r.add(f.numberNode(0));
    r.add(f.numberNode(-1));
    r.add(f.numberNode(new BigDecimal("1.0")));
    r.add(f.numberNode(new BigDecimal("20.6")));
    r.add(f.numberNode(new BigInteger("1471026990929548076123")));
    for (String s : List.of("", "x", "123", "-1.50", "12a", "123\n", "\u0661\u0662", "name", "address", "email",
        "regOptions", "percent", "Fixed", "registration", "inventory_90",
        "2016-08-31T17:03:08Z", "2016-08-31T17:03:08.123456789+05:30", "2016-08-31T17:03:08.1234567891Z",
        "2016-08-31t17:03:08z", "2016-02-29T00:00:00Z", "2015-02-29T00:00:00Z", "2016-12-31T23:59:60Z",
        "0000-01-01T00:00:00Z", "2016-08-31T17:03:08+18:00", "2016-08-31T17:03:08+19:00", "2016-08-31 17:03:08Z",
        "2016-08-31T24:00:00Z", "2016-08-31T17:03:08-00:00", "2016-08-31T17:03:08+00:00", "2016-08-31T17:03:08.5Z",
        "0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "2016-04-31T00:00:00Z", "1900-02-29T00:00:00Z",
        "2000-02-29T00:00:00Z", "2016-08-31T17:03:08+05:60", "\uff12016-08-31T17:03:08Z", "2015-12-02 16:26:58 +0000", "2015-12-02 16:26:58 +2500", "2015-13-02 16:26:58 +0000")) {
      r.add(f.textNode(s));
    }
    r.add(f.objectNode());
    r.add(f.arrayNode());
    ArrayNode one = f.arrayNode();
    one.addObject().put("key", "k").put("type", "name");
    r.add(one);
    return r;
  }

  private static void collectPointers(JsonNode node, String pointer, List<String> out) {
    if (!pointer.isEmpty()) {
      out.add(pointer);
    }
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        collectPointers(e.getValue(), pointer + "/" + e.getKey().replace("~", "~0").replace("/", "~1"), out);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        collectPointers(node.get(i), pointer + "/" + i, out);
      }
    }
  }

  private static JsonNode replaced(JsonNode root, String pointer, JsonNode value) {
    JsonNode copy = root.deepCopy();
    int slash = pointer.lastIndexOf('/');
    JsonNode parent = copy.at(pointer.substring(0, slash));
    String token = pointer.substring(slash + 1).replace("~1", "/").replace("~0", "~");
    if (parent instanceof ObjectNode o) {
      o.set(token, value);
    } else if (parent instanceof ArrayNode a) {
      a.set(Integer.parseInt(token), value);
    }
    return copy;
  }

  private static JsonNode removed(JsonNode root, String pointer) {
    JsonNode copy = root.deepCopy();
    int slash = pointer.lastIndexOf('/');
    JsonNode parent = copy.at(pointer.substring(0, slash));
    String token = pointer.substring(slash + 1).replace("~1", "/").replace("~0", "~");
    if (parent instanceof ObjectNode o) {
      o.remove(token);
      return copy;
    }
    if (parent instanceof ArrayNode a) {
      a.remove(Integer.parseInt(token));
      return copy;
    }
    return null;
  }

  private static byte[] bytes(JsonNode node) {
    try {
      return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node).getBytes(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode readTree(byte[] body) {
    try {
      return MAPPER.readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
