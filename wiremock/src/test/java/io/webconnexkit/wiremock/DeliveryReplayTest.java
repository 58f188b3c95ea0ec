package io.webconnexkit.wiremock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.webconnexkit.validator.RecordedDelivery;
import io.webconnexkit.validator.RecordedDeliveryReader;
import io.webconnexkit.validator.SigningSecret;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Recorded deliveries replayed from Java into a receiver through the mock, which logs them. */
class DeliveryReplayTest {

  static final String SECRET = "replay-receiver-secret";
  static final Receiver RECEIVER = Receivers.start();
  static final MockWebconnex WEBCONNEX = MockWebconnex.builder()
      .webhook(WebhookSettings.builder().id(3).name("Replays").url(RECEIVER.url("/replayed"))
          .signingSecret(SigningSecret.of(SECRET)).build())
      .timeout(Duration.ofSeconds(5))
      .build();

  @BeforeEach
  void clear() {
    RECEIVER.clear();
    WEBCONNEX.clearLog();
  }

  @AfterAll
  static void stop() {
    RECEIVER.close();
    WEBCONNEX.close();
  }

  static List<RecordedDelivery> recorded(String resource) throws IOException {
    try (InputStream in = DeliveryReplayTest.class.getResourceAsStream("/replay/" + resource)) {
      return RecordedDeliveryReader.standard().readAll(in.readAllBytes(), resource);
    }
  }

  @Test
  void aLogRecordIsSerialisedOnceSignedWithTheWebhooksSecretAndLogged() throws Exception {
    List<RecordedDelivery> records = recorded("log-record.json");

    List<DeliveryLog> logs = DeliveryReplay.standard().into(WEBCONNEX, 3, records);

    assertThat(logs).singleElement().satisfies(l -> {
      assertThat(l.status()).isEqualTo(DeliveryLog.Status.SUCCESS);
      assertThat(l.eventType()).isEqualTo("registration");
      assertThat(l.deliveryId()).matches("[0-9a-f]{32}").isNotEqualTo("b473fe314def43ccacc10ec75aae1451");
    });
    assertThat(WEBCONNEX.logs(3)).containsExactlyElementsOf(logs);
    Receiver.Received hit = RECEIVER.received().get(0);
    assertThat(hit.signedWith(SECRET)).as("signed over the exact bytes sent").isTrue();
    JsonNode recordedBody = Http.JSON.readTree(DeliveryReplayTest.class.getResourceAsStream("/replay/log-record.json"))
        .at("/data/request/body");
    assertThat(Http.JSON.readTree(hit.body())).isEqualTo(recordedBody);
    assertThat(hit.bodyText()).doesNotContain("\n").as("serialised once, compactly");
  }

  @Test
  void aJournalIsSentByteForByteAndKeepsWhatItIsAskedToKeep() throws Exception {
    List<RecordedDelivery> records = recorded("journal.json");

    List<DeliveryLog> logs = DeliveryReplay.standard().keepingSignature().keepingDeliveryId().into(WEBCONNEX, 3, records);

    assertThat(logs).hasSize(2);
    for (int i = 0; i < 2; i++) {
      RecordedDelivery record = records.get(i);
      Receiver.Received hit = RECEIVER.received().get(i);
      assertThat(hit.body()).isEqualTo(record.body());
      assertThat(hit.header("X-webconnex-delivery")).isEqualTo(record.delivery().orElseThrow()
          .header("X-Webconnex-Delivery").orElseThrow());
      assertThat(hit.header("X-webconnex-signature")).isEqualTo(record.delivery().orElseThrow()
          .header("X-Webconnex-Signature").orElseThrow());
    }
  }

  @Test
  void theRequestWithoutASecretOrForAnUnreadableRecordSaysWhy() throws Exception {
    RecordedDelivery bad = RecordedDeliveryReader.standard().readAll("{\"hello\": 1}".getBytes(), "bad.json").get(0);
    RecordedDelivery good = recorded("log-record.json").get(0);

    assertThatThrownBy(() -> DeliveryReplay.standard().request(bad, SigningSecret.of("s")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a Webconnex payload");
    assertThatThrownBy(() -> DeliveryReplay.standard().request(good, null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no signing secret");
    assertThatThrownBy(() -> DeliveryReplay.standard().into(WEBCONNEX, 99, List.of(good)))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("no webhook 99 is configured");
    assertThat(DeliveryReplay.standard().request(good, SigningSecret.of("s")).toString()).doesNotContain("Robert");
  }
}
