package io.webconnexkit.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.webconnexkit.schemas.ConformanceChecker.Located;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * One test per decision of docs/documentation-discrepancies.md, each on the payload
 * src/test/resources/discrepancies/{decision id}.json, plus the check that the page and the tests
 * name the same decisions.
 */
class DiscrepanciesTest {

  private static final Path MODULE = Path.of("").toAbsolutePath();
  private static final Path PAGE = MODULE.resolve("../docs/documentation-discrepancies.md").normalize();
  private static final Pattern DECISION_ID = Pattern.compile("\\bD-[A-Z]+(?:-[A-Z]+)*\\b");
  private static final Pattern DECISION_HEADING = Pattern.compile("(?m)^## (D-[A-Z]+(?:-[A-Z]+)*): \\S");

  @Test
  @DisplayName("D-SUBSCRIPTION-COMMA: a trailing comma is malformed JSON with a line and column; only the example's comma is repaired")
  void subscriptionCommaIsMalformedJsonAndOnlyTheExamplesCommaIsRepaired() {
    String body = DocumentationTables.read("discrepancies/D-SUBSCRIPTION-COMMA.txt");

    JsonProcessingException failure =
        catchThrowableOfType(JsonProcessingException.class, () -> PublishedSchemas.MAPPER.readTree(body));

    assertThat(failure).isNotNull();
    JsonLocation at = failure.getLocation();
    assertThat(at.getLineNr() + ":" + at.getColumnNr()).as("the '}' after the trailing comma").isEqualTo("53:5");
    assertThat(body.split("\n")[51]).endsWith("\"status\": \"active\",");
    // The repair is made for the example only, and removes exactly one comma.
    String example = OfficialExamples.section("Subscription").text();
    assertThat(OfficialExamples.repairSubscriptionComma(example)).hasSize(example.length() - 1);
    assertThatThrownBy(() -> OfficialExamples.repairSubscriptionComma(OfficialExamples.section("Coupons").text()))
        .isInstanceOf(IllegalStateException.class);
    assertThat(lenient(OfficialExamples.section("Subscription").json())).isEmpty();
  }

  @Test
  @DisplayName("D-MISSING-ENVELOPE-FIELDS: lenient requires only eventType and data at the top; strict requires the tables' fields")
  void missingEnvelopeFieldsAreAcceptedByLenientAndRequiredByStrict() {
    JsonNode older = payload("D-MISSING-ENVELOPE-FIELDS");

    assertThat(lenient(older)).isEmpty();
    assertThat(strict(older)).containsExactlyInAnyOrder("/accountId", "/formId", "/eventId", "/meta");
    assertThat(strict(OfficialExamples.section("Registration").json())).contains("/eventId", "/meta");
    assertThat(strict(OfficialExamples.section("Coupons").json())).contains("/formId");
    assertThat(strict(OfficialExamples.section("Test").json())).doesNotContain("/meta");
    assertThat(lenient(without(older, "/eventType"), "registration.json")).containsExactly("/eventType");
    assertThat(lenient(without(older, "/data"))).containsExactly("/data");
  }

  @Test
  @DisplayName("D-COUPON-FORMID: coupon data.formId is an integer or null")
  void couponFormIdIsAnIntegerOrNull() {
    JsonNode global = payload("D-COUPON-FORMID");

    assertThat(global.at("/data/formId").isNull()).isTrue();
    assertThat(lenient(global)).isEmpty();
    assertThat(strict(global)).isEmpty();
    JsonNode withForm = with(global, "/data/formId", PublishedSchemas.MAPPER.getNodeFactory().numberNode(29815));
    assertThat(strict(withForm)).isEmpty();
    JsonNode asString = with(global, "/data/formId", TextNode.valueOf("29815"));
    assertThat(lenient(asString)).contains("/data/formId");
    assertThat(strict(asString)).contains("/data/formId");
  }

  @Test
  @DisplayName("D-COUPON-DISCOUNTS: discounts is an optional array of discount objects; the two codes rows are one field")
  void couponDiscountsAreAnOptionalArrayAndCodesIsOneField() {
    JsonNode withoutDiscounts = payload("D-COUPON-DISCOUNTS");

    assertThat(strict(withoutDiscounts)).isEmpty();
    assertThat(lenient(withoutDiscounts)).isEmpty();
    JsonNode sample = SamplesTest.sample("coupon.json");
    assertThat(strict(without(sample, "/data/discounts/0/valueType"))).containsExactly("/data/discounts/0/valueType");
    JsonNode asObject = with(withoutDiscounts, "/data/discounts", sample.at("/data/discounts/0"));
    assertThat(lenient(asObject)).contains("/data/discounts");
    assertThat(strict(asObject)).contains("/data/discounts");
    List<DocumentationTables.Row> codesRows = DocumentationTables.all().stream()
        .filter(r -> r.section().startsWith("Coupons") && r.table().equals("Data Object") && r.parameter().equals("codes"))
        .toList();
    assertThat(codesRows).as("each text prints the codes row twice").hasSize(4);
    assertThat(PublishedSchemas.profile("strict").get("coupon.json").at("/properties/data/required"))
        .filteredOn(n -> n.asText().equals("codes")).hasSize(1);
  }

  @Test
  @DisplayName("D-VALUETYPE-CASE: valueType is percent, fixed, Percent or Fixed")
  void valueTypeAcceptsBothSpellingsOfPercentAndFixed() {
    JsonNode allFour = payload("D-VALUETYPE-CASE");

    assertThat(allFour.at("/data/discounts")).extracting(d -> d.get("valueType").asText())
        .containsExactly("percent", "fixed", "Percent", "Fixed");
    assertThat(lenient(allFour)).isEmpty();
    assertThat(strict(allFour)).isEmpty();
    JsonNode shouting = with(allFour, "/data/discounts/2/valueType", TextNode.valueOf("PERCENT"));
    assertThat(lenient(shouting)).containsExactly("/data/discounts/2/valueType");
    assertThat(strict(shouting)).containsExactly("/data/discounts/2/valueType");
  }

  @Test
  @DisplayName("D-INVENTORY-ID: inventory data.id is an integer or a string")
  void inventoryIdIsAnIntegerOrAString() {
    JsonNode integerId = payload("D-INVENTORY-ID");

    assertThat(integerId.at("/data/id").isInt()).isTrue();
    assertThat(lenient(integerId)).isEmpty();
    assertThat(strict(integerId)).isEmpty();
    JsonNode stringId = with(integerId, "/data/id", TextNode.valueOf("33764"));
    assertThat(strict(stringId)).isEmpty();
    JsonNode booleanId = with(integerId, "/data/id", PublishedSchemas.MAPPER.getNodeFactory().booleanNode(true));
    assertThat(lenient(booleanId)).containsExactly("/data/id");
    assertThat(strict(booleanId)).containsExactly("/data/id");
  }

  @Test
  @DisplayName("D-INVENTORY-CASE: Inventory_80 is not a documented event name; inventory_80 is")
  void capitalisedInventoryEventIsNotADocumentedEvent() {
    JsonNode capitalised = payload("D-INVENTORY-CASE");
    JsonNode events = PublishedSchemas.index().path("events");

    assertThat(events.has("Inventory_80")).isFalse();
    assertThat(events.has("inventory_80")).isTrue();
    assertThat(lenient(capitalised, "inventory.json")).containsExactly("/eventType");
    assertThat(strict(capitalised, "inventory.json")).containsExactly("/eventType");
    assertThat(strict(with(capitalised, "/eventType", TextNode.valueOf("inventory_80")))).isEmpty();
  }

  @Test
  @DisplayName("D-LOOKUPID: every lookupId is an integer or a digit string")
  void everyLookupIdIsAnIntegerOrADigitString() {
    JsonNode integerLookupId = payload("D-LOOKUPID");

    assertThat(lenient(integerLookupId)).isEmpty();
    assertThat(strict(integerLookupId)).isEmpty();
    assertThat(strict(with(integerLookupId, "/data/lookupId", TextNode.valueOf("4471")))).isEmpty();
    JsonNode letters = with(integerLookupId, "/data/lookupId", TextNode.valueOf("abc"));
    assertThat(lenient(letters)).containsExactly("/data/lookupId");
    assertThat(strict(letters)).containsExactly("/data/lookupId");
    // Everywhere: every property named lookupId, in every schema, is the shared definition.
    Map<String, JsonNode> schemas = PublishedSchemas.profile("lenient");
    List<String> notShared = new ArrayList<>();
    schemas.forEach((file, schema) -> lookupIds(file, schema, "", schemas, notShared));
    assertThat(notShared).isEmpty();
  }

  @Test
  @DisplayName("D-SUBSCRIPTION-EXTRAS: paymentsLeft and paymentsLeftString are optional, with their example types")
  void subscriptionExtrasAreOptionalAndTyped() {
    JsonNode withoutExtras = payload("D-SUBSCRIPTION-EXTRAS");

    assertThat(strict(withoutExtras)).isEmpty();
    assertThat(strict(SamplesTest.sample("subscription.json"))).isEmpty();
    JsonNode wrong = with(withoutExtras, "/data/subscription/paymentsLeft", TextNode.valueOf("unlimited"));
    assertThat(lenient(wrong)).containsExactly("/data/subscription/paymentsLeft");
    JsonNode wrongString = with(withoutExtras, "/data/subscription/paymentsLeftString",
        PublishedSchemas.MAPPER.getNodeFactory().numberNode(-1));
    assertThat(strict(wrongString)).containsExactly("/data/subscription/paymentsLeftString");
  }

  @Test
  @DisplayName("D-EMAIL-ROW: the help-centre rows without a name are the string field email")
  void emailRowsWithoutANameAreTheStringFieldEmail() {
    JsonNode numericEmail = payload("D-EMAIL-ROW");

    assertThat(lenient(numericEmail)).containsExactly("/data/email");
    assertThat(strict(numericEmail)).containsExactly("/data/email");
    // Both texts list the subscription object's email (one of them without its name): strict requires it.
    assertThat(strict(without(SamplesTest.sample("subscription.json"), "/data/subscription/email")))
        .containsExactly("/data/subscription/email");
  }

  @Test
  @DisplayName("D-FIELD-VALUES: field values are keyed by key/type; option amounts are decimal strings; other types are open")
  void fieldValuesAreKeyedByTypeWithStringAmountsAndOtherTypesOpen() {
    JsonNode withOwnType = payload("D-FIELD-VALUES");

    assertThat(lenient(withOwnType)).isEmpty();
    assertThat(strict(withOwnType)).isEmpty();
    String amount = "/data/registrants/0/data/1/options/0/amount";
    assertThat(withOwnType.at(amount).isTextual()).isTrue();
    JsonNode numericAmount = with(withOwnType, amount, PublishedSchemas.MAPPER.getNodeFactory().numberNode(100));
    assertThat(lenient(numericAmount)).containsExactly(amount);
    assertThat(strict(numericAmount)).containsExactly(amount);
    JsonNode stringTotal = with(withOwnType, "/data/total", TextNode.valueOf("100"));
    assertThat(strict(stringTotal)).containsExactly("/data/total");
    JsonNode withoutType = without(withOwnType, "/data/registrants/0/data/5/type");
    assertThat(lenient(withoutType)).containsExactly("/data/registrants/0/data/5/type");
    // The four documented shapes are closed in strict: a name field with a member of its own.
    JsonNode middleName = with(withOwnType, "/data/registrants/0/data/0/middle", withOwnType.at("/data/registrants/0/data/0/first"));
    assertThat(lenient(middleName)).isEmpty();
    assertThat(strict(middleName)).containsExactly("/data/registrants/0/data/0/middle");
  }

  @Test
  @DisplayName("D-OBJECT-ARRAYS: registrants, tickets, codes and edit/cancel data.data are arrays")
  void objectTypedCollectionsAreArrays() {
    JsonNode asObjects = payload("D-OBJECT-ARRAYS");

    assertThat(lenient(asObjects)).containsExactlyInAnyOrder("/data/registrants", "/data/tickets");
    assertThat(strict(asObjects)).containsExactlyInAnyOrder("/data/registrants", "/data/tickets");
    JsonNode coupon = SamplesTest.sample("coupon.json");
    assertThat(lenient(with(coupon, "/data/codes", coupon.at("/data/codes/0")))).containsExactly("/data/codes");
    for (String event : List.of("edit_registrant", "cancel_registrant", "edit_ticket", "cancel_ticket")) {
      JsonNode sample = SamplesTest.sample(event + ".json");
      assertThat(strict(with(sample, "/data/data", sample.at("/data/data/0")))).as(event).containsExactly("/data/data");
    }
  }

  @Test
  @DisplayName("D-TIMESTAMP-TYPE: 'timestamp' and 'date' are both an RFC 3339 date-time")
  void timestampAndDateAreBothRfc3339DateTimes() {
    JsonNode dateOnly = payload("D-TIMESTAMP-TYPE");

    assertThat(lenient(dateOnly)).containsExactly("/data/datePublished");
    assertThat(strict(dateOnly)).containsExactly("/data/datePublished");
    JsonNode dateTime = with(dateOnly, "/data/datePublished", TextNode.valueOf("2016-08-31T17:03:08Z"));
    assertThat(lenient(dateTime)).isEmpty();
    assertThat(strict(dateTime)).isEmpty();
    Set<String> documented = new TreeSet<>();
    DocumentationTables.all().forEach(row -> documented.add(row.type()));
    assertThat(documented).contains("timestamp", "date");
    assertThat(ConformanceChecker.jsonType("timestamp")).isEqualTo(ConformanceChecker.jsonType("date"));
  }

  @Test
  @DisplayName("D-LEGACY-TIMESTAMP: '2015-12-02 16:26:58 +0000' is accepted by lenient and rejected by strict")
  void legacyTimestampIsAcceptedByLenientAndRejectedByStrict() {
    JsonNode legacy = payload("D-LEGACY-TIMESTAMP");

    assertThat(lenient(legacy)).isEmpty();
    assertThat(strict(legacy)).containsExactly("/data/registrationTimestamp");
    JsonNode lenientTimestamp = PublishedSchemas.profile("lenient").get("defs.json").at("/$defs/timestamp");
    assertThat(lenientTimestamp.path("webconnexLegacyTimestamp").asBoolean()).isTrue();
    assertThat(PublishedSchemas.profile("strict").get("defs.json").at("/$defs/timestamp").has("webconnexLegacyTimestamp"))
        .isFalse();
    JsonNode neither = with(legacy, "/data/registrationTimestamp", TextNode.valueOf("02/12/2015 16:26"));
    assertThat(lenient(neither)).containsExactly("/data/registrationTimestamp");
  }

  @Test
  @DisplayName("D-ONE-TEXT-FIELDS: a field only one text lists is optional in strict; one both texts list is required")
  void fieldsListedByOneTextAreOptionalInStrict() {
    JsonNode registration = payload("D-ONE-TEXT-FIELDS");

    assertThat(strict(registration)).isEmpty();
    JsonNode subscription = SamplesTest.sample("subscription.json");
    for (String pointer : List.of("/customerId", "/data/currency", "/data/transactionId")) {
      subscription = without(subscription, pointer);
    }
    assertThat(strict(subscription)).isEmpty();
    assertThat(strict(without(SamplesTest.sample("inventory_90.json"), "/eventId"))).isEmpty();
    assertThat(strict(without(SamplesTest.sample("coupon.json"), "/eventId"))).isEmpty();
    assertThat(SamplesTest.sample("publish.json").has("lookupId")).isFalse();
    assertThat(strict(SamplesTest.sample("publish.json"))).isEmpty();
    assertThat(strict(without(registration, "/data/transactionReference"))).containsExactly("/data/transactionReference");
    assertThat(strict(without(registration, "/data/lookupId"))).containsExactly("/data/lookupId");
  }

  @Test
  @DisplayName("D-TEST-META: the test event may carry meta but need not")
  void testEventMetaIsAllowedAndOptional() {
    JsonNode withoutMeta = payload("D-TEST-META");

    assertThat(strict(withoutMeta)).isEmpty();
    assertThat(strict(SamplesTest.sample("test.json"))).isEmpty();
    JsonNode badMeta = with(withoutMeta, "/meta", TextNode.valueOf("Example webhook"));
    assertThat(lenient(badMeta)).containsExactly("/meta");
    assertThat(strict(badMeta)).containsExactly("/meta");
  }

  @Test
  @DisplayName("D-BIG-IDS: 19-digit ids are strings; a JSON number fails both profiles")
  void bigIdsSentAsNumbersFailBothProfiles() {
    JsonNode numericIds = payload("D-BIG-IDS");

    assertThat(numericIds.at("/data/id").isNumber()).isTrue();
    assertThat(lenient(numericIds)).containsExactlyInAnyOrder("/data/id", "/data/registrants/0/id");
    assertThat(strict(numericIds)).containsExactlyInAnyOrder("/data/id", "/data/registrants/0/id");
  }

  @Test
  @DisplayName("D-OLDER-EXTRAS: fields of older payloads pass lenient and are errors in strict, except data.metrics")
  void olderExtrasAreObservedFieldsThatBothProfilesAcceptAndAnUnknownOneStillFailsStrict() throws IOException {
    JsonNode older = payload("D-OLDER-EXTRAS");
    JsonNode fields = PublishedSchemas.MAPPER.readTree(
        MODULE.resolve("src/main/resources/webconnex/schemas/v1/fields.json").toFile()).at("/events/registration");
    Set<String> observed = new TreeSet<>();
    fields.forEach(field -> {
      if (field.has("observed")) {
        observed.add(field.get("pointer").asText());
      }
    });

    assertThat(lenient(older)).isEmpty();
    assertThat(strict(older)).as("observed fields carry webconnexObserved in strict, not an error").isEmpty();
    assertThat(observed).contains(
        "/data/billing/company", "/data/billing/token", "/data/billing/address/street2",
        "/data/billing/card/cvvCode", "/data/hash", "/meta/appUrl");
    assertThat(older.at("/data/metrics/transactionDuration").isMissingNode()).isFalse();
    assertThat(older.at("/data/billing/check").isEmpty()).as("check sent as {}").isTrue();
    JsonNode unknown = with(older, "/data/billing/favouriteColour", TextNode.valueOf("green"));
    assertThat(strict(unknown)).containsExactly("/data/billing/favouriteColour");
    assertThat(lenient(unknown)).isEmpty();
  }

  @Test
  @DisplayName("D-EVENT-NAMES: registrant_edit and registrant_cancel are not documented event names")
  void reversedRegistrantEventNamesAreNotDocumented() {
    JsonNode reversed = payload("D-EVENT-NAMES");
    JsonNode events = PublishedSchemas.index().path("events");

    assertThat(events.has("registrant_edit")).isFalse();
    assertThat(events.has("registrant_cancel")).isFalse();
    Set<String> files = new LinkedHashSet<>();
    events.forEach(f -> files.add(f.asText()));
    for (String name : List.of("registrant_edit", "registrant_cancel")) {
      JsonNode named = with(reversed, "/eventType", TextNode.valueOf(name));
      for (String file : files) {
        assertThat(lenient(named, file)).as("%s under lenient %s", name, file).contains("/eventType");
        assertThat(strict(named, file)).as("%s under strict %s", name, file).contains("/eventType");
      }
    }
  }

  @Test
  void everyDecisionIdUsedInTheTestsIsAHeadingOfTheDiscrepanciesPage() throws IOException {
    Set<String> defined = definedDecisions();
    Set<String> used = usedDecisions();

    assertThat(defined).as("decisions defined in " + PAGE).isNotEmpty();
    assertThat(used).as("decision ids used in src/test/java but not defined in " + PAGE).isSubsetOf(defined);
  }

  @Test
  void everyDecisionOfTheDiscrepanciesPageIsReferencedByATest() throws IOException {
    Set<String> defined = definedDecisions();
    Set<String> used = usedDecisions();

    assertThat(defined).as("decisions of " + PAGE + " that no test references").isSubsetOf(used);
  }

  // ---------------------------------------------------------------------------------------------

  private static Set<String> definedDecisions() throws IOException {
    Set<String> defined = new TreeSet<>();
    Matcher heading = DECISION_HEADING.matcher(Files.readString(PAGE));
    while (heading.find()) {
      defined.add(heading.group(1));
    }
    return defined;
  }

  private static Set<String> usedDecisions() throws IOException {
    Set<String> used = new TreeSet<>();
    try (Stream<Path> files = Files.walk(MODULE.resolve("src/test/java"))) {
      for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".java"))::iterator) {
        Matcher id = DECISION_ID.matcher(Files.readString(file));
        while (id.find()) {
          used.add(id.group());
        }
      }
    }
    return used;
  }

  private static JsonNode payload(String decision) {
    return PublishedSchemas.resource("discrepancies/" + decision + ".json");
  }

  /** The distinct pointers of the lenient errors, for the schema of the payload's event type. */
  private static List<String> lenient(JsonNode payload) {
    return lenient(payload, SchemaValidation.fileFor(payload.path("eventType").asText()));
  }

  private static List<String> strict(JsonNode payload) {
    return strict(payload, SchemaValidation.fileFor(payload.path("eventType").asText()));
  }

  private static List<String> lenient(JsonNode payload, String file) {
    return SchemaValidation.pointers(SchemaValidation.validate("lenient", file, payload)).stream().distinct().toList();
  }

  private static List<String> strict(JsonNode payload, String file) {
    return SchemaValidation.pointers(SchemaValidation.validate("strict", file, payload)).stream().distinct().toList();
  }

  /** A copy of the payload with the member at the pointer set (added if absent) to the value. */
  private static JsonNode with(JsonNode payload, String pointer, JsonNode value) {
    JsonNode copy = payload.deepCopy();
    int slash = pointer.lastIndexOf('/');
    JsonNode parent = copy.at(pointer.substring(0, slash));
    String name = pointer.substring(slash + 1);
    if (parent.isArray()) {
      ((com.fasterxml.jackson.databind.node.ArrayNode) parent).set(Integer.parseInt(name), value.deepCopy());
    } else {
      ((ObjectNode) parent).set(name, value.deepCopy());
    }
    return copy;
  }

  /** A copy of the payload without the member at the pointer, which must exist. */
  private static JsonNode without(JsonNode payload, String pointer) {
    JsonNode copy = payload.deepCopy();
    assertThat(copy.at(pointer).isMissingNode()).as("%s must be in the payload to be removed", pointer).isFalse();
    int slash = pointer.lastIndexOf('/');
    ((ObjectNode) copy.at(pointer.substring(0, slash))).remove(pointer.substring(slash + 1));
    return copy;
  }

  /** Lists every property named lookupId that does not resolve to defs.json's lookupId. */
  private static void lookupIds(String file, JsonNode node, String pointer, Map<String, JsonNode> schemas,
      List<String> notShared) {
    if (!node.isContainerNode()) {
      return;
    }
    JsonNode lookupId = node.path("properties").get("lookupId");
    if (lookupId != null) {
      Located resolved = ConformanceChecker.deref(schemas, new Located(file, lookupId));
      JsonNode shared = schemas.get("defs.json").at("/$defs/lookupId");
      if (resolved == null || resolved.node() != shared) {
        notShared.add(file + "#" + pointer + "/properties/lookupId");
      }
    }
    node.fields().forEachRemaining(child -> lookupIds(file, child.getValue(), pointer + "/" + child.getKey(), schemas, notShared));
    if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        lookupIds(file, node.get(i), pointer + "/" + i, schemas, notShared);
      }
    }
  }
}
