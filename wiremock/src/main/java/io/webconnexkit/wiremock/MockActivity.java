package io.webconnexkit.wiremock;

import java.time.Duration;

/**
 * What a running mock tells about its work as it happens, for a console or a test log: every
 * delivery attempt once it has ended, and every call of the webhook logs API it answered. Called on
 * the mock's own threads; an implementation must be quick and thread-safe, and an exception it
 * throws is ignored (it never changes what the mock does).
 */
public interface MockActivity {

  /**
   * A delivery attempt has ended: answered, failed or timed out.
   *
   * @param delivery the attempt as the logs API shows it
   * @param took from the request being sent to the answer or the failure
   */
  default void delivered(DeliveryLog delivery, Duration took) {}

  /**
   * The mock answered a call of the webhook logs API ({@code /v2/public/webhooks/...}) or of the
   * panel's "Send a Test".
   *
   * @param method the HTTP method
   * @param path the path, without its query
   * @param status the status answered
   * @param took how long the answer took
   */
  default void apiCalled(String method, String path, int status, Duration took) {}
}
