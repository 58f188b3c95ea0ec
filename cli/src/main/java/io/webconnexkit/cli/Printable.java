package io.webconnexkit.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * What the command does to user data before printing it in a message: control characters (a line
 * break, a terminal escape sequence), line and paragraph separators and invisible format characters
 * become {@code \n}, {@code \u001b} and the like, so no argument, path or file content can add a
 * line to a log or drive the terminal.
 */
final class Printable {

  private Printable() {}

  static String escape(String text) {
    if (text == null) {
      return "null";
    }
    StringBuilder s = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      String escaped = escaped(c);
      if (escaped != null && s == null) {
        s = new StringBuilder(text.length() + 16).append(text, 0, i);
      }
      if (s != null) {
        if (escaped != null) {
          s.append(escaped);
        } else {
          s.append(c);
        }
      }
    }
    return s == null ? text : s.toString();
  }

  /** Whether the text holds a character {@link #escape} would change. */
  static boolean needsEscaping(String text) {
    return text.chars().anyMatch(c -> escaped((char) c) != null);
  }

  private static String escaped(char c) {
    switch (c) {
      case '\n':
        return "\\n";
      case '\r':
        return "\\r";
      case '\t':
        return "\\t";
      default:
        int type = Character.getType(c);
        if (Character.isISOControl(c) || type == Character.FORMAT || type == Character.LINE_SEPARATOR
            || type == Character.PARAGRAPH_SEPARATOR) {
          return String.format("\\u%04x", (int) c);
        }
        return null;
    }
  }

  /**
   * A path argument as a {@link Path}.
   *
   * @param what the option it was given with, for the message ({@code null} for a positional one)
   * @param repeat whether the message may repeat the argument (not for a secret's file, which may be
   *     the secret given by mistake)
   * @throws CommandFailure when the JVM cannot represent the path: under the C or POSIX locale (or
   *     with LANG and LC_ALL unset) Java decodes arguments as ASCII, so any other character is lost
   *     before the command sees it
   */
  static Path path(String argument, String what, boolean repeat) {
    try {
      return Path.of(argument);
    } catch (InvalidPathException e) {
      throw new CommandFailure(unusablePath(e, what, repeat));
    }
  }

  static String unusablePath(InvalidPathException e, String what, boolean repeat) {
    String path = "cannot use the path " + (what == null ? "" : "given with " + what + " ")
        + (repeat ? "'" + escape(e.getInput()) + "' " : "");
    if (e.getReason() != null && e.getReason().toLowerCase(java.util.Locale.ROOT).contains("nul character")) {
      return path + "as it contains a NUL character, which no file name can hold";
    }
    return path + "as it is not representable in this system's encoding ("
        + System.getProperty("sun.jnu.encoding", "unknown") + ": the JVM runs with LANG/LC_ALL unset or C);"
        + " run with LANG=C.UTF-8, as cli/bin/webconnex does";
  }
}
