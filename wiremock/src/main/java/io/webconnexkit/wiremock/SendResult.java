package io.webconnexkit.wiremock;

import java.util.List;

/**
 * What one event became: a delivery for every webhook that wanted it, and for every other webhook
 * the reason it was skipped (disabled, not toggled on for the event, another form).
 */
public record SendResult(List<DeliveryLog> deliveries, List<Skipped> skipped) {

  public SendResult {
    deliveries = List.copyOf(deliveries);
    skipped = List.copyOf(skipped);
  }

  /** A webhook that did not get the event, and why. */
  public record Skipped(long webhookId, String webhookName, String reason) {
    @Override
    public String toString() {
      return "webhook " + webhookId + " \"" + webhookName + "\": skipped: " + reason;
    }
  }
}
