package io.webconnexkit.junit;

import io.webconnexkit.validator.ValidationReport;

/**
 * A payload about to be injected: its exact bytes, where it came from (for messages), the event
 * type it was asked for or says it is, and what the validator said about it.
 */
record Payload(byte[] body, String origin, String eventType, ValidationReport report) {

  /** The event type for the {@code X-Webconnex-Event} header and for messages. */
  String eventTypeName() {
    if (eventType != null) {
      return eventType;
    }
    return report.eventType().orElse("");
  }
}
