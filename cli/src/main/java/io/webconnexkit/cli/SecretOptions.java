package io.webconnexkit.cli;

import io.webconnexkit.validator.SigningSecret;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;
import java.util.regex.Pattern;
import picocli.CommandLine.Option;

/**
 * Where the signing secret comes from: an environment variable or a file, exactly one of them.
 * There is deliberately no option that takes the secret itself, which would leave it in shell
 * history and process listings.
 */
final class SecretOptions {

  /** How environment variables are named by convention; a secret rarely looks like this. */
  private static final Pattern CONVENTIONAL_NAME = Pattern.compile("[A-Z_][A-Z0-9_]*");

  @Option(
      names = "--secret-env",
      paramLabel = "VAR",
      required = true,
      description = "Name of the environment variable that holds the webhook's signing secret.")
  String variable;

  /** A string, not a {@code Path}: picocli's own conversion errors would repeat it, and it may be the secret. */
  @Option(
      names = "--secret-file",
      paramLabel = "FILE",
      required = true,
      description = "File that holds the signing secret (one trailing line break is ignored).")
  String file;

  /**
   * The secret file as a path; never repeated in a message while it is not known to be one (a
   * secret given in place of its path must not reach a log).
   *
   * @throws CommandFailure when there is no such file, or the JVM cannot represent the path
   */
  Path file() {
    Path path = Printable.path(file, "--secret-file", false);
    if (!Files.exists(path)) {
      throw new CommandFailure("the secret file given with --secret-file does not exist (its path is not repeated here,"
          + " in case a secret was given in its place)");
    }
    return path;
  }

  /**
   * @throws CommandFailure naming the variable or file, never the secret, when there is none
   */
  SigningSecret resolve(Function<String, String> environment) {
    if (variable != null) {
      String value = environment.apply(variable);
      if (value == null || value.isEmpty()) {
        if (!CONVENTIONAL_NAME.matcher(variable).matches()) {
          // Likely the secret itself given by mistake (--secret-env "$SECRET"): never repeat it.
          throw new CommandFailure("--secret-env takes the name of an environment variable, such as "
              + "WEBCONNEX_SECRET, not its value; no variable of the given name is set");
        }
        throw new CommandFailure("environment variable " + variable + " is not set or is empty");
      }
      return SigningSecret.of(value);
    }
    // Checked here so the message says why in words; the core names only the exception class.
    Path path = file();
    if (!Files.isRegularFile(path)) {
      throw new CommandFailure("secret file " + path + ": not a regular file");
    }
    if (!Files.isReadable(path)) {
      throw new CommandFailure("secret file " + path + ": permission denied");
    }
    try {
      return SigningSecret.fromFile(path);
    } catch (IllegalArgumentException e) {
      // The core's message names the file and the reason, never the content.
      throw new CommandFailure(e.getMessage());
    }
  }
}
