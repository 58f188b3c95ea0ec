package io.webconnexkit.fuzz;

/** Settings shared by every fuzz test in this module. */
final class FuzzSettings {

  /**
   * How long one fuzz target runs under {@code JAZZER_FUZZ=1}. Jazzer 0.24 reads this only from
   * the annotation, so a longer session means changing it here (regression runs ignore it).
   */
  static final String MAX_DURATION = "60s";

  private FuzzSettings() {}
}
