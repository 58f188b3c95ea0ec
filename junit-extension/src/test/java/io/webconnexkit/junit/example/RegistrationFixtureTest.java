// The test of docs/getting-started.md, shown there from the imports on (a reader's project has its own package).
package io.webconnexkit.junit.example;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.webconnexkit.junit.WebconnexPayload;
import org.junit.jupiter.api.Test;

class RegistrationFixtureTest {

  @Test
  void readsTheRecordedRegistration(@WebconnexPayload("webconnex/registration.json") JsonNode payload) {
    assertEquals("NWBGBY-1001", payload.at("/data/orderNumber").asText());
    assertEquals(100, payload.at("/data/total").intValue());
  }
}
