package io.webconnexkit.maven;

import io.webconnexkit.validator.Problem;
import io.webconnexkit.validator.Profile;
import io.webconnexkit.validator.Severity;
import io.webconnexkit.validator.SigningSecret;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Checks recorded Webconnex webhook fixtures against the Webconnex contract: bare payloads,
 * deliveries saved from Webconnex's webhook logs API, WireMock request journals and JSON Lines
 * archives. Prints a compiler-style line per problem, writes JUnit XML, SARIF and JSON reports,
 * and fails the build when a fixture does not conform. Fixture files are never modified.
 *
 * <p>Runs without a project too: {@code mvn io.webconnexkit:webconnex-maven-plugin:validate
 * -Dwebconnex.fixtures=DIR}, with paths relative to the current directory.
 */
@Mojo(name = "validate", defaultPhase = LifecyclePhase.PROCESS_TEST_RESOURCES, threadSafe = true, requiresProject = false)
public class ValidateMojo extends AbstractMojo {

  /** Environment variable names by convention; a secret rarely looks like this. */
  private static final Pattern CONVENTIONAL_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final String DEFAULT_FIXTURES = "src/test/resources/webconnex";

  /**
   * Folders to search for fixtures (files may be named too). A comma-separated list on the command
   * line. Relative paths are relative to the project's folder, or to the current directory when
   * there is no project.
   */
  @Parameter(property = "webconnex.fixtures", defaultValue = "${project.basedir}/" + DEFAULT_FIXTURES)
  File[] fixtures;

  /** Comma-separated Ant-style patterns of the files to check, relative to each fixtures folder. */
  @Parameter(property = "webconnex.includes", defaultValue = "**/*.json,**/*.jsonl")
  String includes;

  /** Comma-separated Ant-style patterns of files to leave out. */
  @Parameter(property = "webconnex.excludes")
  String excludes;

  /**
   * {@code lenient} (accepts what Webconnex has been seen to send) or {@code strict} (every
   * documented field required, undocumented fields and unknown events are errors).
   */
  @Parameter(property = "webconnex.profile", defaultValue = "lenient")
  String profile;

  /** Fail the build when a fixture has an error. */
  @Parameter(property = "webconnex.failOnError", defaultValue = "true")
  boolean failOnError;

  /** Fail the build when a fixture has a warning. */
  @Parameter(property = "webconnex.failOnWarning", defaultValue = "false")
  boolean failOnWarning;

  /** Skip the goal. */
  @Parameter(property = "webconnex.skip", defaultValue = "false")
  boolean skip;

  /**
   * Name of the environment variable that holds the webhook's signing secret, to verify the
   * signatures of recorded raw requests (WireMock journals). The secret itself is never a POM
   * value and is never printed.
   */
  @Parameter(property = "webconnex.secretEnv")
  String secretEnv;

  /** File that holds the signing secret (one trailing line break is ignored), instead of {@code secretEnv}. */
  @Parameter(property = "webconnex.secretFile")
  File secretFile;

  /** Where the report files are written. */
  @Parameter(property = "webconnex.reportsDirectory", defaultValue = "${project.build.directory}/webconnex-reports")
  File reportsDirectory;

  /** Comma-separated report formats: {@code junit-xml}, {@code sarif}, {@code json}; {@code none} for no files. */
  @Parameter(property = "webconnex.reportFormats", defaultValue = "junit-xml,sarif,json")
  String reportFormats;

  @Parameter(defaultValue = "${session}", readonly = true)
  MavenSession session;

  @Parameter(defaultValue = "${project}", readonly = true)
  MavenProject project;

  @Parameter(defaultValue = "${plugin}", readonly = true)
  PluginDescriptor plugin;

  /** Where environment variables are read; replaced in tests. */
  Function<String, String> environment = System::getenv;

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
    FixtureRequest.Builder request = FixtureRequest.builder(base)
        .profile(profile())
        .secret(secret(base))
        .threads(Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())));
    List<Path> roots = fixtureRoots(base);
    roots.forEach(request::fixture);
    split(includes).forEach(request::include);
    split(excludes).forEach(request::exclude);
    FixtureRequest built = request.build();
    if (log.isDebugEnabled()) {
      log.debug("webconnex:validate " + built);
    }

    FixtureEngine engine = new FixtureEngine(built);
    long engineStarted = System.nanoTime();
    FixtureRun run = engine.run();
    long engineMillis = millis(engineStarted);

    for (Path missing : run.missing()) {
      String shown = engine.displayPath(missing);
      if (missing.equals(base.resolve(DEFAULT_FIXTURES).normalize())) {
        log.info("No Webconnex fixtures: " + shown + " does not exist");
      } else {
        log.warn("Fixtures folder " + shown + " does not exist");
      }
    }
    print(run, log);

    long reportsStarted = System.nanoTime();
    Path reports = reportsDirectory == null ? base.resolve("target/webconnex-reports") : resolve(reportsDirectory, base);
    writeReports(run, formats, reports, base, millis(started));
    if (log.isDebugEnabled()) {
      log.debug(String.format(Locale.ROOT, "webconnex:validate took %d ms: %d files, %d fixtures validated in %d ms "
          + "(%d threads), reports written in %d ms", millis(started), run.files(), run.results().size(), engineMillis,
          built.threads(), millis(reportsStarted)));
    }

    long invalid = run.invalid();
    if (invalid > 0 && failOnError) {
      throw new MojoFailureException(count(invalid, "fixture") + (invalid == 1 ? " does" : " do")
          + " not conform to the Webconnex contract: see the [ERROR] lines above"
          + (formats.isEmpty() ? "" : " and the reports in " + engine.displayPath(reports)));
    }
    long warned = run.withWarnings();
    if (warned > 0 && failOnWarning) {
      throw new MojoFailureException(count(warned, "fixture") + (warned == 1 ? " has" : " have")
          + " warnings and webconnex.failOnWarning is true: see the [WARNING] lines above");
    }
  }

  private void print(FixtureRun run, Log log) {
    for (FixtureResult r : run.results()) {
      // Problems and notes of one fixture in the order of the file, each at its own level.
      List<Line> lines = new ArrayList<>();
      for (Problem p : r.report().problems()) {
        lines.add(new Line(p.line(), p.severity() == Severity.ERROR ? 2 : 1, CompilerStyle.line(r, p)));
      }
      for (FixtureNote n : r.notes()) {
        lines.add(new Line(n.line(), 0, CompilerStyle.line(r, n)));
      }
      lines.sort(Comparator.comparingInt(Line::line));
      for (Line l : lines) {
        switch (l.level()) {
          case 2 -> log.error(l.text());
          case 1 -> log.warn(l.text());
          default -> log.info(l.text());
        }
      }
    }
    int fixtureCount = run.results().size();
    String files = fixtureCount == run.files() ? "" : " in " + count(run.files(), "file");
    log.info("Validated " + count(fixtureCount, "fixture") + files + ", " + count(run.signaturesChecked(), "signature")
        + " checked: " + run.invalid() + " invalid, " + count(run.warnings(), "warning"));
    long uncheckable = run.signaturesUncheckable();
    if (uncheckable > 0) {
      log.info(count(uncheckable, "recorded request") + " with raw bodies had signatures left unchecked: set "
          + "webconnex.secretEnv or webconnex.secretFile to verify them");
    }
  }

  private void writeReports(FixtureRun run, List<ReportFile> formats, Path reports, Path base, long elapsedMillis)
      throws MojoExecutionException {
    if (formats.isEmpty()) {
      return;
    }
    try {
      Files.createDirectories(reports);
    } catch (IOException e) {
      throw new MojoExecutionException("Cannot create the reports directory " + reports + ": "
          + FixtureReader.describe(e), e);
    }
    String version = plugin != null && plugin.getVersion() != null ? plugin.getVersion() : "unknown";
    ReportFile.Context context = new ReportFile.Context(base, profile().folder(), version, elapsedMillis);
    for (ReportFile format : formats) {
      Path file = reports.resolve(format.fileName());
      try (OutputStream out = Files.newOutputStream(file)) {
        format.write(run, context, out);
      } catch (IOException e) {
        throw new MojoExecutionException("Cannot write " + file + ": " + FixtureReader.describe(e), e);
      }
    }
  }

  /** The project's folder, or the current directory when Maven runs without a project. */
  Path baseDirectory() {
    if (session != null && !session.getRequest().isProjectPresent()) {
      String root = session.getExecutionRootDirectory();
      if (root != null) {
        return Path.of(root).toAbsolutePath();
      }
    } else if (project != null && project.getBasedir() != null) {
      return project.getBasedir().toPath().toAbsolutePath();
    }
    return Path.of("").toAbsolutePath();
  }

  private List<Path> fixtureRoots(Path base) {
    List<Path> roots = new ArrayList<>();
    if (fixtures == null || fixtures.length == 0) {
      roots.add(base.resolve(DEFAULT_FIXTURES));
      return roots;
    }
    for (File f : fixtures) {
      roots.add(resolve(f, base));
    }
    return roots;
  }

  /**
   * A configured path, relative to the base directory. Without a project Maven leaves
   * {@code ${project.basedir}} and {@code ${project.build.directory}} in the defaults unresolved (and
   * prefixes the current directory): they then stand for the current directory and its
   * {@code target} folder.
   */
  static Path resolve(File configured, Path base) {
    String path = configured.getPath().replace(File.separatorChar, '/');
    for (String[] variable : new String[][] {{"${project.basedir}", ""}, {"${project.build.directory}", "target/"}}) {
      int at = path.indexOf(variable[0]);
      if (at >= 0) {
        String rest = path.substring(at + variable[0].length()).replaceFirst("^/+", "");
        return base.resolve(variable[1] + rest).normalize();
      }
    }
    return base.resolve(configured.getPath()).normalize();
  }

  private Profile profile() throws MojoExecutionException {
    String p = profile == null ? "lenient" : profile.trim().toLowerCase(Locale.ROOT);
    return switch (p) {
      case "lenient" -> Profile.LENIENT;
      case "strict" -> Profile.STRICT;
      default -> throw new MojoExecutionException("webconnex.profile must be lenient or strict but was '" + profile + "'");
    };
  }

  /** The secret named by {@code secretEnv} or {@code secretFile}; never in a message. */
  private SigningSecret secret(Path base) throws MojoExecutionException {
    boolean env = secretEnv != null && !secretEnv.isBlank();
    if (env && secretFile != null) {
      throw new MojoExecutionException("Give webconnex.secretEnv or webconnex.secretFile, not both");
    }
    if (env) {
      String name = secretEnv.trim();
      String value = environment.apply(name);
      if (value == null || value.isEmpty()) {
        if (!CONVENTIONAL_NAME.matcher(name).matches()) {
          // Likely the secret itself given by mistake: never repeat it.
          throw new MojoExecutionException("webconnex.secretEnv takes the name of an environment variable, such as "
              + "WEBCONNEX_SECRET, not its value; no variable of the given name is set");
        }
        throw new MojoExecutionException("Environment variable " + name + " (webconnex.secretEnv) is not set or is empty");
      }
      return SigningSecret.of(value);
    }
    if (secretFile == null) {
      return null;
    }
    Path file = resolve(secretFile, base);
    if (!Files.exists(file)) {
      throw new MojoExecutionException("Secret file " + file + " (webconnex.secretFile): no such file");
    }
    if (!Files.isRegularFile(file)) {
      throw new MojoExecutionException("Secret file " + file + " (webconnex.secretFile): not a regular file");
    }
    if (!Files.isReadable(file)) {
      throw new MojoExecutionException("Secret file " + file + " (webconnex.secretFile): permission denied");
    }
    try {
      return SigningSecret.fromFile(file);
    } catch (IllegalArgumentException e) {
      // The core's message names the file and the reason, never the content.
      throw new MojoExecutionException(e.getMessage() + " (webconnex.secretFile)");
    }
  }

  /** One console line: where in the file, at which level (0 info, 1 warning, 2 error), what. */
  private record Line(int line, int level, String text) {}

  private static List<String> split(String list) {
    List<String> parts = new ArrayList<>();
    if (list != null) {
      for (String part : list.split(",")) {
        if (!part.isBlank()) {
          parts.add(part.trim());
        }
      }
    }
    return parts;
  }

  private static String count(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  private static long millis(long sinceNanos) {
    return (System.nanoTime() - sinceNanos) / 1_000_000;
  }
}
