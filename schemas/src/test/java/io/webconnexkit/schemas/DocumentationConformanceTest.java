package io.webconnexkit.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DocumentationConformanceTest {

  private final List<DocumentationTables.Row> rows = DocumentationTables.all();

  @Test
  void readsEveryTableOfBothTexts() {
    assertThat(rows).extracting(DocumentationTables.Row::section).contains(
        "Registration Notification", "Form Publish Notification", "Subscription / Reoccurring Notification",
        "Reoccurring SMS Donation Notification (Beta)", "Inventory Notification", "Coupons Notification",
        "Edit/Cancel Registrant Notification", "Edit/Cancel Ticket Notification",
        "Registration", "Form Publish", "Subscription", "Inventory", "Coupons", "Test");
    assertThat(rows).filteredOn(r -> r.text().equals("help-centre")).hasSizeGreaterThan(130);
    assertThat(rows).filteredOn(r -> r.text().equals("api-docs")).hasSizeGreaterThan(100);
  }

  @Test
  void everyDocumentedParameterIsInItsSchemaWithACompatibleTypeAndTheDocumentedDescription() {
    List<String> findings =
        new ConformanceChecker(PublishedSchemas.profile("lenient"), PublishedSchemas.profile("strict")).check(rows);
    assertThat(findings).isEmpty();
  }

  @Test
  void namesADocumentedFieldRemovedFromACopyOfASchema() {
    Map<String, JsonNode> lenient = new HashMap<>(PublishedSchemas.profile("lenient"));
    ObjectNode registration = (ObjectNode) lenient.get("registration.json").deepCopy();
    ((ObjectNode) registration.at("/properties/data/properties")).remove("total");
    lenient.put("registration.json", registration);

    List<String> findings = new ConformanceChecker(lenient, PublishedSchemas.profile("strict")).check(rows);

    assertThat(findings).anySatisfy(f -> assertThat(f).startsWith("registration.json: data.total is documented")
        .contains("missing from the schema"));
  }

  @Test
  void namesADocumentedTypeTheSchemaContradicts() {
    Map<String, JsonNode> lenient = new HashMap<>(PublishedSchemas.profile("lenient"));
    ObjectNode inventory = (ObjectNode) lenient.get("inventory.json").deepCopy();
    ((ObjectNode) inventory.at("/properties/data/properties/itemName")).put("type", "integer");
    lenient.put("inventory.json", inventory);

    List<String> findings = new ConformanceChecker(lenient, PublishedSchemas.profile("strict")).check(rows);

    assertThat(findings).anySatisfy(f -> assertThat(f).startsWith("inventory.json: data.itemName is documented as string"));
  }

  @Test
  void namesAStrictSchemaThatNoLongerRequiresADocumentedField() {
    Map<String, JsonNode> strict = new HashMap<>(PublishedSchemas.profile("strict"));
    ObjectNode publish = (ObjectNode) strict.get("publish.json").deepCopy();
    ((ObjectNode) publish.at("/properties/data")).putArray("required").add("id");
    strict.put("publish.json", publish);

    List<String> findings = new ConformanceChecker(PublishedSchemas.profile("lenient"), strict).check(rows);

    assertThat(findings).contains(
        "publish.json: data.name is documented as always present in every text but the strict profile does not require it");
  }

  @Test
  void theHelpCentreEmailRowsWithoutANameAreReadAsEmail() {
    assertThat(rows)
        .filteredOn(r -> "D-EMAIL-ROW".equals(r.repaired()))
        .extracting(DocumentationTables.Row::section, DocumentationTables.Row::parameter, DocumentationTables.Row::type)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("Subscription / Reoccurring Notification", "email", "string"),
            org.assertj.core.groups.Tuple.tuple("Reoccurring SMS Donation Notification (Beta)", "email", "string"));
  }
}
