package io.webconnexkit.validator;

import com.fasterxml.jackson.databind.JsonNode;
import io.webconnexkit.validator.internal.EventNames;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** The webhook event types that Webconnex documents, by the name sent in {@code eventType}. */
public enum EventType {
  /** A successful registration (or order) on a form. */
  REGISTRATION("registration"),
  /** A form was published. */
  PUBLISH("publish"),
  /** A successful subscription or recurring deposit. */
  SUBSCRIPTION("subscription"),
  /** A follow-up SMS donation (the initial text-to-give donation is a registration). */
  SMS("sms"),
  /** An inventory item reached 80% of its capacity. */
  INVENTORY_80("inventory_80"),
  /** An inventory item reached 90% of its capacity. */
  INVENTORY_90("inventory_90"),
  /** An inventory item reached 100% of its capacity: sold out. */
  INVENTORY_100("inventory_100"),
  /** A coupon was created, updated or redeemed. */
  COUPON("coupon"),
  /** A registrant was edited. */
  EDIT_REGISTRANT("edit_registrant"),
  /** A registrant was cancelled. */
  CANCEL_REGISTRANT("cancel_registrant"),
  /** A ticket was edited. */
  EDIT_TICKET("edit_ticket"),
  /** A ticket was cancelled. */
  CANCEL_TICKET("cancel_ticket"),
  /** The documented test payload. */
  TEST("test");

  private final String wireName;

  EventType(String wireName) {
    this.wireName = wireName;
  }

  /** {@return the name as it appears in {@code eventType} and in the {@code X-Webconnex-Event} header} */
  public String wireName() {
    return wireName;
  }

  /**
   * The documented event type with exactly this wire name (case matters, as it does to Webconnex).
   *
   * @param name a wire name such as {@code registration}
   * @return the event type; empty when no documented type has exactly that name
   */
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
   *
   * @param name an event type name that is not documented, as received
   * @return the documented event type it most resembles; empty when none is close enough
   */
  public static Optional<EventType> resembling(String name) {
    return resembling(name, EnumSet.allOf(EventType.class));
  }

  /**
   * As {@link #resembling(String)}, among the given event types only.
   *
   * @param name an event type name that is not documented, as received
   * @param candidates the event types to choose from
   * @return the candidate it most resembles; empty when none is close enough
   */
  public static Optional<EventType> resembling(String name, Collection<EventType> candidates) {
    List<String> names = candidates.stream().map(EventType::wireName).toList();
    return EventNames.resembling(name, names).flatMap(EventType::fromWireName);
  }

  /**
   * The form a payload of this event belongs to, read where Webconnex names it: a coupon's
   * {@code data.formId} (a global coupon carries {@code "formId": null} there and belongs to no
   * form), otherwise the top-level {@code formId} (a coupon without {@code data.formId} falls back to
   * it too). A whole number counts, and so does a string of digits; anything else, or no such field,
   * gives empty, as does a null or non-object payload. Webhooks that send only some forms decide by
   * this: an event of no form reaches every webhook ("Only global and forms that you have enabled
   * will be delivered").
   *
   * @param payload a parsed payload, or {@code null}
   * @return the form's id; empty when the payload names no form
   */
  public OptionalLong formIdOf(JsonNode payload) {
    if (payload == null || !payload.isObject()) {
      return OptionalLong.empty();
    }
    JsonNode data = payload.path("data");
    JsonNode form = this == COUPON && data.isObject() && data.has("formId") ? data.get("formId") : payload.path("formId");
    if (form.isIntegralNumber() && form.canConvertToLong()) {
      return OptionalLong.of(form.longValue());
    }
    if (form.isTextual()) {
      String text = form.textValue().trim();
      if (!text.isEmpty() && text.length() <= 19 && text.chars().allMatch(c -> c >= '0' && c <= '9')) {
        try {
          return OptionalLong.of(Long.parseLong(text));
        } catch (NumberFormatException tooLarge) {
          return OptionalLong.empty();
        }
      }
    }
    return OptionalLong.empty();
  }

  /** The wire name. */
  @Override
  public String toString() {
    return wireName;
  }
}
