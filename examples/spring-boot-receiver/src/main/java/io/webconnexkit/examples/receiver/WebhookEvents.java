package io.webconnexkit.examples.receiver;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Service;

/**
 * Does the real work for each accepted webhook, off the request thread, so that Webconnex gets its
 * 2xx at once. Here it only records what arrived.
 */
@Service
public class WebhookEvents {

  /** One handled webhook. */
  public record Handled(String deliveryId, String eventType, JsonNode payload) {}

  private final List<Handled> handled = new CopyOnWriteArrayList<>();

  @Async
  public void handle(String deliveryId, String eventType, JsonNode payload) {
    handled.add(new Handled(deliveryId, eventType, payload));
  }

  /** What was handled so far, oldest first. */
  public List<Handled> handled() {
    return List.copyOf(handled);
  }
}
