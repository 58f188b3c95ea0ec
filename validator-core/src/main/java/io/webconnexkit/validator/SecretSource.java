package io.webconnexkit.validator;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Where a webhook's signing secret comes from: an environment variable, a file, a system
 * property, or (from Java) a {@link SigningSecret} already in hand. Every face of the kit (the
 * CLI's {@code --secret-env}/{@code --secret-file}, the Maven plugin, the JUnit extension, the
 * mock's webhook settings) names its secrets with this type and keeps only its own option names.
 * Immutable; printing a source names the variable, property or file, never the secret.
 *
 * <p>The secret is the UTF-8 bytes Webconnex shows on the webhook's settings page, whatever the
 * JVM's locale: an environment variable is read as the bytes the process was given (on Linux,
 * from {@code /proc/self/environ} when the JVM does not decode its environment as UTF-8), and a
 * secret that cannot be read exactly is refused with a message rather than used wrongly.
 *
 * <pre>{@code
 * List<SigningSecret> secrets = SecretSource.resolveAll(List.of(
 *     SecretSource.environment("WEBCONNEX_SECRET"), SecretSource.file(Path.of("/run/secrets/old"))));
 * }</pre>
 */
public final class SecretSource {

  /** What an environment variable's name looks like (POSIX): letters, digits and {@code _}, not a digit first. */
  private static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,127}");
  /** How variables are named by convention; a secret rarely looks like this, so such a name may be repeated. */
  private static final Pattern CONVENTIONAL = Pattern.compile("[A-Z_][A-Z0-9_]*");
  /** What a system property's name looks like: also dots and dashes. */
  private static final Pattern PROPERTY = Pattern.compile("[A-Za-z_][A-Za-z0-9_.\\-]{0,127}");

  private enum Kind { ENVIRONMENT, FILE, PROPERTY, GIVEN }

  private final Kind kind;
  private final String name;
  private final Path file;
  private final SigningSecret secret;

  private SecretSource(Kind kind, String name, Path file, SigningSecret secret) {
    this.kind = kind;
    this.name = name;
    this.file = file;
    this.secret = secret;
  }

  /**
   * The secret is the value of an environment variable.
   *
   * @param variable the variable's name, such as {@code WEBCONNEX_SECRET}
   * @return a source naming the variable, trimmed; nothing is read until {@link #resolve()}
   * @throws SecretSourceException when {@code variable} is not a variable name (perhaps the secret
   *     itself, given by mistake: the message does not repeat it)
   */
  public static SecretSource environment(String variable) {
    return new SecretSource(Kind.ENVIRONMENT, requireName(variable, VARIABLE, "an environment variable"), null, null);
  }

  /**
   * The secret is the first line of a file, read as UTF-8, without its line break.
   *
   * @param file the file holding the secret on its first line; not null, and not read until resolved
   * @return a source naming the file; nothing is read until {@link #resolve()}
   */
  public static SecretSource file(Path file) {
    return new SecretSource(Kind.FILE, null, Objects.requireNonNull(file, "file"), null);
  }

  /**
   * The secret is the value of a Java system property.
   *
   * @param property the property's name: letters, digits, {@code _}, {@code .} and {@code -}; trimmed
   * @return a source naming the property; nothing is read until {@link #resolve()}
   * @throws SecretSourceException when {@code property} is not a property name
   */
  public static SecretSource systemProperty(String property) {
    return new SecretSource(Kind.PROPERTY, requireName(property, PROPERTY, "a system property"), null, null);
  }

  /**
   * A secret already in hand, for tests and for code that reads secrets its own way.
   *
   * @param secret the secret to hand back on every {@link #resolve()}; not null
   * @return a source that resolves to {@code secret}
   */
  public static SecretSource of(SigningSecret secret) {
    return new SecretSource(Kind.GIVEN, null, null, Objects.requireNonNull(secret, "secret"));
  }

  /**
   * Whether {@code text} is an environment variable name, by the one rule every face uses
   * (POSIX): letters, digits and {@code _}, not starting with a digit, at most 128 characters.
   *
   * @param text a candidate name
   * @return whether it is one
   */
  public static boolean isName(String text) {
    return text != null && VARIABLE.matcher(text).matches();
  }

  /** @return the variable's name, trimmed; empty when the secret does not come from one */
  public Optional<String> environmentVariable() {
    return kind == Kind.ENVIRONMENT ? Optional.of(name) : Optional.empty();
  }

  /** @return the file's path as given; empty when the secret does not come from one */
  public Optional<Path> secretFile() {
    return Optional.ofNullable(file);
  }

  /** @return the property's name, trimmed; empty when the secret does not come from one */
  public Optional<String> systemPropertyName() {
    return kind == Kind.PROPERTY ? Optional.of(name) : Optional.empty();
  }

  /**
   * Reads the secret now, from the process's environment and system properties.
   *
   * @return the secret, never null or empty; a variable, file or property is read again on each call
   * @throws SecretSourceException saying why there is none
   */
  public SigningSecret resolve() {
    return resolve(null);
  }

  /**
   * Reads the secret now, looking environment variables up with {@code environment} (for tests,
   * or an environment of one's own) instead of the process's.
   *
   * @param environment variable name to value, or null for the process's environment
   * @return the secret, never null or empty; a variable, file or property is read again on each call
   * @throws SecretSourceException saying why there is none
   */
  public SigningSecret resolve(Function<String, String> environment) {
    return switch (kind) {
      case GIVEN -> secret;
      case PROPERTY -> {
        String value = System.getProperty(name);
        if (value == null || value.isEmpty()) {
          throw new SecretSourceException("system property " + name + " is not set or is empty");
        }
        yield SigningSecret.of(value);
      }
      case ENVIRONMENT -> environment == null ? fromProcessEnvironment() : fromValue(environment.apply(name));
      case FILE -> fromFile();
    };
  }

  /**
   * Reads every source, in order, for a verifier that accepts any of several secrets during a
   * rotation.
   *
   * @param sources where the secrets are
   * @return one secret per source, in the same order
   * @throws SecretSourceException for the first source that has none
   */
  public static List<SigningSecret> resolveAll(Collection<SecretSource> sources) {
    List<SigningSecret> secrets = new ArrayList<>(sources.size());
    for (SecretSource s : sources) {
      secrets.add(Objects.requireNonNull(s, "source").resolve());
    }
    return List.copyOf(secrets);
  }

  private SigningSecret fromValue(String value) {
    if (value == null || value.isEmpty()) {
      throw unset();
    }
    return SigningSecret.of(value);
  }

  /** Names the variable when it looks like one by convention; otherwise it may be the secret itself. */
  private SecretSourceException unset() {
    if (CONVENTIONAL.matcher(name).matches()) {
      return new SecretSourceException("environment variable " + name + " is not set or is empty");
    }
    return new SecretSourceException("the environment variable given is not set or is empty (its name is not "
        + "repeated here: it is not in capitals, as variable names usually are, and may be the secret itself)");
  }

  private SigningSecret fromProcessEnvironment() {
    String value = System.getenv(name);
    if (value == null || value.isEmpty()) {
      throw unset();
    }
    if (decodesEnvironmentAsUtf8() || isAscii(value)) {
      return SigningSecret.of(value);
    }
    // The JVM decoded the environment in another charset (LANG unset, or C/POSIX): the string is
    // not what was set. Take the bytes the process was given, which are the secret's UTF-8.
    byte[] raw = rawEnvironmentValue(name);
    if (raw == null) {
      throw new SecretSourceException("environment variable " + name + " holds non-ASCII characters that this JVM "
          + "cannot read exactly (it decodes its environment as " + System.getProperty("sun.jnu.encoding")
          + "); run it with LANG=C.UTF-8, or put the secret in a file");
    }
    requireUtf8(raw, "environment variable " + name);
    return SigningSecret.of(raw);
  }

  private SigningSecret fromFile() {
    String shown = ReportLine.escape(file.toString());
    byte[] bytes;
    try {
      if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS) && !Files.exists(file)) {
        throw new NoSuchFileException(file.toString());
      }
      if (!Files.isRegularFile(file)) {
        throw new SecretSourceException("secret file " + shown + " is not a regular file");
      }
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      // What was given may be the secret itself rather than a path: never repeat a path that names nothing.
      throw new SecretSourceException("the secret file does not exist (the path given is not repeated here, in case "
          + "it is the secret itself)");
    } catch (AccessDeniedException e) {
      throw new SecretSourceException("secret file " + shown + " cannot be read: permission denied");
    } catch (IOException | SecurityException e) {
      throw new SecretSourceException("secret file " + shown + " cannot be read: " + e.getClass().getSimpleName());
    }
    int end = 0;
    while (end < bytes.length && bytes[end] != '\n') {
      end++;
    }
    if (end > 0 && bytes[end - 1] == '\r') {
      end--;
    }
    byte[] line = Arrays.copyOf(bytes, end);
    Arrays.fill(bytes, (byte) 0);
    if (line.length == 0) {
      throw new SecretSourceException("secret file " + shown + " is empty" + (bytes.length > 0 ? " on its first line" : ""));
    }
    requireUtf8(line, "secret file " + shown);
    return SigningSecret.of(line);
  }

  private static boolean decodesEnvironmentAsUtf8() {
    String jnu = System.getProperty("sun.jnu.encoding", "UTF-8");
    return jnu.equalsIgnoreCase("UTF-8") || jnu.equalsIgnoreCase("UTF8");
  }

  private static boolean isAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }

  /** The value's bytes as the process received them, from Linux's /proc; null where that cannot be read. */
  private static byte[] rawEnvironmentValue(String variable) {
    Path environ = Path.of("/proc/self/environ");
    byte[] all;
    try {
      all = Files.readAllBytes(environ);
    } catch (IOException | SecurityException | UnsupportedOperationException e) {
      return null;
    }
    byte[] prefix = (variable + "=").getBytes(StandardCharsets.US_ASCII);
    int start = 0;
    for (int i = 0; i <= all.length; i++) {
      if (i == all.length || all[i] == 0) {
        if (i - start >= prefix.length && Arrays.equals(all, start, start + prefix.length, prefix, 0, prefix.length)) {
          byte[] value = Arrays.copyOfRange(all, start + prefix.length, i);
          Arrays.fill(all, (byte) 0);
          return value;
        }
        start = i + 1;
      }
    }
    Arrays.fill(all, (byte) 0);
    return null;
  }

  private static void requireUtf8(byte[] bytes, String where) {
    try {
      StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
    } catch (CharacterCodingException e) {
      throw new SecretSourceException(where + " is not valid UTF-8; Webconnex secrets are UTF-8 text");
    }
  }

  private static String requireName(String name, Pattern rule, String what) {
    Objects.requireNonNull(name, "name");
    String trimmed = name.trim();
    if (!rule.matcher(trimmed).matches()) {
      throw new SecretSourceException("expected the name of " + what + ", such as WEBCONNEX_SECRET, but what was given "
          + "is not a name (it is not repeated here, in case it is the secret itself)");
    }
    return trimmed;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SecretSource s && kind == s.kind && Objects.equals(name, s.name)
        && Objects.equals(file, s.file) && Objects.equals(secret, s.secret);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, name, file, secret);
  }

  /** @return where the secret is ({@code environment variable WEBCONNEX_SECRET}), never the secret */
  @Override
  public String toString() {
    return switch (kind) {
      case ENVIRONMENT -> "environment variable " + name;
      case PROPERTY -> "system property " + name;
      case FILE -> "secret file " + ReportLine.escape(file.toString());
      case GIVEN -> "a SigningSecret given in Java";
    };
  }
}
