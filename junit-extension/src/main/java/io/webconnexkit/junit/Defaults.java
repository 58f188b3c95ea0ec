package io.webconnexkit.junit;

import io.webconnexkit.validator.ProblemLevels;
import io.webconnexkit.validator.Profile;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The project's defaults, read from JUnit configuration parameters ({@code junit-platform.properties},
 * {@code -D} system properties, or a launcher's own parameters). Attributes on the annotations win.
 */
record Defaults(Profile profile, String fixtureRoot, List<String> secretProperties, List<String> secretEnvs,
    List<String> secretFiles, ProblemLevels levels) {

  static final String PROFILE = "webconnex.profile";
  static final String FIXTURE_ROOT = "webconnex.fixtureRoot";
  static final String SECRET_PROPERTY = "webconnex.secretProperty";
  static final String SECRET_ENV = "webconnex.secretEnv";
  static final String SECRET_FILE = "webconnex.secretFile";
  static final String LEVELS = "webconnex.levels";

  static Defaults of(ExtensionContext context) {
    Profile profile = parameter(context, PROFILE).isEmpty()
        ? Profile.LENIENT
        : parseProfile(parameter(context, PROFILE), "configuration parameter " + PROFILE);
    return new Defaults(profile, normalizeRoot(parameter(context, FIXTURE_ROOT)),
        list(parameter(context, SECRET_PROPERTY)), list(parameter(context, SECRET_ENV)),
        list(parameter(context, SECRET_FILE)),
        parseLevels(parameter(context, LEVELS), "configuration parameter " + LEVELS));
  }

  /**
   * The levels of the configuration parameter with the annotation's entries added; where both
   * set a key, the annotation wins.
   */
  ProblemLevels levels(String[] attribute, String where) {
    return levels.withAll(parseLevels(String.join(",", attribute), where));
  }

  /** {@code key=level,key=level}, read by the kit's one rule; a bad entry says where it was written. */
  static ProblemLevels parseLevels(String text, String where) {
    try {
      return ProblemLevels.parse(text);
    } catch (IllegalArgumentException e) {
      throw new ExtensionConfigurationException(where + ": " + e.getMessage(), e);
    }
  }

  /** The entries of a comma-separated parameter, trimmed, blank ones left out. */
  static List<String> list(String value) {
    return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }

  /** The profile an annotation asks for, or this default when the attribute is empty. */
  Profile profile(String attribute, String where) {
    return attribute.isBlank() ? profile : parseProfile(attribute, where);
  }

  /**
   * The classpath resource path for a location given on an annotation: under the fixture root,
   * or from the classpath root when it starts with {@code /}.
   */
  String resolve(String location) {
    return location.startsWith("/") ? location.substring(1) : fixtureRoot + location;
  }

  /** How a resolved path came about, for messages about missing fixtures. */
  String describeRoot(String location) {
    if (location.startsWith("/") || fixtureRoot.isEmpty()) {
      return "";
    }
    if (location.isEmpty()) {
      return " (" + FIXTURE_ROOT + " \"" + fixtureRoot + "\")";
    }
    return " (\"" + location + "\" under " + FIXTURE_ROOT + " \"" + fixtureRoot + "\")";
  }

  static Profile parseProfile(String value, String where) {
    String name = value.trim().toLowerCase(Locale.ROOT);
    for (Profile p : Profile.values()) {
      if (p.folder().equals(name)) {
        return p;
      }
    }
    throw new ExtensionConfigurationException(where + " is \"" + value + "\"; expected \"lenient\" or \"strict\"");
  }

  private static String parameter(ExtensionContext context, String key) {
    return context.getConfigurationParameter(key).map(String::trim).orElse("");
  }

  private static String normalizeRoot(String root) {
    String r = root.startsWith("/") ? root.substring(1) : root;
    return r.isEmpty() || r.endsWith("/") ? r : r + "/";
  }
}
