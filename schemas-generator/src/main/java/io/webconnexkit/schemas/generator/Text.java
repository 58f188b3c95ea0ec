package io.webconnexkit.schemas.generator;

/** Text from files and arguments, made safe to print. */
final class Text {

  private Text() {}

  /** The text with every control character written as a {@code \\uXXXX} escape. */
  static String printable(String text) {
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints().forEach(c -> {
      if (Character.isISOControl(c)) {
        out.append(String.format("\\u%04x", c));
      } else {
        out.appendCodePoint(c);
      }
    });
    return out.toString();
  }
}
