package io.webconnexkit.cli;

/**
 * The command could not do its job: a missing file, an unreadable directory, an unset secret
 * variable. Printed as one line and exit status 2. An invalid payload is never one of these: it is
 * a result, reported with exit status 1.
 */
final class CommandFailure extends RuntimeException {

  CommandFailure(String message) {
    super(message, null, false, false);
  }
}
