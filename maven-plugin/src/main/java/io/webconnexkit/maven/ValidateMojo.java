package io.webconnexkit.maven;

import io.webconnexkit.validator.CheckedRecord;
import io.webconnexkit.validator.Problem;
import io.webconnexkit.validator.ProblemLevels;
import io.webconnexkit.validator.Profile;
import io.webconnexkit.validator.RecordedDeliveryReader;
import io.webconnexkit.validator.ReportLine;
import io.webconnexkit.validator.SecretSource;
import io.webconnexkit.validator.SecretSourceException;
import io.webconnexkit.validator.SigningSecret;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Checks recorded Webconnex webhook fixtures against the Webconnex contract: bare payloads,
 * deliveries saved from Webconnex's webhook logs API, WireMock request journals and JSON Lines
 * files, every shape validator-core's reader knows. Prints a compiler-style line per problem,
 * writes JUnit XML, SARIF and JSON reports, and fails the build when a fixture does not conform.
 * Fixture files are never modified, and no file the plugin did not write is ever replaced.
 *
 * <p>Runs without a project too: {@code mvn io.webconnexkit:webconnex-maven-plugin:validate
 * -Dwebconnex.fixtures=DIR}, with paths relative to the current directory.
 */
@Mojo(name = "validate", defaultPhase = LifecyclePhase.PROCESS_TEST_RESOURCES, threadSafe = true, requiresProject = false)
public class ValidateMojo extends FixturesMojo {

  /** Creates the goal; Maven sets its parameters. */
  public ValidateMojo() {}

  /**
   * {@code lenient} (accepts what Webconnex has been seen to send) or {@code strict} (every
   * documented field required, undocumented fields and unknown events are errors).
   */
  @Parameter(property = "webconnex.profile", defaultValue = "lenient")
  String profile;

  /**
   * Levels for problem keys over the profile's defaults, {@code key=level} entries separated by
   * commas: {@code delivery.userAgent=ignore,event.unknown=warning}. A key may be a dotted prefix
   * ({@code fixture=warning}); the most specific entry wins. Levels are {@code error},
   * {@code warning}, {@code info} and {@code ignore}.
   */
  @Parameter(property = "webconnex.levels")
  String levels;

  /** Fail the build when a fixture has an error. */
  @Parameter(property = "webconnex.failOnError", defaultValue = "true")
  boolean failOnError;

  /** Fail the build when a fixture has a warning. */
  @Parameter(property = "webconnex.failOnWarning", defaultValue = "false")
  boolean failOnWarning;

  /**
   * Names of environment variables that hold the webhook's signing secret, comma-separated (several
   * during a rotation: a signature made with any of them verifies), to verify the signatures of
   * recorded raw requests. The secret itself is never a POM value and is never printed.
   */
  @Parameter(property = "webconnex.secretEnv")
  String secretEnv;

  /**
   * Files that hold a signing secret on their first line, comma-separated; with {@code secretEnv}
   * or instead of it. Relative paths are relative to the project's folder.
   */
  @Parameter(property = "webconnex.secretFile")
  String secretFile;

  /** Comma-separated report formats: {@code junit-xml}, {@code sarif}, {@code json}; {@code none} for no files. */
  @Parameter(property = "webconnex.reportFormats", defaultValue = "junit-xml,sarif,json")
  String reportFormats;

  /**
   * Whether a fixtures folder that does not exist, or a run that finds no fixture at all, fails the
   * build, naming the folder. Unset, it is true when {@code fixtures} names a folder of its own and
   * false for the default {@code src/test/resources/webconnex} (a project without fixtures is fine).
   */
  @Parameter(property = "webconnex.failIfNoFixtures")
  Boolean failIfNoFixtures;

  /**
   * Fixtures that must <em>not</em> conform, so known-bad payloads can live beside good ones:
   * Ant-style patterns relative to a fixtures folder, separated by commas ({@code known-bad/**}).
   * Their problems are printed at info level and do not fail the build; one of them that conforms
   * after all fails it, saying so. {@code @WebconnexFixtures(value = "...", invalid = true)} reads
   * the same patterns.
   */
  @Parameter(property = "webconnex.expectInvalid")
  String expectInvalid;

  @Parameter(defaultValue = "${plugin}", readonly = true)
  PluginDescriptor plugin;

  /** Where environment variables are looked up; null for the process's own (read as core's SecretSource reads it). */
  Function<String, String> environment;

  /**
   * Validates the fixtures, prints a line per problem, writes the reports.
   *
   * @throws MojoFailureException when fixtures have errors (or warnings, with {@code failOnWarning})
   * @throws MojoExecutionException when the setup is broken: a bad parameter, a secret that cannot
   *     be read, reports that cannot be written or would replace a file the plugin did not write
   */
  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("Skipping Webconnex fixture validation (webconnex.skip)");
      return;
    }
    long started = System.nanoTime();
    Log log = getLog();
    Path base = baseDirectory();
    List<ReportFile> formats;
    try {
      formats = ReportFile.parse(reportFormats);
    } catch (IllegalArgumentException e) {
      throw new MojoExecutionException("webconnex.reportFormats: " + e.getMessage());
    }
    Profile chosen = profile();
    ProblemLevels problemLevels;
    try {
      problemLevels = ProblemLevels.parse(levels == null ? "" : levels);
    } catch (IllegalArgumentException e) {
      throw new MojoExecutionException("webconnex.levels: " + e.getMessage());
    }
    List<Path> roots = fixtureRoots(base);
    Path reports = reportsFolder(base);
    FixtureRequest.Builder request = FixtureRequest.builder(base)
        .profile(chosen)
        .levels(problemLevels)
        .threads(Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())));
    secrets(base).forEach(request::secret);
    roots.forEach(request::fixture);
    split(includes).forEach(request::include);
    split(excludes).forEach(request::exclude);
    FixtureRequest built = request.build();
    FixtureEngine engine = new FixtureEngine(built);
    if (!formats.isEmpty()) {
      refuseReportsAmongFixtures(reports, roots, formats, engine);
    }
    if (log.isDebugEnabled()) {
      log.debug("webconnex:validate " + ReportLine.escape(built.toString()));
    }

    long engineStarted = System.nanoTime();
    FixtureRun run = engine.run();
    long engineMillis = millis(engineStarted);

    Path defaultRoot = base.resolve(DEFAULT_FIXTURES).normalize();
    boolean failIfNone = failIfNoFixtures != null
        ? failIfNoFixtures : roots.stream().anyMatch(root -> !root.normalize().equals(defaultRoot));
    for (Path missing : run.missing()) {
      String shown = shown(engine, missing);
      if (failIfNone) {
        log.error("Fixtures folder " + shown + " does not exist");
      } else if (missing.equals(defaultRoot)) {
        log.info("No Webconnex fixtures: " + shown + " does not exist");
      } else {
        log.warn("Fixtures folder " + shown + " does not exist");
      }
    }
    List<String> knownBadPatterns = split(expectInvalid);
    Set<CheckedRecord> knownBad = knownBad(run, roots, base, knownBadPatterns);
    print(run, log, knownBad);

    long reportsStarted = System.nanoTime();
    writeReports(run, formats, reports, base, chosen, engine, millis(started), knownBad,
        String.join(",", knownBadPatterns));
    if (log.isDebugEnabled()) {
      log.debug(String.format(Locale.ROOT, "webconnex:validate took %d ms: %d files, %d fixtures validated in %d ms "
          + "(%d threads), reports written in %d ms", millis(started), run.files(), run.results().size(), engineMillis,
          built.threads(), millis(reportsStarted)));
    }

    if (failIfNone && !run.missing().isEmpty()) {
      throw new MojoFailureException("Fixtures folder " + shown(engine, run.missing().get(0))
          + " does not exist: check webconnex.fixtures, or set webconnex.failIfNoFixtures=false");
    }
    if (failIfNone && run.results().isEmpty()) {
      throw new MojoFailureException("No Webconnex fixtures found in "
          + String.join(", ", roots.stream().map(root -> shown(engine, root)).toList())
          + " (webconnex.includes: " + ReportLine.escape(String.join(",", built.includes())) + "): check "
          + "webconnex.fixtures and webconnex.includes, or set webconnex.failIfNoFixtures=false");
    }
    long nowValid = knownBad.stream().filter(CheckedRecord::isValid).count();
    if (nowValid > 0) {
      throw new MojoFailureException(count(nowValid, "fixture") + " matched by webconnex.expectInvalid ("
          + ReportLine.escape(String.join(",", knownBadPatterns)) + ")" + (nowValid == 1 ? " conforms" : " conform")
          + " to the Webconnex contract: see the [ERROR] lines above; move "
          + (nowValid == 1 ? "it" : "them") + " out of the known-bad folder, or break " + (nowValid == 1 ? "it" : "them")
          + " again");
    }
    long invalid = run.results().stream().filter(r -> !r.isValid() && !knownBad.contains(r)).count();
    if (invalid > 0 && failOnError) {
      throw new MojoFailureException(count(invalid, "fixture") + (invalid == 1 ? " does" : " do")
          + " not conform to the Webconnex contract: see the [ERROR] lines above"
          + (formats.isEmpty() ? "" : " and the reports in " + shown(engine, reports)));
    }
    long warned = run.withWarnings();
    if (warned > 0 && failOnWarning) {
      throw new MojoFailureException(count(warned, "fixture") + (warned == 1 ? " has" : " have")
          + " warnings and webconnex.failOnWarning is true: see the [WARNING] lines above");
    }
  }

  /**
   * The fixtures {@code expectInvalid} matches: those whose file, relative to the fixtures folder
   * it was found in, matches a pattern.
   */
  static Set<CheckedRecord> knownBad(FixtureRun run, List<Path> roots, Path base, List<String> patterns) {
    Set<CheckedRecord> found = Collections.newSetFromMap(new IdentityHashMap<>());
    if (patterns.isEmpty()) {
      return found;
    }
    List<PathMatcher> matchers = FixtureScanner.patterns(patterns);
    for (CheckedRecord r : run.results()) {
      Path file = base.resolve(r.record().path()).normalize();
      for (Path root : roots) {
        Path normalRoot = root.normalize();
        if (file.startsWith(normalRoot) && !file.equals(normalRoot)) {
          Path relative = normalRoot.relativize(file);
          if (matchers.stream().anyMatch(m -> m.matches(relative))) {
            found.add(r);
            break;
          }
        }
      }
    }
    return found;
  }

  /**
   * Every problem of every fixture, in file order, each at the level of its severity; those of a
   * known-bad fixture at info level, since they are expected, and a known-bad fixture that conforms
   * as an error.
   */
  private void print(FixtureRun run, Log log, Set<CheckedRecord> knownBad) {
    for (CheckedRecord r : run.results()) {
      boolean expected = knownBad.contains(r);
      if (expected && r.isValid()) {
        log.error(ReportLine.escape(r.record().name()) + ": " + ReportFile.CONFORMS_BUT_EXPECTED_INVALID);
      }
      for (Problem p : ReportFile.inFileOrder(r)) {
        if (expected) {
          log.info(ReportFile.expectedLine(r.record().path(), p));
          continue;
        }
        String line = ReportLine.withoutSeverity(r.record().path(), p);
        switch (p.severity()) {
          case ERROR -> log.error(line);
          case WARNING -> log.warn(line);
          default -> log.info(line);
        }
      }
    }
    int fixtureCount = run.results().size();
    String files = fixtureCount == run.files() ? "" : " in " + count(run.files(), "file");
    long invalid = run.results().stream().filter(r -> !r.isValid() && !knownBad.contains(r)).count();
    long asExpected = knownBad.stream().filter(r -> !r.isValid()).count();
    log.info("Validated " + count(fixtureCount, "fixture") + files + ", " + count(run.signaturesChecked(), "signature")
        + " checked: " + invalid + " invalid, " + count(run.warnings(), "warning")
        + (knownBad.isEmpty() ? "" : ", " + asExpected + " invalid as expected (webconnex.expectInvalid)"));
    long uncheckable = run.signaturesUncheckable();
    if (uncheckable > 0) {
      log.info(count(uncheckable, "recorded request") + " with raw bodies had signatures left unchecked: set "
          + "webconnex.secretEnv or webconnex.secretFile to verify them");
    }
  }

  /** Reports written among fixtures could replace one, and would be read as fixtures next time. */
  private void refuseReportsAmongFixtures(Path reports, List<Path> roots, List<ReportFile> formats, FixtureEngine engine)
      throws MojoExecutionException {
    Optional<Path> holding = ReportsFolder.fixturesHolding(reports, roots, names(formats));
    if (holding.isPresent()) {
      String where = Files.isRegularFile(holding.get())
          ? " holds the fixture " + shown(engine, holding.get()) + ", which a report would replace"
          : " is inside the fixtures folder " + shown(engine, holding.get());
      throw new MojoExecutionException("webconnex.reportsDirectory " + shown(engine, reports) + where
          + ": reports are never written among fixtures; set "
          + "webconnex.reportsDirectory to a folder outside it (the default is target/webconnex-reports), or "
          + "webconnex.reportFormats to none");
    }
  }

  private void writeReports(FixtureRun run, List<ReportFile> formats, Path reports, Path base, Profile chosen,
      FixtureEngine engine, long elapsedMillis, Set<CheckedRecord> knownBad, String knownBadPatterns)
      throws MojoExecutionException {
    if (formats.isEmpty()) {
      return;
    }
    List<String> names = formats.stream().map(ReportFile::fileName).toList();
    ReportsFolder folder;
    try {
      folder = ReportsFolder.open(reports, names, p -> shown(engine, p));
    } catch (ReportsFolder.Refused e) {
      throw new MojoExecutionException(e.getMessage());
    }
    String version = plugin != null && plugin.getVersion() != null ? plugin.getVersion() : "unknown";
    ReportFile.Context context = new ReportFile.Context(base, chosen.folder(), version, elapsedMillis, knownBad,
        knownBadPatterns);
    try {
      folder.claim(names);
    } catch (IOException e) {
      throw new MojoExecutionException("Cannot write " + shown(engine, folder.path(ReportsFolder.MARKER)) + ": "
          + ReportLine.escape(RecordedDeliveryReader.describe(e)), e);
    }
    for (ReportFile format : formats) {
      try {
        folder.write(format.fileName(), format.render(run, context));
      } catch (IOException e) {
        throw new MojoExecutionException("Cannot write " + shown(engine, folder.path(format.fileName())) + ": "
            + ReportLine.escape(RecordedDeliveryReader.describe(e)), e);
      }
    }
  }

  private static List<String> names(List<ReportFile> formats) {
    List<String> names = new ArrayList<>();
    formats.forEach(f -> names.add(f.fileName()));
    names.add(ReportsFolder.MARKER);
    return names;
  }

  /** A path as messages show it: relative to the base directory where it is under it, escaped. */
  private static String shown(FixtureEngine engine, Path path) {
    return ReportLine.escape(engine.displayPath(path));
  }

  /** The project's folder, or the current directory when Maven runs without a project. */
  private Profile profile() throws MojoExecutionException {
    String p = profile == null ? "lenient" : profile.trim().toLowerCase(Locale.ROOT);
    return switch (p) {
      case "lenient" -> Profile.LENIENT;
      case "strict" -> Profile.STRICT;
      default -> throw new MojoExecutionException("webconnex.profile must be lenient or strict but was '"
          + ReportLine.escape(profile) + "'");
    };
  }

  /**
   * The secrets {@code secretEnv} and {@code secretFile} name, read by core's {@link SecretSource};
   * its messages say why one cannot be had, and never hold a secret or what was given in place of
   * a name or path.
   */
  private List<SigningSecret> secrets(Path base) throws MojoExecutionException {
    List<SigningSecret> secrets = new ArrayList<>();
    List<String> variables = split(secretEnv);
    for (int i = 0; i < variables.size(); i++) {
      String variable = variables.get(i);
      secrets.add(secret("webconnex.secretEnv", i, variables.size(), () -> SecretSource.environment(variable)));
    }
    List<String> files = split(secretFile);
    for (int i = 0; i < files.size(); i++) {
      String file = files.get(i);
      secrets.add(secret("webconnex.secretFile", i, files.size(), () -> SecretSource.file(resolve(new File(file), base))));
    }
    return secrets;
  }

  private SigningSecret secret(String parameter, int index, int of, Supplier<SecretSource> source)
      throws MojoExecutionException {
    String which = of == 1 ? parameter : parameter + " (entry " + (index + 1) + " of " + of + ")";
    try {
      return source.get().resolve(environment);
    } catch (SecretSourceException e) {
      throw new MojoExecutionException(which + ": " + e.getMessage());
    } catch (InvalidPathException e) {
      // Its message repeats the input, which may be the secret itself.
      throw new MojoExecutionException(which + ": what was given is not a path (it is not repeated here, in case "
          + "it is the secret itself)");
    }
  }

  private static String count(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  private static long millis(long sinceNanos) {
    return (System.nanoTime() - sinceNanos) / 1_000_000;
  }
}
