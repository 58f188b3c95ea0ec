package io.webconnexkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.webconnexkit.validator.EventType;
import io.webconnexkit.wiremock.DeliveryLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole loop over real HTTP on 127.0.0.1: the mock delivers to a receiver, pull records the
 * deliveries from the mock's logs API, validate accepts what was pulled, and replay sends it to a
 * second receiver that checks every signature with its own secret; then deliveries carrying what
 * the test plants (an undocumented field, a type mismatch, an undocumented event type) are pulled
 * on top, and drift over the pulled records reports each of them.
 */
class RecordAndReplayLoopTest {

  static final Map<String, String> ENV = Map.of("WEBCONNEX_API_KEY", "loop-api-key", "RECEIVER_SECRET", "second-receiver-secret");

  @TempDir Path temp;

  @Test
  void recordValidateReplay() throws Exception {
    try (TrafficServers.Receiver first = new TrafficServers.Receiver();
        TrafficServers.Receiver second = new TrafficServers.Receiver();
        TrafficServers.Mock mock = new TrafficServers.Mock(first.url("/webhooks"), "webconnex-secret", b -> b.apiKey("loop-api-key"))) {
      List<DeliveryLog> sent = new ArrayList<>();
      for (EventType type : List.of(EventType.REGISTRATION, EventType.SUBSCRIPTION, EventType.COUPON, EventType.CANCEL_TICKET)) {
        sent.addAll(mock.webconnex.send(type).deliveries());
      }
      assertThat(first.hits()).hasSize(4).allSatisfy(h -> assertThat(h.signedWith("webconnex-secret")).isTrue());
      Path dir = temp.resolve("pulled");
      Path archive = temp.resolve("pulled.jsonl");

      CliRun pulled = CliRun.run(ENV, new byte[0], "pull", "--webhook", "1", "--api-key-env", "WEBCONNEX_API_KEY", "--base-url",
          mock.base(), "--out", dir.toString());
      CliRun archived = CliRun.run(ENV, new byte[0], "pull", "--webhook", "1", "--api-key-env", "WEBCONNEX_API_KEY", "--base-url",
          mock.base(), "--out", archive.toString());

      assertThat(pulled.exitCode()).as(pulled.err()).isZero();
      assertThat(archived.exitCode()).as(archived.err()).isZero();
      try (var files = Files.list(dir)) {
        assertThat(files).hasSize(4);
      }
      CliRun validated = CliRun.run("validate", dir.toString(), archive.toString());
      assertThat(validated.exitCode()).as(validated.out() + validated.err()).isZero();

      CliRun replayed = CliRun.run(ENV, new byte[0], "replay", "--to", second.url("/replayed"), "--secret-env", "RECEIVER_SECRET",
          dir.toString());

      assertThat(replayed.exitCode()).as(replayed.out() + replayed.err()).isZero();
      assertThat(replayed.out()).endsWith("replayed 4 deliveries to " + second.url("/replayed") + ": 4 answered 2xx, 0 did not\n");
      List<TrafficServers.Receiver.Hit> hits = second.hits();
      assertThat(hits).hasSize(4).allSatisfy(h -> assertThat(h.signedWith("second-receiver-secret")).isTrue());
      ObjectMapper json = new ObjectMapper();
      for (int i = 0; i < 4; i++) {
        // In their recorded order (the directory's files sort by log id), the same payloads as first sent.
        JsonNode original = json.readTree(sent.get(i).requestBody());
        assertThat(json.readTree(hits.get(i).body())).isEqualTo(original);
        assertThat(hits.get(i).header("X-Webconnex-Event")).isEqualTo(sent.get(i).eventType());
        assertThat(hits.get(i).header("X-Webconnex-Delivery")).isNotEqualTo(sent.get(i).deliveryId());
      }

      // What real traffic may carry beyond the docs, planted, pulled on top of the rest (a resumed pull), then drift.
      mock.webconnex.send(io.webconnexkit.wiremock.WebconnexWebhooks.deliver(EventType.REGISTRATION)
          .with("/data/favouriteColour", "teal"));
      mock.webconnex.send(io.webconnexkit.wiremock.WebconnexWebhooks.deliver(EventType.COUPON).with("/accountId", "14"));
      mock.webconnex.send(io.webconnexkit.wiremock.WebconnexWebhooks.deliver(EventType.TEST)
          .withBody("{\"eventType\":\"ping\",\"accountId\":1,\"formId\":2,\"data\":{}}"));
      CliRun resumed = CliRun.run(ENV, new byte[0], "pull", "--webhook", "1", "--api-key-env", "WEBCONNEX_API_KEY", "--base-url",
          mock.base(), "--out", dir.toString());
      assertThat(resumed.exitCode()).as(resumed.err()).isZero();
      try (var files = Files.list(dir)) {
        assertThat(files).hasSize(7);
      }

      CliRun drift = CliRun.run("drift", "--format", "json", dir.toString());

      assertThat(drift.exitCode()).as(drift.err()).isZero();
      JsonNode report = json.readTree(drift.out());
      assertThat(report.get("payloads").intValue()).isEqualTo(7);
      assertThat(report.findValuesAsText("pointer")).contains("/data/favouriteColour", "/accountId");
      assertThat(report.at("/unknownEventTypes").findValuesAsText("eventType")).contains("ping");
      JsonNode coupon = null;
      for (JsonNode event : report.get("events")) {
        if (event.get("eventType").asText().equals("coupon")) {
          coupon = event;
        }
      }
      assertThat(coupon).isNotNull();
      assertThat(coupon.get("typeMismatches").findValuesAsText("pointer")).contains("/accountId");
    }
  }
}
