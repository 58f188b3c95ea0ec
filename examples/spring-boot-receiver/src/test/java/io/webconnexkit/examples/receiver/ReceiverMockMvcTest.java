package io.webconnexkit.examples.receiver;

import static io.webconnexkit.spring.test.WebconnexRequestPostProcessors.webconnex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.webconnexkit.spring.test.WebconnexDeliveryPostProcessor;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.web.servlet.MockMvc;

/** The receiver through MockMvc: the starter's test support signs each delivery with the application's secret. */
@SpringBootTest(properties = "webconnex.signing-secrets=mock-mvc-test-secret")
@AutoConfigureMockMvc
class ReceiverMockMvcTest {

  @Autowired
  MockMvc mockMvc;

  @Autowired
  Orders orders;

  @Test
  void aRegistrationIsRecordedOnceWithItsTotal() throws Exception {
    WebconnexDeliveryPostProcessor delivery = webconnex().registration()
        .set("/data/orderNumber", "MOCKMVC-1001")
        .set("/data/total", 250);

    mockMvc.perform(post("/webhooks/webconnex").with(delivery))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("accepted"));
    mockMvc.perform(post("/webhooks/webconnex").with(delivery))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("duplicate"));

    assertThat(orders.withNumber("MOCKMVC-1001")).singleElement()
        .satisfies(order -> assertThat(order.total()).isEqualTo(new BigDecimal("250")));
  }

  @Test
  void aForgedDeliveryIs401AndABrokenOneIs400() throws Exception {
    mockMvc.perform(post("/webhooks/webconnex").with(webconnex().registration().signedWith("not-the-secret")))
        .andExpect(status().isUnauthorized());
    mockMvc.perform(post("/webhooks/webconnex").with(webconnex().registration().set("/data/total", "100")))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.problems[0].pointer").value("/data/total"));
  }
}
