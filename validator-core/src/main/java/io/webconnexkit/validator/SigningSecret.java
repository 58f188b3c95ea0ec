package io.webconnexkit.validator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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

  /** The secret as Webconnex shows it; its UTF-8 bytes are the HMAC key. */
  public static SigningSecret of(String secret) {
    return new SigningSecret(Objects.requireNonNull(secret, "secret").getBytes(StandardCharsets.UTF_8));
  }

  public static SigningSecret of(byte[] secret) {
    return new SigningSecret(Objects.requireNonNull(secret, "secret").clone());
  }

  /**
   * Reads the secret from an environment variable.
   *
   * @throws IllegalArgumentException naming the variable (never its value) when it is unset or empty
   */
  public static SigningSecret fromEnvironment(String variable) {
    String value = System.getenv(Objects.requireNonNull(variable, "variable"));
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException("environment variable " + variable + " is not set or empty");
    }
    return of(value);
  }

  /**
   * Reads the secret from a file; one trailing line break is not part of it.
   *
   * @throws IllegalArgumentException naming the file when it cannot be read or is empty
   */
  public static SigningSecret fromFile(Path file) {
    try {
      String value = Files.readString(file, StandardCharsets.UTF_8);
      if (value.endsWith("\n")) {
        value = value.substring(0, value.length() - (value.endsWith("\r\n") ? 2 : 1));
      }
      if (value.isEmpty()) {
        throw new IllegalArgumentException("secret file " + file + " is empty");
      }
      return of(value);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read secret file " + file + ": " + e.getClass().getSimpleName());
    }
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
