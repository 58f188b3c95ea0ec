package io.webconnexkit.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * Payloads shaped like the ones receivers really get (src/test/resources/payloads): 19-digit ids as
 * strings, money with cents, the legacy timestamp, lookupId both ways, a global coupon's null
 * formId, an unknown event, and fields no table lists at every level. Each binds without losing
 * anything: the typed values are exact and the rest is in {@code extras()}.
 */
class RealShapedPayloadsTest {

  private static final byte[] REGISTRATION = Json.resource("payloads/registration-real-shaped.json");

  @Test
  void nineteenDigitIdsStayExactStrings() {
    RegistrationEvent event = WebconnexEvents.parse(REGISTRATION, RegistrationEvent.class);

    assertThat(event.data().id()).isEqualTo("1450805189464127571");
    assertThat(event.data().registrants().get(0).id()).isEqualTo("1450805189470200001");
    assertThat(event.data().tickets().get(0).id()).isEqualTo("1450805189470200002");
  }

  @Test
  void moneyIsBigDecimalWithTheCentsAndScaleAsSent() {
    RegistrationEvent event = WebconnexEvents.parse(REGISTRATION, RegistrationEvent.class);

    assertThat(event.data().total()).isEqualTo(new BigDecimal("20.6"));
    assertThat(event.data().deductibleTotal()).isEqualTo(new BigDecimal("20.60"));
    assertThat(event.data().tickets().get(0).fee()).isEqualTo(new BigDecimal("2.5"));
    RegOptionsField options = event.data().registrants().get(0).field("registrationOptions", RegOptionsField.class).orElseThrow();
    assertThat(options.options().get(0).amount()).as("a decimal string").isEqualTo(new BigDecimal("20.60"));
    assertThat(WebconnexEvents.toTree(options.options().get(0)).get("amount")).isEqualTo(TextNode.valueOf("20.60"));
    assertThat(WebconnexEvents.toTree(event).at("/data/deductibleTotal").decimalValue()).isEqualTo(new BigDecimal("20.60"));
  }

  @Test
  void theLegacyTimestampIsReadAndWrittenBackAsSent() {
    RegistrationEvent event = WebconnexEvents.parse(REGISTRATION, RegistrationEvent.class);

    Timestamp timestamp = event.data().registrationTimestamp();
    assertThat(timestamp.instant()).isEqualTo(Instant.parse("2015-12-02T16:26:58Z"));
    assertThat(timestamp.isLegacyForm()).isTrue();
    assertThat(WebconnexEvents.toTree(event).at("/data/registrationTimestamp").textValue())
        .isEqualTo("2015-12-02 16:26:58 +0000");
  }

  @Test
  void rfc3339TimestampsKeepTheirOffsetAndFraction() {
    CouponEvent coupon = WebconnexEvents.parse(Json.resource("payloads/coupon-global.json"), CouponEvent.class);

    assertThat(coupon.data().dateCreated().instant()).isEqualTo(Instant.parse("2016-01-29T06:14:28Z"));
    assertThat(coupon.data().dateCreated().text()).isEqualTo("2016-01-29T06:14:28.000Z");
    assertThat(coupon.data().dateUpdated().offsetDateTime())
        .isEqualTo(OffsetDateTime.of(2016, 3, 3, 12, 38, 48, 0, ZoneOffset.ofHours(-8)));
    assertThat(coupon.data().dateUpdated().text()).isEqualTo("2016-03-03T12:38:48-08:00");
  }

  @Test
  void lookupIdKeepsTheFormItWasSentIn() {
    RegistrationEvent event = WebconnexEvents.parse(REGISTRATION, RegistrationEvent.class);
    InventoryEvent inventory = WebconnexEvents.parse(Json.resource("payloads/inventory-string-id.json"), InventoryEvent.class);

    assertThat(event.data().lookupId()).isEqualTo(WebconnexId.of("1471026990929548076"));
    assertThat(event.data().lookupId().asLong()).isEqualTo(1471026990929548076L);
    assertThat(event.data().tickets().get(0).lookupId()).isEqualTo(WebconnexId.of("3172"));
    assertThat(inventory.data().lookupId()).isEqualTo(WebconnexId.of(33764));
    assertThat(inventory.data().id()).isEqualTo(WebconnexId.of("33764"));
    assertThat(inventory.data().id().sameIdAs(inventory.data().lookupId())).isTrue();
    assertThat(Json.canonical(WebconnexEvents.toTree(inventory).at("/data/lookupId"))).isEqualTo("33764");
    assertThat(Json.canonical(WebconnexEvents.toTree(inventory).at("/data/id"))).isEqualTo("\"33764\"");
  }

  @Test
  void fieldsTheContractMarksObservedAreComponentsAndFieldsItDoesNotKnowAreKeptInExtras() {
    RegistrationEvent event = WebconnexEvents.parse(REGISTRATION, RegistrationEvent.class);
    RegistrationEvent.Data data = event.data();

    assertThat(data.hash()).isEqualTo("1450805189464127571");
    assertThat(data.billing().company()).isEqualTo("Acme");
    assertThat(data.billing().token()).isEqualTo(TextNode.valueOf("tok_4242"));
    assertThat(data.billing().address().street2()).isEqualTo("Suite 100");
    assertThat(data.billing().card().present()).isEqualTo(BooleanNode.FALSE);
    assertThat(data.billing().name().middleInitial()).isEqualTo("Q");
    assertThat(data.registrants().get(0).lookupId()).isEqualTo(WebconnexId.of(3171));
    assertThat(event.meta().appToken()).isEqualTo("example-token");
    assertThat(event.meta().appUrl()).isEqualTo("https://example.com/hooks");

    assertThat(event.extras()).containsOnlyKeys("webhookVersion");
    assertThat(data.extras()).isEmpty();
    assertThat(data.metrics().get("transactionDuration")).isEqualTo(DecimalNode.valueOf(new BigDecimal("1.520000000000000000001")));
    assertThat(data.billing().name().extras()).as("suffix is observed on billing, not on its name").containsOnlyKeys("suffix");
    assertThat(data.billing().check().extras()).isEmpty();
    assertThat(data.tickets().get(0).extras()).containsOnlyKeys("seat");
    assertThat(data.registrants().get(0).field("registrationOptions", RegOptionsField.class).orElseThrow().options().get(0)
        .extras()).containsOnlyKeys("inventory");
    assertThat(Json.roundTripOf(event)).isEqualTo(Json.canonical(Json.tree(REGISTRATION)));
  }

  @Test
  void fieldValuesAreASealedFamilyLookedUpByKey() {
    Registrant registrant = WebconnexEvents.parse(REGISTRATION, RegistrationEvent.class).data().registrants().get(0);

    NameField name = registrant.field("name", NameField.class).orElseThrow();
    assertThat(name.first().value()).isEqualTo("Robert");
    assertThat(name.extras()).as("a part the docs do not show").containsOnlyKeys("middle");
    assertThat(registrant.field("email")).containsInstanceOf(EmailField.class);
    assertThat(registrant.field("email", EmailField.class).orElseThrow().value()).isEqualTo("robert.jones@example.com");
    OtherField select = registrant.field("tshirtSize", OtherField.class).orElseThrow();
    assertThat(select.type()).isEqualTo("select");
    assertThat(select.extras().get("value").textValue()).isEqualTo("M");
    assertThat(registrant.field("emergencyContact", OtherField.class).orElseThrow().type()).isEqualTo("textField");
    assertThat(registrant.field("email", NameField.class)).as("another record").isEmpty();
    assertThat(registrant.field("noSuchField")).isEmpty();
  }

  @Test
  void aGlobalCouponKeepsItsNullFormIdAndWritesItBack() {
    byte[] body = Json.resource("payloads/coupon-global.json");

    CouponEvent coupon = WebconnexEvents.parse(body, CouponEvent.class);

    assertThat(coupon.formId()).as("no top-level formId").isNull();
    assertThat(coupon.data().formId()).isNull();
    assertThat(coupon.data().extras()).containsOnlyKeys("formId");
    assertThat(coupon.data().discounts().get(0).value()).isEqualTo(new BigDecimal("12.50"));
    assertThat(coupon.data().discounts().get(0).valueType()).isEqualTo("Fixed");
    assertThat(Json.roundTripOf(coupon)).isEqualTo(Json.canonical(Json.tree(body)));
  }

  @Test
  void anUndocumentedEventTypeIsAnUnknownEventWithItsDataWhole() {
    byte[] body = Json.resource("payloads/ping.json");

    WebconnexEvent event = WebconnexEvents.parse(body);

    assertThat(event).isInstanceOf(UnknownEvent.class);
    UnknownEvent ping = (UnknownEvent) event;
    assertThat(ping.eventType()).isEqualTo("ping");
    assertThat(ping.formId()).isZero();
    assertThat(ping.data().get("webhookId").intValue()).isEqualTo(1234);
    assertThat(Json.roundTripOf(ping)).isEqualTo(Json.canonical(Json.tree(body)));
  }

  @Test
  void eventsAndFieldValuesAreSealedFamiliesOfTheDocumentedRecordsAndOneForTheRest() {
    assertThat(WebconnexEvent.class.isSealed()).isTrue();
    assertThat(WebconnexEvent.class.getPermittedSubclasses()).containsExactlyInAnyOrder(RegistrationEvent.class,
        PublishEvent.class, SubscriptionEvent.class, SmsEvent.class, InventoryEvent.class, CouponEvent.class,
        RegistrantEvent.class, TicketEvent.class, TestEvent.class, UnknownEvent.class);
    assertThat(FieldValue.class.isSealed()).isTrue();
    assertThat(FieldValue.class.getPermittedSubclasses()).containsExactlyInAnyOrder(NameField.class, AddressField.class,
        EmailField.class, RegOptionsField.class, OtherField.class);
  }
}
