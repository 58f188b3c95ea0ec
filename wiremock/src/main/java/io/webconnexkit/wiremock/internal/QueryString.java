package io.webconnexkit.wiremock.internal;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A query string read strictly: every {@code %} starts two ASCII hex digits, and what they encode
 * is UTF-8. Where {@link java.net.URLDecoder} throws an exception (WireMock answers that with a 500
 * page naming it) or guesses, this names the fault and where it is. Not API.
 */
public final class QueryString {

  /** A query string that cannot be read, with a message fit for the client. */
  public static final class Malformed extends RuntimeException {
    Malformed(String message) {
      super(message, null, false, false);
    }
  }

  private final Map<String, List<String>> parameters;

  private QueryString(Map<String, List<String>> parameters) {
    this.parameters = parameters;
  }

  /**
   * Reads a raw query string (without the {@code ?}); {@code null} or empty is no parameters.
   *
   * @throws Malformed naming the first fault
   */
  public static QueryString parse(String raw) {
    Map<String, List<String>> parameters = new LinkedHashMap<>();
    if (raw != null && !raw.isEmpty()) {
      int start = 0;
      for (String pair : raw.split("&", -1)) {
        if (!pair.isEmpty()) {
          int eq = pair.indexOf('=');
          String name = decode(eq < 0 ? pair : pair.substring(0, eq), start);
          String value = eq < 0 ? "" : decode(pair.substring(eq + 1), start + eq + 1);
          parameters.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        start += pair.length() + 1;
      }
    }
    parameters.replaceAll((k, v) -> List.copyOf(v));
    return new QueryString(Collections.unmodifiableMap(parameters));
  }

  /** The first fault in a raw query string, or empty when it reads. */
  public static Optional<String> fault(String raw) {
    try {
      parse(raw);
      return Optional.empty();
    } catch (Malformed e) {
      return Optional.of(e.getMessage());
    }
  }

  /** Every parameter with its values in the order given. */
  public Map<String, List<String>> parameters() {
    return parameters;
  }

  /** The one value of a parameter, or empty when it is absent. */
  public Optional<String> single(String name) {
    List<String> values = parameters.get(name);
    return values == null ? Optional.empty() : Optional.of(values.get(0));
  }

  private static String decode(String part, int offset) {
    if (part.indexOf('%') < 0) {
      return part.replace('+', ' ');
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(part.length());
    for (int i = 0; i < part.length(); i++) {
      char c = part.charAt(i);
      if (c == '%') {
        if (i + 2 >= part.length() || !hex(part.charAt(i + 1)) || !hex(part.charAt(i + 2))) {
          throw badEscape(part, i, offset);
        }
        bytes.write(Character.digit(part.charAt(i + 1), 16) * 16 + Character.digit(part.charAt(i + 2), 16));
        i += 2;
      } else if (c == '+') {
        bytes.write(' ');
      } else {
        byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        if (Character.isHighSurrogate(c) && i + 1 < part.length()) {
          encoded = part.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
          i++;
        }
        bytes.write(encoded, 0, encoded.length);
      }
    }
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
    } catch (CharacterCodingException e) {
      throw new Malformed("query string: " + Text.quote(part) + " (at character " + (offset + 1)
          + ") does not decode as UTF-8; percent-encode the UTF-8 bytes of each character");
    }
  }

  private static Malformed badEscape(String part, int at, int offset) {
    String escape = part.substring(at, Math.min(part.length(), at + 3));
    return new Malformed("query string: " + Text.quote(escape) + " at character " + (offset + at + 1)
        + " is not a percent-escape: \"%\" must be followed by two hex digits (write %25 for \"%\" itself)");
  }

  private static boolean hex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }
}
