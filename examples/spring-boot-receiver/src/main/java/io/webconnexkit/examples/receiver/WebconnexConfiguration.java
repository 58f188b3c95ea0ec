package io.webconnexkit.examples.receiver;

import io.webconnexkit.validator.DeliveryVerifier;
import io.webconnexkit.validator.Profile;
import io.webconnexkit.validator.SigningSecret;
import io.webconnexkit.validator.WebconnexValidator;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One verifier for the whole application: validators compile their schemas once and are safe to
 * share between request threads.
 */
@Configuration
class WebconnexConfiguration {

  @Bean
  DeliveryVerifier deliveryVerifier(
      @Value("${webconnex.signing-secret}") String secret,
      @Value("${webconnex.previous-signing-secret:}") String previousSecret) {
    DeliveryVerifier.Builder builder = DeliveryVerifier.builder()
        .validator(WebconnexValidator.builder().profile(Profile.LENIENT).build())
        .signingSecret(SigningSecret.of(secret));
    // While a secret is being rotated, deliveries signed with either one are accepted.
    if (!previousSecret.isBlank()) {
      builder.signingSecret(SigningSecret.of(previousSecret));
    }
    return builder.build();
  }
}
