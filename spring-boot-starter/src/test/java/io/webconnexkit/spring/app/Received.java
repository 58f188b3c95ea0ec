package io.webconnexkit.spring.app;

import io.webconnexkit.model.WebconnexEvent;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.stereotype.Component;

/** What the handlers were called with, by delivery id, for the tests to look at. */
@Component
public class Received {

  /** One call of a handler. */
  public record Call(String handler, String deliveryId, WebconnexEvent event) {}

  private final List<Call> calls = new CopyOnWriteArrayList<>();

  void add(String handler, String deliveryId, WebconnexEvent event) {
    calls.add(new Call(handler, deliveryId, event));
  }

  /** @return the calls made for one delivery id, oldest first */
  public List<Call> of(String deliveryId) {
    return calls.stream().filter(c -> deliveryId.equals(c.deliveryId())).toList();
  }
}
