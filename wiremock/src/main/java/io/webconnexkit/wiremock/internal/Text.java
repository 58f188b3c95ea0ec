package io.webconnexkit.wiremock.internal;

/**
 * User data in the mock's messages and log lines: quoted, with control characters, line and
 * paragraph separators and bidirectional controls escaped, so that a value can never add a line to a
 * log or drive a terminal, and cut when very long. Not API.
 */
public final class Text {

  /** Longest part of a value a message repeats. */
  static final int MAX_QUOTED = 200;

  private Text() {}

  /** The value in double quotes, escaped as in a JSON string; {@code null} as {@code null}. */
  public static String quote(String value) {
    if (value == null) {
      return "null";
    }
    StringBuilder out = new StringBuilder(Math.min(value.length(), MAX_QUOTED) + 2).append('"');
    int shown = 0;
    for (int i = 0; i < value.length(); i++) {
      if (shown == MAX_QUOTED) {
        return out.append("\"... (").append(value.length() - i).append(" more characters)").toString();
      }
      char c = value.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == '\u2028' || c == '\u2029'
              || (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069') || c == '\u200e' || c == '\u200f') {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
      shown++;
    }
    return out.append('"').toString();
  }
}
