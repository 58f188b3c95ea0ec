package io.webconnexkit.cli;

import static io.webconnexkit.cli.CliRun.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the shaded jar as users do, in a separate JVM: {@code java -jar}, and through the launcher
 * script. Failsafe runs it after {@code package} and passes the jar's path; run from an IDE without
 * that property, it is skipped rather than testing a stale jar.
 */
class ShadedJarIT {

  private static final String SECRET = "cli-test-secret-7Qx";
  private static final String SIGNATURE = "3b1e9449c32f93bbfd9e3ae6163261df1d30427776bfded989012ba2f1b13480";

  private static Path jar;

  @TempDir Path temp;

  @BeforeAll
  static void findJar() {
    String property = System.getProperty("webconnex.cli.jar");
    assumeTrue(property != null, "webconnex.cli.jar is set by maven-failsafe-plugin; run ./mvnw verify");
    jar = Path.of(property);
    assertThat(jar).as("the shaded jar that package should have built").isRegularFile();
  }

  @Test
  void validatesWithCompilerStyleOutputAndNoLoggingNoise() throws Exception {
    Path file = resource("payloads/invalid/registration-total-as-string.json");

    Result r = java(Map.of(), "validate", file.toString(), resource("payloads/valid").toString());

    assertThat(r.exitCode).isEqualTo(1);
    assertThat(r.out.lines()).containsExactly(
        file + ":123:14: error: /data/total: expected number but found string \"100\"",
        "Validated 4 files: 3 valid, 1 invalid (1 error, 0 warnings)");
    assertThat(r.err).as("no SLF4J warnings or anything else").isEmpty();
  }

  @Test
  void printsTheProjectVersion() throws Exception {
    Result r = java(Map.of(), "--version");

    assertThat(r.exitCode).isZero();
    assertThat(r.out).isEqualTo("webconnex " + System.getProperty("webconnex.cli.version") + "\n");
  }

  @Test
  void signsWithSecretFromTheRealEnvironment() throws Exception {
    Result r = java(Map.of("WEBCONNEX_SECRET", SECRET),
        "sign", "--secret-env", "WEBCONNEX_SECRET", resource("signing/body.json").toString());

    assertThat(r.exitCode).isZero();
    assertThat(r.out).isEqualTo(SIGNATURE + "\n");
  }

  @Test
  void unsetVariableExitsWithTwoAndNoStackTrace() throws Exception {
    Result r = java(Map.of(), "verify", "--secret-env", "WEBCONNEX_IT_UNSET_VARIABLE",
        "--signature", SIGNATURE, resource("signing/body.json").toString());

    assertThat(r.exitCode).isEqualTo(2);
    assertThat(r.err).isEqualTo("webconnex verify: --secret-env: environment variable WEBCONNEX_IT_UNSET_VARIABLE is not set or is empty\n");
  }

  @Test
  void missingFileExitsWithTwoAndOneLine() throws Exception {
    Result r = java(Map.of(), "validate", "no/such/file.json");

    assertThat(r.exitCode).isEqualTo(2);
    assertThat(r.err.lines()).containsExactly("webconnex validate: no/such/file.json: no such file or directory");
  }

  @Test
  void launcherScriptFindsTheJar() throws Exception {
    Path launcher = Path.of(System.getProperty("webconnex.cli.launcher", "bin/webconnex"));
    assumeTrue(Files.isExecutable(launcher) && !System.getProperty("os.name").startsWith("Windows"),
        "the launcher is a bash script");
    Path file = resource("payloads/valid/coupon.json");

    Result r = run(List.of(launcher.toString(), "validate", file.toString()), Map.of());

    assertThat(r.exitCode).isZero();
    assertThat(r.out).isEqualTo("Validated 1 file: 1 valid, 0 invalid (0 errors, 0 warnings)\n");
    assertThat(r.err).isEmpty();
  }

  /**
   * Under the C locale Java decodes arguments as ASCII, so a non-ASCII path cannot even be named:
   * a clear message, not "internal error ... InvalidPathException". The shell makes the name's
   * bytes (printf), so the test does not depend on the locale of the JVM that runs it.
   */
  @Test
  void nonAsciiPathUnderTheCLocaleIsAClearMessage() throws Exception {
    assumeTrue(!System.getProperty("os.name").startsWith("Windows"), "needs sh");
    Path body = resource("payloads/valid/coupon.json");

    Result r = sh("LC_ALL=C", "f=\"$DIR/$(printf 'caf\\303\\251.json')\"; cp \"$BODY\" \"$f\"; "
        + "exec \"$JAVA\" -jar \"$JAR\" validate \"$f\"", body);

    assertThat(r.exitCode).as("%s", r).isEqualTo(2);
    assertThat(r.err).startsWith("webconnex validate: cannot use the path ")
        .contains("not representable in this system's encoding").contains("LANG=C.UTF-8")
        .doesNotContain("internal error").doesNotContain("Exception");
    assertThat(r.err.lines()).hasSize(1);
  }

  @Test
  void launcherRunsJavaUnderUtf8WhenTheLocaleIsC() throws Exception {
    Path launcher = Path.of(System.getProperty("webconnex.cli.launcher", "bin/webconnex"));
    assumeTrue(Files.isExecutable(launcher) && !System.getProperty("os.name").startsWith("Windows"),
        "the launcher is a bash script");
    Path body = resource("signing/body.json");

    Result validated = sh("LC_ALL=C", "f=\"$DIR/$(printf 'caf\\303\\251.json')\"; cp \"$BODY\" \"$f\"; "
        + "exec \"" + launcher + "\" validate \"$f\"", resource("payloads/valid/coupon.json"));
    // The secret "café" from the environment: its UTF-8 bytes are the key, whatever the locale.
    Result signed = sh("LC_ALL=C", "export WEBCONNEX_SECRET=\"$(printf 'caf\\303\\251')\"; exec \"" + launcher
        + "\" sign --secret-env WEBCONNEX_SECRET \"$BODY\"", body);

    assertThat(validated.exitCode).as("%s", validated).isZero();
    assertThat(validated.out).isEqualTo("Validated 1 file: 1 valid, 0 invalid (0 errors, 0 warnings)\n");
    assertThat(signed.exitCode).as("%s", signed).isZero();
    assertThat(signed.out).isEqualTo(hmac("caf\u00e9".getBytes(StandardCharsets.UTF_8), Files.readAllBytes(body)) + "\n");
  }

  /**
   * {@code sign} streams: a body larger than 2 GiB (the most one Java array holds) is signed whole,
   * by a JVM with a heap of 32 MiB. The file is sparse, so it costs no disk.
   */
  @Test
  void signsABodyLargerThanAnArrayInConstantMemory() throws Exception {
    Path big = temp.resolve("big.json");
    long size = (1L << 31) + 12345;
    try (java.io.RandomAccessFile file = new java.io.RandomAccessFile(big.toFile(), "rw")) {
      file.setLength(size);
      file.seek(size - 1);
      file.write('}');
    }
    String expected;
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    try (java.io.InputStream in = Files.newInputStream(big)) {
      byte[] buffer = new byte[1 << 16];
      for (int n; (n = in.read(buffer)) != -1; ) {
        mac.update(buffer, 0, n);
      }
      expected = HexFormat.of().formatHex(mac.doFinal());
    }

    Result r = run(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx32m", "-jar",
        jar.toString(), "sign", "--secret-env", "WEBCONNEX_SECRET", big.toString()), Map.of("WEBCONNEX_SECRET", SECRET));

    assertThat(r.exitCode).as("%s", r).isZero();
    assertThat(r.out).isEqualTo(expected + "\n");
  }

  /**
   * {@code validate} streams a JSON Lines archive: about 60 MB of deliveries, far more than the
   * heap of 48 MiB it runs in, checked record by record in both report forms.
   */
  @Test
  void validatesAnArchiveLargerThanItsHeapRecordByRecord() throws Exception {
    Path archive = temp.resolve("deliveries.jsonl");
    byte[] sample = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
        io.webconnexkit.validator.WebconnexSample.of(io.webconnexkit.validator.EventType.REGISTRATION).toBytes()).toString()
        .getBytes(StandardCharsets.UTF_8);
    int lines = (int) (60_000_000L / (sample.length + 1));
    try (java.io.OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(archive), 1 << 16)) {
      for (int i = 0; i < lines; i++) {
        out.write(sample);
        out.write('\n');
      }
    }
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    Result text = run(List.of(java, "-Xmx48m", "-jar", jar.toString(), "validate", archive.toString()), Map.of());
    Result json = run(List.of(java, "-Xmx48m", "-jar", jar.toString(), "validate", "--format", "json", archive.toString()),
        Map.of());

    assertThat(text.exitCode).as("%s", text).isZero();
    assertThat(text.out).isEqualTo("Validated 1 file (" + lines + " records): " + lines + " valid, 0 invalid (0 errors, 0 warnings)\n");
    assertThat(json.exitCode).as("%s", json.err).isZero();
    assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.out).get("results")).hasSize(lines);
  }

  private static String hmac(byte[] key, byte[] body) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key, "HmacSHA256"));
    return HexFormat.of().formatHex(mac.doFinal(body));
  }

  /** A shell script run with an empty environment plus {@code locale}, DIR, BODY, JAVA and JAR. */
  private Result sh(String locale, String script, Path body) throws Exception {
    List<String> command = List.of("env", "-i", "PATH=/usr/bin:/bin", locale, "DIR=" + temp, "BODY=" + body,
        "JAVA=" + Path.of(System.getProperty("java.home"), "bin", "java"), "JAR=" + jar,
        "JAVA_HOME=" + System.getProperty("java.home"), "sh", "-c", script);
    return run(command, Map.of());
  }

  private Result java(Map<String, String> environment, String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-jar");
    command.add(jar.toString());
    command.addAll(List.of(args));
    return run(command, environment);
  }

  private Result run(List<String> command, Map<String, String> environment) throws IOException, InterruptedException {
    Path out = Files.createTempFile(temp, "out", ".txt");
    Path err = Files.createTempFile(temp, "err", ".txt");
    ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
    builder.environment().putAll(environment);
    builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
    Process process = builder.start();
    process.getOutputStream().close();
    if (!process.waitFor(2, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError("timed out: " + command);
    }
    return new Result(process.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
  }

  private record Result(int exitCode, String out, String err) {}
}
