package io.webconnexkit.validator;

import io.webconnexkit.validator.internal.EventNames;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

/** The webhook event types that Webconnex documents, by the name sent in {@code eventType}. */
public enum EventType {
  REGISTRATION("registration"),
  PUBLISH("publish"),
  SUBSCRIPTION("subscription"),
  SMS("sms"),
  INVENTORY_80("inventory_80"),
  INVENTORY_90("inventory_90"),
  INVENTORY_100("inventory_100"),
  COUPON("coupon"),
  EDIT_REGISTRANT("edit_registrant"),
  CANCEL_REGISTRANT("cancel_registrant"),
  EDIT_TICKET("edit_ticket"),
  CANCEL_TICKET("cancel_ticket"),
  TEST("test");

  private final String wireName;

  EventType(String wireName) {
    this.wireName = wireName;
  }

  /** The name as it appears in {@code eventType} and in the {@code X-Webconnex-Event} header. */
  public String wireName() {
    return wireName;
  }

  /** The documented event type with exactly this wire name (case matters, as it does to Webconnex). */
  public static Optional<EventType> fromWireName(String name) {
    for (EventType type : values()) {
      if (type.wireName.equals(name)) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }

  /**
   * The documented event type an unknown name most likely meant: the same letters in another case
   * ({@code Inventory_80}), the same words in another order ({@code registrant_edit}), or at most
   * two letters off ({@code registation}).
   */
  public static Optional<EventType> resembling(String name) {
    return resembling(name, EnumSet.allOf(EventType.class));
  }

  /** As {@link #resembling(String)}, among the given event types only. */
  public static Optional<EventType> resembling(String name, Collection<EventType> candidates) {
    List<String> names = candidates.stream().map(EventType::wireName).toList();
    return EventNames.resembling(name, names).flatMap(EventType::fromWireName);
  }

  @Override
  public String toString() {
    return wireName;
  }
}
