package io.webconnexkit.validator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Test payloads from the classpath: this module's resources and the schemas jar's samples. */
final class Resources {

  static final List<String> EVENT_TYPES = List.of(
      "registration", "publish", "subscription", "sms", "inventory_80", "inventory_90", "inventory_100",
      "coupon", "edit_registrant", "cancel_registrant", "edit_ticket", "cancel_ticket", "test");

  private Resources() {}

  static byte[] bytes(String path) {
    try (InputStream in = Resources.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("no test resource " + path);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] sample(String eventType) {
    return bytes("webconnex/samples/v1/" + eventType + ".json");
  }

  static List<String> badInputs() {
    return List.of("empty", "whitespace", "trailing-comma", "top-level-array", "byte-order-mark", "invalid-utf8",
        "duplicate-key", "too-deep", "long-number", "exponent-overflow", "nan", "trailing-garbage", "truncated");
  }

  static List<byte[]> corpus() {
    List<byte[]> all = new ArrayList<>();
    EVENT_TYPES.forEach(t -> all.add(sample(t)));
    badInputs().forEach(n -> all.add(bytes("bad-input/" + n + ".json")));
    for (String p : List.of("registration-total-as-string", "registration-problems", "registration-legacy-timestamp")) {
      all.add(bytes("payloads/" + p + ".json"));
    }
    return all;
  }
}
