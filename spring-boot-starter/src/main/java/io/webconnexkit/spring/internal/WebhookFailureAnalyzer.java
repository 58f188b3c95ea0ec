package io.webconnexkit.spring.internal;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a {@link WebhookConfigurationException} into Spring Boot's "APPLICATION FAILED TO START" report. Not API. */
public final class WebhookFailureAnalyzer extends AbstractFailureAnalyzer<WebhookConfigurationException> {

  /** Made by Spring Boot. */
  public WebhookFailureAnalyzer() {}

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, WebhookConfigurationException cause) {
    return new FailureAnalysis(cause.getMessage(),
        "Change the @WebconnexWebhook methods or the webconnex.* properties named above (see docs/spring-boot-starter.md).",
        cause);
  }
}
