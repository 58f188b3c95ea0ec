package io.webconnexkit.model;

import io.webconnexkit.validator.ReportLine;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Objects;

/**
 * A date and time as Webconnex sent it: the moment ({@link #instant()}, {@link #offsetDateTime()})
 * and the exact text, which is what the record writes back.
 *
 * <p>Two forms are read (see {@code docs/documentation-discrepancies.md}, D-TIMESTAMP-TYPE and
 * D-LEGACY-TIMESTAMP): RFC 3339, as every documented example writes it
 * ({@code 2016-08-31T17:03:08Z}, any offset, optional fraction), and the legacy form one early
 * registration carried ({@code 2015-12-02 16:26:58 +0000}). The text is kept because an
 * {@code Instant} alone would write either back in another form ({@code .000} dropped, an offset
 * turned into {@code Z}, the legacy form into RFC 3339), and a record must give back the JSON it was
 * read from. Immutable; equal when the text is equal.
 */
public final class Timestamp {

  private static final DateTimeFormatter RFC_3339 = new DateTimeFormatterBuilder()
      .parseCaseInsensitive()
      .append(DateTimeFormatter.ISO_OFFSET_DATE_TIME)
      .toFormatter()
      .withResolverStyle(ResolverStyle.STRICT);

  /** The legacy form: {@code 2015-12-02 16:26:58 +0000}. */
  private static final DateTimeFormatter LEGACY =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss xx").withResolverStyle(ResolverStyle.STRICT);

  private final String text;
  private final OffsetDateTime value;
  private final boolean legacy;

  private Timestamp(String text, OffsetDateTime value, boolean legacy) {
    this.text = text;
    this.value = value;
    this.legacy = legacy;
  }

  /**
   * Reads a timestamp in RFC 3339 or the legacy form.
   *
   * @param text the text as sent
   * @return the timestamp, keeping the text
   * @throws IllegalArgumentException naming the expected forms when the text is neither
   */
  public static Timestamp parse(String text) {
    Objects.requireNonNull(text, "text");
    try {
      return new Timestamp(text, OffsetDateTime.parse(text, RFC_3339), false);
    } catch (DateTimeParseException notRfc3339) {
      try {
        return new Timestamp(text, OffsetDateTime.parse(text, LEGACY), true);
      } catch (DateTimeParseException notLegacy) {
        throw new IllegalArgumentException("expected an RFC 3339 date-time such as 2016-08-31T17:03:08Z (or the legacy"
            + " form 2015-12-02 16:26:58 +0000) but found " + ReportLine.quote(text));
      }
    }
  }

  /**
   * A timestamp for a moment, written as RFC 3339 in UTC ({@code Instant.toString()}).
   *
   * @param instant the moment
   * @return the timestamp, in RFC 3339 form, never the legacy one
   */
  public static Timestamp of(Instant instant) {
    return parse(Objects.requireNonNull(instant, "instant").toString());
  }

  /** @return the moment */
  public Instant instant() {
    return value.toInstant();
  }

  /** @return the date and time with the offset it was sent with */
  public OffsetDateTime offsetDateTime() {
    return value;
  }

  /** @return the text exactly as sent, which is what is written back */
  public String text() {
    return text;
  }

  /** @return whether the text is the legacy form {@code 2015-12-02 16:26:58 +0000} rather than RFC 3339 */
  public boolean isLegacyForm() {
    return legacy;
  }

  /** @return the text as sent */
  @Override
  public String toString() {
    return text;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Timestamp other && text.equals(other.text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }
}
