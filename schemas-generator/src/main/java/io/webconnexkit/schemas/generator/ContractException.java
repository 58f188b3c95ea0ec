package io.webconnexkit.schemas.generator;

/**
 * A contract source (or an argument) the generator cannot use. The message names the file and what
 * is wrong, and is meant to be shown as it is, without a stack trace.
 */
final class ContractException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  ContractException(String message) {
    super(message);
  }
}
