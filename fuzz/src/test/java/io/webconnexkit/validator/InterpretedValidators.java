package io.webconnexkit.validator;

/**
 * Validators that interpret every schema with networknt, skipping the compiled fast path, for
 * the fuzz target that compares the two. In the validator's package because the switch is not
 * API (package-private in {@link WebconnexValidator.Builder}).
 */
public final class InterpretedValidators {

  private InterpretedValidators() {}

  /**
   * @param profile the profile
   * @return a validator of that profile that never takes the compiled path
   */
  public static WebconnexValidator of(Profile profile) {
    return WebconnexValidator.builder().profile(profile).interpretedOnly().build();
  }
}
