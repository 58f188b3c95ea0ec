package io.webconnexkit.spring;

import static io.webconnexkit.spring.test.WebconnexRequestPostProcessors.webconnex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.webconnexkit.model.CouponEvent;
import io.webconnexkit.model.RegistrationEvent;
import io.webconnexkit.model.UnknownEvent;
import io.webconnexkit.spring.app.ReceiverApplication;
import io.webconnexkit.spring.app.Received;
import io.webconnexkit.spring.test.WebconnexDeliveryPostProcessor;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.web.servlet.MockMvc;

/** The receiving endpoint of an application with the starter, through MockMvc and the starter's test support. */
@SpringBootTest(classes = ReceiverApplication.class)
@AutoConfigureMockMvc
class ReceivingEndpointTest {

  @Autowired
  MockMvc mockMvc;

  @Autowired
  Received received;

  @Test
  void aSignedConformingRegistrationReachesItsHandlerAsATypedEvent() throws Exception {
    WebconnexDeliveryPostProcessor delivery = webconnex().registration().set("/data/total", 250);

    mockMvc.perform(post("/webhooks/webconnex").with(delivery))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("accepted"))
        .andExpect(jsonPath("$.deliveryId").value(delivery.delivery().header("X-Webconnex-Delivery").orElseThrow()));

    String id = delivery.delivery().header("X-Webconnex-Delivery").orElseThrow();
    assertThat(received.of(id)).singleElement().satisfies(call -> {
      assertThat(call.handler()).isEqualTo("onRegistration");
      assertThat(((RegistrationEvent) call.event()).data().total()).isEqualTo(new BigDecimal("250"));
    });
  }

  @Test
  void aRepeatedDeliveryIsAnswered200WithoutCallingTheHandlerAgain() throws Exception {
    WebconnexDeliveryPostProcessor delivery = webconnex().registration();

    mockMvc.perform(post("/webhooks/webconnex").with(delivery)).andExpect(jsonPath("$.status").value("accepted"));
    mockMvc.perform(post("/webhooks/webconnex").with(delivery))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("duplicate"));

    assertThat(received.of(delivery.delivery().header("X-Webconnex-Delivery").orElseThrow())).hasSize(1);
  }

  @Test
  void aDeliverySignedWithTheSecretBeingRetiredVerifiesAndOneSignedWithAnotherIs401() throws Exception {
    mockMvc.perform(post("/webhooks/webconnex").with(webconnex().registration().signedWith("previous-test-secret")))
        .andExpect(status().isOk());
    mockMvc.perform(post("/webhooks/webconnex").with(webconnex().registration().signedWith("not-the-secret")))
        .andExpect(status().isUnauthorized())
        .andExpect(jsonPath("$.error").value("signature"))
        .andExpect(jsonPath("$.signature").value("invalid"));
    mockMvc.perform(post("/webhooks/webconnex").with(webconnex().registration().unsigned()))
        .andExpect(status().isUnauthorized())
        .andExpect(jsonPath("$.signature").value("missing"));
  }

  @Test
  void theSignatureIsCheckedBeforeTheBodyIsParsed() throws Exception {
    WebconnexDeliveryPostProcessor garbage = webconnex().body("{not json".getBytes()).eventHeader("registration");

    mockMvc.perform(post("/webhooks/webconnex").with(garbage.signedWith("not-the-secret")))
        .andExpect(status().isUnauthorized());
    mockMvc.perform(post("/webhooks/webconnex").with(webconnex().body("{not json".getBytes()).eventHeader("registration")))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.problems[0].key").value("payload.malformed"));
  }

  @Test
  void aNonconformingPayloadIs400WithEachProblemAndWhere() throws Exception {
    WebconnexDeliveryPostProcessor delivery = webconnex().registration().set("/data/total", "100");

    mockMvc.perform(post("/webhooks/webconnex").with(delivery))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.error").value("payload"))
        .andExpect(jsonPath("$.problems[0].pointer").value("/data/total"))
        .andExpect(jsonPath("$.problems[0].message").value("expected number but found string \"100\""))
        .andExpect(jsonPath("$.problems[0].line").isNumber());

    assertThat(received.of(delivery.delivery().header("X-Webconnex-Delivery").orElseThrow())).isEmpty();
  }

  @Test
  void headersThatAreNotWebconnexsAre400Too() throws Exception {
    mockMvc.perform(post("/webhooks/webconnex").with(webconnex().coupon().eventHeader("publish")))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.problems[0].key").value("delivery.event"));
  }

  @Test
  void anUndocumentedEventTypeGoesToTheUnknownEventHandler() throws Exception {
    WebconnexDeliveryPostProcessor ping = webconnex().fixture("webconnex/ping.json");

    mockMvc.perform(post("/webhooks/webconnex").with(ping)).andExpect(status().isOk());

    assertThat(received.of(ping.delivery().header("X-Webconnex-Delivery").orElseThrow())).singleElement()
        .satisfies(call -> assertThat(call.event()).isInstanceOf(UnknownEvent.class));
  }

  @Test
  void anEventTypeWithoutAHandlerIsAcknowledgedAndIgnored() throws Exception {
    mockMvc.perform(post("/webhooks/webconnex").with(webconnex().publish()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("ignored"));
  }

  @Test
  void aCatchAllHandlerOnAnotherPathTakesEveryEventWithItsReport() throws Exception {
    WebconnexDeliveryPostProcessor delivery = webconnex().fixture("webconnex/registration-legacy-timestamp.json");

    mockMvc.perform(put("/webhooks/everything").with(delivery)).andExpect(status().isOk());

    assertThat(received.of(delivery.delivery().header("X-Webconnex-Delivery").orElseThrow())).singleElement()
        .satisfies(call -> assertThat(call.handler()).isEqualTo("onAnything:1"));
  }

  @Test
  void aHandlerThatThrowsAnswers500AndTheResendIsHandled() throws Exception {
    WebconnexDeliveryPostProcessor delivery = webconnex().coupon().set("/data/name", "fail");

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> mockMvc.perform(post("/webhooks/webconnex").with(delivery)))
        .hasRootCauseMessage("the coupon store is down");
    mockMvc.perform(post("/webhooks/webconnex").with(delivery))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("accepted"));

    assertThat(received.of(delivery.delivery().header("X-Webconnex-Delivery").orElseThrow())).singleElement()
        .satisfies(call -> assertThat(call.event()).isInstanceOf(CouponEvent.class));
  }

  @Test
  void onlyPostAndPutAreDeliveries() throws Exception {
    mockMvc.perform(get("/webhooks/webconnex"))
        .andExpect(status().isMethodNotAllowed())
        .andExpect(header().string("Allow", "POST, PUT"));
  }
}
