package io.webconnexkit.model;

import io.webconnexkit.validator.ReportLine;
import java.math.BigInteger;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An id Webconnex sends either as a JSON integer or as a string, kept in the form it came in, so
 * that writing it back gives the same JSON. {@code lookupId} is such an id (D-LOOKUPID in
 * {@code docs/documentation-discrepancies.md}: integer in some tables, string in others, both seen),
 * and so is an inventory item's {@code id} (D-INVENTORY-ID).
 *
 * <p>{@link #value()} is the id's text either way ({@code "3170"}); {@link #asLong()} reads it as a
 * number. Two ids are equal when both the text and the form are: {@code 3170} and {@code "3170"}
 * are the same id sent two ways, which {@link #sameIdAs} tells.
 *
 * @param value the id's text: the digits of an integer, or the string as sent
 * @param number whether it was sent as a JSON integer
 */
public record WebconnexId(String value, boolean number) {

  private static final Pattern INTEGER = Pattern.compile("-?[0-9]+");

  /**
   * Checks that an id sent as a number is an integer.
   *
   * @param value the id's text
   * @param number whether it was sent as a JSON integer
   * @throws IllegalArgumentException when {@code number} is true and the value is not an integer
   */
  public WebconnexId {
    Objects.requireNonNull(value, "value");
    if (number && !INTEGER.matcher(value).matches()) {
      throw new IllegalArgumentException("an id sent as a JSON number must be an integer, not " + ReportLine.quote(value));
    }
  }

  /**
   * @param id the id's value
   * @return the id as a JSON integer
   */
  public static WebconnexId of(long id) {
    return new WebconnexId(Long.toString(id), true);
  }

  /**
   * @param id the id's text, as sent; not null
   * @return the id as a JSON string
   */
  public static WebconnexId of(String id) {
    return new WebconnexId(id, false);
  }

  /**
   * @return the id as a number
   * @throws IllegalStateException when it is not a decimal integer, or does not fit a long
   */
  public long asLong() {
    try {
      return new BigInteger(value).longValueExact();
    } catch (NumberFormatException | ArithmeticException e) {
      throw new IllegalStateException("the id " + ReportLine.quote(value) + " is not an integer that fits a long");
    }
  }

  /**
   * @param other another id
   * @return whether both have the same text, whichever form each was sent in
   */
  public boolean sameIdAs(WebconnexId other) {
    return other != null && value.equals(other.value);
  }

  /** @return the id's text */
  @Override
  public String toString() {
    return value;
  }
}
