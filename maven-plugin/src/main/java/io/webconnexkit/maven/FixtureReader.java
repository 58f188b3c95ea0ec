package io.webconnexkit.maven;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.webconnexkit.validator.DeliveryVerifier;
import io.webconnexkit.validator.Problem;
import io.webconnexkit.validator.Severity;
import io.webconnexkit.validator.SignatureStatus;
import io.webconnexkit.validator.ValidationReport;
import io.webconnexkit.validator.WebconnexDelivery;
import io.webconnexkit.validator.WebconnexValidator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads one fixture file, recognises its shape and turns it into results: a bare payload, a
 * delivery from Webconnex's webhook logs API (one, or a page of them), a WireMock request journal
 * or one recorded request, or a JSON Lines archive whose lines are any of these. Every problem is
 * placed at a line and column of the fixture file. Never throws for a bad fixture: a file that
 * cannot be read or recognised is a result with an error.
 *
 * <p>Immutable and thread-safe: the validator and verifiers are built once, by the engine.
 */
final class FixtureReader {

  static final String UNRECOGNISED_MESSAGE =
      "not a Webconnex payload, webhook log record, WireMock request journal or JSON Lines archive";
  static final String LOGS_SIGNATURE_NOTE = "not checked: the webhook logs API returns the body parsed, not the bytes "
      + "Webconnex signed, so this record cannot prove the signature (record the raw request, for example with "
      + "WireMock, to check it)";

  private static final JsonFactory FACTORY = new JsonFactory();
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String SIGNATURE = WebconnexDelivery.SIGNATURE_HEADER;

  private final WebconnexValidator validator;
  private final DeliveryVerifier unsigned;
  private final DeliveryVerifier signed;

  /**
   * @param validator validates payloads
   * @param unsigned verifies deliveries without a secret (parsed bodies, whose bytes are unknown)
   * @param signed verifies deliveries with raw bodies: with the configured secret, or without one
   */
  FixtureReader(WebconnexValidator validator, DeliveryVerifier unsigned, DeliveryVerifier signed) {
    this.validator = validator;
    this.unsigned = unsigned;
    this.signed = signed;
  }

  /** Every fixture in {@code file}; {@code path} is how reports name the file. */
  List<FixtureResult> read(Path file, String path) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      return List.of(unreadable(file, path, describe(e)));
    }
    Context context = new Context(file, path);
    if (isJsonLines(file)) {
      return jsonLines(context, bytes);
    }
    List<FixtureResult> results = new ArrayList<>(1);
    document(context, new Source(bytes, 1, 1, null), results);
    return results;
  }

  /** A result for a file that could not be read at all. */
  FixtureResult unreadable(Path file, String path, String reason) {
    Problem p = Problem.builder(Severity.ERROR, "fixture.unreadable").message("cannot be read: " + reason).build();
    return new FixtureResult(file, path, null, 1, FixtureShape.UNRECOGNISED, report(List.of(p)), List.of());
  }

  static boolean isJsonLines(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.endsWith(".jsonl") || name.endsWith(".ndjson");
  }

  // ---- JSON Lines -------------------------------------------------------------------------------

  private List<FixtureResult> jsonLines(Context context, byte[] bytes) {
    List<FixtureResult> results = new ArrayList<>();
    int line = 1;
    int start = 0;
    for (int i = 0; i <= bytes.length; i++) {
      if (i == bytes.length || bytes[i] == '\n') {
        int end = i > start && bytes[i - 1] == '\r' ? i - 1 : i;
        if (!isBlank(bytes, start, end)) {
          document(context, new Source(Arrays.copyOfRange(bytes, start, end), line, 1, "line " + line), results);
        }
        line++;
        start = i + 1;
      }
    }
    if (results.isEmpty()) {
      Problem p = Problem.builder(Severity.WARNING, "fixture.emptyArchive")
          .message("JSON Lines archive has no records").build();
      results.add(new FixtureResult(context.file, context.path, null, 1, FixtureShape.UNRECOGNISED, report(List.of(p)),
          List.of()));
    }
    return results;
  }

  private static boolean isBlank(byte[] bytes, int from, int to) {
    for (int i = from; i < to; i++) {
      byte b = bytes[i];
      if (b != ' ' && b != '\t' && b != '\r') {
        return false;
      }
    }
    return true;
  }

  // ---- One JSON document: recognise, then check --------------------------------------------------

  private void document(Context context, Source source, List<FixtureResult> results) {
    Sniff sniff = Sniff.of(source.bytes);
    switch (sniff.kind) {
      case PAYLOAD -> results.add(payload(context, source));
      case UNRECOGNISED -> results.add(unrecognised(context, source, sniff));
      default -> embedded(context, source, sniff, results);
    }
  }

  private FixtureResult payload(Context context, Source source) {
    ValidationReport report = validator.validate(source.bytes);
    if (!source.isWholeFile()) {
      report = relocate(report, p -> source.toFile(p.line(), p.column()), null, source.start());
    }
    return new FixtureResult(context.file, context.path, source.label, source.line, FixtureShape.PAYLOAD, report,
        List.of());
  }

  private FixtureResult unrecognised(Context context, Source source, Sniff sniff) {
    String what = sniff.names.isEmpty() ? " (the top level is " + sniff.description + ")"
        : " (its top-level members are " + String.join(", ", sniff.names) + ")";
    Problem p = Problem.builder(Severity.ERROR, "fixture.unrecognised")
        .location(source.line, source.column)
        .message(UNRECOGNISED_MESSAGE + what)
        .expected("a payload with eventType or data, a webhook log record, a WireMock request journal or JSON Lines")
        .found(sniff.description)
        .build();
    return new FixtureResult(context.file, context.path, source.label, source.line, FixtureShape.UNRECOGNISED,
        report(List.of(p)), List.of());
  }

  /** Log records and recorded requests: parsed as a tree, with an index to cut bodies out of the text. */
  private void embedded(Context context, Source source, Sniff sniff, List<FixtureResult> results) {
    JsonNode root;
    SourceIndex index;
    try {
      root = MAPPER.readTree(source.bytes);
      index = SourceIndex.of(source.bytes);
    } catch (IOException e) {
      // The sniff read it, so this is hard to reach; let the validator say what is malformed.
      results.add(payload(context, source));
      return;
    }
    Document doc = new Document(context, source, root, index);
    switch (sniff.kind) {
      case JOURNAL -> journal(doc, results);
      case RECORDED_REQUEST -> results.add(recordedRequest(doc, "", null));
      case LOG_RECORD -> results.add(logRecord(doc, "/data", null));
      case LOG_PAGE -> logPage(doc, results);
      default -> throw new IllegalStateException(sniff.kind.name());
    }
  }

  private void journal(Document doc, List<FixtureResult> results) {
    JsonNode requests = doc.root.get("requests");
    if (requests.isEmpty()) {
      results.add(problemResult(doc, FixtureShape.WIREMOCK_REQUEST, "/requests", null, Severity.WARNING, "fixture.emptyJournal",
          "WireMock request journal has no requests"));
      return;
    }
    for (int i = 0; i < requests.size(); i++) {
      JsonNode entry = requests.get(i);
      String pointer = "/requests/" + i;
      // GET /__admin/requests wraps each request in a serve event; POST /__admin/requests/find does not.
      if (entry.path("request").isObject()) {
        results.add(wireMockRequest(doc, pointer + "/request", pointer, "requests[" + i + "]"));
      } else if (entry.isObject()) {
        results.add(wireMockRequest(doc, pointer, pointer, "requests[" + i + "]"));
      } else {
        results.add(problemResult(doc, FixtureShape.WIREMOCK_REQUEST, pointer, "requests[" + i + "]", Severity.ERROR, "fixture.unrecognised",
            "requests[" + i + "] is not a recorded request: expected an object but found " + describe(entry)));
      }
    }
  }

  /** {@code {"request": {...}}}: WireMock's serve event, or the data of one webhook log record. */
  private FixtureResult recordedRequest(Document doc, String pointer, String label) {
    JsonNode request = doc.root.at(pointer + "/request");
    boolean logsShape = request.has("header") || request.path("body").isContainerNode();
    return logsShape ? logRecord(doc, pointer, label) : wireMockRequest(doc, pointer + "/request", pointer, label);
  }

  private void logPage(Document doc, List<FixtureResult> results) {
    JsonNode data = doc.root.get("data");
    boolean anyRequest = false;
    for (JsonNode entry : data) {
      anyRequest |= entry.path("request").isObject();
    }
    if (!anyRequest) {
      results.add(problemResult(doc, FixtureShape.WEBHOOK_LOG, "/data", null, Severity.ERROR, "fixture.logListing",
          data.isEmpty() ? "webhook logs page has no deliveries"
              : "webhook logs listing: its entries carry no request, so there is nothing to check; save each delivery "
                  + "with GET /v2/public/webhooks/{webhookId}/logs/{logId}"));
      return;
    }
    for (int i = 0; i < data.size(); i++) {
      String pointer = "/data/" + i;
      if (data.get(i).path("request").isObject()) {
        results.add(logRecord(doc, pointer, "data[" + i + "]"));
      } else {
        results.add(problemResult(doc, FixtureShape.WEBHOOK_LOG, pointer, "data[" + i + "]", Severity.ERROR, "fixture.logListing",
            "data[" + i + "] has no request, so there is nothing to check; save it with "
                + "GET /v2/public/webhooks/{webhookId}/logs/{logId}"));
      }
    }
  }

  // ---- Deliveries --------------------------------------------------------------------------------

  /** A webhook log record at {@code pointer}: {@code {"id",...,"request":{"header":{...},"body":{...}}}}. */
  private FixtureResult logRecord(Document doc, String pointer, String label) {
    String requestPointer = pointer + "/request";
    String headersPointer = requestPointer + (doc.root.at(requestPointer).has("header") ? "/header" : "/headers");
    Map<String, List<String>> headers = headers(doc.root.at(headersPointer));
    JsonNode body = doc.root.at(requestPointer + "/body");
    List<FixtureNote> notes = new ArrayList<>();
    ValidationReport report;
    if (body.isTextual()) {
      // A body kept as text is the bytes that were sent: its signature can be checked.
      report = rawDelivery(doc, headers, headersPointer, requestPointer, body.textValue().getBytes(StandardCharsets.UTF_8),
          requestPointer + "/body");
    } else {
      SourceIndex.Span span = doc.index.value(requestPointer + "/body").orElse(null);
      byte[] bytes = span == null ? new byte[0]
          : Arrays.copyOfRange(doc.source.bytes, (int) span.start().offset(), (int) span.end());
      ValidationReport raw = unsigned.verify(WebconnexDelivery.of(headers, bytes));
      SourceIndex.Position bodyStart = span != null ? span.start() : doc.index.valueStart(requestPointer).orElse(null);
      int[] fallback = bodyStart == null ? doc.recordStart(pointer) : doc.source.toFile(bodyStart.line(), bodyStart.column());
      report = relocate(raw, p -> {
        if (p.header().isPresent()) {
          return doc.headerLocation(headersPointer, p.header().get(), requestPointer);
        }
        if (!p.hasLocation() || bodyStart == null) {
          return fallback;
        }
        // The body is cut out of the fixture as it stands, so its lines are the fixture's lines.
        return doc.source.toFile(bodyStart.line() + p.line() - 1,
            p.line() == 1 ? bodyStart.column() + p.column() - 1 : p.column());
      }, null, fallback);
      int[] at = doc.headerLocation(headersPointer, SIGNATURE, requestPointer);
      notes.add(new FixtureNote("delivery.signature.notChecked", at[0], at[1], SIGNATURE, LOGS_SIGNATURE_NOTE));
    }
    return new FixtureResult(doc.context.file, doc.context.path, doc.label(label), doc.recordStart(pointer)[0], FixtureShape.WEBHOOK_LOG,
        report, notes);
  }

  /** A WireMock logged request at {@code requestPointer}: {@code {"headers":{...},"body":"..."}}. */
  private FixtureResult wireMockRequest(Document doc, String requestPointer, String recordPointer, String label) {
    JsonNode request = doc.root.at(requestPointer);
    String headersPointer = requestPointer + "/headers";
    Map<String, List<String>> headers = headers(request.path("headers"));
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
    ValidationReport report = rawDelivery(doc, headers, headersPointer, requestPointer, body, bodyPointer);
    return new FixtureResult(doc.context.file, doc.context.path, doc.label(label), doc.recordStart(recordPointer)[0],
        FixtureShape.WIREMOCK_REQUEST, report, List.of());
  }

  /**
   * A delivery whose body is a JSON string in the fixture: problems in the body are placed at the
   * string and say where in the body they are, since escapes make the columns differ.
   */
  private ValidationReport rawDelivery(Document doc, Map<String, List<String>> headers, String headersPointer,
      String requestPointer, byte[] body, String bodyPointer) {
    ValidationReport raw = signed.verify(WebconnexDelivery.of(headers, body));
    int[] bodyAt = doc.index.valueStart(bodyPointer).or(() -> doc.index.valueStart(requestPointer))
        .map(s -> doc.source.toFile(s.line(), s.column())).orElse(doc.recordStart(requestPointer));
    return relocate(raw, p -> p.header().isPresent() ? doc.headerLocation(headersPointer, p.header().get(), requestPointer)
        : bodyAt, p -> p.header().isEmpty() && p.hasLocation()
            ? " (line " + p.line() + ", column " + p.column() + " of the recorded body)" : null, bodyAt);
  }

  private static Map<String, List<String>> headers(JsonNode node) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    if (!node.isObject()) {
      return headers;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      List<String> values = new ArrayList<>();
      if (e.getValue().isArray()) {
        e.getValue().forEach(v -> values.add(v.asText()));
      } else if (!e.getValue().isNull()) {
        values.add(e.getValue().asText());
      }
      headers.put(e.getKey(), values);
    }
    return headers;
  }

  // ---- Relocation --------------------------------------------------------------------------------

  interface Locator {
    /** {line, column} in the fixture file for a problem. */
    int[] locate(Problem p);
  }

  interface Suffix {
    String of(Problem p);
  }

  /** The report with each problem placed in the fixture file (and its message extended, if asked). */
  private static ValidationReport relocate(ValidationReport report, Locator locator, Suffix suffix, int[] fallback) {
    if (report.problems().isEmpty()) {
      return report;
    }
    List<Problem> moved = new ArrayList<>(report.problems().size());
    for (Problem p : report.problems()) {
      int[] at = p.hasLocation() || p.header().isPresent() ? locator.locate(p) : fallback;
      String extra = suffix == null ? null : suffix.of(p);
      Problem.Builder b = Problem.builder(p.severity(), p.key()).pointer(p.pointer())
          .message(extra == null ? p.message() : p.message() + extra);
      p.header().ifPresent(b::header);
      p.keyword().ifPresent(b::keyword);
      p.expected().ifPresent(b::expected);
      p.found().ifPresent(b::found);
      if (at != null && at[0] > 0) {
        b.location(at[0], at[1]);
      }
      moved.add(b.build());
    }
    return new ValidationReport(report.profile(), report.eventType().orElse(null), moved, report.signature());
  }

  /** A result that is one problem of the plugin's own, at the value at {@code pointer}. */
  private FixtureResult problemResult(Document doc, FixtureShape shape, String pointer, String label, Severity severity,
      String key, String message) {
    int[] at = doc.recordStart(pointer);
    Problem p = Problem.builder(severity, key).location(at[0], at[1]).message(message).build();
    return new FixtureResult(doc.context.file, doc.context.path, doc.label(label), at[0], shape, report(List.of(p)),
        List.of());
  }

  private ValidationReport report(List<Problem> problems) {
    return new ValidationReport(validator.profile(), null, problems, SignatureStatus.NOT_APPLICABLE);
  }

  private static String describe(JsonNode node) {
    return node.isTextual() ? "a string" : node.isNumber() ? "a number" : node.isArray() ? "an array"
        : node.isBoolean() ? "a boolean" : node.isNull() ? "null" : "an object";
  }

  /** "path: reason", in words rather than exception class names. */
  static String describe(IOException e) {
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

  private record Context(Path file, String path) {}

  /**
   * Bytes to read, and where they start in the fixture file: a whole file starts at 1:1, a line of
   * a JSON Lines archive at its line, column 1.
   */
  private record Source(byte[] bytes, int line, int column, String label) {
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
  private record Document(Context context, Source source, JsonNode root, SourceIndex index) {

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
      } catch (IOException e) {
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
