package io.webconnexkit.cli;

import io.webconnexkit.validator.SecretSource;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A Webconnex API key read from the environment variable an option names ({@code --api-key-env}).
 * An API key is not a signing secret, so it has its own small code path, with the same care: the
 * option takes a variable's name (core's {@link SecretSource#isName} rule), never the key; a value
 * that is not a name is not repeated (it may be the key itself), nor is the name of an unset
 * variable that does not look like one by convention; the key is never printed.
 */
final class ApiKeyOption {

  /** Names as variables are usually written; anything else may be the key given by mistake. */
  private static final Pattern CONVENTIONAL = Pattern.compile("[A-Z_][A-Z0-9_]*");

  private ApiKeyOption() {}

  /**
   * @param option the option's name, for messages
   * @param variable what was given
   * @param environment where variables are looked up
   * @return the key, trimmed of surrounding white space
   * @throws CommandFailure naming the option and what is wrong, never the key
   */
  static String read(String option, String variable, Function<String, String> environment) {
    String name = variable == null ? "" : variable.trim();
    if (!SecretSource.isName(name)) {
      throw new CommandFailure(option + ": expected the name of an environment variable, such as WEBCONNEX_API_KEY, "
          + "but what was given is not a name (it is not repeated here, in case it is the API key itself)");
    }
    String value = environment.apply(name);
    if (value == null || value.isBlank()) {
      throw new CommandFailure(option + ": " + (CONVENTIONAL.matcher(name).matches()
          ? "environment variable " + name + " is not set or is empty"
          : "the environment variable given is not set or is empty (its name is not repeated here: it is not in "
              + "capitals, as variable names usually are, and may be the API key itself)"));
    }
    String key = value.trim();
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (c < 0x21 || c > 0x7e) {
        throw new CommandFailure(option + ": the API key holds a character that cannot go in an HTTP header "
            + "(a control character, a space or a non-ASCII character); it is not shown");
      }
    }
    return key;
  }

  /** How messages name where the key is: the variable when conventional, otherwise the option alone. */
  static String where(String option, String variable) {
    String name = variable == null ? "" : variable.trim();
    return CONVENTIONAL.matcher(name).matches() ? "the API key in " + name : "the API key of " + option;
  }
}
