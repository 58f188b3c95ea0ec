package io.webconnexkit.spring;

import static io.webconnexkit.spring.test.WebconnexRequestPostProcessors.webconnex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.webconnexkit.model.RegistrationEvent;
import io.webconnexkit.spring.app.ReceiverApplication;
import io.webconnexkit.spring.app.Received;
import io.webconnexkit.spring.test.WebconnexDeliveryPostProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.web.servlet.MockMvc;

/**
 * {@code webconnex.on-invalid=accept} with the strict profile: a signed delivery that does not
 * conform is logged and handled when it can still be bound; one that cannot be bound is still 400.
 * A bad signature is 401 whatever the setting.
 */
@SpringBootTest(classes = ReceiverApplication.class, properties = {"webconnex.on-invalid=accept", "webconnex.profile=strict"})
@AutoConfigureMockMvc
class AcceptingNonconformingDeliveriesTest {

  @Autowired
  MockMvc mockMvc;

  @Autowired
  Received received;

  @Test
  void aNonconformingDeliveryThatStillBindsIsHandledAndAnswered200() throws Exception {
    WebconnexDeliveryPostProcessor delivery = webconnex().registration().without("/data/orderNumber").set("/data/extra", 1);

    mockMvc.perform(post("/webhooks/webconnex").with(delivery))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("accepted"));

    assertThat(received.of(delivery.delivery().header("X-Webconnex-Delivery").orElseThrow())).singleElement()
        .satisfies(call -> {
          RegistrationEvent event = (RegistrationEvent) call.event();
          assertThat(event.data().orderNumber()).isNull();
          assertThat(event.data().extras()).containsKey("extra");
        });
  }

  @Test
  void aDeliveryThatCannotBeBoundIsStill400() throws Exception {
    mockMvc.perform(post("/webhooks/webconnex").with(webconnex().registration().set("/data/total", "100")))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.problems[?(@.key == 'model.binding')].pointer").value("/data/total"));
  }

  @Test
  void aBadSignatureIsStill401() throws Exception {
    mockMvc.perform(post("/webhooks/webconnex").with(webconnex().registration().signedWith("not-the-secret")))
        .andExpect(status().isUnauthorized());
  }
}
