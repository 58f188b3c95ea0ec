package io.webconnexkit.spring;

import io.webconnexkit.spring.internal.WebhookHandlerMapping;
import io.webconnexkit.validator.DeliveryVerifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * The receiving endpoints of a servlet application: every {@link WebconnexWebhook} method of the
 * application's beans, grouped by path, served by one handler mapping. Without such methods it maps
 * nothing.
 */
@AutoConfiguration(after = WebconnexAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(DispatcherServlet.class)
@ConditionalOnBean({DeliveryVerifier.class, IdempotencyStore.class, WebconnexProperties.class})
public class WebconnexWebMvcAutoConfiguration {

  /** Made by Spring. */
  public WebconnexWebMvcAutoConfiguration() {}

  /**
   * @param verifier the application's verifier
   * @param store the application's idempotency store
   * @param properties the {@code webconnex.*} settings
   * @return the mapping of every {@code @WebconnexWebhook} path
   */
  @Bean
  public WebhookHandlerMapping webconnexWebhookHandlerMapping(DeliveryVerifier verifier, IdempotencyStore store,
      WebconnexProperties properties) {
    return new WebhookHandlerMapping(verifier, store, properties);
  }
}
