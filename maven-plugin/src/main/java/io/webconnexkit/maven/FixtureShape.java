package io.webconnexkit.maven;

/** What a fixture (a file, or one record in it) was recognised as. */
public enum FixtureShape {
  /** A webhook body on its own: a top-level object with {@code eventType} or {@code data}. */
  PAYLOAD("payload"),
  /**
   * One delivery as Webconnex's webhook logs API returns it ({@code GET
   * /v2/public/webhooks/{id}/logs/{logId}}): headers and a parsed body, so no signature check.
   */
  WEBHOOK_LOG("webhook log record"),
  /** One request from a WireMock request journal: headers and the raw body bytes. */
  WIREMOCK_REQUEST("WireMock request"),
  /** Nothing the plugin knows, or a file it could not read. */
  UNRECOGNISED("unrecognised");

  private final String label;

  FixtureShape(String label) {
    this.label = label;
  }

  /** How reports name the shape. */
  public String label() {
    return label;
  }

  @Override
  public String toString() {
    return label;
  }
}
