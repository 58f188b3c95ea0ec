package io.webconnexkit.validator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One kind of problem the kit reports: its stable dotted key, its default level under each
 * profile, and what it means. {@link #all()} lists every key the kit can report; the page
 * {@code docs/problem-keys.md} lists the same keys, and a test keeps the two equal.
 *
 * <p>Users change the level of a key, or of every key under a prefix, with {@link ProblemLevels}.
 *
 * @param key the stable dotted key, such as {@code delivery.userAgent}
 * @param lenient the level under {@link Profile#LENIENT} when no level is set for the key
 * @param strict the level under {@link Profile#STRICT} when no level is set for the key
 * @param meaning one line saying what the problem means
 * @param example a message the kit prints for it
 */
public record ProblemKey(String key, Severity lenient, Severity strict, String meaning, String example) {

  private static final Map<String, ProblemKey> ALL = new LinkedHashMap<>();

  static {
    Severity e = Severity.ERROR;
    Severity w = Severity.WARNING;
    Severity i = Severity.INFO;
    add("payload.malformed", e, e, "The body is not well-formed JSON.",
        "malformed JSON: trailing comma before '}' (JSON allows no comma after the last member)");
    add("payload.empty", e, e, "The body is empty or only white space.", "body is empty; expected a JSON object");
    add("payload.notObject", e, e, "The top level of the body is not a JSON object.",
        "expected a JSON object at the top level but found an array");
    add("payload.tooLarge", e, e, "The body is over the size limit (1 MiB by default).",
        "body is 2097152 bytes, over the limit of 1048576 bytes");
    add("payload.tooDeep", e, e, "Objects and arrays nest deeper than the limit (64 by default).",
        "document is nested deeper than the limit of 64 levels");
    add("payload.numberTooLarge", e, e, "A number has more digits than the limit, or an exponent out of range.",
        "number has 101 characters, over the limit of 100");
    add("payload.stringTooLong", e, e, "A string is longer than the limit (100,000 characters by default).",
        "string is longer than the limit of 100000 characters");
    add("payload.keyTooLong", e, e, "A member name is longer than the limit.",
        "member name is longer than the limit of 50000 characters");
    add("payload.limit", e, e, "The body breaks another of the parser's limits.", "document breaks a parser limit");
    add("payload.duplicateKey", e, e, "An object has the same member name twice.",
        "duplicate key \"total\"; a key may appear once per object");
    add("payload.encoding", e, e, "The body is not UTF-8 (invalid bytes, or UTF-16 or UTF-32).",
        "body is not valid UTF-8: Invalid UTF-8 start byte 0xff");
    add("payload.byteOrderMark", e, e, "The body starts with a UTF-8 byte-order mark.",
        "body starts with a UTF-8 byte-order mark, which JSON sent over HTTP must not carry");
    add("payload.unreadable", e, e, "The body could not be read from its stream.", "body cannot be read: Connection reset");
    add("event.unknown", w, e, "The eventType is not a documented event; only the common envelope was checked.",
        "unknown event type \"registrant_edit\" (did you mean \"edit_registrant\"?), so only the common envelope was checked");
    add("schema.type", e, e, "A value has another JSON type than the contract says.",
        "expected number but found string \"100\"");
    add("schema.required", e, e, "A property the contract requires is missing.", "required property \"eventType\" is missing");
    add("schema.additionalProperties", e, e,
        "A property the documentation does not list (strict profile only; lenient accepts them).",
        "property \"formName\" is not documented for this object (the strict profile allows documented properties only)");
    add("schema.format", e, e, "A string is not in the documented format (an RFC 3339 date-time).",
        "expected an RFC 3339 date-time such as 2016-08-31T17:03:08Z but found string \"yesterday\"");
    add("schema.webconnexLegacyTimestamp", w, e,
        "A timestamp in the legacy form 2015-12-02 16:26:58 +0000 (lenient: a warning; strict reports schema.format).",
        "expected an RFC 3339 date-time such as 2015-12-02T16:26:58Z but found the legacy form \"2015-12-02 16:26:58 +0000\"");
    add("schema.observed", w, w,
        "A property no table lists but real traffic is known to carry (an observed field, with its evidence): strict"
            + " warns, lenient accepts it without a word.",
        "property \"formName\" is not in Webconnex's tables, but real traffic is known to carry it (the strict profile"
            + " accepts it with this warning). Evidence: Required by a typed receiver (zod) in public code written against"
            + " real traffic; no table of either text lists it.");
    add("schema.const", e, e, "A value differs from the one value the contract allows (such as eventType).",
        "expected \"registration\" but found string \"publish\"");
    add("schema.enum", e, e, "A value is not one of the documented values.",
        "expected one of [success, error] but found string \"ok\"");
    add("schema.pattern", e, e, "A string does not match the documented pattern.",
        "expected a string matching ^[0-9]+$ but found string \"x1\"");
    add("schema.minLength", e, e, "A string is shorter than the contract allows (usually: empty).",
        "expected at least 1 character(s) but found string \"\"");
    add("delivery.signature.missing", e, e, "A delivery checked with a secret has no X-Webconnex-Signature header.",
        "header is missing; every Webconnex delivery is signed");
    add("delivery.signature.malformed", e, e, "X-Webconnex-Signature is not 64 hex characters.",
        "is not an HMAC-SHA256 signature: expected 64 hex characters but found 63 characters");
    add("delivery.signature.mismatch", e, e, "X-Webconnex-Signature is not the HMAC-SHA256 of the body under the secret.",
        "does not match the body: it is not the HMAC-SHA256 of these bytes under the configured signing secret");
    add("delivery.signature.notChecked", i, i,
        "The signature of a recorded delivery cannot be checked: the record holds a parsed body, not the bytes sent.",
        "not checked: the webhook logs API returns the body parsed, not the bytes Webconnex signed");
    add("delivery.contentType", e, e, "Content-Type is missing or not application/json.",
        "expected application/json but found \"text/plain\"");
    add("delivery.userAgent", w, e, "User-Agent is not Webconnex-Divvy (a proxy may rewrite it).",
        "expected Webconnex-Divvy but found \"curl/8.5.0\"");
    add("delivery.id", e, e, "X-Webconnex-Delivery is missing or not 32 lowercase hex characters.",
        "expected 32 lowercase hex characters but found \"abc\"");
    add("delivery.event", e, e, "X-Webconnex-Event is missing or differs from the body's eventType.",
        "is \"publish\" but the body's eventType is \"registration\"");
    add("model.binding", e, e, "A conforming payload cannot be bound to webconnex-model's typed events without losing "
        + "a value (an integer beyond 64 bits, an amount BigDecimal would rewrite).",
        "/data/total: cannot be bound without changing the value");
    add("fixture.unreadable", e, e, "A recorded file cannot be read.", "cannot be read: permission denied");
    add("fixture.unrecognised", e, e,
        "A file is neither a payload, a webhook log record or page, a WireMock journal or request, nor JSON Lines.",
        "not a Webconnex payload, webhook log record, WireMock request journal or JSON Lines archive (the top level is an array)");
    add("fixture.tooLarge", e, e, "A recorded document, or one line of a JSON Lines file, is over the reader's size limit.",
        "line 3 is over the limit of 67108864 bytes for one record; it was skipped");
    add("fixture.emptyArchive", w, w, "A JSON Lines file has no records.", "JSON Lines archive has no records");
    add("fixture.emptyJournal", w, w, "A WireMock request journal has no requests.", "WireMock request journal has no requests");
    add("fixture.expectedInvalid", e, e,
        "A fixture marked known-bad (the plugin's expectInvalid, @WebconnexFixtures' invalid or expectInvalid) conforms "
            + "to the contract, so it no longer tests what it was kept for.",
        "conforms to the Webconnex contract, but webconnex.expectInvalid says it must not");
    add("fixture.logListing", e, e,
        "A webhook logs listing whose entries carry no request: there is nothing to check.",
        "webhook logs listing: its entries carry no request, so there is nothing to check");
  }

  /**
   * Checks the fields; {@link #all()} holds the kit's keys.
   *
   * @param key the stable dotted key, such as {@code delivery.userAgent}; not null
   * @param lenient the default level under the lenient profile; not null
   * @param strict the default level under the strict profile; not null
   * @param meaning one line saying what the problem means; not null
   * @param example a message the kit prints for it; not null
   */
  public ProblemKey {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(lenient, "lenient");
    Objects.requireNonNull(strict, "strict");
    Objects.requireNonNull(meaning, "meaning");
    Objects.requireNonNull(example, "example");
  }

  private static void add(String key, Severity lenient, Severity strict, String meaning, String example) {
    ALL.put(key, new ProblemKey(key, lenient, strict, meaning, example));
  }

  /** @return every key the kit reports, immutable, in a fixed order (payload, event, schema, delivery, model, fixture) */
  public static List<ProblemKey> all() {
    return List.copyOf(ALL.values());
  }

  /**
   * @param key a dotted key
   * @return the kit's entry for it, or empty when the kit has no such key
   */
  public static Optional<ProblemKey> find(String key) {
    return Optional.ofNullable(ALL.get(key));
  }

  /**
   * @param profile {@code LENIENT} or {@code STRICT}
   * @return the level of this key under that profile when no level is set for it
   */
  public Severity defaultLevel(Profile profile) {
    return profile == Profile.STRICT ? strict : lenient;
  }

  /**
   * The default level of {@code key} under {@code profile}: the kit's entry, or error for a key
   * the kit does not list (a keyword of a user's own schema).
   *
   * @param key a dotted key
   * @param profile {@code LENIENT} or {@code STRICT}
   * @return the kit's default for a listed key, else {@code ERROR}
   */
  public static Severity defaultLevel(String key, Profile profile) {
    ProblemKey k = ALL.get(key);
    return k == null ? Severity.ERROR : k.defaultLevel(profile);
  }
}
