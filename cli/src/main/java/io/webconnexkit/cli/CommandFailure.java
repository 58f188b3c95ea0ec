package io.webconnexkit.cli;

/**
 * The command could not do its job: a missing file, an unreadable directory, an unset secret
 * variable. Printed as one line and exit status 2. An invalid payload is never one of these: it is
 * a result, reported with exit status 1.
 */
final class CommandFailure extends RuntimeException {

  private final boolean lines;

  CommandFailure(String message) {
    this(message, false);
  }

  private CommandFailure(String message, boolean lines) {
    super(message, null, false, false);
    this.lines = lines;
  }

  /**
   * A message whose line breaks are its own structure (a list of faults, one per indented line),
   * printed line by line, each escaped; a line break anywhere else is user data and is escaped.
   */
  static CommandFailure ofLines(String message) {
    return new CommandFailure(message, true);
  }

  /** The lines to print, each escaped. */
  java.util.List<String> printableLines() {
    if (!lines) {
      return java.util.List.of(Printable.escape(getMessage()));
    }
    return getMessage().lines().map(Printable::escape).toList();
  }
}
