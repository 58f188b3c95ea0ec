package io.webconnexkit.maven;

/**
 * Something a person should know about a fixture that is neither an error nor a warning, such as
 * a signature that could not be checked. Printed at INFO, and a SARIF result of level note.
 *
 * @param key stable dotted name, like a problem's ({@code delivery.signature.notChecked})
 * @param line 1-based line in the fixture file, or 0 when unknown
 * @param column 1-based column, or 0 when unknown
 * @param where the header or JSON Pointer it is about, or empty
 * @param message what to know
 */
public record FixtureNote(String key, int line, int column, String where, String message) {

  public boolean hasLocation() {
    return line > 0;
  }
}
