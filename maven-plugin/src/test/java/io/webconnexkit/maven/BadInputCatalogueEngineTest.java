package io.webconnexkit.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.webconnexkit.validator.CheckedRecord;
import io.webconnexkit.validator.Problem;
import io.webconnexkit.validator.Profile;
import io.webconnexkit.validator.ReportJson;
import io.webconnexkit.validator.ReportLine;
import io.webconnexkit.validator.SigningSecret;
import io.webconnexkit.validator.WebconnexDelivery;
import io.webconnexkit.validator.badinput.BadInputCase;
import io.webconnexkit.validator.badinput.BadInputCatalogue;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every {@code plugin} case of validator-core's bad-input catalogue through the engine behind
 * {@code webconnex:validate}: bodies as fixture files (named as the case says), signature and
 * header values as entries of a WireMock journal. Each gets the catalogue's verdict and key, the
 * engine never throws, every console line is free of control characters, and the JSON report
 * reads back.
 */
class BadInputCatalogueEngineTest {

  private static final BadInputCatalogue CATALOGUE = BadInputCatalogue.load();
  private static final ObjectMapper MAPPER = new ObjectMapper();

  static Stream<BadInputCase> bodies() {
    return CATALOGUE.through(BadInputCase.PLUGIN, BadInputCase.BODY).stream();
  }

  static Stream<BadInputCase> deliveries() {
    return Stream.concat(CATALOGUE.through(BadInputCase.PLUGIN, BadInputCase.SIGNATURE).stream(),
        CATALOGUE.through(BadInputCase.PLUGIN, BadInputCase.HEADER).stream());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("bodies")
  void aFixtureBodyGetsTheCataloguesVerdict(BadInputCase c, @TempDir Path dir) throws IOException {
    skipIfOpen(c);
    Path file = dir.resolve(c.filename() != null ? c.filename() : c.id() + ".json");
    Files.write(file, c.input());

    FixtureRun run = run(dir, c, null);

    check(c, run);
    assertThat(Files.readAllBytes(file)).as("the fixture is never changed").isEqualTo(c.input());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("deliveries")
  void aJournalEntryGetsTheCataloguesVerdict(BadInputCase c, @TempDir Path dir) throws IOException {
    skipIfOpen(c);
    SigningSecret secret = SigningSecret.of(BadInputCatalogue.SECRET);
    byte[] body = BadInputCatalogue.validBody();
    WebconnexDelivery signed = WebconnexDelivery.signed("test", body, secret);
    String header = c.kind().equals(BadInputCase.SIGNATURE) ? WebconnexDelivery.SIGNATURE_HEADER : c.header();
    ObjectNode journal = MAPPER.createObjectNode();
    ObjectNode request = journal.putArray("requests").addObject().putObject("request");
    request.put("url", "/hooks").put("method", "POST");
    ObjectNode headers = request.putObject("headers");
    signed.headers().forEach((name, values) -> {
      if (!name.equalsIgnoreCase(header)) {
        headers.put(name, values.get(0));
      }
    });
    headers.put(header, c.text());
    request.put("bodyAsBase64", Base64.getEncoder().encodeToString(body));
    Files.write(dir.resolve("journal.json"), MAPPER.writeValueAsBytes(journal));

    FixtureRun run = run(dir, c, secret);

    check(c, run);
  }

  private static FixtureRun run(Path dir, BadInputCase c, SigningSecret secret) {
    FixtureRequest.Builder request = FixtureRequest.builder(dir).fixture(dir).include("**/*")
        .profile(c.strict() ? Profile.STRICT : Profile.LENIENT);
    if (secret != null) {
      request.secret(secret);
    }
    return assertDoesNotThrow(() -> new FixtureEngine(request.build()).run());
  }

  private static void check(BadInputCase c, FixtureRun run) throws IOException {
    assertThat(run.results()).as(c.id()).isNotEmpty();
    boolean valid = run.results().stream().allMatch(CheckedRecord::isValid);
    if (c.exit() != null) {
      assertThat(valid ? 0 : 1).as("%s: the verdict, as the catalogue's exit status; %s", c.id(), run.results())
          .isEqualTo(c.exit());
    }
    List<Problem> problems = run.results().stream().flatMap(r -> r.report().problems().stream()).toList();
    if (c.key() != null) {
      assertThat(problems).as("%s: a problem with key %s", c.id(), c.key()).extracting(Problem::key).contains(c.key());
    }
    for (CheckedRecord r : run.results()) {
      for (Problem p : r.report().problems()) {
        String line = ReportLine.withoutSeverity(r.record().path(), p);
        assertThat(line.codePoints()).as("console line %s", line)
            .noneMatch(cp -> Character.getType(cp) == Character.CONTROL || cp == 0x2028 || cp == 0x2029);
        assertThat(line).doesNotContain(BadInputCatalogue.SECRET);
      }
    }
    String json = ReportJson.document(run.results(), false);
    assertThat(json).doesNotContain(BadInputCatalogue.SECRET);
    ArrayNode results = (ArrayNode) MAPPER.readTree(json.getBytes(StandardCharsets.UTF_8)).get("results");
    assertThat(results).hasSize(run.results().size());
  }

  private static void skipIfOpen(BadInputCase c) {
    Optional<String> open = c.openIssue(BadInputCase.PLUGIN);
    assumeTrue(open.isEmpty(), () -> c.id() + " is open: " + open.orElse(""));
  }
}
