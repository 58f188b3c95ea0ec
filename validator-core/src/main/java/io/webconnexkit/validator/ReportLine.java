package io.webconnexkit.validator;

import java.util.Objects;

/**
 * The one place that makes the kit's text report lines, like a compiler's:
 * {@code path:line:column: severity: where: message}, where {@code where} is the JSON Pointer or
 * header name. The CLI prints them as they are; the Maven plugin prints them
 * {@linkplain #withoutSeverity without the severity word}, which its log prefix already says.
 *
 * <p>Every piece of user data in a line (path, pointer, header name, message) is
 * {@linkplain #escape escaped}, so no payload, key or file name can start a new line, forge a
 * report line or reach a terminal as a control sequence.
 */
public final class ReportLine {

  private ReportLine() {}

  /**
   * {@code path:line:column: severity: where: message}; without {@code :line:column} when the
   * position is unknown, and without {@code where} when the problem is about the whole body.
   *
   * @param path how the report names the file ({@code <stdin>} for standard input)
   * @param problem the problem to print; its header, else its JSON Pointer, is {@code where}
   * @return the line, escaped
   */
  public static String of(String path, Problem problem) {
    Objects.requireNonNull(problem, "problem");
    return build(path, problem.line(), problem.column(), problem.severity().label(),
        problem.header().orElse(problem.pointer()), problem.message());
  }

  /**
   * As {@link #of}, without the severity word: {@code path:line:column: where: message}.
   *
   * @param path how the report names the file
   * @param problem the problem to print
   * @return the line, escaped
   */
  public static String withoutSeverity(String path, Problem problem) {
    Objects.requireNonNull(problem, "problem");
    return build(path, problem.line(), problem.column(), null, problem.header().orElse(problem.pointer()),
        problem.message());
  }

  private static String build(String path, int line, int column, String severity, String where, String message) {
    StringBuilder s = new StringBuilder(escape(Objects.requireNonNull(path, "path")));
    if (line > 0) {
      s.append(':').append(line).append(':').append(column);
    }
    s.append(": ");
    if (severity != null) {
      s.append(severity).append(": ");
    }
    if (where != null && !where.isEmpty()) {
      s.append(escape(where)).append(": ");
    }
    return s.append(escape(message)).toString();
  }

  /**
   * The text with every character that could break a line or drive a terminal written as an
   * escape: C0 controls and DEL ({@code \n}, {@code \r}, {@code \t}, else {@code \u001b}), C1
   * controls, the Unicode line and paragraph separators, bidirectional controls that could reorder
   * what a reader sees, the byte-order mark and the noncharacters U+FFFE and U+FFFF, and lone
   * surrogates. Everything else, backslashes included, is kept, so
   * text that is already escaped stays as it is.
   *
   * @param text user data or a message holding it
   * @return the text, safe to print on one line
   */
  public static String escape(String text) {
    if (text == null) {
      return "null";
    }
    int n = text.length();
    int i = 0;
    while (i < n && !needsEscape(text, i)) {
      i++;
    }
    if (i == n) {
      return text;
    }
    StringBuilder s = new StringBuilder(n + 16).append(text, 0, i);
    for (; i < n; i++) {
      char c = text.charAt(i);
      if (!needsEscape(text, i)) {
        s.append(c);
        if (Character.isHighSurrogate(c) && i + 1 < n) {
          s.append(text.charAt(++i));
        }
        continue;
      }
      switch (c) {
        case '\n' -> s.append("\\n");
        case '\r' -> s.append("\\r");
        case '\t' -> s.append("\\t");
        default -> s.append(String.format("\\u%04x", (int) c));
      }
    }
    return s.toString();
  }

  /**
   * The text in double quotes, escaped as a JSON string would be ({@code \"}, {@code \\}) and then
   * as {@link #escape} does, and cut after 60 characters with {@code …}: for naming user data
   * inside a message.
   *
   * @param text user data
   * @return the quoted text
   */
  public static String quote(String text) {
    if (text == null) {
      return "null";
    }
    String t = text.length() > 60 ? text.substring(0, Character.isHighSurrogate(text.charAt(59)) ? 59 : 60) + "…" : text;
    return "\"" + escape(t.replace("\\", "\\\\").replace("\"", "\\\"")) + "\"";
  }

  private static boolean needsEscape(String text, int i) {
    char c = text.charAt(i);
    if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) {
      return true;
    }
    if (c == '\u2028' || c == '\u2029' || (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069')
        || c == '\u200e' || c == '\u200f' || c == '\u061c' || c == '\ufffe' || c == '\uffff' || c == '\ufeff') {
      return true;
    }
    if (Character.isHighSurrogate(c)) {
      return i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1));
    }
    return Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(text.charAt(i - 1)));
  }
}
