package io.webconnexkit.validator;

/**
 * A signing secret could not be had from where a {@link SecretSource} says it is: the variable is
 * not set, the file is missing, not a regular file, unreadable, empty or not UTF-8, or what was
 * given as a variable name is not one. The message says which, and never holds the secret nor
 * a value given where a name or path belongs.
 */
public final class SecretSourceException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  /** @param message why, in words, with no secret in it */
  public SecretSourceException(String message) {
    super(message);
  }
}
