package io.webconnexkit.wiremock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** A log entry is a value: what it was made from can change afterwards, it cannot. */
class DeliveryLogTest {

  @Test
  void copiesTheHeadersItIsGivenAndHandsThemOutReadOnly() {
    Map<String, List<String>> sent = new LinkedHashMap<>();
    sent.put("X-Webconnex-Event", new ArrayList<>(List.of("registration")));
    sent.put("Content-Type", new ArrayList<>(List.of("application/json")));
    Map<String, List<String>> answered = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    answered.put("Content-Type", new ArrayList<>(List.of("text/plain")));

    DeliveryLog log = new DeliveryLog(1, "ABCDEFGHIJ", 1, null, "registration", null, DeliveryLog.Status.SUCCESS, 1,
        Instant.EPOCH, URI.create("http://127.0.0.1:9/hooks"), sent, new byte[] {'{', '}'}, 200, answered, "", null,
        false);
    sent.put("X-Added", List.of("later"));
    sent.get("X-Webconnex-Event").set(0, "changed");
    answered.clear();

    assertThat(log.requestHeaders().keySet()).containsExactly("X-Webconnex-Event", "Content-Type");
    assertThat(log.requestHeaders().get("X-Webconnex-Event")).containsExactly("registration");
    assertThat(log.responseHeaders().get("content-type")).as("a sorted map's ordering is kept").containsExactly("text/plain");
    assertThatThrownBy(() -> log.requestHeaders().put("X", List.of())).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> log.responseHeaders().get("Content-Type").add("x"))
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
