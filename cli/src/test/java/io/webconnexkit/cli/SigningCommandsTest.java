package io.webconnexkit.cli;

import static io.webconnexkit.cli.CliRun.resource;
import static io.webconnexkit.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningCommandsTest {

  private static final String SECRET = "cli-test-secret-7Qx";
  /** HMAC-SHA256 of signing/body.json under SECRET, computed outside the kit (Python's hmac module). */
  private static final String SIGNATURE = "3b1e9449c32f93bbfd9e3ae6163261df1d30427776bfded989012ba2f1b13480";
  private static final Map<String, String> ENVIRONMENT = Map.of("WEBCONNEX_SECRET", SECRET);

  private final String body = resource("signing/body.json").toString();
  private final List<CliRun> runs = new ArrayList<>();

  /** Whatever a test ran, the secret appeared in none of it. */
  @AfterEach
  void secretIsNeverPrinted() {
    assertThat(runs).isNotEmpty();
    for (CliRun r : runs) {
      assertThat(r.out()).doesNotContain(SECRET);
      assertThat(r.err()).doesNotContain(SECRET);
    }
  }

  @Test
  void signsWithSecretFromEnvironment() {
    CliRun run = record(run(ENVIRONMENT, new byte[0], "sign", "--secret-env", "WEBCONNEX_SECRET", body));

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).isEqualTo(SIGNATURE + "\n");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void signsWithSecretFromFile(@TempDir Path dir) throws IOException {
    Path secretFile = Files.writeString(dir.resolve("secret"), SECRET + "\n");

    CliRun run = record(run("sign", "--secret-file", secretFile.toString(), body));

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).isEqualTo(SIGNATURE + "\n");
  }

  @Test
  void signsStandardInput() throws IOException {
    CliRun run = record(run(ENVIRONMENT, Files.readAllBytes(Path.of(body)), "sign", "--secret-env", "WEBCONNEX_SECRET", "-"));

    assertThat(run.out()).isEqualTo(SIGNATURE + "\n");
  }

  @Test
  void verifiesWhatItSignedWithSecretFromEnvironment() {
    String signature = record(run(ENVIRONMENT, new byte[0], "sign", "--secret-env", "WEBCONNEX_SECRET", body)).out().strip();

    CliRun run = record(run(ENVIRONMENT, new byte[0],
        "verify", "--secret-env", "WEBCONNEX_SECRET", "--signature", signature, body));

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).isEqualTo("signature verified\n");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void verifiesWhatItSignedWithSecretFromFile(@TempDir Path dir) throws IOException {
    Path secretFile = Files.writeString(dir.resolve("secret"), SECRET);
    String signature = record(run("sign", "--secret-file", secretFile.toString(), body)).out().strip();

    CliRun run = record(run("verify", "--secret-file", secretFile.toString(), "--signature", signature, body));

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).isEqualTo("signature verified\n");
  }

  @Test
  void acceptsUppercaseHex() {
    CliRun run = record(run(ENVIRONMENT, new byte[0],
        "verify", "--secret-env", "WEBCONNEX_SECRET", "--signature", SIGNATURE.toUpperCase(), body));

    assertThat(run.exitCode()).isZero();
  }

  @Test
  void rejectsWrongSignature() {
    String wrong = SIGNATURE.substring(0, 63) + (SIGNATURE.endsWith("0") ? "1" : "0");

    CliRun run = record(run(ENVIRONMENT, new byte[0], "verify", "--secret-env", "WEBCONNEX_SECRET", "--signature", wrong, body));

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).isEqualTo("signature does not match\n");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void rejectsSignatureOfOtherBytes(@TempDir Path dir) throws IOException {
    // One more space: the same JSON to a parser, other bytes to HMAC.
    Path reformatted = Files.writeString(dir.resolve("body.json"), Files.readString(Path.of(body)).replace(":", ": "));

    CliRun run = record(run(ENVIRONMENT, new byte[0],
        "verify", "--secret-env", "WEBCONNEX_SECRET", "--signature", SIGNATURE, reformatted.toString()));

    assertThat(run.exitCode()).isEqualTo(1);
  }

  @Test
  void saysWhySignatureOfWrongLengthCannotMatch() {
    CliRun run = record(run(ENVIRONMENT, new byte[0], "verify", "--secret-env", "WEBCONNEX_SECRET", "--signature", "abc123", body));

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).isEqualTo(
        "signature does not match: --signature is not an HMAC-SHA256 signature: expected 64 hex characters but found 6 characters\n");
  }

  @Test
  void unsetVariableIsAnErrorNamingTheVariable() {
    CliRun run = record(run(ENVIRONMENT, new byte[0], "verify", "--secret-env", "OTHER_SECRET", "--signature", SIGNATURE, body));

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).isEqualTo("webconnex verify: --secret-env: environment variable OTHER_SECRET is not set or is empty\n");
  }

  @Test
  void emptyVariableIsAnError() {
    CliRun run = record(run(Map.of("WEBCONNEX_SECRET", ""), new byte[0], "sign", "--secret-env", "WEBCONNEX_SECRET", body));

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("WEBCONNEX_SECRET");
  }

  @Test
  void missingSecretFileIsAnErrorThatDoesNotRepeatThePath(@TempDir Path dir) {
    Path missing = dir.resolve("nope");

    CliRun run = record(run("sign", "--secret-file", missing.toString(), body));

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("webconnex sign: --secret-file: the secret file does not exist"
        + " (the path given is not repeated here, in case it is the secret itself)\n");
  }

  @Test
  void secretSourceIsRequiredAndExclusive(@TempDir Path dir) throws IOException {
    Path secretFile = Files.writeString(dir.resolve("secret"), SECRET);

    CliRun none = record(run("sign", body));
    CliRun both = record(run(ENVIRONMENT, new byte[0],
        "sign", "--secret-env", "WEBCONNEX_SECRET", "--secret-file", secretFile.toString(), body));

    assertThat(none.exitCode()).isEqualTo(2);
    assertThat(none.err()).contains("--secret-env").contains("--secret-file");
    assertThat(both.exitCode()).isEqualTo(2);
    assertThat(both.err()).contains("mutually exclusive");
  }

  @Test
  void thereIsNoOptionThatTakesTheSecretItself() {
    CliRun separate = record(run("sign", "--secret", SECRET, body));
    CliRun joined = record(run("sign", "--secret=" + SECRET, body));

    assertThat(separate.exitCode()).isEqualTo(2);
    assertThat(joined.exitCode()).isEqualTo(2);
    assertThat(joined.err()).contains("--secret=...").contains("did you mean --secret-env or --secret-file?");
  }

  @Test
  void secretGivenAsVariableNameIsNotRepeated() {
    CliRun run = record(run(ENVIRONMENT, new byte[0], "sign", "--secret-env", SECRET, body));

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--secret-env: expected the name of an environment variable").doesNotContain(SECRET);
  }

  @Test
  void missingBodyIsAnError() {
    CliRun run = record(run(ENVIRONMENT, new byte[0], "sign", "--secret-env", "WEBCONNEX_SECRET", "no/such/body.json"));

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("webconnex sign: no/such/body.json: no such file or directory\n");
  }

  @Test
  void secretOptionGivenTwiceIsNamedWithoutItsValues() {
    CliRun run = record(run(ENVIRONMENT, new byte[0], "sign", "--secret-env", "WEBCONNEX_SECRET", "--secret-env", SECRET, body));

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("webconnex sign: give exactly one of --secret-env and --secret-file, once (values given"
        + " with --secret-env and --secret-file are not repeated, as they may be secrets) (see 'webconnex sign --help')\n");
  }

  @Test
  void atFileArgumentsAreNotExpanded(@TempDir Path dir) throws IOException {
    Path words = Files.writeString(dir.resolve("args"), "--secret-env " + SECRET + "\n");

    CliRun run = record(run(ENVIRONMENT, new byte[0], "sign", "--secret-env", "WEBCONNEX_SECRET", "@" + words));

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("webconnex sign: @" + words + ": no such file or directory\n");
  }

  @Test
  void pathTheSystemCannotRepresentIsAClearMessage() {
    CliRun run = record(run(ENVIRONMENT, new byte[0], "sign", "--secret-env", "WEBCONNEX_SECRET", "body\u0000.json"));

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).isEqualTo(
        "webconnex sign: cannot use the path 'body\\u0000.json' as it contains a NUL character, which no file name can hold\n");
  }

  @Test
  void signsAndVerifiesStandardInputWhole() throws Exception {
    byte[] large = new byte[5 * 1024 * 1024 + 7];
    java.util.Arrays.fill(large, (byte) ' ');
    large[0] = '{';
    large[large.length - 1] = '}';
    javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
    mac.init(new javax.crypto.spec.SecretKeySpec(SECRET.getBytes(java.nio.charset.StandardCharsets.UTF_8), "HmacSHA256"));
    String expected = java.util.HexFormat.of().formatHex(mac.doFinal(large));

    CliRun sign = record(run(ENVIRONMENT, large, "sign", "--secret-env", "WEBCONNEX_SECRET", "-"));
    CliRun verify = record(run(ENVIRONMENT, large, "verify", "--secret-env", "WEBCONNEX_SECRET", "--signature", expected, "-"));

    assertThat(sign.out()).isEqualTo(expected + "\n");
    assertThat(verify.out()).isEqualTo("signature verified\n");
  }

  private CliRun record(CliRun run) {
    runs.add(run);
    return run;
  }
}
