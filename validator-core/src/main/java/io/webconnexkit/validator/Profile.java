package io.webconnexkit.validator;

/**
 * How strictly a payload is held to Webconnex's documentation. Each profile is a set of schemas
 * in {@code webconnex-schemas}; see {@code docs/profiles.md} for the rule behind each.
 */
public enum Profile {
  /**
   * Present fields must have the documented type and format; only what every official example
   * carries is required; undocumented properties are allowed. The default: Webconnex adds fields
   * without notice and older payloads are shaped differently.
   */
  LENIENT,
  /** Every documented field not marked optional is required; undocumented properties are errors. */
  STRICT;

  /** {@return the profile's folder name in the schemas jar} */
  public String folder() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
