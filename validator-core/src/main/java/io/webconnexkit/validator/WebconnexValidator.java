package io.webconnexkit.validator;

import com.fasterxml.jackson.databind.JsonNode;
import io.webconnexkit.validator.internal.CompiledSchemas;
import io.webconnexkit.validator.internal.EventNames;
import io.webconnexkit.validator.internal.PayloadParser;
import io.webconnexkit.validator.internal.SchemaCatalog;
import io.webconnexkit.validator.internal.SchemaProblems;
import io.webconnexkit.validator.internal.SourceLocator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Validates Webconnex webhook payloads against the kit's schemas.
 *
 * <p>Build one with {@link #builder()} and share it: it is immutable and thread-safe. Schemas are
 * compiled on first use of each event type, once. Every {@code validate} method returns a
 * {@link ValidationReport} and never throws for bad input; only null arguments are rejected.
 *
 * <pre>{@code
 * WebconnexValidator validator = WebconnexValidator.builder().profile(Profile.STRICT).build();
 * ValidationReport report = validator.validate(bodyBytes);
 * if (!report.isValid()) {
 *   report.errors().forEach(System.out::println); // /data/total: expected number but found string "100" (line 12, column 14)
 * }
 * }</pre>
 */
public final class WebconnexValidator {

  /** Default body size limit: 1 MiB. */
  public static final long DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
  /** Default nesting limit; Webconnex payloads nest about eight deep. */
  public static final int DEFAULT_MAX_DEPTH = 64;
  /** Default limit on the digits of one number. */
  public static final int DEFAULT_MAX_NUMBER_LENGTH = 100;
  /** Default limit on the characters of one string. */
  public static final int DEFAULT_MAX_STRING_LENGTH = 100_000;

  private final Profile profile;
  private final PayloadParser parser;
  /** The networknt schemas; for the kit's own, taken from the process's shared catalog on first need. */
  private volatile SchemaCatalog catalog;
  private final ProblemLevels levels;
  private final boolean compiled;

  private WebconnexValidator(Builder b) {
    this.profile = b.profile;
    this.parser = new PayloadParser(b.maxBodyBytes, b.maxDepth, b.maxNumberLength, b.maxStringLength);
    // One compiled catalog per profile in the process, built when a payload first needs networknt (a run
    // of clean payloads never does: the compiled path decides them). A builder's own event schemas need
    // their own catalog, built now, so a broken schema fails build().
    this.catalog = b.eventSchemas.isEmpty() ? null : new SchemaCatalog(b.profile, b.eventSchemas);
    this.levels = b.levels;
    // The compiled schemas are the kit's own: a builder's event schemas are interpreted, every one.
    this.compiled = b.compiled && b.eventSchemas.isEmpty();
  }

  private SchemaCatalog catalog() {
    SchemaCatalog c = catalog;
    if (c == null) {
      // SchemaCatalog.shared builds each profile's catalog once; two threads arriving here get the same one.
      c = SchemaCatalog.shared(profile);
      catalog = c;
    }
    return c;
  }

  /** @return a builder for a lenient validator with default limits and no levels set */
  public static Builder builder() {
    return new Builder();
  }

  /** @return a lenient validator with default limits */
  public static WebconnexValidator lenient() {
    return builder().build();
  }

  /** @return a strict validator with default limits */
  public static WebconnexValidator strict() {
    return builder().profile(Profile.STRICT).build();
  }

  /** @return the profile payloads are held to */
  public Profile profile() {
    return profile;
  }

  /** @return the levels set for problem keys, applied to every report this validator makes */
  public ProblemLevels levels() {
    return levels;
  }

  /** @return the body size limit in bytes */
  public long maxBodyBytes() {
    return parser.maxBytes();
  }

  /**
   * Validates raw body bytes (UTF-8 JSON), dispatching on the payload's {@code eventType}.
   *
   * @param body the bytes as received
   * @return the report, never null: malformed or invalid bodies are reported in it, not thrown
   */
  public ValidationReport validate(byte[] body) {
    return levels.applyTo(validateBytes(Objects.requireNonNull(body, "body"), null));
  }

  /**
   * Validates raw body bytes as the given event type, whatever the payload says.
   *
   * @param body the bytes as received
   * @param eventType the event type to check it as
   * @return the report, never null: malformed or invalid bodies are reported in it, not thrown
   */
  public ValidationReport validate(byte[] body, EventType eventType) {
    return levels.applyTo(validateBytes(Objects.requireNonNull(body, "body"),
        Objects.requireNonNull(eventType, "eventType").wireName()));
  }

  /**
   * Validates raw body bytes as the given event type name, documented or not (an extra schema
   * registered with {@link Builder#eventSchema}, or the envelope for an unknown one).
   *
   * @param body the bytes as received
   * @param eventType the event type name to check it as
   * @return the report, never null: malformed or invalid bodies are reported in it, not thrown
   */
  public ValidationReport validate(byte[] body, String eventType) {
    return levels.applyTo(validateBytes(Objects.requireNonNull(body, "body"), Objects.requireNonNull(eventType, "eventType")));
  }

  /**
   * Validates JSON text (as its UTF-8 bytes).
   *
   * @param json the payload as text
   * @return the report, never null: malformed or invalid bodies are reported in it, not thrown
   */
  public ValidationReport validate(String json) {
    return validate(Objects.requireNonNull(json, "json").getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Validates JSON text (as its UTF-8 bytes) as the given event type.
   *
   * @param json the payload as text
   * @param eventType the event type to check it as
   * @return the report, never null: malformed or invalid bodies are reported in it, not thrown
   */
  public ValidationReport validate(String json, EventType eventType) {
    return validate(Objects.requireNonNull(json, "json").getBytes(StandardCharsets.UTF_8), eventType);
  }

  /**
   * Reads at most the body size limit (plus one byte, to tell that it is over) from the stream and
   * validates it. The stream is not closed.
   *
   * @param body the body's bytes
   * @return the report, never null; an unreadable or over-limit stream is reported as a problem
   */
  public ValidationReport validate(InputStream body) {
    Objects.requireNonNull(body, "body");
    long limit = parser.maxBytes();
    byte[] bytes;
    try {
      bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
    } catch (IOException e) {
      return levels.applyTo(new ValidationReport(profile, null, List.of(Problem.builder(Severity.ERROR, "payload.unreadable")
          .message("body cannot be read: " + e.getMessage()).build()), SignatureStatus.NOT_APPLICABLE));
    }
    if (bytes.length > limit) {
      return levels.applyTo(new ValidationReport(profile, null, List.of(Problem.builder(Severity.ERROR, "payload.tooLarge")
          .message("body is over the limit of " + limit + " bytes")
          .expected("at most " + limit + " bytes").found("more than " + limit + " bytes").build()),
          SignatureStatus.NOT_APPLICABLE));
    }
    return levels.applyTo(validateBytes(bytes, null));
  }

  /**
   * Validates a parsed payload; problems then carry pointers but no line and column.
   *
   * @param payload the payload tree
   * @return the report, never null; a payload that is not an object is reported as a problem
   */
  public ValidationReport validate(JsonNode payload) {
    Objects.requireNonNull(payload, "payload");
    if (!payload.isObject()) {
      return levels.applyTo(new ValidationReport(profile, null, List.of(Problem.builder(Severity.ERROR, "payload.notObject")
          .message("expected a JSON object at the top level but found "
              + io.webconnexkit.validator.internal.JsonValues.describe(payload)).build()),
          SignatureStatus.NOT_APPLICABLE));
    }
    return levels.applyTo(validateTree(payload, null, null));
  }

  /**
   * Validates a parsed payload as the given event type.
   *
   * @param payload the payload tree
   * @param eventType the event type to check it as
   * @return the report, never null; problems carry pointers but no line and column
   */
  public ValidationReport validate(JsonNode payload, EventType eventType) {
    Objects.requireNonNull(payload, "payload");
    return levels.applyTo(validateTree(payload, Objects.requireNonNull(eventType, "eventType").wireName(), null));
  }

  private ValidationReport validateBytes(byte[] body, String explicitEventType) {
    PayloadParser.Result parsed = parser.parse(body);
    if (parsed.problem() != null) {
      return new ValidationReport(profile, explicitEventType, List.of(parsed.problem()), SignatureStatus.NOT_APPLICABLE);
    }
    ValidationReport report = validateTree(parsed.root(), explicitEventType, body);
    if (parsed.byteOrderMark()) {
      return report.with(List.of(Problem.builder(Severity.ERROR, "payload.byteOrderMark")
          .location(1, 1)
          .message("body starts with a UTF-8 byte-order mark, which JSON sent over HTTP must not carry")
          .expected("no byte-order mark").found("EF BB BF").build()), SignatureStatus.NOT_APPLICABLE);
    }
    return report;
  }

  private ValidationReport validateTree(JsonNode root, String explicitEventType, byte[] source) {
    String eventType = explicitEventType;
    if (eventType == null && root.path("eventType").isTextual()) {
      eventType = root.get("eventType").textValue();
    }
    List<Problem> problems = new ArrayList<>();
    if (compiled && CompiledSchemas.certainlyClean(profile, eventType, root)) {
      return new ValidationReport(profile, eventType, problems, SignatureStatus.NOT_APPLICABLE);
    }
    List<SchemaProblems.Translated> translated = new ArrayList<>();
    SchemaCatalog catalog = catalog();
    if (eventType != null && !catalog.has(eventType)) {
      String suggestion = EventNames.resembling(eventType, catalog.documentedEventTypes())
          .map(name -> " (did you mean \"" + name + "\"?)").orElse("");
      Problem.Builder unknown = Problem.builder(ProblemKey.defaultLevel("event.unknown", profile), "event.unknown")
          .pointer("/eventType")
          .message("unknown event type " + io.webconnexkit.validator.internal.JsonValues.quote(eventType) + suggestion
              + ", so only the common envelope was checked")
          .expected("a documented event type").found(io.webconnexkit.validator.internal.JsonValues.quote(eventType));
      translated.add(new SchemaProblems.Translated(unknown, "/eventType", false, false));
    }
    for (com.networknt.schema.Error error : catalog.schemaFor(eventType).validate(root)) {
      translated.add(SchemaProblems.translate(error, root));
    }
    if (translated.isEmpty()) {
      return new ValidationReport(profile, eventType, problems, SignatureStatus.NOT_APPLICABLE);
    }
    Map<String, SourceLocator.Location> locations = Map.of();
    if (source != null) {
      Set<String> values = new HashSet<>();
      Set<String> keys = new HashSet<>();
      for (SchemaProblems.Translated t : translated) {
        (t.atKey() ? keys : values).add(t.pointer());
      }
      locations = SourceLocator.locate(source, values, keys);
    }
    Set<Problem> unique = new LinkedHashSet<>();
    for (SchemaProblems.Translated t : translated) {
      SourceLocator.Location l = locations.get(t.atKey() ? "key:" + t.pointer() : t.pointer());
      if (l != null) {
        t.problem().location(l.line(), l.column());
      }
      unique.add(t.problem().build());
    }
    problems.addAll(unique);
    problems.sort(Comparator.comparingInt((Problem p) -> p.hasLocation() ? p.line() : Integer.MAX_VALUE)
        .thenComparingInt(Problem::column)
        .thenComparing(Problem::pointer));
    return new ValidationReport(profile, eventType, problems, SignatureStatus.NOT_APPLICABLE);
  }

  /** Builds a {@link WebconnexValidator}. Not thread-safe; the validator it builds is. */
  public static final class Builder {
    private Profile profile = Profile.LENIENT;
    private long maxBodyBytes = DEFAULT_MAX_BODY_BYTES;
    private int maxDepth = DEFAULT_MAX_DEPTH;
    private int maxNumberLength = DEFAULT_MAX_NUMBER_LENGTH;
    private int maxStringLength = DEFAULT_MAX_STRING_LENGTH;
    private final Map<String, String> eventSchemas = new LinkedHashMap<>();
    private ProblemLevels levels = ProblemLevels.none();
    private boolean compiled = true;

    private Builder() {}

    /** Interprets every schema with networknt, skipping the compiled fast path: for tests comparing the two. */
    Builder interpretedOnly() {
      this.compiled = false;
      return this;
    }

    /**
     * Lenient (the default) or strict: the profile also sets every problem key's default level.
     *
     * @param profile {@code LENIENT} or {@code STRICT}; not null
     * @return this builder
     */
    public Builder profile(Profile profile) {
      this.profile = Objects.requireNonNull(profile, "profile");
      return this;
    }

    /**
     * Sets the level of a problem key, or of every key under a dotted prefix, instead of the
     * profile's default; the most specific key set wins ({@code docs/problem-keys.md} lists them).
     *
     * @param keyOrPrefix such as {@code delivery.userAgent} or {@code delivery}
     * @param level error, warning, info, or {@link Severity#IGNORE} to leave such problems out
     * @return this builder
     * @throws IllegalArgumentException when the key is not one the kit reports
     */
    public Builder level(String keyOrPrefix, Severity level) {
      this.levels = levels.with(keyOrPrefix, level);
      return this;
    }

    /**
     * Adds these levels to those already set (later ones win for the same key).
     *
     * @param levels levels, as {@link ProblemLevels#parse} reads them from text
     * @return this builder
     */
    public Builder levels(ProblemLevels levels) {
      this.levels = this.levels.withAll(Objects.requireNonNull(levels, "levels"));
      return this;
    }

    /**
     * Bodies over this many bytes are reported as too large without being parsed. Default 1 MiB.
     *
     * @param bytes the limit
     * @return this builder
     */
    public Builder maxBodyBytes(long bytes) {
      if (bytes < 1) {
        throw new IllegalArgumentException("maxBodyBytes must be positive");
      }
      this.maxBodyBytes = bytes;
      return this;
    }

    /**
     * Deepest nesting of objects and arrays accepted. Default 64.
     *
     * @param depth the limit
     * @return this builder
     */
    public Builder maxDepth(int depth) {
      if (depth < 2) {
        throw new IllegalArgumentException("maxDepth must be at least 2");
      }
      this.maxDepth = depth;
      return this;
    }

    /**
     * Longest number, in characters, accepted. Default 100.
     *
     * @param length the limit
     * @return this builder
     */
    public Builder maxNumberLength(int length) {
      if (length < 1) {
        throw new IllegalArgumentException("maxNumberLength must be positive");
      }
      this.maxNumberLength = length;
      return this;
    }

    /**
     * Longest string, in characters, accepted. Default 100,000.
     *
     * @param length the limit
     * @return this builder
     */
    public Builder maxStringLength(int length) {
      if (length < 1) {
        throw new IllegalArgumentException("maxStringLength must be positive");
      }
      this.maxStringLength = length;
      return this;
    }

    /**
     * Validates payloads of {@code eventType} against this JSON Schema (draft 2020-12) instead of
     * the kit's own, for either profile: for events Webconnex does not document, or a stricter
     * local contract. The schema may {@code $ref} the kit's definitions by their {@code $id}. It is
     * compiled by {@link #build()}.
     *
     * @param eventType the event type name
     * @param schemaJson the schema as JSON text
     * @return this builder
     */
    public Builder eventSchema(String eventType, String schemaJson) {
      eventSchemas.put(Objects.requireNonNull(eventType, "eventType"), Objects.requireNonNull(schemaJson, "schemaJson"));
      return this;
    }

    /**
     * Builds the validator; event schemas given to {@link #eventSchema} are compiled now.
     *
     * @return a new validator, immutable and thread-safe
     * @throws IllegalArgumentException when an event schema is not a usable JSON Schema
     */
    public WebconnexValidator build() {
      return new WebconnexValidator(this);
    }
  }
}
