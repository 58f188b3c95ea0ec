package io.webconnexkit.validator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * One delivery or payload found in a recorded file by {@link RecordedDeliveryReader}: a bare
 * payload, a record from Webconnex's webhook logs API, a request from a WireMock journal, or one
 * line of a JSON Lines file. It knows where it sits in its file, so that
 * {@link DeliveryVerifier#verify(RecordedDelivery)} reports each problem at a line and column of
 * the file, not of the body. Immutable.
 */
public final class RecordedDelivery {

  private final String path;
  private final String label;
  private final int line;
  private final int column;
  private final RecordShape shape;
  private final byte[] body;
  private final Map<String, List<String>> headers;
  private final boolean rawBody;
  private final List<Problem> readProblems;
  private final UnaryOperator<Problem> placer;

  RecordedDelivery(String path, String label, int line, int column, RecordShape shape, byte[] body,
      Map<String, List<String>> headers, boolean rawBody, List<Problem> readProblems, UnaryOperator<Problem> placer) {
    this.path = Objects.requireNonNull(path, "path");
    this.label = label;
    this.line = line;
    this.column = column;
    this.shape = Objects.requireNonNull(shape, "shape");
    this.body = body == null ? new byte[0] : body;
    if (headers == null) {
      this.headers = null;
    } else {
      Map<String, List<String>> copy = new LinkedHashMap<>();
      headers.forEach((k, v) -> copy.put(k, List.copyOf(v)));
      this.headers = java.util.Collections.unmodifiableMap(copy);
    }
    this.rawBody = rawBody;
    this.readProblems = List.copyOf(readProblems);
    this.placer = placer == null ? UnaryOperator.identity() : placer;
  }

  /** @return how reports name the file: the path as given, or a classpath resource path */
  public String path() {
    return path;
  }

  /**
   * @return which record of the file this is ({@code line 3}, {@code requests[1]}, {@code data[0]},
   *     {@code line 2 data[0]}), or empty when the file is one record
   */
  public Optional<String> label() {
    return Optional.ofNullable(label);
  }

  /** @return the path, with the label when the file holds several records: {@code journal.json [requests[1]]} */
  public String name() {
    return label == null ? path : path + " [" + label + "]";
  }

  /** @return the 1-based line of the file where the record starts */
  public int line() {
    return line;
  }

  /** @return the 1-based column of the file where the record starts */
  public int column() {
    return column;
  }

  /** @return what the record was recognised as */
  public RecordShape shape() {
    return shape;
  }

  /**
   * @return a copy of the body's bytes: the bytes sent when {@link #hasRawBody()}, otherwise the
   *     body as it is written in the file; empty for an unrecognised record
   */
  public byte[] body() {
    return body.clone();
  }

  /** The body without a copy, for the kit's own use. */
  byte[] bodyBytes() {
    return body;
  }

  /** @return the recorded HTTP headers (name to values, in the record's order), when the shape has them */
  public Optional<Map<String, List<String>>> headers() {
    return Optional.ofNullable(headers);
  }

  /**
   * @return whether {@link #body()} holds the exact bytes that were sent (a WireMock request, or a
   *     log record whose body was kept as text), so that a signature over them means something
   */
  public boolean hasRawBody() {
    return rawBody;
  }

  /**
   * @return whether this record's signature can be checked: it has headers and the raw body. A
   *     webhook logs API record holds a parsed body, so it cannot.
   */
  public boolean signatureCheckable() {
    return rawBody && headers != null;
  }

  /** @return the record as a delivery (headers and body), when it has headers */
  public Optional<WebconnexDelivery> delivery() {
    return headers == null ? Optional.empty() : Optional.of(WebconnexDelivery.of(headers, body));
  }

  /**
   * @return problems found while reading, before any validation: the file cannot be read, is not a
   *     shape the kit knows, is an empty archive or journal, or a listing with nothing to check
   */
  public List<Problem> readProblems() {
    return readProblems;
  }

  /** @return whether there is a body to validate: false when reading found a problem instead */
  public boolean hasBody() {
    return readProblems.isEmpty();
  }

  /** A problem found in the body (or its headers), placed at a line and column of the file. */
  Problem place(Problem problem) {
    return placer.apply(problem);
  }

  /** @return the name, the shape and the start, never the body */
  @Override
  public String toString() {
    return "RecordedDelivery[" + ReportLine.escape(name()) + ", " + shape.label() + ", line " + line + "]";
  }
}
