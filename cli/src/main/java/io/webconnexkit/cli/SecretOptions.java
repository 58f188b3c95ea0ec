package io.webconnexkit.cli;

import io.webconnexkit.validator.SecretSource;
import io.webconnexkit.validator.SecretSourceException;
import io.webconnexkit.validator.SigningSecret;
import picocli.CommandLine.Option;

/**
 * Where the signing secret comes from: an environment variable or a file, exactly one of them.
 * There is deliberately no option that takes the secret itself, which would leave it in shell
 * history and process listings.
 */
final class SecretOptions {

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
      description = "File whose first line is the signing secret (read as UTF-8, without its line break).")
  String file;

  /**
   * Where the secret is, as core names it; what the rules are (a variable name, a file that exists)
   * is core's {@link SecretSource}, and its messages never repeat a secret.
   *
   * @throws CommandFailure naming the option and why, never its value when that may be a secret
   */
  SecretSource source() {
    try {
      return variable != null ? SecretSource.environment(variable)
          : SecretSource.file(Printable.path(file, "--secret-file", false));
    } catch (SecretSourceException e) {
      throw new CommandFailure(option() + ": " + e.getMessage());
    }
  }

  /**
   * @param parent the command, whose environment variables are read
   * @return the secret named by the option, read now; never empty
   * @throws CommandFailure naming the option and why there is no secret, never the secret
   */
  SigningSecret resolve(WebconnexCommand parent) {
    SecretSource source = source();
    try {
      return parent.resolve(source);
    } catch (SecretSourceException e) {
      throw new CommandFailure(option() + ": " + e.getMessage());
    }
  }

  /**
   * Reads the secret now, only to fail early with the option's name when there is none.
   *
   * @param source from {@link #source()}
   * @param environment a test's environment, or null for the process's
   * @throws CommandFailure naming the option and why
   */
  void check(SecretSource source, java.util.function.Function<String, String> environment) {
    try {
      if (environment == null) {
        source.resolve();
      } else {
        source.resolve(environment);
      }
    } catch (SecretSourceException e) {
      throw new CommandFailure(option() + ": " + e.getMessage());
    }
  }

  private String option() {
    return variable != null ? "--secret-env" : "--secret-file";
  }
}
