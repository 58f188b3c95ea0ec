package io.webconnexkit.validator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Drift streams: a JSON Lines archive of more than 200 MB is read in a JVM with a 64 MB heap. The
 * archive is generated into target/ (once; later runs reuse it) and every payload carries a new
 * undocumented field, so the per-event-type limit on kept findings is reached too.
 */
class DriftStreamingTest {

  private static final long MIN_BYTES = 200L * 1024 * 1024;
  private static final Path ARCHIVE = Path.of("target", "drift-archive", "archive.jsonl").toAbsolutePath();

  @Test
  void driftOverAnArchiveOfMoreThan200MegabytesRunsInA64MegabyteHeap() throws Exception {
    long lines = generate();

    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process process = new ProcessBuilder(java.toString(), "-Xmx64m", "-cp", System.getProperty("java.class.path"),
        DriftMemoryProbe.class.getName(), ARCHIVE.toString())
        .redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("finished").isTrue();

    assertThat(process.exitValue()).as(output).isZero();
    assertThat(output).contains("payloads=" + lines)
        .contains("undocumented=" + DriftReport.Builder.MAX_FINDINGS)
        .contains("truncated=" + (lines - DriftReport.Builder.MAX_FINDINGS));
  }

  private static long generate() throws IOException {
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode sample = WebconnexSample.of(EventType.REGISTRATION).seed(7).toTree();
    long lines = 0;
    Path count = ARCHIVE.resolveSibling("lines");
    if (Files.exists(ARCHIVE) && Files.exists(count) && Files.size(ARCHIVE) >= MIN_BYTES) {
      return Long.parseLong(Files.readString(count).trim());
    }
    Files.createDirectories(ARCHIVE.getParent());
    try (BufferedWriter out = Files.newBufferedWriter(ARCHIVE, StandardCharsets.UTF_8)) {
      long written = 0;
      while (written < MIN_BYTES) {
        ObjectNode payload = sample.deepCopy();
        ((ObjectNode) payload.get("data")).put("extra" + lines, lines);
        String line = mapper.writeValueAsString(payload);
        out.write(line);
        out.write('\n');
        written += line.length() + 1;
        lines++;
      }
    }
    Files.writeString(count, Long.toString(lines));
    return lines;
  }
}
