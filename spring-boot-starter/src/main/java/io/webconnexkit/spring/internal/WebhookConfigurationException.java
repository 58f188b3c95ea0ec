package io.webconnexkit.spring.internal;

/**
 * A mistake in the application's {@code @WebconnexWebhook} methods or {@code webconnex.*}
 * properties that stops it at start. Spring Boot shows its message as the failure's description
 * ({@link WebhookFailureAnalyzer}), without a stack trace. Not API.
 */
public final class WebhookConfigurationException extends IllegalStateException {

  private static final long serialVersionUID = 1L;

  WebhookConfigurationException(String message) {
    super(message);
  }
}
