package io.webconnexkit.validator;

import java.util.Locale;
import java.util.Optional;

/**
 * How serious a {@link Problem} is, and the levels users may set for a problem key with
 * {@link ProblemLevels}. Only errors make a report invalid.
 */
public enum Severity {
  /** The payload or delivery does not conform: the report is invalid. */
  ERROR,
  /** Worth a look, but the payload conforms (a legacy timestamp, an unknown event under lenient). */
  WARNING,
  /** Neither wrong nor doubtful, only worth knowing (a signature that could not be checked). */
  INFO,
  /**
   * A level, never the severity of a reported problem: problems whose key is set to it are left
   * out of reports altogether.
   */
  IGNORE;

  /** {@return lower-case name, as reports print it: {@code error}, {@code warning}, {@code info}, {@code ignore}} */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The severity a level word names, in any case ({@code error}, {@code warning} or {@code warn},
   * {@code info}, {@code ignore}); empty for anything else.
   *
   * @param word the level as a user wrote it
   * @return the severity, or empty when the word names none
   */
  public static Optional<Severity> fromLabel(String word) {
    if (word == null) {
      return Optional.empty();
    }
    String w = word.trim().toLowerCase(Locale.ROOT);
    if (w.equals("warn")) {
      return Optional.of(WARNING);
    }
    for (Severity s : values()) {
      if (s.label().equals(w)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }
}
