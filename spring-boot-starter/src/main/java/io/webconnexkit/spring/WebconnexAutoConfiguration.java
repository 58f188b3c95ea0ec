package io.webconnexkit.spring;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.webconnexkit.model.WebconnexModule;
import io.webconnexkit.validator.DeliveryVerifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The starter's beans for any application: the {@link DeliveryVerifier} built from
 * {@code webconnex.*}, the {@link IdempotencyStore}, and the model's Jackson module, which Spring
 * Boot registers with the application's {@code ObjectMapper} so that it reads and writes typed
 * events too. Each is replaced by a bean of the same type that the application declares.
 */
@AutoConfiguration
@ConditionalOnClass(DeliveryVerifier.class)
@ConditionalOnProperty(prefix = "webconnex", name = "enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(WebconnexProperties.class)
public class WebconnexAutoConfiguration {

  /** Made by Spring. */
  public WebconnexAutoConfiguration() {}

  /**
   * @param properties the {@code webconnex.*} settings
   * @return a verifier with the configured secrets, profile and levels
   */
  @Bean
  @ConditionalOnMissingBean
  public DeliveryVerifier webconnexDeliveryVerifier(WebconnexProperties properties) {
    return DeliveryVerifier.builder()
        .profile(properties.profile())
        .levels(properties.problemLevels())
        .signingSecrets(properties.secrets())
        .build();
  }

  /**
   * @param properties the {@code webconnex.*} settings
   * @return an in-memory store of {@code webconnex.idempotency.capacity} delivery ids
   */
  @Bean
  @ConditionalOnMissingBean
  public IdempotencyStore webconnexIdempotencyStore(WebconnexProperties properties) {
    return new InMemoryIdempotencyStore(properties.idempotency().capacity());
  }

  /** The model's Jackson module, for applications with Jackson (Spring Boot registers Module beans). */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(ObjectMapper.class)
  static class JacksonConfiguration {

    @Bean
    @ConditionalOnMissingBean
    WebconnexModule webconnexJacksonModule() {
      return new WebconnexModule();
    }
  }
}
