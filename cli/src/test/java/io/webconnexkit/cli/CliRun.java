package io.webconnexkit.cli;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine;

/** Runs {@code webconnex} in-process, as {@code main} would, and keeps what it printed. */
record CliRun(int exitCode, String out, String err) {

  static CliRun run(String... args) {
    return run(Map.of(), new byte[0], args);
  }

  static CliRun run(Map<String, String> environment, byte[] stdin, String... args) {
    // As main builds it: only the command the arguments name (or every one, for help and mistakes).
    CommandLine cli = WebconnexCommand.commandLine(environment::get, new ByteArrayInputStream(stdin), args);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int exitCode = cli.execute(args);
    return new CliRun(exitCode, out.toString(), err.toString());
  }

  /** A test resource as a file path, as a user would pass it. */
  static Path resource(String name) {
    URL url = CliRun.class.getResource("/" + name);
    if (url == null) {
      throw new IllegalArgumentException("no test resource " + name);
    }
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  String[] outLines() {
    return out.lines().toArray(String[]::new);
  }
}
