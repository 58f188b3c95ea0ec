package example;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.webconnexkit.validator.Problem;
import io.webconnexkit.validator.ValidationReport;
import io.webconnexkit.validator.WebconnexValidator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The user's networknt 1.5 and the kit's validator, side by side in one class path. */
class NetworkntBesideTheKitTest {

  private final ObjectMapper mapper = new ObjectMapper();

  @Test
  void theUsersNetworkntReportsWithItsOwnMessages() throws Exception {
    JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
        .getSchema(text("order-schema.json"));

    // networknt 1.5's wording: the location first. networknt 2.0's message files have no location
    // argument, so if those were found first this would read "must have a minimum value of $.quantity".
    assertEquals(List.of("$.quantity: must have a minimum value of 1"), messages(schema, "order-too-few.json"));
    assertEquals(List.of("$: required property 'quantity' not found"), messages(schema, "order-without-quantity.json"));
  }

  @Test
  void theKitValidatesWithItsOwnNetworknt() {
    WebconnexValidator validator = WebconnexValidator.lenient();

    assertTrue(validator.validate(bytes("coupon.json")).isValid(), () -> validator.validate(bytes("coupon.json")).toString());
    ValidationReport broken = validator.validate(bytes("registration-total-as-string.json"));
    assertEquals(List.of("/data/total: expected number but found string \"100\""),
        broken.errors().stream().map(p -> p.pointer() + ": " + p.message()).collect(Collectors.toList()));
    Problem total = broken.errors().get(0);
    assertEquals(123, total.line());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "jsv-messages.properties",
      "jsv-messages_de.properties",
      "ucd/RFC5892-appendix-B.txt",
      "ucd/extracted/DerivedJoiningType.txt",
      "leap_second_dates.csv",
      "META-INF/maven/com.networknt/json-schema-validator/pom.properties",
      "META-INF/maven/com.ethlo.time/itu/pom.properties"})
  void theKitLeavesNetworkntsResourceNamesToTheUsersJars(String name) throws Exception {
    List<URL> found = Collections.list(getClass().getClassLoader().getResources(name));

    assertEquals(1, found.size(), () -> name + " is in " + found);
    assertFalse(found.get(0).toString().contains("webconnex-validator-core"), found::toString);
  }

  @Test
  void theMetaschemasLeftAtNetworkntsNamesAreTheSameBytesInBothJars() throws Exception {
    // networknt finds its metaschemas by a name built at run time from the $schema URI: the kit cannot move
    // them, so the copy in its jar must be the user's networknt's, byte for byte.
    for (String name : List.of("draft/2020-12/schema", "draft/2020-12/meta/core", "draft/2020-12/meta/validation",
        "draft/2019-09/schema", "draft-07/schema", "draft-04/schema")) {
      List<URL> found = Collections.list(getClass().getClassLoader().getResources(name));
      assertEquals(2, found.size(), () -> name + " is in " + found);
      try (InputStream a = found.get(0).openStream(); InputStream b = found.get(1).openStream()) {
        assertArrayEquals(a.readAllBytes(), b.readAllBytes(), () -> name + " differs: " + found);
      }
    }
  }

  private List<String> messages(JsonSchema schema, String file) throws IOException {
    return schema.validate(mapper.readTree(text(file))).stream()
        .map(ValidationMessage::getMessage).sorted().collect(Collectors.toList());
  }

  private static String text(String name) {
    return new String(bytes(name), StandardCharsets.UTF_8);
  }

  private static byte[] bytes(String name) {
    try (InputStream in = NetworkntBesideTheKitTest.class.getResourceAsStream("/" + name)) {
      if (in == null) {
        throw new IllegalStateException(name + " is not on the test classpath");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
