package io.webconnexkit.model.internal;

/**
 * A JSON value that does not fit the Java type of its record component. The message names the
 * place (a JSON Pointer) and what was expected; it never holds more than a short, escaped quote of
 * the value. Not API.
 */
public final class BindingException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String pointer;
  private final String reason;

  BindingException(String pointer, String reason) {
    super((pointer.isEmpty() ? "(top level)" : pointer) + ": " + reason);
    this.pointer = pointer;
    this.reason = reason;
  }

  /** @return where, as a JSON Pointer into the payload ({@code ""} for the top level) */
  public String pointer() {
    return pointer;
  }

  /** @return what was wrong, without the place */
  public String reason() {
    return reason;
  }
}
