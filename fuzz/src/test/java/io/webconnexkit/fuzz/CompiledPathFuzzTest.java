package io.webconnexkit.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.webconnexkit.validator.InterpretedValidators;
import io.webconnexkit.validator.Profile;
import io.webconnexkit.validator.ValidationReport;
import io.webconnexkit.validator.WebconnexValidator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The compiled fast path against networknt on valid payloads mutated field by field: the bundled
 * samples, with one to four fields replaced by fuzzed values of any JSON type (strings shaped like
 * the schemas' formats and patterns among them), removed, or joined by an undocumented member.
 * Under both profiles the validator with its compiled path must give exactly the report of the
 * validator that interprets every schema.
 *
 * <p>Plain {@code ./mvnw verify} replays the seeds in {@code CompiledPathFuzzTestInputs/}; with
 * {@code JAZZER_FUZZ=1} Jazzer fuzzes for {@link FuzzSettings#MAX_DURATION} (see
 * {@code docs/fuzzing.md}).
 */
class CompiledPathFuzzTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final List<String> EVENT_TYPES = List.of(
      "registration", "publish", "subscription", "sms", "inventory_80", "inventory_90", "inventory_100",
      "coupon", "edit_registrant", "cancel_registrant", "edit_ticket", "cancel_ticket", "test");
  private static final List<JsonNode> SEEDS = seeds();
  private static final List<String> SHAPES = List.of(
      "2016-08-31T17:03:08Z", "2016-08-31T17:03:08.5-00:00", "2015-12-02 16:26:58 +0000", "1471026990929548076", "-12.50", "name", "address",
      "email", "regOptions", "percent", "inventory_80", "registration", "");

  private static final Map<Profile, WebconnexValidator> FAST = Map.of(
      Profile.LENIENT, WebconnexValidator.lenient(), Profile.STRICT, WebconnexValidator.strict());
  private static final Map<Profile, WebconnexValidator> INTERPRETED = Map.of(
      Profile.LENIENT, InterpretedValidators.of(Profile.LENIENT),
      Profile.STRICT, InterpretedValidators.of(Profile.STRICT));

  @FuzzTest(maxDuration = FuzzSettings.MAX_DURATION)
  void compiledPathAgreesWithNetworknt(FuzzedDataProvider data) {
    JsonNode root = SEEDS.get(data.consumeInt(0, SEEDS.size() - 1)).deepCopy();
    int mutations = data.consumeInt(1, 4);
    for (int i = 0; i < mutations; i++) {
      List<String> pointers = new ArrayList<>();
      collect(root, "", pointers);
      mutate(root, pointers.get(data.consumeInt(0, pointers.size() - 1)), data);
    }
    byte[] body;
    try {
      body = MAPPER.writeValueAsBytes(root);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (Profile profile : Profile.values()) {
      ValidationReport fast = FAST.get(profile).validate(body);
      ValidationReport interpreted = INTERPRETED.get(profile).validate(body);
      if (!fast.equals(interpreted)) {
        throw new AssertionError("the compiled path disagrees with networknt under " + profile + " for "
            + new String(body, StandardCharsets.UTF_8) + System.lineSeparator() + "compiled: " + fast
            + System.lineSeparator() + "networknt: " + interpreted);
      }
      ReportInvariants.check(fast, profile);
    }
  }

  private static void mutate(JsonNode root, String pointer, FuzzedDataProvider data) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    int slash = pointer.lastIndexOf('/');
    JsonNode parent = slash < 0 ? null : root.at(pointer.substring(0, slash));
    String token = slash < 0 ? "" : pointer.substring(slash + 1).replace("~1", "/").replace("~0", "~");
    JsonNode target = root.at(pointer);
    int choice = data.consumeInt(0, 11);
    JsonNode value = switch (choice) {
      case 0 -> f.nullNode();
      case 1 -> f.booleanNode(data.consumeBoolean());
      case 2 -> f.numberNode(data.consumeLong());
      case 3 -> f.numberNode(BigDecimal.valueOf(data.consumeLong(), data.consumeInt(-3, 3)));
      case 4 -> f.textNode(data.consumeString(40));
      case 5 -> f.textNode(tweak(SHAPES.get(data.consumeInt(0, SHAPES.size() - 1)), data));
      case 6 -> f.objectNode();
      case 7 -> f.arrayNode();
      default -> null;
    };
    if (choice == 8 && target instanceof ObjectNode o) {
      o.put(data.consumeString(20), data.consumeString(20));
      return;
    }
    if (choice == 9 && target instanceof ArrayNode a && a.size() > 0) {
      a.add(a.get(0).deepCopy());
      return;
    }
    if (parent instanceof ObjectNode o) {
      if (value == null) {
        o.remove(token);
      } else {
        o.set(token, value);
      }
    } else if (parent instanceof ArrayNode a) {
      int index = Integer.parseInt(token);
      if (value == null) {
        a.remove(index);
      } else {
        a.set(index, value);
      }
    }
  }

  /** A string of a known shape with one character changed, so formats and patterns are probed at their edges. */
  private static String tweak(String shape, FuzzedDataProvider data) {
    if (shape.isEmpty() || data.consumeBoolean()) {
      return shape;
    }
    char[] chars = shape.toCharArray();
    chars[data.consumeInt(0, chars.length - 1)] = data.consumeChar();
    return new String(chars);
  }

  private static void collect(JsonNode node, String pointer, List<String> out) {
    out.add(pointer);
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        collect(e.getValue(), pointer + "/" + e.getKey().replace("~", "~0").replace("/", "~1"), out);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        collect(node.get(i), pointer + "/" + i, out);
      }
    }
  }

  private static List<JsonNode> seeds() {
    List<JsonNode> seeds = new ArrayList<>();
    for (String type : EVENT_TYPES) {
      try (InputStream in = CompiledPathFuzzTest.class.getClassLoader()
          .getResourceAsStream("webconnex/samples/v1/" + type + ".json")) {
        seeds.add(MAPPER.readTree(in));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return seeds;
  }
}
