package io.webconnexkit.junit;

import io.webconnexkit.validator.ValidationReport;

/**
 * A payload about to be injected: its exact bytes, how messages name it, the classpath path its
 * report lines name (null for a generated sample, which has no file), the event type it was asked
 * for or says it is, and what the validator said about it.
 */
record Payload(byte[] body, String origin, String reportPath, String eventType, ValidationReport report) {

  /** The event type for the {@code X-Webconnex-Event} header and for messages. */
  String eventTypeName() {
    if (eventType != null) {
      return eventType;
    }
    return report.eventType().orElse("");
  }

  /** @return whether the payload was read from a fixture file */
  boolean fromFixture() {
    return reportPath != null;
  }
}
