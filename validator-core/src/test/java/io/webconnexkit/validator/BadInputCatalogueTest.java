package io.webconnexkit.validator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.webconnexkit.validator.badinput.BadInputCase;
import io.webconnexkit.validator.badinput.BadInputCatalogue;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every {@code library} case of the bad-input catalogue through every public entry point of the
 * core: {@code WebconnexValidator.validate} (bytes, stream, string), {@code DeliveryVerifier.verify}
 * and {@code verifySignature}, {@code WebconnexSignature.sign}, {@code matches} and
 * {@code whyMalformed}. Each gives the catalogue's key, none throws, and the same input gives the
 * same report whatever was validated before.
 */
class BadInputCatalogueTest {

  private static final BadInputCatalogue CATALOGUE = BadInputCatalogue.load();
  private static final SigningSecret SECRET = SigningSecret.of(BadInputCatalogue.SECRET);
  /** Shared by every case, so each sees what the others left in the parser's tables. */
  private static final Map<Profile, WebconnexValidator> SEASONED = Map.of(
      Profile.LENIENT, WebconnexValidator.lenient(), Profile.STRICT, WebconnexValidator.strict());

  static Stream<BadInputCase> bodies() {
    return CATALOGUE.through(BadInputCase.LIBRARY, BadInputCase.BODY).stream();
  }

  static Stream<BadInputCase> signatures() {
    return CATALOGUE.through(BadInputCase.LIBRARY, BadInputCase.SIGNATURE).stream();
  }

  static Stream<BadInputCase> headers() {
    return CATALOGUE.through(BadInputCase.LIBRARY, BadInputCase.HEADER).stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("bodies")
  void bodyGetsItsReportFromEveryEntryPoint(BadInputCase c) throws IOException {
    skipIfOpen(c);
    WebconnexValidator validator = validator(c);
    byte[] body = c.input();
    byte[] copy = body.clone();

    ValidationReport report = assertDoesNotThrow(() -> validator.validate(body));

    assertExpected(c, report.problems(), report.isValid());
    assertThat(validator(c).validate(body)).as("a new validator").isEqualTo(report);
    assertThat(SEASONED.get(profile(c)).validate(body)).as("a validator that has seen other bodies").isEqualTo(report);
    ValidationReport streamed = assertDoesNotThrow(() -> validator.validate(new ByteArrayInputStream(body)));
    if (body.length <= validator.maxBodyBytes()) {
      assertThat(streamed).as("validate(InputStream)").isEqualTo(report);
    } else {
      assertExpected(c, streamed.problems(), streamed.isValid());
    }
    String text = new String(body, StandardCharsets.UTF_8);
    if (Arrays.equals(text.getBytes(StandardCharsets.UTF_8), body)) {
      assertThat(assertDoesNotThrow(() -> validator.validate(text))).as("validate(String)").isEqualTo(report);
    }

    // The other overloads: an explicit event type, documented or not, and a tree parsed elsewhere.
    assertDoesNotThrow(() -> validator.validate(body, EventType.REGISTRATION));
    assertDoesNotThrow(() -> validator.validate(body, "undocumented\nevent"));
    JsonNode tree = parsedElsewhere(body);
    if (tree != null) {
      assertDoesNotThrow(() -> validator.validate(tree));
      assertDoesNotThrow(() -> validator.validate(tree, EventType.TEST));
    }

    DeliveryVerifier verifier = DeliveryVerifier.builder().validator(validator).signingSecret(SECRET).build();
    WebconnexDelivery delivery = WebconnexDelivery.signed("test", body, SECRET);
    ValidationReport delivered = assertDoesNotThrow(() -> verifier.verify(delivery));
    assertThat(delivered.signature()).isEqualTo(SignatureStatus.VERIFIED);
    assertThat(delivered.problems()).as("the payload's problems, within the delivery's").containsAll(report.problems());
    assertThat(verifier.verifySignature(delivery)).isEqualTo(SignatureStatus.VERIFIED);

    String signature = WebconnexSignature.sign(SECRET, body);
    assertThat(WebconnexSignature.sign(SECRET, new ByteArrayInputStream(body))).isEqualTo(signature);
    assertThat(WebconnexSignature.matches(SECRET, body, signature)).isTrue();
    assertThat(WebconnexSignature.matches(SECRET, new ByteArrayInputStream(body), signature)).isTrue();
    // As a recorded file: the one reader behind the CLI, the plugin and @WebconnexFixtures.
    for (String name : List.of("case.json", "case.jsonl")) {
      List<RecordedDelivery> records = assertDoesNotThrow(() -> RecordedDeliveryReader.standard().readAll(body, name));
      assertThat(records).as(name).isNotEmpty();
      for (RecordedDelivery record : records) {
        ValidationReport recorded = assertDoesNotThrow(() -> verifier.verify(record));
        recorded.problems().forEach(p -> assertThat(ReportLine.of(record.path(), p)).doesNotContainPattern("\\p{Cntrl}"));
      }
    }
    assertThat(body).as("the caller's bytes are never changed").isEqualTo(copy);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("signatures")
  void signatureHeaderGetsItsReportAndNeverThrows(BadInputCase c) throws IOException {
    skipIfOpen(c);
    byte[] body = BadInputCatalogue.validBody();
    String signature = c.text();
    DeliveryVerifier verifier = DeliveryVerifier.builder().validator(validator(c)).signingSecret(SECRET).build();
    WebconnexDelivery delivery = withHeader(WebconnexDelivery.signed("test", body, SECRET),
        WebconnexDelivery.SIGNATURE_HEADER, signature);

    ValidationReport report = assertDoesNotThrow(() -> verifier.verify(delivery));

    assertExpected(c, report.problems(), false);
    assertThat(report.signature()).isIn(SignatureStatus.INVALID, SignatureStatus.MISSING);
    assertThat(verifier.verifySignature(delivery)).isEqualTo(report.signature());
    assertThat(assertDoesNotThrow(() -> WebconnexSignature.matches(SECRET, body, signature))).isFalse();
    assertThat(WebconnexSignature.matches(SECRET, new ByteArrayInputStream(body), signature)).isFalse();
    Optional<String> why = assertDoesNotThrow(() -> WebconnexSignature.whyMalformed(signature));
    // Malformed, or missing (empty: 0 characters) says why; a well-formed wrong signature has nothing to explain.
    assertThat(why.isPresent()).as("whyMalformed").isEqualTo(!c.key().equals("delivery.signature.mismatch"));
    why.ifPresent(w -> assertThat(w).doesNotContainPattern("\\p{Cntrl}"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("headers")
  void headerValueGetsItsReportAndIsQuotedEscaped(BadInputCase c) {
    skipIfOpen(c);
    byte[] body = BadInputCatalogue.validBody();
    DeliveryVerifier verifier = DeliveryVerifier.builder().validator(validator(c)).signingSecret(SECRET).build();
    WebconnexDelivery delivery = withHeader(WebconnexDelivery.signed("test", body, SECRET), c.header(), c.text());

    ValidationReport report = assertDoesNotThrow(() -> verifier.verify(delivery));

    assertExpected(c, report.problems(), report.isValid());
    assertThat(report.signature()).isEqualTo(SignatureStatus.VERIFIED);
    assertThat(report.problems()).filteredOn(p -> p.key().equals(c.key()))
        .allSatisfy(p -> assertThat(p.message()).doesNotContainPattern("\\p{Cntrl}"));
  }

  @Test
  void catalogueHoldsEveryKindAndEveryEntryPoint() {
    assertThat(CATALOGUE.cases()).extracting(BadInputCase::kind).contains(
        BadInputCase.BODY, BadInputCase.SIGNATURE, BadInputCase.HEADER, BadInputCase.ARGUMENTS);
    for (String entryPoint : List.of(BadInputCase.LIBRARY, BadInputCase.CLI, BadInputCase.PLUGIN)) {
      assertThat(CATALOGUE.through(entryPoint)).as(entryPoint).isNotEmpty();
    }
    // What BadInputTest pinned before the catalogue, each file of bad-input/ still a case.
    assertThat(CATALOGUE.cases()).extracting(BadInputCase::id).containsAll(Resources.badInputs());
  }

  /** The body as Jackson's default mapper reads it, or null when it does not. */
  private static JsonNode parsedElsewhere(byte[] body) {
    try {
      return new ObjectMapper().readTree(body);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private static void skipIfOpen(BadInputCase c) {
    Optional<String> open = c.openIssue(BadInputCase.LIBRARY);
    assumeTrue(open.isEmpty(), () -> c.id() + " is open: " + open.orElse(""));
  }

  private static Profile profile(BadInputCase c) {
    return c.strict() ? Profile.STRICT : Profile.LENIENT;
  }

  private static WebconnexValidator validator(BadInputCase c) {
    return WebconnexValidator.builder().profile(profile(c)).build();
  }

  private static WebconnexDelivery withHeader(WebconnexDelivery delivery, String name, String value) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    delivery.headers().forEach((n, v) -> {
      if (!n.equalsIgnoreCase(name)) {
        headers.put(n, v);
      }
    });
    headers.put(name, List.of(value));
    return WebconnexDelivery.of(headers, delivery.body());
  }

  /** The catalogue's expectation: valid, or a problem with its key and pinned details; Jackson's words nowhere. */
  static void assertExpected(BadInputCase c, List<Problem> problems, boolean valid) {
    for (Problem p : problems) {
      assertThat(p.message()).as("the kit's own words").doesNotContain(
          "StreamReadConstraints", "JsonFactory.Feature", "Spill-over", "exceeds the maximum allowed", "Source:", "`");
    }
    if (c.expectsValid()) {
      assertThat(valid).as("%s must be valid, but: %s", c.id(), problems).isTrue();
      return;
    }
    Optional<Problem> found = problems.stream().filter(p -> p.key().equals(c.key())).findFirst();
    assertThat(found).as("%s: a problem with key %s among %s", c.id(), c.key(), problems).isPresent();
    Problem p = found.get();
    if (c.message() != null) {
      assertThat(p.message()).startsWith(c.message());
    }
    if (c.pointer() != null) {
      assertThat(p.pointer()).isEqualTo(c.pointer());
    }
    if (c.line() > 0) {
      assertThat(p.line()).as("line").isEqualTo(c.line());
    }
    if (c.column() > 0) {
      assertThat(p.column()).as("column").isEqualTo(c.column());
    }
  }
}
