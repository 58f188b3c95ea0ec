package io.webconnexkit.validator;

/** How serious a {@link Problem} is. Only errors make a report invalid. */
public enum Severity {
  ERROR,
  WARNING;

  /** Lower-case name, as reports print it. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
