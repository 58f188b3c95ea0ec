package io.webconnexkit.wiremock;

import io.webconnexkit.wiremock.internal.Text;
import java.util.List;

/**
 * What one event became: a delivery for every webhook that wanted it, and for every other webhook
 * the reason it was skipped (disabled, not toggled on for the event, another form).
 */
public record SendResult(List<DeliveryLog> deliveries, List<Skipped> skipped) {

  /**
   * Copies both lists: a result does not change.
   *
   * @param deliveries one logged attempt per webhook sent to; copied
   * @param skipped one entry per webhook that was not sent the event; copied
   */
  public SendResult {
    deliveries = List.copyOf(deliveries);
    skipped = List.copyOf(skipped);
  }

  /** A webhook that did not get the event, and why. */
  public record Skipped(long webhookId, String webhookName, String reason) {
    /** {@code webhook 2 "Archive": skipped: disabled}, the name quoted and escaped. */
    @Override
    public String toString() {
      return "webhook " + webhookId + " " + Text.quote(webhookName) + ": skipped: " + reason;
    }
  }
}
