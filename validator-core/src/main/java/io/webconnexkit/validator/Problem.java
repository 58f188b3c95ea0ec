package io.webconnexkit.validator;

import java.util.Objects;
import java.util.Optional;

/**
 * One thing wrong with (or worth knowing about) a payload or delivery. Immutable.
 *
 * <p>{@link #key()} is stable across releases and names the kind of problem as dotted words
 * ({@code schema.type}, {@code payload.malformed}, {@code delivery.signature.mismatch}); the
 * message is written for people and is pinned by tests, but may be improved between releases.
 */
public final class Problem {

  private final Severity severity;
  private final String key;
  private final String pointer;
  private final String header;
  private final int line;
  private final int column;
  private final String message;
  private final String keyword;
  private final String expected;
  private final String found;

  private Problem(Builder b) {
    this.severity = Objects.requireNonNull(b.severity, "severity");
    this.key = Objects.requireNonNull(b.key, "key");
    this.pointer = b.pointer == null ? "" : b.pointer;
    this.header = b.header;
    this.line = b.line;
    this.column = b.column;
    this.message = Objects.requireNonNull(b.message, "message");
    this.keyword = b.keyword;
    this.expected = b.expected;
    this.found = b.found;
  }

  /**
   * Starts a problem of the given severity and key.
   *
   * @param severity how serious it is (not {@link Severity#IGNORE}, which is a level only)
   * @param key the stable dotted key, one of {@link ProblemKey#all()} or {@code schema.<keyword>}
   * @return a new builder; {@link Builder#message} is required before {@link Builder#build()}
   */
  public static Builder builder(Severity severity, String key) {
    return new Builder(severity, key);
  }

  /**
   * A builder holding every field of this problem, to make a changed copy (another severity, a
   * location in an enclosing file, a longer message) without rebuilding it field by field.
   *
   * @return a builder that builds an equal problem until changed
   */
  public Builder toBuilder() {
    Builder b = new Builder(severity, key).pointer(pointer).message(message).location(line, column);
    b.header = header;
    b.keyword = keyword;
    b.expected = expected;
    b.found = found;
    return b;
  }

  /** @return how serious the problem is: error, warning or info */
  public Severity severity() {
    return severity;
  }

  /** {@return stable dotted name of the kind of problem, for filtering and tuning} */
  public String key() {
    return key;
  }

  /** {@return JSON Pointer (RFC 6901) into the body: {@code ""} for the whole body or a header problem} */
  public String pointer() {
    return pointer;
  }

  /** {@return the HTTP header the problem is about, for delivery problems} */
  public Optional<String> header() {
    return Optional.ofNullable(header);
  }

  /** {@return 1-based line in the source text, or 0 when unknown (a {@code JsonNode} has no text)} */
  public int line() {
    return line;
  }

  /** {@return 1-based column in the source text, or 0 when unknown} */
  public int column() {
    return column;
  }

  /** @return whether the line (and column) of the problem in the source text is known */
  public boolean hasLocation() {
    return line > 0;
  }

  /** {@return what is wrong, for a person, without the pointer and location} */
  public String message() {
    return message;
  }

  /** {@return the JSON Schema keyword that failed ({@code type}, {@code required}...), for schema problems} */
  public Optional<String> keyword() {
    return Optional.ofNullable(keyword);
  }

  /** {@return what the contract expects here, when that can be said briefly} */
  public Optional<String> expected() {
    return Optional.ofNullable(expected);
  }

  /** {@return what was found instead} */
  public Optional<String> found() {
    return Optional.ofNullable(found);
  }

  /**
   * The pointer, message and location in one line: {@code /data/total: expected number but found
   * string "100" (line 12, column 14)}.
   */
  @Override
  public String toString() {
    StringBuilder s = new StringBuilder();
    if (header != null) {
      s.append(ReportLine.escape(header)).append(": ");
    } else if (!pointer.isEmpty()) {
      s.append(ReportLine.escape(pointer)).append(": ");
    }
    s.append(ReportLine.escape(message));
    if (hasLocation()) {
      s.append(" (line ").append(line).append(", column ").append(column).append(')');
    }
    return s.toString();
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Problem p)) {
      return false;
    }
    return severity == p.severity && line == p.line && column == p.column && key.equals(p.key)
        && pointer.equals(p.pointer) && Objects.equals(header, p.header) && message.equals(p.message)
        && Objects.equals(keyword, p.keyword) && Objects.equals(expected, p.expected) && Objects.equals(found, p.found);
  }

  @Override
  public int hashCode() {
    return Objects.hash(severity, key, pointer, header, line, column, message, keyword);
  }

  /** Builds a {@link Problem}; used by the kit's own modules and by tests. */
  public static final class Builder {
    private Severity severity;
    private final String key;
    private String pointer = "";
    private String header;
    private int line;
    private int column;
    private String message;
    private String keyword;
    private String expected;
    private String found;

    private Builder(Severity severity, String key) {
      this.severity = severity;
      this.key = key;
    }

    /**
     * @param severity the severity instead of the one the builder was started with
     * @return this builder
     */
    public Builder severity(Severity severity) {
      this.severity = severity;
      return this;
    }

    /**
     * @param pointer JSON Pointer into the body; null or empty for the whole body
     * @return this builder
     */
    public Builder pointer(String pointer) {
      this.pointer = pointer;
      return this;
    }

    /**
     * @param header the HTTP header the problem is about
     * @return this builder
     */
    public Builder header(String header) {
      this.header = header;
      return this;
    }

    /**
     * @param line 1-based line, 0 when unknown
     * @param column 1-based column, 0 when unknown
     * @return this builder
     */
    public Builder location(int line, int column) {
      this.line = Math.max(line, 0);
      this.column = Math.max(column, 0);
      return this;
    }

    /**
     * @param message what is wrong, for a person
     * @return this builder
     */
    public Builder message(String message) {
      this.message = message;
      return this;
    }

    /**
     * @param keyword the JSON Schema keyword that failed
     * @return this builder
     */
    public Builder keyword(String keyword) {
      this.keyword = keyword;
      return this;
    }

    /**
     * @param expected what the contract expects, briefly
     * @return this builder
     */
    public Builder expected(String expected) {
      this.expected = expected;
      return this;
    }

    /**
     * @param found what was found instead
     * @return this builder
     */
    public Builder found(String found) {
      this.found = found;
      return this;
    }

    /**
     * @return a new, immutable problem
     * @throws NullPointerException when severity, key or message is missing
     * @throws IllegalArgumentException when the severity is {@link Severity#IGNORE}
     */
    public Problem build() {
      if (severity == Severity.IGNORE) {
        throw new IllegalArgumentException("IGNORE is a level, not the severity of a problem");
      }
      return new Problem(this);
    }
  }
}
