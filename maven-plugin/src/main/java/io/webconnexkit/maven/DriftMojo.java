package io.webconnexkit.maven;

import io.webconnexkit.validator.DriftReport;
import io.webconnexkit.validator.RecordedDeliveryReader;
import io.webconnexkit.validator.ReportLine;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Reports how the recorded deliveries of the fixtures folder drift from Webconnex's documented
 * contract (validator-core's {@link DriftReport}): undocumented and observed fields, type
 * mismatches, documented fields never seen, format deviations and unknown event types. Writes
 * {@code drift.json}, {@code drift.html} and {@code drift.txt} into the reports folder
 * ({@code target/webconnex-reports/} by default) and logs the text form. With a baseline, only what
 * is new is reported, and something new fails the build.
 *
 * <p>Not bound to a phase: run {@code mvn io.webconnexkit:webconnex-maven-plugin:drift}, or bind it
 * in an execution. Fixture files are never modified.
 */
@Mojo(name = "drift", threadSafe = true, requiresProject = false)
public class DriftMojo extends FixturesMojo {

  private static final Map<String, String> FILES = new LinkedHashMap<>();

  static {
    FILES.put("json", "drift.json");
    FILES.put("html", "drift.html");
    FILES.put("text", "drift.txt");
  }

  /** Creates the goal; Maven sets its parameters. */
  public DriftMojo() {}

  /** Comma-separated report forms: json, html, text, or none. */
  @Parameter(property = "webconnex.drift.formats", defaultValue = "json,html,text")
  String formats;

  /** A drift report saved earlier (drift.json): report only what is new since then. */
  @Parameter(property = "webconnex.drift.baseline")
  File baseline;

  /** With a baseline: whether something new fails the build. */
  @Parameter(property = "webconnex.drift.failOnNew", defaultValue = "true")
  boolean failOnNew;

  /**
   * Reads the fixtures, logs the report and writes the report files.
   *
   * @throws MojoFailureException with a baseline and {@code failOnNew}, when something is new
   * @throws MojoExecutionException when the setup is broken: a bad parameter, a baseline that is not
   *     a drift report, reports that cannot be written or would replace a file the plugin did not write
   */
  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("Skipping Webconnex drift report (webconnex.skip)");
      return;
    }
    Log log = getLog();
    Path base = baseDirectory();
    List<String> names = fileNames();
    DriftReport before = baseline == null ? null : readBaseline(resolve(baseline, base));
    List<Path> roots = fixtureRoots(base);
    Path reports = reportsFolder(base);
    List<String> claimed = new ArrayList<>(names);
    claimed.add(ReportsFolder.MARKER);
    if (!names.isEmpty() && ReportsFolder.fixturesHolding(reports, roots, claimed).isPresent()) {
      throw new MojoExecutionException("webconnex.reportsDirectory " + shown(base, reports)
          + " is among the fixtures: reports are never written among fixtures; set webconnex.reportsDirectory to a"
          + " folder outside them");
    }

    DriftReport.Builder builder = DriftReport.builder();
    RecordedDeliveryReader reader = RecordedDeliveryReader.standard();
    FixtureScanner scanner = new FixtureScanner(split(includes), split(excludes));
    List<Path> missing = new ArrayList<>();
    int[] files = {0};
    scanner.scan(roots, missing, batch -> {
      for (FixtureScanner.Found found : batch) {
        if (found.failure() != null) {
          log.warn(ReportLine.escape(found.failure()));
          continue;
        }
        files[0]++;
        reader.read(found.file(), display(base, found.file()), builder::add);
      }
    });
    for (Path m : missing) {
      log.info("No Webconnex fixtures: " + shown(base, m) + " does not exist");
    }
    DriftReport report = builder.build();
    if (before != null) {
      report = report.newSince(before);
    }
    report.toText().lines().forEach(log::info);
    write(report, reports, names, base);
    log.info("Webconnex drift over " + files[0] + (files[0] == 1 ? " file" : " files")
        + (names.isEmpty() ? "" : "; reports in " + shown(base, reports)));
    if (before != null && report.hasFindings()) {
      String message = "Something is new since the drift baseline " + shown(base, resolve(baseline, base))
          + ": see the report above";
      if (failOnNew) {
        throw new MojoFailureException(message);
      }
      log.warn(message);
    }
  }

  private List<String> fileNames() throws MojoExecutionException {
    List<String> names = new ArrayList<>();
    for (String form : split(formats)) {
      String f = form.toLowerCase(Locale.ROOT);
      if (f.equals("none")) {
        continue;
      }
      String name = FILES.get(f);
      if (name == null) {
        throw new MojoExecutionException("webconnex.drift.formats: expected json, html, text or none but found '"
            + ReportLine.escape(form) + "'");
      }
      if (!names.contains(name)) {
        names.add(name);
      }
    }
    return names;
  }

  private static DriftReport readBaseline(Path file) throws MojoExecutionException {
    try {
      return DriftReport.fromJson(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new MojoExecutionException("webconnex.drift.baseline: " + ReportLine.escape(RecordedDeliveryReader.describe(e)));
    } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
      throw new MojoExecutionException("webconnex.drift.baseline: " + ReportLine.escape(file.toString()) + ": "
          + ReportLine.escape(e.getMessage()));
    }
  }

  private void write(DriftReport report, Path reports, List<String> names, Path base) throws MojoExecutionException {
    if (names.isEmpty()) {
      return;
    }
    ReportsFolder folder;
    try {
      folder = ReportsFolder.open(reports, names, p -> ReportLine.escape(display(base, p)));
    } catch (ReportsFolder.Refused e) {
      throw new MojoExecutionException(e.getMessage());
    }
    try {
      folder.claim(names);
      for (String name : names) {
        String content = switch (name) {
          case "drift.json" -> report.toJson(true);
          case "drift.html" -> report.toHtml();
          default -> report.toText();
        };
        folder.write(name, content.getBytes(StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new MojoExecutionException("Cannot write the drift reports in " + shown(base, reports) + ": "
          + ReportLine.escape(RecordedDeliveryReader.describe(e)), e);
    }
  }

  private static String display(Path base, Path path) {
    Path absolute = path.toAbsolutePath().normalize();
    return absolute.startsWith(base) ? base.relativize(absolute).toString().replace(File.separatorChar, '/') : absolute.toString();
  }

  private static String shown(Path base, Path path) {
    return ReportLine.escape(display(base, path));
  }
}
