package io.webconnexkit.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The model through users' own mappers, configured as users configure them. */
class JacksonModuleTest {

  private static final byte[] REGISTRATION = Json.resource("payloads/registration-real-shaped.json");

  /** A user's class that holds events, as a queue message or an audit row might. */
  record Stored(String deliveryId, WebconnexEvent event, List<Timestamp> seen) {}

  @Test
  void aMapperWithTheModuleBindsExactlyAsParseDoes() throws Exception {
    ObjectMapper mapper = new ObjectMapper().registerModule(new WebconnexModule());

    WebconnexEvent event = mapper.readValue(REGISTRATION, WebconnexEvent.class);
    RegistrationEvent direct = mapper.readValue(REGISTRATION, RegistrationEvent.class);

    assertThat(event).isEqualTo(WebconnexEvents.parse(REGISTRATION)).isEqualTo(direct);
    assertThat(Json.canonical(Json.tree(mapper.writeValueAsBytes(event)))).isEqualTo(Json.canonical(Json.tree(REGISTRATION)));
  }

  @Test
  void theMapperSettingsThatWouldLoseDataDoNotApplyToTheModel() throws Exception {
    ObjectMapper mapper = JsonMapper.builder()
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .addModule(new WebconnexModule())
        .build();

    RegistrationEvent event = mapper.readValue(REGISTRATION, RegistrationEvent.class);

    assertThat(event.data().deductibleTotal()).isEqualTo(new BigDecimal("20.60"));
    assertThat(event.extras()).containsKey("webhookVersion");
    assertThat(mapper.readTree(mapper.writeValueAsBytes(event)).at("/data/registrationTimestamp").textValue())
        .isEqualTo("2015-12-02 16:26:58 +0000");
  }

  @Test
  void theModuleIsFoundByTheServiceLoader() throws Exception {
    ObjectMapper mapper = JsonMapper.builder().findAndAddModules().build();

    assertThat(mapper.getRegisteredModuleIds()).contains(WebconnexModule.class.getName());
    assertThat(mapper.readValue(REGISTRATION, WebconnexEvent.class)).isInstanceOf(RegistrationEvent.class);
  }

  @Test
  void eventsInsideUsersOwnClassesBindAndWriteBack() throws Exception {
    ObjectMapper mapper = new ObjectMapper().findAndRegisterModules();
    Stored stored = new Stored("b473fe314def43ccacc10ec75aae1451", WebconnexEvents.parse(REGISTRATION),
        List.of(Timestamp.parse("2015-12-02 16:26:58 +0000")));

    Stored again = mapper.readValue(mapper.writeValueAsBytes(stored), Stored.class);

    assertThat(again).isEqualTo(stored);
  }

  @Test
  void aValueThatDoesNotFitIsJacksonsInputMismatchNamingThePlace() {
    ObjectMapper mapper = new ObjectMapper().registerModule(new WebconnexModule());
    byte[] body = Json.resource("payloads/registration-total-as-string.json");

    MismatchedInputException failure = catchThrowableOfType(MismatchedInputException.class,
        () -> mapper.readValue(body, WebconnexEvent.class));

    assertThat(failure.getOriginalMessage())
        .isEqualTo("Cannot bind WebconnexEvent: /data/total: expected a number but found the string \"100\"");
  }

  @Test
  void anAmountStringThatABigDecimalWouldWriteDifferentlyIsAMismatchNotAChange() throws Exception {
    ObjectMapper mapper = new ObjectMapper().registerModule(new WebconnexModule());

    RegOption plain = mapper.readValue("{\"key\":\"option1\",\"amount\":\"12.50\"}", RegOption.class);
    MismatchedInputException padded = catchThrowableOfType(MismatchedInputException.class,
        () -> mapper.readValue("{\"key\":\"option1\",\"amount\":\"0100\"}", RegOption.class));

    assertThat(plain.amount()).isEqualTo(new BigDecimal("12.50"));
    assertThat(padded.getOriginalMessage()).isEqualTo("Cannot bind RegOption: /amount: the amount \"0100\" cannot be held as"
        + " a BigDecimal without changing its text (leading zeros or -0)");
  }

  @Test
  void aRecordAskedForByAnotherEventTypeIsAMismatch() {
    ObjectMapper mapper = new ObjectMapper().registerModule(new WebconnexModule());
    byte[] ping = Json.resource("payloads/ping.json");

    MismatchedInputException failure = catchThrowableOfType(MismatchedInputException.class,
        () -> mapper.readValue(Json.resource("payloads/coupon-global.json"), RegistrationEvent.class));

    assertThat(failure.getOriginalMessage()).endsWith("/eventType: is \"coupon\", but RegistrationEvent holds registration");
    assertThat(catchThrowableOfType(MismatchedInputException.class, () -> mapper.readValue(ping, RegistrantEvent.class))
        .getOriginalMessage()).endsWith("is \"ping\", but RegistrantEvent holds cancel_registrant and edit_registrant");
  }
}
