package io.webconnexkit.validator;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;

/**
 * A webhook's Signing Secret, as shown on its Webconnex settings page. It never appears in
 * {@link #toString()}, messages or logs.
 */
public final class SigningSecret {

  private final byte[] key;

  private SigningSecret(byte[] key) {
    if (key.length == 0) {
      throw new IllegalArgumentException("a signing secret must not be empty");
    }
    this.key = key;
  }

  /**
   * A signing secret from its text, as the settings page shows it.
   *
   * @param secret the secret as Webconnex shows it; its UTF-8 bytes are the HMAC key
   * @return the secret; never empty
   * @throws IllegalArgumentException when it is empty
   */
  public static SigningSecret of(String secret) {
    return new SigningSecret(Objects.requireNonNull(secret, "secret").getBytes(StandardCharsets.UTF_8));
  }

  /**
   * A signing secret from its key bytes.
   *
   * @param secret the HMAC key bytes (copied)
   * @return the secret; never empty
   * @throws IllegalArgumentException when it is empty
   */
  public static SigningSecret of(byte[] secret) {
    return new SigningSecret(Objects.requireNonNull(secret, "secret").clone());
  }

  /**
   * Reads the secret from an environment variable, as {@link SecretSource#environment} does.
   *
   * @param variable the variable's name
   * @return the secret, read now; never empty
   * @throws SecretSourceException naming the variable (never its value) when it is unset or empty
   */
  public static SigningSecret fromEnvironment(String variable) {
    return SecretSource.environment(variable).resolve();
  }

  /**
   * Reads the secret from the first line of a file, as {@link SecretSource#file} does.
   *
   * @param file the file whose first line is the secret, in UTF-8
   * @return the secret, read now; never empty
   * @throws SecretSourceException saying why the file gives no secret, never its content
   */
  public static SigningSecret fromFile(Path file) {
    return SecretSource.file(file).resolve();
  }

  byte[] key() {
    return key;
  }

  @Override
  public String toString() {
    return "SigningSecret[redacted]";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SigningSecret s && java.security.MessageDigest.isEqual(key, s.key);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(key) * 31;
  }
}
