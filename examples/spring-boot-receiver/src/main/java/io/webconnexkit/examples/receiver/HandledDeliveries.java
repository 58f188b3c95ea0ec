package io.webconnexkit.examples.receiver;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Remembers which deliveries were handled, so that a resend (same delivery id, or the same event id)
 * is acknowledged without being handled twice. In memory and bounded; a real service would keep
 * this next to the data it writes.
 */
@Component
class HandledDeliveries {

  private static final int REMEMBERED = 10_000;

  private final Map<String, Boolean> seen = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, false) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
      return size() > REMEMBERED;
    }
  });

  /** Records the delivery; false when it (or its event) was handled before. */
  boolean firstTime(String deliveryId, String eventType, Long eventId) {
    synchronized (seen) {
      String deliveryKey = "delivery:" + deliveryId;
      String eventKey = eventId == null ? null : "event:" + eventType + ":" + eventId;
      if (seen.containsKey(deliveryKey) || (eventKey != null && seen.containsKey(eventKey))) {
        return false;
      }
      seen.put(deliveryKey, Boolean.TRUE);
      if (eventKey != null) {
        seen.put(eventKey, Boolean.TRUE);
      }
      return true;
    }
  }
}
