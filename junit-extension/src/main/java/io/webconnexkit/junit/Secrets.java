package io.webconnexkit.junit;

import io.webconnexkit.validator.SigningSecret;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/** Which secret a delivery is signed with. Messages name where a secret was looked for, never its value. */
final class Secrets {

  private Secrets() {}

  /**
   * The secret named by the annotation's attributes, else by the configuration parameters, else
   * the public test secret. A system property is tried before an environment variable.
   */
  static SigningSecret resolve(String property, String env, Defaults defaults, String annotation) {
    String namedBy = annotation;
    if (property.isBlank() && env.isBlank()) {
      property = defaults.secretProperty();
      env = defaults.secretEnv();
      namedBy = "configuration parameters " + Defaults.SECRET_PROPERTY + "/" + Defaults.SECRET_ENV;
    }
    if (property.isBlank() && env.isBlank()) {
      return SigningSecret.of(WebconnexPayload.TEST_SECRET);
    }
    List<String> tried = new ArrayList<>();
    if (!property.isBlank()) {
      String value = System.getProperty(property.trim());
      if (value != null && !value.isEmpty()) {
        return SigningSecret.of(value);
      }
      tried.add("system property " + property.trim());
    }
    if (!env.isBlank()) {
      String value = System.getenv(env.trim());
      if (value != null && !value.isEmpty()) {
        return SigningSecret.of(value);
      }
      tried.add("environment variable " + env.trim());
    }
    throw new ExtensionConfigurationException("no signing secret for the delivery: " + String.join(" and ", tried)
        + (tried.size() > 1 ? " are" : " is") + " not set or empty (named by " + namedBy + ")");
  }
}
