package io.webconnexkit.cli;

import static io.webconnexkit.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.webconnexkit.validator.badinput.BadInputCase;
import io.webconnexkit.validator.badinput.BadInputCatalogue;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every {@code cli} case of validator-core's bad-input catalogue through {@code webconnex},
 * in-process: the catalogue's exit status, and never "internal error", a raw control character or
 * the secret in anything printed.
 */
class BadInputCatalogueCliTest {

  private static final BadInputCatalogue CATALOGUE = BadInputCatalogue.load();
  private static final String SECRET = BadInputCatalogue.SECRET;
  private static final Map<String, String> ENVIRONMENT = Map.of("WEBCONNEX_SECRET", SECRET);
  /** A raw control character other than the line feed that ends each line. */
  private static final Pattern RAW_CONTROL = Pattern.compile("[\\x00-\\x09\\x0b-\\x1f\\x7f-\\x9f]");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(SECRET|BODY|DIR|FILE:([^}]+))}");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path temp;

  static Stream<BadInputCase> bodies() {
    return CATALOGUE.through(BadInputCase.CLI, BadInputCase.BODY).stream();
  }

  static Stream<BadInputCase> signatures() {
    return CATALOGUE.through(BadInputCase.CLI, BadInputCase.SIGNATURE).stream();
  }

  static Stream<BadInputCase> commandLines() {
    return CATALOGUE.through(BadInputCase.CLI, BadInputCase.ARGUMENTS).stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("bodies")
  void bodyIsValidatedSignedAndVerifiedWithTheCataloguesStatus(BadInputCase c) throws Exception {
    skipIfOpen(c);
    Path file = temp.resolve(c.filename() != null ? c.filename() : c.id() + ".json");
    Files.write(file, c.input());
    CliRun byFile = checked(run(ENVIRONMENT, new byte[0], validate(c, "text", file.toString())));
    CliRun byStdin = checked(run(ENVIRONMENT, c.input(), validate(c, "text", "-")));
    CliRun again = checked(run(ENVIRONMENT, new byte[0], validate(c, "text", file.toString())));
    CliRun json = checked(run(ENVIRONMENT, new byte[0], validate(c, "json", file.toString())));

    assertThat(byFile.exitCode()).as("validate FILE: %s", byFile).isEqualTo(c.exit());
    assertThat(byStdin.exitCode()).as("validate -: %s", byStdin).isEqualTo(c.exit());
    assertThat(again.out()).as("the same input, the same report").isEqualTo(byFile.out());
    assertThat(json.exitCode()).isEqualTo(c.exit());
    JsonNode result = JSON.readTree(json.out()).get("results").get(0);
    assertThat(result.get("path").asText()).as("the JSON report holds the path as it is").isEqualTo(file.toString());
    if (!c.expectsValid()) {
      List<String> keys = new ArrayList<>();
      result.get("problems").forEach(p -> keys.add(p.get("key").asText()));
      assertThat(keys).contains(c.key());
    }

    // A signature covers the whole body, whatever it holds and however large it is.
    CliRun sign = checked(run(ENVIRONMENT, new byte[0], "sign", "--secret-env", "WEBCONNEX_SECRET", file.toString()));
    assertThat(sign.exitCode()).as("sign: %s", sign).isZero();
    assertThat(sign.out()).isEqualTo(hmac(c.input()) + "\n");
    CliRun verify = checked(run(ENVIRONMENT, new byte[0],
        "verify", "--secret-env", "WEBCONNEX_SECRET", "--signature", sign.out().strip(), file.toString()));
    assertThat(verify.exitCode()).as("verify: %s", verify).isZero();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("signatures")
  void signatureIsCheckedWithTheCataloguesStatus(BadInputCase c) throws Exception {
    skipIfOpen(c);
    Path body = Files.write(temp.resolve("body.json"), BadInputCatalogue.validBody());

    CliRun verify = checked(run(ENVIRONMENT, new byte[0],
        "verify", "--secret-env", "WEBCONNEX_SECRET", "--signature", c.text(), body.toString()));

    assertThat(verify.exitCode()).as("verify: %s", verify).isEqualTo(c.exit());
    assertThat(verify.out()).startsWith("signature does not match");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("commandLines")
  void commandLineGetsTheCataloguesStatusAndNeverRepeatsTheSecret(BadInputCase c) throws Exception {
    skipIfOpen(c);
    Path body = Files.write(temp.resolve("body.json"), BadInputCatalogue.validBody());
    Path dir = Files.createDirectories(temp.resolve("dir"));
    Path files = Files.createDirectories(temp.resolve("files"));
    for (Map.Entry<String, String> f : c.files().entrySet()) {
      Files.writeString(files.resolve(f.getKey()), f.getValue().replace("${SECRET}", SECRET), StandardCharsets.UTF_8);
    }
    String[] arguments = c.arguments().stream().map(a -> fill(a, body, dir, files)).toArray(String[]::new);

    CliRun r = checked(run(ENVIRONMENT, new byte[0], arguments));

    assertThat(r.exitCode()).as("%s", r).isEqualTo(c.exit());
    if (c.exit() == WebconnexCommand.ERROR) {
      // One line naming the command, or a list of faults under it: no argument adds a line of its own.
      assertThat(r.err().lines()).as("%s", r).isNotEmpty()
          .allSatisfy(line -> assertThat(line).matches("(webconnex( [a-z]+)?: |  ).*"));
      assertThat(r.err().lines().findFirst().orElseThrow()).startsWith("webconnex");
    }
  }

  private static String[] validate(BadInputCase c, String format, String path) {
    return c.strict() ? new String[] {"validate", "--strict", "--format", format, path}
        : new String[] {"validate", "--format", format, path};
  }

  /** What every run must not print, whatever it was given. */
  private static CliRun checked(CliRun r) {
    for (String printed : List.of(r.out(), r.err())) {
      assertThat(printed).as("%s", r).doesNotContain("internal error").doesNotContain(SECRET)
          .doesNotContain("Exception").doesNotContain("\tat ");
      Matcher raw = RAW_CONTROL.matcher(printed);
      assertThat(raw.find()).as("a raw control character in %s", r).isFalse();
    }
    return r;
  }

  private static String fill(String argument, Path body, Path dir, Path files) {
    Matcher m = PLACEHOLDER.matcher(argument);
    StringBuilder s = new StringBuilder();
    while (m.find()) {
      String value = switch (m.group(1)) {
        case "SECRET" -> SECRET;
        case "BODY" -> body.toString();
        case "DIR" -> dir.toString();
        default -> files.resolve(m.group(2)).toString();
      };
      m.appendReplacement(s, Matcher.quoteReplacement(value));
    }
    return m.appendTail(s).toString();
  }

  private static void skipIfOpen(BadInputCase c) {
    Optional<String> open = c.openIssue(BadInputCase.CLI);
    assumeTrue(open.isEmpty(), () -> c.id() + " is open: " + open.orElse(""));
  }

  /** The signature computed apart from the kit. */
  private static String hmac(byte[] body) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return HexFormat.of().formatHex(mac.doFinal(body));
  }
}
