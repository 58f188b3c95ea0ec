package io.webconnexkit.junit;

import io.webconnexkit.validator.SecretSource;
import io.webconnexkit.validator.SecretSourceException;
import io.webconnexkit.validator.SigningSecret;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/**
 * The signing secrets an annotation, or else the configuration parameters, name: system
 * properties, then environment variables, then files, each in the order written. The first one
 * signs generated deliveries; a recorded signature made with any of them verifies (a rotation).
 * Where each secret is and why it is missing is {@link SecretSource}'s to say: this class keeps
 * only the extension's attribute and parameter names. Messages never hold a secret.
 *
 * @param properties system property names
 * @param environment environment variable names
 * @param files secret file paths
 * @param namedBy the attributes or parameters that named them, for messages
 */
record Secrets(List<String> properties, List<String> environment, List<String> files, String namedBy) {

  /**
   * The secrets named by the annotation's attributes when any of them names one (they replace the
   * configuration parameters as a whole), else by the configuration parameters.
   */
  static Secrets named(String[] properties, String[] environment, String[] files, Defaults defaults,
      String annotation) {
    List<String> p = entries(properties);
    List<String> e = entries(environment);
    List<String> f = entries(files);
    if (p.isEmpty() && e.isEmpty() && f.isEmpty()) {
      return new Secrets(defaults.secretProperties(), defaults.secretEnvs(), defaults.secretFiles(),
          "configuration parameters " + Defaults.SECRET_PROPERTY + "/" + Defaults.SECRET_ENV + "/" + Defaults.SECRET_FILE);
    }
    return new Secrets(p, e, f, annotation + "(secretProperty/secretEnv/secretFile)");
  }

  /** @return whether no secret is named, so deliveries are signed with the public test secret */
  boolean isEmpty() {
    return properties.isEmpty() && environment.isEmpty() && files.isEmpty();
  }

  /**
   * Reads every named secret now, in order.
   *
   * @param purpose what the secrets are for, such as {@code the delivery}
   * @throws ExtensionConfigurationException with {@link SecretSource}'s reason when one is missing
   */
  List<SigningSecret> resolve(String purpose) {
    try {
      List<SecretSource> sources = new ArrayList<>();
      properties.forEach(name -> sources.add(SecretSource.systemProperty(name)));
      environment.forEach(name -> sources.add(SecretSource.environment(name)));
      files.forEach(file -> sources.add(SecretSource.file(path(file))));
      return SecretSource.resolveAll(sources);
    } catch (SecretSourceException e) {
      throw new ExtensionConfigurationException("no signing secret for " + purpose + ": " + e.getMessage()
          + " (named by " + namedBy + ")");
    }
  }

  /** The secret that signs generated deliveries: the first named one, else the public test secret. */
  SigningSecret signer(String purpose) {
    return isEmpty() ? SigningSecret.of(WebconnexPayload.TEST_SECRET) : resolve(purpose).get(0);
  }

  private static Path path(String file) {
    try {
      return Path.of(file);
    } catch (InvalidPathException e) {
      throw new SecretSourceException("the secret file's path is not a path this system can open (it is not repeated "
          + "here, in case it is the secret itself)");
    }
  }

  private static List<String> entries(String[] values) {
    return Arrays.stream(values).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }

  /** @return where the secrets are named, never their values */
  @Override
  public String toString() {
    return "Secrets[named by " + namedBy + "]";
  }
}
