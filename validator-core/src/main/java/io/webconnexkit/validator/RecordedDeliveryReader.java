package io.webconnexkit.validator;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.webconnexkit.validator.internal.SourceIndex;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Reads recorded files into {@link RecordedDelivery} values: the one reader behind {@code
 * webconnex validate}, {@code mvn webconnex:validate} and {@code @WebconnexFixtures}, so the three
 * accept the same files. It recognises
 * <ul>
 *   <li>a bare payload (a top-level object with {@code eventType} or {@code data});
 *   <li>a record from Webconnex's webhook logs API ({@code GET .../logs/{id}}), a page of them
 *       ({@code GET .../logs}) and a resend response ({@code POST .../resend/{id}});
 *   <li>a WireMock request journal ({@code GET /__admin/requests}, {@code POST
 *       /__admin/requests/find}) or one recorded request;
 *   <li>JSON Lines ({@code *.jsonl}, {@code *.ndjson}) whose lines are any of these, read line by
 *       line in bounded memory however long the file is.
 * </ul>
 * A file that cannot be read or recognised gives one record whose {@link
 * RecordedDelivery#readProblems()} say why; the reader never throws for a bad file. Files are only
 * read, never written. Immutable and thread-safe.
 *
 * <pre>{@code
 * RecordedDeliveryReader reader = RecordedDeliveryReader.standard();
 * DeliveryVerifier verifier = DeliveryVerifier.builder().build();
 * reader.read(Path.of("deliveries.jsonl"), "deliveries.jsonl",
 *     record -> System.out.println(record.name() + ": " + verifier.verify(record)));
 * }</pre>
 */
public final class RecordedDeliveryReader {

  /** Default limit on one document, or one line of a JSON Lines file: 64 MiB. */
  public static final int DEFAULT_MAX_RECORD_BYTES = 64 * 1024 * 1024;

  static final String UNRECOGNISED_MESSAGE =
      "not a Webconnex payload, webhook log record, WireMock request journal or JSON Lines archive";

  private static final RecordedDeliveryReader STANDARD = new RecordedDeliveryReader(DEFAULT_MAX_RECORD_BYTES);
  private static final JsonFactory FACTORY = new JsonFactory();
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final int maxRecordBytes;

  private RecordedDeliveryReader(int maxRecordBytes) {
    this.maxRecordBytes = maxRecordBytes;
  }

  /** @return a reader with the default limit of 64 MiB for one record */
  public static RecordedDeliveryReader standard() {
    return STANDARD;
  }

  /**
   * A reader with another limit for one document or one line; larger ones are reported as {@code
   * fixture.tooLarge} and skipped, without being held in memory.
   *
   * @param maxRecordBytes the limit, at least 1
   * @return a new reader with that limit
   */
  public static RecordedDeliveryReader withMaxRecordBytes(int maxRecordBytes) {
    if (maxRecordBytes < 1) {
      throw new IllegalArgumentException("maxRecordBytes must be positive");
    }
    return new RecordedDeliveryReader(maxRecordBytes);
  }

  /** @return the limit on one document or one line of a JSON Lines file, in bytes */
  public int maxRecordBytes() {
    return maxRecordBytes;
  }

  /**
   * Whether a file is read as JSON Lines: its name ends in {@code .jsonl} or {@code .ndjson}.
   *
   * @param name a file name or path
   * @return whether it names a JSON Lines file
   */
  public static boolean isJsonLines(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return n.endsWith(".jsonl") || n.endsWith(".ndjson");
  }

  /**
   * Every record in a file, handed to {@code sink} one at a time, in file order.
   *
   * @param file the file to read: JSON, or JSON Lines when its name ends in {@code .jsonl} or {@code .ndjson}
   * @param path how reports name it
   * @param sink receives each record
   */
  public void read(Path file, String path, Consumer<RecordedDelivery> sink) {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(sink, "sink");
    try (InputStream in = Files.newInputStream(file)) {
      read(in, path, isJsonLines(file.getFileName() == null ? path : file.getFileName().toString()), sink);
    } catch (IOException e) {
      sink.accept(unreadable(path, describe(e)));
    } catch (RuntimeException e) {
      // An InvalidPathException or a file system's own failure: the file is unreadable, not the reader broken.
      sink.accept(unreadable(path, e.getClass().getSimpleName()));
    }
  }

  /**
   * Every record in a stream (standard input, a classpath resource), handed to {@code sink} one at
   * a time. The stream is not closed.
   *
   * @param in the content
   * @param path how reports name it
   * @param jsonLines whether to read it as JSON Lines
   * @param sink receives each record
   */
  public void read(InputStream in, String path, boolean jsonLines, Consumer<RecordedDelivery> sink) {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(sink, "sink");
    stream(in, path, jsonLines).forEach(sink);
  }

  /**
   * Every record in a stream, pulled one at a time: a JSON Lines stream is read a line at a time as
   * records are asked for, so an archive of any size costs one line's memory. The records are those
   * {@link #read(InputStream, String, boolean, Consumer)} hands on, in the same order (that method
   * is this one, pushed). The input stream is not closed.
   *
   * @param in the content
   * @param path how reports name it
   * @param jsonLines whether to read it as JSON Lines
   * @return the records, lazily; a read failure ends them with a {@code fixture.unreadable} record
   */
  public Stream<RecordedDelivery> stream(InputStream in, String path, boolean jsonLines) {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(path, "path");
    Iterator<RecordedDelivery> records = new Pull(in, path, jsonLines);
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(records, Spliterator.ORDERED | Spliterator.NONNULL),
        false);
  }

  /**
   * Every record in a file, pulled one at a time, as {@link #stream(InputStream, String, boolean)}
   * reads them; the file is opened now and closed when the stream is (use try-with-resources). A
   * file that cannot be opened is one {@code fixture.unreadable} record.
   *
   * @param file the file to read: JSON, or JSON Lines when its name ends in {@code .jsonl} or {@code .ndjson}
   * @param path how reports name it
   * @return the records, lazily
   */
  public Stream<RecordedDelivery> stream(Path file, String path) {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(path, "path");
    InputStream in;
    try {
      in = Files.newInputStream(file);
    } catch (IOException e) {
      return Stream.of(unreadable(path, describe(e)));
    } catch (RuntimeException e) {
      return Stream.of(unreadable(path, e.getClass().getSimpleName()));
    }
    return stream(in, path, isJsonLines(file.getFileName() == null ? path : file.getFileName().toString()))
        .onClose(() -> {
          try {
            in.close();
          } catch (IOException ignored) {
            // Only read from: nothing was lost.
          }
        });
  }

  /** The records of one input, made as they are asked for: a whole document at once, JSON Lines a line at a time. */
  private final class Pull implements Iterator<RecordedDelivery> {
    private final InputStream in;
    private final String path;
    private final boolean jsonLines;
    private final ArrayDeque<RecordedDelivery> ready = new ArrayDeque<>();
    private boolean done;
    // JSON Lines: the bytes read but not yet split into lines, the line being gathered, where it is.
    private byte[] buffer;
    private int position;
    private int length;
    private ByteArrayOutputStream line;
    private int lineNumber = 1;
    private int records;
    private boolean overLimit;

    Pull(InputStream in, String path, boolean jsonLines) {
      this.in = in;
      this.path = path;
      this.jsonLines = jsonLines;
    }

    @Override
    public boolean hasNext() {
      while (ready.isEmpty() && !done) {
        try {
          if (jsonLines) {
            nextLine();
          } else {
            whole();
            done = true;
          }
        } catch (IOException e) {
          ready.add(unreadable(path, describe(e)));
          done = true;
        }
      }
      return !ready.isEmpty();
    }

    @Override
    public RecordedDelivery next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      return ready.removeFirst();
    }

    private void whole() throws IOException {
      byte[] bytes = in.readNBytes(maxRecordBytes + 1);
      if (bytes.length > maxRecordBytes) {
        ready.add(problemRecord(path, null, 1, 1, Severity.ERROR, "fixture.tooLarge",
            "file is over the limit of " + maxRecordBytes + " bytes for one record; it was not read"));
        return;
      }
      document(new Source(path, bytes, 1, 1, null), ready::add);
    }

    /** Reads up to the end of the next line and hands on its records (none for a blank line). */
    private void nextLine() throws IOException {
      if (buffer == null) {
        buffer = new byte[64 * 1024];
        line = new ByteArrayOutputStream(4096);
      }
      while (true) {
        if (position == length) {
          int n = in.read(buffer);
          if (n == -1) {
            records += endLine(path, line, lineNumber, overLimit, ready::add);
            if (records == 0) {
              ready.add(problemRecord(path, null, 1, 1, Severity.WARNING, "fixture.emptyArchive",
                  "JSON Lines archive has no records"));
            }
            done = true;
            return;
          }
          position = 0;
          length = n;
        }
        int end = position;
        while (end < length && buffer[end] != '\n') {
          end++;
        }
        overLimit = append(line, buffer, position, end, overLimit);
        if (end == length) {
          position = length;
          continue;
        }
        records += endLine(path, line, lineNumber, overLimit, ready::add);
        line.reset();
        overLimit = false;
        lineNumber++;
        position = end + 1;
        return;
      }
    }
  }

  /**
   * Every record in a file, as a list: for files known to be small. Use {@link #read(Path, String,
   * Consumer)} for archives.
   *
   * @param file the file to read: JSON, or JSON Lines when its name ends in {@code .jsonl} or {@code .ndjson}
   * @param path how reports name it
   * @return the records, in file order
   */
  public List<RecordedDelivery> readAll(Path file, String path) {
    List<RecordedDelivery> all = new ArrayList<>();
    read(file, path, all::add);
    return all;
  }

  /**
   * Every record in bytes already in memory, as a list.
   *
   * @param content the file's content
   * @param path how reports name it; a name ending in {@code .jsonl} or {@code .ndjson} is read as JSON Lines
   * @return the records, in order
   */
  public List<RecordedDelivery> readAll(byte[] content, String path) {
    List<RecordedDelivery> all = new ArrayList<>();
    read(new ByteArrayInputStream(Objects.requireNonNull(content, "content")), path, isJsonLines(path), all::add);
    return all;
  }

  /**
   * A record for a file that could not be read at all.
   *
   * @param path how reports name the file
   * @param reason why, in words
   * @return the record, with one {@code fixture.unreadable} problem
   */
  public static RecordedDelivery unreadable(String path, String reason) {
    Problem p = Problem.builder(Severity.ERROR, "fixture.unreadable").message("cannot be read: " + reason).build();
    return new RecordedDelivery(path, null, 1, 1, RecordShape.UNRECOGNISED, null, null, false, List.of(p), null);
  }

  // ---- JSON Lines, streamed ---------------------------------------------------------------------

  /** Adds bytes to the line unless it is already over the limit; the line is dropped once it is. */
  private boolean append(ByteArrayOutputStream line, byte[] buffer, int from, int to, boolean overLimit) {
    if (overLimit || to <= from) {
      return overLimit;
    }
    if ((long) line.size() + (to - from) > maxRecordBytes) {
      line.reset();
      return true;
    }
    line.write(buffer, from, to - from);
    return false;
  }

  /** Hands on the record of one line, if it holds one; returns how many records that was. */
  private int endLine(String path, ByteArrayOutputStream line, int lineNumber, boolean overLimit,
      Consumer<RecordedDelivery> sink) {
    if (overLimit) {
      sink.accept(problemRecord(path, "line " + lineNumber, lineNumber, 1, Severity.ERROR, "fixture.tooLarge",
          "line " + lineNumber + " is over the limit of " + maxRecordBytes + " bytes for one record; it was skipped"));
      return 1;
    }
    byte[] bytes = line.toByteArray();
    int end = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
    if (isBlank(bytes, end)) {
      return 0;
    }
    document(new Source(path, end == bytes.length ? bytes : Arrays.copyOf(bytes, end), lineNumber, 1,
        "line " + lineNumber), sink);
    return 1;
  }

  private static boolean isBlank(byte[] bytes, int to) {
    for (int i = 0; i < to; i++) {
      byte b = bytes[i];
      if (b != ' ' && b != '\t' && b != '\r') {
        return false;
      }
    }
    return true;
  }

  // ---- One JSON document: recognise, then cut out --------------------------------------------------

  private void document(Source source, Consumer<RecordedDelivery> sink) {
    Sniff sniff = Sniff.of(source.bytes);
    switch (sniff.kind) {
      case PAYLOAD -> sink.accept(payload(source));
      case UNRECOGNISED -> sink.accept(unrecognised(source, sniff));
      default -> embedded(source, sniff, sink);
    }
  }

  private RecordedDelivery payload(Source source) {
    UnaryOperator<Problem> placer = source.isWholeFile() ? null
        : p -> moved(p, p.hasLocation() ? source.toFile(p.line(), p.column()) : source.start(), null);
    return new RecordedDelivery(source.path, source.label, source.line, source.column, RecordShape.PAYLOAD,
        source.bytes, null, false, List.of(), placer);
  }

  private RecordedDelivery unrecognised(Source source, Sniff sniff) {
    String what = sniff.names.isEmpty() ? " (the top level is " + sniff.description + ")"
        : " (its top-level members are " + String.join(", ", sniff.names) + ")";
    Problem p = Problem.builder(Severity.ERROR, "fixture.unrecognised")
        .location(source.line, source.column)
        .message(UNRECOGNISED_MESSAGE + what)
        .expected("a payload with eventType or data, a webhook log record, a WireMock request journal or JSON Lines")
        .found(sniff.description)
        .build();
    return new RecordedDelivery(source.path, source.label, source.line, source.column, RecordShape.UNRECOGNISED,
        null, null, false, List.of(p), null);
  }

  /** Log records and recorded requests: parsed as a tree, with an index to cut bodies out of the text. */
  private void embedded(Source source, Sniff sniff, Consumer<RecordedDelivery> sink) {
    JsonNode root;
    SourceIndex index;
    try {
      root = MAPPER.readTree(source.bytes);
      index = SourceIndex.of(source.bytes);
    } catch (IOException e) {
      // The sniff read it, so this is hard to reach; let the validator say what is malformed.
      sink.accept(payload(source));
      return;
    }
    Document doc = new Document(source, root, index);
    switch (sniff.kind) {
      case JOURNAL -> journal(doc, sink);
      case RECORDED_REQUEST -> sink.accept(recordedRequest(doc, "", null));
      case LOG_RECORD -> sink.accept(logRecord(doc, "/data", null));
      case LOG_PAGE -> logPage(doc, sink);
      default -> throw new IllegalStateException(sniff.kind.name());
    }
  }

  private void journal(Document doc, Consumer<RecordedDelivery> sink) {
    JsonNode requests = doc.root.get("requests");
    if (requests.isEmpty()) {
      sink.accept(problemRecord(doc, RecordShape.WIREMOCK_REQUEST, "/requests", null, Severity.WARNING,
          "fixture.emptyJournal", "WireMock request journal has no requests"));
      return;
    }
    for (int i = 0; i < requests.size(); i++) {
      JsonNode entry = requests.get(i);
      String pointer = "/requests/" + i;
      String label = "requests[" + i + "]";
      // GET /__admin/requests wraps each request in a serve event; POST /__admin/requests/find does not.
      if (entry.path("request").isObject()) {
        sink.accept(wireMockRequest(doc, pointer + "/request", pointer, label));
      } else if (entry.isObject()) {
        sink.accept(wireMockRequest(doc, pointer, pointer, label));
      } else {
        sink.accept(problemRecord(doc, RecordShape.WIREMOCK_REQUEST, pointer, label, Severity.ERROR,
            "fixture.unrecognised", label + " is not a recorded request: expected an object but found " + describe(entry)));
      }
    }
  }

  /** {@code {"request": {...}}}: WireMock's serve event, or the data of one webhook log record. */
  private RecordedDelivery recordedRequest(Document doc, String pointer, String label) {
    JsonNode request = doc.root.at(pointer + "/request");
    boolean logsShape = request.has(WebhookLogRecord.HEADER) || request.path(WebhookLogRecord.BODY).isContainerNode();
    return logsShape ? logRecord(doc, pointer, label) : wireMockRequest(doc, pointer + "/request", pointer, label);
  }

  private void logPage(Document doc, Consumer<RecordedDelivery> sink) {
    JsonNode data = doc.root.get("data");
    boolean anyRequest = false;
    for (JsonNode entry : data) {
      anyRequest |= WebhookLogRecord.hasRequest(entry);
    }
    if (!anyRequest) {
      sink.accept(problemRecord(doc, RecordShape.WEBHOOK_LOG, "/data", null, Severity.ERROR, "fixture.logListing",
          data.isEmpty() ? "webhook logs page has no deliveries"
              : "webhook logs listing: its entries carry no request, so there is nothing to check; save each delivery "
                  + "with GET /v2/public/webhooks/{webhookId}/logs/{logId}"));
      return;
    }
    for (int i = 0; i < data.size(); i++) {
      String pointer = "/data/" + i;
      if (WebhookLogRecord.hasRequest(data.get(i))) {
        sink.accept(logRecord(doc, pointer, "data[" + i + "]"));
      } else {
        sink.accept(problemRecord(doc, RecordShape.WEBHOOK_LOG, pointer, "data[" + i + "]", Severity.ERROR,
            "fixture.logListing", "data[" + i + "] has no request, so there is nothing to check; save it with "
                + "GET /v2/public/webhooks/{webhookId}/logs/{logId}"));
      }
    }
  }

  // ---- Deliveries --------------------------------------------------------------------------------

  /** A webhook log record at {@code pointer}: {@code {"id",...,"request":{"header":{...},"body":{...}}}}. */
  private RecordedDelivery logRecord(Document doc, String pointer, String label) {
    String requestPointer = pointer + "/" + WebhookLogRecord.REQUEST;
    String headersPointer = requestPointer + (doc.root.at(requestPointer).has(WebhookLogRecord.HEADER)
        ? "/" + WebhookLogRecord.HEADER : "/headers");
    Map<String, List<String>> headers = WebhookLogRecord.headersOf(doc.root.at(headersPointer));
    JsonNode body = doc.root.at(requestPointer + "/" + WebhookLogRecord.BODY);
    int[] start = doc.recordStart(pointer);
    if (body.isTextual()) {
      // A body kept as text is the bytes that were sent: its signature can be checked.
      return rawDelivery(doc, RecordShape.WEBHOOK_LOG, doc.label(label), start, headers, headersPointer, requestPointer,
          body.textValue().getBytes(StandardCharsets.UTF_8), requestPointer + "/body");
    }
    SourceIndex.Span span = doc.index.value(requestPointer + "/body").orElse(null);
    byte[] bytes = span == null ? new byte[0]
        : Arrays.copyOfRange(doc.source.bytes, (int) span.start().offset(), (int) span.end());
    SourceIndex.Position bodyStart = span != null ? span.start() : doc.index.valueStart(requestPointer).orElse(null);
    int[] fallback = bodyStart == null ? start : doc.source.toFile(bodyStart.line(), bodyStart.column());
    UnaryOperator<Problem> placer = p -> {
      if (p.header().isPresent()) {
        return moved(p, doc.headerLocation(headersPointer, p.header().get(), requestPointer), null);
      }
      if (!p.hasLocation() || bodyStart == null) {
        return moved(p, fallback, null);
      }
      // The body is cut out of the record as it stands, so its lines are the file's lines.
      return moved(p, doc.source.toFile(bodyStart.line() + p.line() - 1,
          p.line() == 1 ? bodyStart.column() + p.column() - 1 : p.column()), null);
    };
    return new RecordedDelivery(doc.source.path, doc.label(label), start[0], start[1], RecordShape.WEBHOOK_LOG, bytes,
        headers, false, List.of(), placer);
  }

  /** A WireMock logged request at {@code requestPointer}: {@code {"headers":{...},"body":"..."}}. */
  private RecordedDelivery wireMockRequest(Document doc, String requestPointer, String recordPointer, String label) {
    JsonNode request = doc.root.at(requestPointer);
    String headersPointer = requestPointer + "/headers";
    Map<String, List<String>> headers = WebhookLogRecord.headersOf(request.path("headers"));
    byte[] body = null;
    String bodyPointer = requestPointer + "/body";
    if (request.path("bodyAsBase64").isTextual()) {
      try {
        // The exact bytes; "body" is the same decoded as UTF-8, which may have lost bytes that were not UTF-8.
        body = Base64.getDecoder().decode(request.get("bodyAsBase64").textValue());
        if (!request.path("body").isTextual()) {
          bodyPointer = requestPointer + "/bodyAsBase64";
        }
      } catch (IllegalArgumentException e) {
        body = null;
      }
    }
    if (body == null) {
      body = request.path("body").isTextual() ? request.get("body").textValue().getBytes(StandardCharsets.UTF_8) : new byte[0];
    }
    return rawDelivery(doc, RecordShape.WIREMOCK_REQUEST, doc.label(label), doc.recordStart(recordPointer), headers,
        headersPointer, requestPointer, body, bodyPointer);
  }

  /**
   * A delivery whose body is a JSON string in the file: problems in the body are placed at the
   * string and say where in the body they are, since escapes make the columns differ.
   */
  private RecordedDelivery rawDelivery(Document doc, RecordShape shape, String label, int[] start,
      Map<String, List<String>> headers, String headersPointer, String requestPointer, byte[] body, String bodyPointer) {
    int[] bodyAt = doc.index.valueStart(bodyPointer).or(() -> doc.index.valueStart(requestPointer))
        .map(s -> doc.source.toFile(s.line(), s.column())).orElse(doc.recordStart(requestPointer));
    UnaryOperator<Problem> placer = p -> {
      if (p.header().isPresent()) {
        return moved(p, doc.headerLocation(headersPointer, p.header().get(), requestPointer), null);
      }
      String suffix = p.hasLocation() ? " (line " + p.line() + ", column " + p.column() + " of the recorded body)" : null;
      return moved(p, bodyAt, suffix);
    };
    return new RecordedDelivery(doc.source.path, label, start[0], start[1], shape, body, headers, true, List.of(), placer);
  }

  /** The problem at a place in the file (its message extended, if asked). */
  private static Problem moved(Problem p, int[] at, String suffix) {
    Problem.Builder b = p.toBuilder();
    if (suffix != null) {
      b.message(p.message() + suffix);
    }
    if (at != null && at[0] > 0) {
      b.location(at[0], at[1]);
    } else {
      b.location(0, 0);
    }
    return b.build();
  }

  private static RecordedDelivery problemRecord(String path, String label, int line, int column, Severity severity,
      String key, String message) {
    Problem p = Problem.builder(severity, key).location(line, column).message(message).build();
    return new RecordedDelivery(path, label, line, column, RecordShape.UNRECOGNISED, null, null, false, List.of(p), null);
  }

  /** A record that is one problem of the reader's own, at the value at {@code pointer}. */
  private static RecordedDelivery problemRecord(Document doc, RecordShape shape, String pointer, String label,
      Severity severity, String key, String message) {
    int[] at = doc.recordStart(pointer);
    Problem p = Problem.builder(severity, key).location(at[0], at[1]).message(message).build();
    return new RecordedDelivery(doc.source.path, doc.label(label), at[0], at[1], shape, null, null, false, List.of(p),
        null);
  }

  private static String describe(JsonNode node) {
    return node.isTextual() ? "a string" : node.isNumber() ? "a number" : node.isArray() ? "an array"
        : node.isBoolean() ? "a boolean" : node.isNull() ? "null" : "an object";
  }

  /**
   * Why a file could not be read, in words rather than exception class names: {@code no such
   * file}, {@code permission denied}, {@code is a directory}...
   *
   * @param e what reading threw
   * @return the file system's reason, in lower case where it gives one; else the message or class name
   */
  public static String describe(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "no such file";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof FileSystemException fse && fse.getReason() != null) {
      return fse.getReason().toLowerCase(Locale.ROOT);
    }
    return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
  }

  // ---- Small value types -------------------------------------------------------------------------

  /**
   * Bytes to read, and where they start in the file: a whole file starts at 1:1, a line of a JSON
   * Lines archive at its line, column 1.
   */
  private record Source(String path, byte[] bytes, int line, int column, String label) {
    boolean isWholeFile() {
      return line == 1 && column == 1 && label == null;
    }

    int[] start() {
      return new int[] {line, column};
    }

    /** A line and column in these bytes as a line and column of the file. */
    int[] toFile(int l, int c) {
      if (l <= 0) {
        return start();
      }
      return new int[] {line + l - 1, l == 1 ? column + c - 1 : c};
    }
  }

  /** A document with embedded deliveries: its tree, and where each value sits. */
  private record Document(Source source, JsonNode root, SourceIndex index) {

    /** A record's label within the file: {@code line 3 requests[0]} in a JSON Lines archive. */
    String label(String child) {
      if (source.label == null) {
        return child;
      }
      return child == null ? source.label : source.label + " " + child;
    }

    int[] recordStart(String pointer) {
      return index.valueStart(pointer).map(s -> source.toFile(s.line(), s.column())).orElse(source.start());
    }

    /** Where a header is named in the record, or where the headers (or the request) start when it is missing. */
    int[] headerLocation(String headersPointer, String header, String requestPointer) {
      JsonNode headers = root.at(headersPointer);
      for (Iterator<String> it = headers.fieldNames(); it.hasNext(); ) {
        String name = it.next();
        if (name.equalsIgnoreCase(header)) {
          return index.keyStart(headersPointer + "/" + SourceIndex.escape(name))
              .map(s -> source.toFile(s.line(), s.column())).orElse(recordStart(headersPointer));
        }
      }
      return headers.isObject() ? recordStart(headersPointer) : recordStart(requestPointer);
    }
  }

  /** What a quick look at the top level of a document says it is. */
  private enum Kind { PAYLOAD, JOURNAL, RECORDED_REQUEST, LOG_RECORD, LOG_PAGE, UNRECOGNISED }

  /**
   * The top-level member names and the types of the few members that decide the shape, read
   * without building a tree: a plain payload costs one extra token scan, not a second parse.
   */
  private static final class Sniff {
    Kind kind;
    String description = "an object";
    final List<String> names = new ArrayList<>();

    static Sniff of(byte[] bytes) {
      Sniff s = new Sniff();
      JsonToken data = null;
      boolean dataHasRequest = false;
      JsonToken request = null;
      JsonToken requests = null;
      boolean eventType = false;
      try (JsonParser p = FACTORY.createParser(bytes)) {
        JsonToken t = p.nextToken();
        if (t != JsonToken.START_OBJECT) {
          if (t == null) {
            s.kind = Kind.PAYLOAD; // empty: the validator says so, with its own words
            return s;
          }
          s.kind = Kind.UNRECOGNISED;
          s.description = t == JsonToken.START_ARRAY ? "an array" : "a " + t.asString();
          return s;
        }
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          JsonToken value = p.nextToken();
          if (s.names.size() < 8) {
            s.names.add(name);
          }
          switch (name) {
            case "data" -> {
              data = value;
              if (value == JsonToken.START_OBJECT) {
                // One level down: a log record's data holds the request, a payload's data does not.
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                  String member = p.currentName();
                  dataHasRequest |= p.nextToken() == JsonToken.START_OBJECT && "request".equals(member);
                  p.skipChildren();
                }
                continue;
              }
            }
            case "eventType" -> eventType = true;
            case "request" -> request = value;
            case "requests" -> requests = value;
            default -> { }
          }
          p.skipChildren();
        }
      } catch (IOException | RuntimeException e) {
        // Malformed: whatever it was meant to be, the validator reports where the JSON breaks.
        s.kind = Kind.PAYLOAD;
        return s;
      }
      if (requests == JsonToken.START_ARRAY) {
        s.kind = Kind.JOURNAL;
      } else if (request == JsonToken.START_OBJECT) {
        s.kind = Kind.RECORDED_REQUEST;
      } else if (data == JsonToken.START_OBJECT && dataHasRequest) {
        s.kind = Kind.LOG_RECORD;
      } else if (data == JsonToken.START_ARRAY && !eventType) {
        s.kind = Kind.LOG_PAGE;
      } else if (eventType || data != null) {
        s.kind = Kind.PAYLOAD;
      } else {
        s.kind = Kind.UNRECOGNISED;
      }
      return s;
    }
  }
}
