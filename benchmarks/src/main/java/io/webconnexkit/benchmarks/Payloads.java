package io.webconnexkit.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;

/** The payloads the benchmarks measure, read from the classpath or built from it. */
final class Payloads {

  /** The registration example printed in Webconnex's webhook documentation, byte for byte. */
  static final String DOCUMENTATION_EXAMPLE = "io/webconnexkit/benchmarks/registration-documentation-example.json";
  /** The kit's bundled registration sample (in {@code webconnex-schemas}). */
  static final String REGISTRATION_SAMPLE = "webconnex/samples/v1/registration.json";

  private Payloads() {}

  static byte[] resource(String path) {
    try (InputStream in = Payloads.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException(path + " is not on the classpath");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The bundled registration sample grown to {@code count} registrants: each a copy of the first
   * with its own id and an amount in dollars and cents, and the total kept equal to their sum,
   * pretty-printed like the documentation's example.
   */
  static byte[] registrationWithRegistrants(int count) {
    ObjectMapper mapper = new ObjectMapper();
    try {
      ObjectNode root = (ObjectNode) mapper.readTree(resource(REGISTRATION_SAMPLE));
      ObjectNode data = (ObjectNode) root.get("data");
      JsonNode template = data.get("registrants").get(0);
      ArrayNode registrants = mapper.createArrayNode();
      BigDecimal total = BigDecimal.ZERO;
      for (int i = 0; i < count; i++) {
        ObjectNode registrant = template.deepCopy();
        registrant.put("id", String.valueOf(1450805189470200001L + i));
        BigDecimal amount = new BigDecimal("99.50").add(BigDecimal.valueOf(i));
        registrant.put("amount", amount);
        total = total.add(amount);
        registrants.add(registrant);
      }
      data.set("registrants", registrants);
      data.put("total", total);
      return mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The body of a benchmark's {@code payload} parameter: "documentation" or "registrants50". */
  static byte[] named(String payload) throws IOException {
    return switch (payload) {
      case "documentation" -> resource(DOCUMENTATION_EXAMPLE);
      case "registrants50" -> registrationWithRegistrants(50);
      default -> throw new IllegalArgumentException("unknown payload " + payload);
    };
  }
}
