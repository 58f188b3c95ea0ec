package io.webconnexkit.wiremock;

import io.webconnexkit.validator.EventType;
import java.util.Locale;
import java.util.Optional;

/**
 * The four tests the "Send a Test" panel of a webhook's settings offers. A test delivery is a sample
 * payload of its event type, sent to one webhook whatever events and forms it subscribes to.
 */
public enum TestKind {
  /** "Send a Registration". */
  REGISTRATION(EventType.REGISTRATION),
  /** "Send a Subscription". */
  SUBSCRIPTION(EventType.SUBSCRIPTION),
  /** "Send a Form Publish". */
  PUBLISH(EventType.PUBLISH),
  /** "Send a Coupon". */
  COUPON(EventType.COUPON);

  private final EventType eventType;

  TestKind(EventType eventType) {
    this.eventType = eventType;
  }

  /** {@return the event type of the payload a test of this kind sends} */
  public EventType eventType() {
    return eventType;
  }

  /**
   * The kind by its name in URLs and on the command line ({@code registration}, {@code publish}...).
   *
   * @param name the kind's lower-case name or its event's wire name, such as {@code publish}; case-sensitive
   * @return the kind; empty when no kind has that name
   */
  public static Optional<TestKind> fromName(String name) {
    for (TestKind kind : values()) {
      if (kind.name().toLowerCase(Locale.ROOT).equals(name) || kind.eventType.wireName().equals(name)) {
        return Optional.of(kind);
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
