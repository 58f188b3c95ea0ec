package io.webconnexkit.maven;

import io.webconnexkit.validator.Problem;

/**
 * Lines like a compiler's, as the CLI prints them but without the severity word, which Maven's
 * {@code [ERROR]}/{@code [WARNING]}/{@code [INFO]} prefix already says:
 * {@code src/test/resources/webconnex/reg.json:12:14: /data/total: expected number but found string "100"}.
 */
final class CompilerStyle {

  private CompilerStyle() {}

  static String line(FixtureResult result, Problem p) {
    return line(result.path(), p.line(), p.column(), p.header().orElse(p.pointer()), p.message());
  }

  static String line(FixtureResult result, FixtureNote note) {
    return line(result.path(), note.line(), note.column(), note.where(), note.message());
  }

  /** {@code path:line:column: where: message}; no {@code :line:column} when unknown, no {@code where} when empty. */
  static String line(String path, int line, int column, String where, String message) {
    StringBuilder s = new StringBuilder(path);
    if (line > 0) {
      s.append(':').append(line).append(':').append(column);
    }
    s.append(": ");
    if (where != null && !where.isEmpty()) {
      s.append(where).append(": ");
    }
    return s.append(message).toString();
  }
}
