package io.webconnexkit.validator;

/** What a {@link RecordedDelivery} was recognised as in its file. */
public enum RecordShape {
  /** A webhook body on its own: a top-level object with {@code eventType} or {@code data}. */
  PAYLOAD("payload"),
  /**
   * One delivery as Webconnex's webhook logs API returns it ({@code GET
   * /v2/public/webhooks/{id}/logs/{logId}}, an entry of a {@code GET .../logs} page, or a resend
   * response): headers and a parsed body, so its signature cannot be checked.
   */
  WEBHOOK_LOG("webhook log record"),
  /** One request from a WireMock request journal, or one recorded request: headers and the raw body. */
  WIREMOCK_REQUEST("WireMock request"),
  /** Nothing the kit knows, or a file it could not read: the record's problems say which. */
  UNRECOGNISED("unrecognised");

  private final String label;

  RecordShape(String label) {
    this.label = label;
  }

  /** @return how reports name the shape: {@code payload}, {@code webhook log record}... */
  public String label() {
    return label;
  }

  /** @return {@link #label()} */
  @Override
  public String toString() {
    return label;
  }
}
