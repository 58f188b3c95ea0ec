package io.webconnexkit.wiremock;

import io.webconnexkit.validator.SigningSecret;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where a webhook's signing secret comes from: an environment variable, a file, or (from Java
 * only) a {@link SigningSecret} already in hand. Settings files name the source, never the secret,
 * so a secret never lands in a mapping, a log or a repository. Printing a source names the
 * variable or file, never the secret.
 */
public final class SecretSource {

  private final String variable;
  private final Path file;
  private final SigningSecret secret;

  private SecretSource(String variable, Path file, SigningSecret secret) {
    this.variable = variable;
    this.file = file;
    this.secret = secret;
  }

  /** The secret is the value of this environment variable ({@code secretEnv} in JSON). */
  public static SecretSource environment(String variable) {
    Objects.requireNonNull(variable, "variable");
    return new SecretSource(variable, null, null);
  }

  /** The secret is the content of this file, one trailing line break ignored ({@code secretFile} in JSON). */
  public static SecretSource file(Path file) {
    return new SecretSource(null, Objects.requireNonNull(file, "file"), null);
  }

  /** A secret given from Java, for tests; it has no JSON form. */
  public static SecretSource of(SigningSecret secret) {
    return new SecretSource(null, null, Objects.requireNonNull(secret, "secret"));
  }

  /** The environment variable, when the secret comes from one. */
  public Optional<String> environmentVariable() {
    return Optional.ofNullable(variable);
  }

  /** The file, when the secret comes from one. */
  public Optional<Path> secretFile() {
    return Optional.ofNullable(file);
  }

  /**
   * Reads the secret now.
   *
   * @param environment looks up environment variables (production: {@code System::getenv})
   * @throws IllegalArgumentException naming the variable or file, never the secret, when there is none
   */
  public SigningSecret resolve(Function<String, String> environment) {
    if (secret != null) {
      return secret;
    }
    if (variable != null) {
      String value = environment.apply(variable);
      if (value == null || value.isEmpty()) {
        throw new IllegalArgumentException("environment variable " + variable + " is not set or is empty");
      }
      return SigningSecret.of(value);
    }
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("secret file " + file + " does not exist or is not a regular file");
    }
    if (!Files.isReadable(file)) {
      throw new IllegalArgumentException("secret file " + file + " is not readable");
    }
    return SigningSecret.fromFile(file);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SecretSource s && Objects.equals(variable, s.variable) && Objects.equals(file, s.file)
        && Objects.equals(secret, s.secret);
  }

  @Override
  public int hashCode() {
    return Objects.hash(variable, file, secret);
  }

  @Override
  public String toString() {
    if (variable != null) {
      return "secretEnv " + variable;
    }
    return file != null ? "secretFile " + file : "a SigningSecret given in Java";
  }
}
