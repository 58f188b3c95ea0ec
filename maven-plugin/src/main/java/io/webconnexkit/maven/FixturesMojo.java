package io.webconnexkit.maven;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * What every goal that reads recorded fixtures shares ({@code validate}, {@code drift}): where the
 * fixtures are and which files count, where reports go, skipping, and how configured paths are
 * resolved. Each goal's own parameters are in its class.
 */
abstract class FixturesMojo extends AbstractMojo {

  /** The folder searched when {@code fixtures} is not set. */
  static final String DEFAULT_FIXTURES = "src/test/resources/webconnex";

  /**
   * Folders to search for fixtures (files may be named too). A comma-separated list on the command
   * line. Relative paths are relative to the project's folder, or to the current directory when
   * there is no project.
   */
  @Parameter(property = "webconnex.fixtures", defaultValue = "${project.basedir}/" + DEFAULT_FIXTURES)
  File[] fixtures;

  /** Comma-separated Ant-style patterns of the files to read, relative to each fixtures folder. */
  @Parameter(property = "webconnex.includes", defaultValue = "**/*.json,**/*.jsonl,**/*.ndjson")
  String includes;

  /** Comma-separated Ant-style patterns of files to leave out. */
  @Parameter(property = "webconnex.excludes")
  String excludes;

  /** Where the report files are written: never inside a fixtures folder. */
  @Parameter(property = "webconnex.reportsDirectory", defaultValue = "${project.build.directory}/webconnex-reports")
  File reportsDirectory;

  /** Skip the goal. */
  @Parameter(property = "webconnex.skip", defaultValue = "false")
  boolean skip;

  @Parameter(defaultValue = "${session}", readonly = true)
  MavenSession session;

  @Parameter(defaultValue = "${project}", readonly = true)
  MavenProject project;

  /** The project's folder, or the current directory when the goal runs without a project. */
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

  /** The configured fixtures folders (or the default one), resolved against the base directory. */
  List<Path> fixtureRoots(Path base) {
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

  /** The reports folder, resolved against the base directory. */
  Path reportsFolder(Path base) {
    return reportsDirectory == null ? base.resolve("target/webconnex-reports") : resolve(reportsDirectory, base);
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

  /** The non-blank entries of a comma-separated list, trimmed. */
  static List<String> split(String list) {
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
}
