package io.webconnexkit.maven;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.management.OperatingSystemMXBean;
import io.webconnexkit.validator.WebconnexValidator;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How the engine's cost compares with the least any tool must do: read each file and parse it.
 * Not a timed assertion (the machine decides the figures); it asserts that every generated
 * fixture was validated and valid, and prints the ratio that docs/performance.md reports.
 *
 * <p>10,000 fixtures of about 3 KB, made from the schemas jar's registration sample with a fresh
 * id, e-mail and total each, in 100 folders. Each way runs once to warm up, then five times,
 * alternating; the medians are compared, in wall-clock time and in the process's CPU time (which
 * other work on a shared machine disturbs less). Each engine run builds its own validator, as one
 * execution of the goal does.
 */
class EngineSpeedTest {

  private static final int FIXTURES = Integer.getInteger("webconnex.speed.fixtures", 10_000);
  private static final int ROUNDS = 5;
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Test
  void validatesTenThousandFixturesAtAboutTheCostOfParsingThem(@TempDir Path dir) throws IOException {
    List<Path> files = generate(dir);
    int threads = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
    FixtureRequest oneThread = FixtureRequest.builder(dir).fixture(dir).build();
    FixtureRequest pooled = FixtureRequest.builder(dir).fixture(dir).threads(threads).build();

    parse(files);
    check(new FixtureEngine(oneThread).run());
    check(new FixtureEngine(pooled).run());
    long[][] parse = new long[2][ROUNDS];
    long[][] engine1 = new long[2][ROUNDS];
    long[][] engineN = new long[2][ROUNDS];
    for (int i = 0; i < ROUNDS; i++) {
      measure(parse, i, () -> parse(files));
      measure(engine1, i, () -> check(new FixtureEngine(oneThread).run()));
      measure(engineN, i, () -> check(new FixtureEngine(pooled).run()));
    }
    // Where the engine's time goes, one part at a time, on one thread.
    List<byte[]> contents = new ArrayList<>(files.size());
    for (Path f : files) {
      contents.add(Files.readAllBytes(f));
    }
    WebconnexValidator validator = WebconnexValidator.lenient();
    long[][] scan = new long[2][ROUNDS];
    long[][] validate = new long[2][ROUNDS];
    for (int i = 0; i < ROUNDS; i++) {
      measure(scan, i, () -> assertThat(new FixtureScanner(FixtureRequest.DEFAULT_INCLUDES, List.of())
          .scan(List.of(dir), new ArrayList<>())).hasSize(FIXTURES));
      measure(validate, i, () -> contents.forEach(validator::validate));
    }
    // What one execution pays once: the validator built and the registration schema compiled.
    long[][] setup = new long[2][1];
    Path first = files.get(0);
    measure(setup, 0, () -> new FixtureEngine(oneThread).check(first));

    long baseline = median(parse[0]);
    long baselineCpu = median(parse[1]);
    System.out.printf(Locale.ROOT, "webconnex-maven-plugin speed: %d fixtures, %.0f bytes each on average, %d processors%n",
        files.size(), (double) bytes(files) / files.size(), Runtime.getRuntime().availableProcessors());
    System.out.printf(Locale.ROOT, "  %-38s wall %5d ms  cpu %5d ms  (wall of each round: %s)%n",
        "read + Jackson readTree, 1 thread:", baseline / 1_000_000, baselineCpu / 1_000_000, ms(parse[0]));
    report("FixtureEngine.run(), 1 thread:", engine1, baseline, baselineCpu);
    report("FixtureEngine.run(), " + threads + " threads:", engineN, baseline, baselineCpu);
    System.out.printf(Locale.ROOT, "  parts of the engine's work, 1 thread:%n");
    report("  finding the files (FixtureScanner):", scan, baseline, baselineCpu);
    report("  WebconnexValidator.validate(byte[]):", validate, baseline, baselineCpu);
    System.out.printf(Locale.ROOT, "  %-38s wall %5d ms  cpu %5d ms%n",
        "  once per run (build, first schema):", setup[0][0] / 1_000_000, setup[1][0] / 1_000_000);
  }

  private static void report(String what, long[][] times, long baseline, long baselineCpu) {
    System.out.printf(Locale.ROOT, "  %-38s wall %5d ms  cpu %5d ms  (wall of each round: %s)  ratio wall %.2f, cpu %.2f%n",
        what, median(times[0]) / 1_000_000, median(times[1]) / 1_000_000, ms(times[0]),
        (double) median(times[0]) / baseline, (double) median(times[1]) / baselineCpu);
  }

  interface Work {
    void run() throws IOException;
  }

  /** Wall-clock and process CPU time (all threads, GC and JIT included) of one round. */
  private static void measure(long[][] into, int round, Work work) throws IOException {
    OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long cpu = os.getProcessCpuTime();
    long wall = System.nanoTime();
    work.run();
    into[0][round] = System.nanoTime() - wall;
    into[1][round] = os.getProcessCpuTime() - cpu;
  }

  private static void check(FixtureRun run) {
    assertThat(run.results()).hasSize(FIXTURES);
    assertThat(run.invalid()).isZero();
    assertThat(run.warnings()).isZero();
  }

  private static int parse(List<Path> files) throws IOException {
    int fields = 0;
    for (Path f : files) {
      fields += MAPPER.readTree(Files.readAllBytes(f)).size();
    }
    return fields;
  }

  private static List<Path> generate(Path dir) throws IOException {
    JsonNode sample;
    try (InputStream in = EngineSpeedTest.class.getResourceAsStream("/webconnex/samples/v1/registration.json")) {
      sample = MAPPER.readTree(in);
    }
    List<Path> files = new ArrayList<>(FIXTURES);
    for (int i = 0; i < FIXTURES; i++) {
      ObjectNode payload = sample.deepCopy();
      ObjectNode data = (ObjectNode) payload.get("data");
      data.put("id", Long.toString(1450805189464127571L + i));
      data.put("total", 100 + i % 50);
      ((ObjectNode) data.get("billing")).put("email", "buyer" + i + "@example.com");
      Path f = dir.resolve(String.format(Locale.ROOT, "d%02d/registration-%05d.json", i % 100, i));
      Files.createDirectories(f.getParent());
      Files.write(f, MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(payload));
      files.add(f);
    }
    return files;
  }

  private static long bytes(List<Path> files) throws IOException {
    long n = 0;
    for (Path f : files) {
      n += Files.size(f);
    }
    return n;
  }

  private static long median(long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  private static String ms(long[] nanos) {
    StringBuilder s = new StringBuilder();
    for (long n : nanos) {
      s.append(s.length() == 0 ? "" : ", ").append(n / 1_000_000);
    }
    return s.toString();
  }
}
