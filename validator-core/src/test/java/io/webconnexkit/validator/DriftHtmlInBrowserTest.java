package io.webconnexkit.validator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The drift page of the bundled example corpus in a real headless Chromium (Debian's package
 * {@code chromium}): it renders (the DOM Chromium builds holds the summary, a table per event type
 * and the bars), and a screenshot is taken into {@code target/drift-report.png} (the one under
 * {@code docs/} is a copy of it). Skipped, saying why, when no Chromium is installed; the system
 * property {@code webconnex.chromium} names another binary.
 */
class DriftHtmlInBrowserTest {

  @TempDir Path temp;

  @Test
  void thePageOfTheBundledCorpusRendersInHeadlessChromiumAndIsScreenshotted() throws Exception {
    Optional<Path> chromium = chromium();
    assumeTrue(chromium.isPresent(), "no Chromium found (install Debian's package chromium, or set -Dwebconnex.chromium=PATH):"
        + " the drift page is not rendered in a browser on this machine");
    Path page = Path.of("target", "drift-report.html").toAbsolutePath();
    Path screenshot = Path.of("target", "drift-report.png").toAbsolutePath();
    Files.createDirectories(page.getParent());
    Files.writeString(page, DriftReportTest.corpus().toHtml(), StandardCharsets.UTF_8);
    Files.deleteIfExists(screenshot);

    String dom = run(chromium.get(), "--dump-dom", page.toUri().toString());
    run(chromium.get(), "--screenshot=" + screenshot, "--window-size=1280,2200", "--hide-scrollbars", page.toUri().toString());

    assertThat(dom).contains("<h1>Webconnex drift report</h1>").contains("<h2>registration <small>(4 payloads)</small></h2>")
        .contains("class=\"bar undocumented\"").contains("/data/registrants/*/checkedIn")
        .contains("Event types that are not documented");
    assertThat(Files.exists(screenshot)).as("screenshot written").isTrue();
    byte[] png = Files.readAllBytes(screenshot);
    assertThat(png.length).as("a real picture, not an empty one").isGreaterThan(20_000);
    assertThat(new String(png, 1, 3, StandardCharsets.US_ASCII)).isEqualTo("PNG");
  }

  private String run(Path chromium, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--user-data-dir=" + Files.createTempDirectory(temp, "profile")));
    command.addAll(List.of(args));
    Path out = Files.createTempFile(temp, "out", ".txt");
    Path err = Files.createTempFile(temp, "err", ".txt");
    Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("Chromium did not finish in 120 s: " + Files.readString(err));
    }
    assertThat(process.exitValue()).as("Chromium's exit status; its standard error: %s", Files.readString(err)).isZero();
    return Files.readString(out);
  }

  private static Optional<Path> chromium() {
    String configured = System.getProperty("webconnex.chromium");
    if (configured != null && !configured.isBlank()) {
      return Optional.of(Path.of(configured)).filter(Files::isExecutable);
    }
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    for (String dir : path.split(File.pathSeparator)) {
      for (String name : List.of("chromium", "chromium-browser")) {
        Path candidate = Path.of(dir, name);
        if (Files.isExecutable(candidate)) {
          return Optional.of(candidate);
        }
      }
    }
    return Optional.empty();
  }
}
