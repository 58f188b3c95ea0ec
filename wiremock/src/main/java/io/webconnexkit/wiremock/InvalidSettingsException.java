package io.webconnexkit.wiremock;

import java.util.List;

/**
 * Webhook settings that cannot be used, with one message per fault, each naming the field
 * ({@code webhooks[1].events[0]: unknown event "registrant_edit"; did you mean "edit_registrant"?}).
 * Thrown before anything starts, so nothing runs half-configured.
 */
public final class InvalidSettingsException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  /** Every fault found, one line each. */
  private final transient List<String> faults;

  /** @param faults every fault found in the settings, one line each */
  public InvalidSettingsException(List<String> faults) {
    super(message(faults));
    this.faults = List.copyOf(faults);
  }

  /** {@return every fault, one line each, in the order of the settings} */
  public List<String> faults() {
    return faults;
  }

  private static String message(List<String> faults) {
    if (faults.size() == 1) {
      return "invalid webhook settings: " + faults.get(0);
    }
    StringBuilder s = new StringBuilder(faults.size() + " faults in the webhook settings:");
    faults.forEach(f -> s.append("\n  ").append(f));
    return s.toString();
  }
}
