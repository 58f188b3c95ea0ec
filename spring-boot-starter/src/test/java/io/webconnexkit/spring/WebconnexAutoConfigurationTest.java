package io.webconnexkit.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.webconnexkit.model.RegistrationEvent;
import io.webconnexkit.model.WebconnexModule;
import io.webconnexkit.spring.internal.WebhookHandlerMapping;
import io.webconnexkit.validator.DeliveryVerifier;
import io.webconnexkit.validator.EventType;
import io.webconnexkit.validator.Profile;
import io.webconnexkit.validator.Severity;
import io.webconnexkit.validator.SignatureStatus;
import io.webconnexkit.validator.SigningSecret;
import io.webconnexkit.validator.WebconnexDelivery;
import io.webconnexkit.validator.WebconnexSample;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.DispatcherServletAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The auto-configuration on its own, with Spring Boot's context runners: what it makes from which properties. */
class WebconnexAutoConfigurationTest {

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(WebconnexAutoConfiguration.class, JacksonAutoConfiguration.class));

  private final WebApplicationContextRunner web = new WebApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(WebconnexAutoConfiguration.class, WebconnexWebMvcAutoConfiguration.class,
          DispatcherServletAutoConfiguration.class, WebMvcAutoConfiguration.class, JacksonAutoConfiguration.class));

  /** A user's handler bean. */
  static class Handlers {
    @WebconnexWebhook
    void on(RegistrationEvent event) {}
  }

  /** Two handlers for one event type at one path. */
  static class TwoForOne {
    @WebconnexWebhook
    void first(RegistrationEvent event) {}

    @WebconnexWebhook("/webhooks/webconnex")
    void second(RegistrationEvent event) {}
  }

  /** A handler that takes something other than an event. */
  static class TakesAString {
    @WebconnexWebhook
    void on(String body) {}
  }

  @Configuration(proxyBeanMethods = false)
  static class UsersOwnBeans {
    @Bean
    DeliveryVerifier myVerifier() {
      return DeliveryVerifier.builder().profile(Profile.STRICT).build();
    }

    @Bean
    IdempotencyStore myStore() {
      return new InMemoryIdempotencyStore(3);
    }
  }

  /** An application whose instances share one store of handled delivery ids (a map here, a database table there). */
  @Configuration(proxyBeanMethods = false)
  static class SharedStore {
    static final ConcurrentMap<String, Boolean> SHARED = new ConcurrentHashMap<>();

    @Bean
    IdempotencyStore sharedIdempotencyStore() {
      return new IdempotencyStore() {
        @Override
        public boolean claim(String deliveryId) {
          return SHARED.putIfAbsent(deliveryId, Boolean.TRUE) == null;
        }

        @Override
        public void release(String deliveryId) {
          SHARED.remove(deliveryId);
        }
      };
    }
  }

  @Test
  void anApplicationsOwnIdempotencyStoreIsTheOneUsed() {
    web.withPropertyValues("webconnex.signing-secrets=secret").withUserConfiguration(SharedStore.class)
        .withBean(Handlers.class).run(context -> {
          IdempotencyStore store = context.getBean(IdempotencyStore.class);
          assertThat(store).isNotInstanceOf(InMemoryIdempotencyStore.class);
          assertThat(store.claim("b473fe314def43ccacc10ec75aae1451")).isTrue();
          assertThat(SharedStore.SHARED).containsKey("b473fe314def43ccacc10ec75aae1451");
        });
  }

  @Test
  void withoutPropertiesThereIsALenientVerifierWithoutSecretsAStoreAndTheJacksonModule() {
    runner.run(context -> {
      DeliveryVerifier verifier = context.getBean(DeliveryVerifier.class);
      assertThat(verifier.hasSigningSecret()).isFalse();
      assertThat(verifier.validator().profile()).isEqualTo(Profile.LENIENT);
      assertThat(context.getBean(IdempotencyStore.class)).hasToString("InMemoryIdempotencyStore[capacity=10000]");
      assertThat(context).hasSingleBean(WebconnexModule.class).doesNotHaveBean(WebhookHandlerMapping.class);
      assertThat(context.getBean(com.fasterxml.jackson.databind.ObjectMapper.class).getRegisteredModuleIds())
          .contains(WebconnexModule.class.getName());
    });
  }

  @Test
  void theSecretsProfileLevelsAndCapacityComeFromTheProperties() {
    runner.withPropertyValues("webconnex.signing-secrets=new-secret,old-secret", "webconnex.profile=strict",
        "webconnex.levels=delivery.userAgent=ignore,event.unknown=warning", "webconnex.idempotency.capacity=5")
        .run(context -> {
          DeliveryVerifier verifier = context.getBean(DeliveryVerifier.class);
          byte[] body = WebconnexSample.of(EventType.REGISTRATION).toBytes();
          assertThat(verifier.verifySignature(WebconnexDelivery.signed("registration", body, SigningSecret.of("old-secret"))))
              .isEqualTo(SignatureStatus.VERIFIED);
          assertThat(verifier.verifySignature(WebconnexDelivery.signed("registration", body, SigningSecret.of("other"))))
              .isEqualTo(SignatureStatus.INVALID);
          assertThat(verifier.validator().profile()).isEqualTo(Profile.STRICT);
          assertThat(verifier.validator().levels().levelOf("delivery.userAgent")).contains(Severity.IGNORE);
          assertThat(verifier.validator().levels().levelOf("event.unknown")).contains(Severity.WARNING);
          assertThat(context.getBean(IdempotencyStore.class)).hasToString("InMemoryIdempotencyStore[capacity=5]");
          assertThat(context.getBean(WebconnexProperties.class).toString()).contains("signingSecrets=2 (redacted)")
              .doesNotContain("new-secret", "old-secret");
        });
  }

  @Test
  void aBadLevelStopsTheApplicationWithTheKitsMessageAndNoSecret() {
    runner.withPropertyValues("webconnex.signing-secrets=do-not-print-me", "webconnex.levels=delivery.userAgnet=ignore")
        .run(context -> {
          assertThat(context).hasFailed();
          Throwable failure = context.getStartupFailure();
          assertThat(describe(failure))
              .contains("webconnex.levels: unknown problem key \"delivery.userAgnet\" (did you mean \"delivery.userAgent\"?)");
          assertThat(describe(failure)).doesNotContain("do-not-print-me");
        });
  }

  @Test
  void theApplicationsOwnBeansWin() {
    runner.withUserConfiguration(UsersOwnBeans.class).withPropertyValues("webconnex.signing-secrets=ignored-secret")
        .run(context -> {
          assertThat(context).hasSingleBean(DeliveryVerifier.class).hasSingleBean(IdempotencyStore.class);
          assertThat(context.getBean(DeliveryVerifier.class).validator().profile()).isEqualTo(Profile.STRICT);
          assertThat(context.getBean(IdempotencyStore.class)).hasToString("InMemoryIdempotencyStore[capacity=3]");
        });
  }

  @Test
  void disabledTheStarterMakesNothing() {
    web.withPropertyValues("webconnex.enabled=false").withBean(Handlers.class).run(context -> assertThat(context)
        .hasNotFailed().doesNotHaveBean(DeliveryVerifier.class).doesNotHaveBean(WebhookHandlerMapping.class));
  }

  @Test
  void aWebApplicationWithHandlersMapsTheirPath() {
    web.withPropertyValues("webconnex.signing-secrets=secret").withBean(Handlers.class).run(context -> {
      WebhookHandlerMapping mapping = context.getBean(WebhookHandlerMapping.class);
      assertThat(mapping.endpoints()).containsOnlyKeys("/webhooks/webconnex");
      assertThat(mapping.endpoints().get("/webhooks/webconnex").eventTypes()).containsExactly(RegistrationEvent.class);
    });
  }

  @Test
  void handlersWithoutASigningSecretStopTheApplicationSayingWhatToSet() {
    web.withBean(Handlers.class).run(context -> {
      assertThat(context).hasFailed();
      assertThat(rootMessage(context.getStartupFailure())).startsWith("webconnex.signing-secrets is empty, so deliveries to"
          + " /webhooks/webconnex could not be verified: set it to the webhook's signing secret");
    });
    web.withBean(Handlers.class).withPropertyValues("webconnex.require-signature=false")
        .run(context -> assertThat(context).hasNotFailed());
  }

  @Test
  void twoHandlersForOneEventTypeAtOnePathStopTheApplicationNamingBoth() {
    web.withPropertyValues("webconnex.signing-secrets=secret").withBean(TwoForOne.class).run(context ->
        assertThat(rootMessage(context.getStartupFailure())).startsWith("two @WebconnexWebhook methods take RegistrationEvent"
            + " at /webhooks/webconnex: TwoForOne.").contains("first(RegistrationEvent)", "second(RegistrationEvent)"));
  }

  @Test
  void aHandlerThatTakesNoEventStopsTheApplicationSayingWhatItMayTake() {
    web.withPropertyValues("webconnex.signing-secrets=secret").withBean(TakesAString.class).run(context ->
        assertThat(rootMessage(context.getStartupFailure())).isEqualTo("@WebconnexWebhook method TakesAString.on(String)"
            + " takes a String; a handler takes one event (a record such as RegistrationEvent, UnknownEvent or"
            + " WebconnexEvent) and, if it needs them, the WebconnexDelivery and its ValidationReport"));
  }

  @Test
  void anEmptySecretOrABadPathIsRefusedNamingTheProperty() {
    runner.withPropertyValues("webconnex.signing-secrets[0]=").run(context ->
        assertThat(rootMessage(context.getStartupFailure())).startsWith("webconnex.signing-secrets[0] is empty"));
    runner.withPropertyValues("webconnex.path=webhooks").run(context ->
        assertThat(rootMessage(context.getStartupFailure())).isEqualTo("webconnex.path must start with /, such as"
            + " /webhooks/webconnex"));
  }

  @Test
  void theConfigurationMetadataDescribesEveryProperty() throws Exception {
    String metadata = Files.readString(Path.of("target/classes/META-INF/spring-configuration-metadata.json"),
        StandardCharsets.UTF_8);

    assertThat(metadata).contains("\"name\": \"webconnex.signing-secrets\"", "\"name\": \"webconnex.profile\"",
        "\"name\": \"webconnex.levels\"", "\"name\": \"webconnex.on-invalid\"", "\"name\": \"webconnex.path\"",
        "\"name\": \"webconnex.require-signature\"", "\"name\": \"webconnex.idempotency.capacity\"",
        "\"name\": \"webconnex.enabled\"", "Signing secrets of the webhook");
  }

  private static String rootMessage(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return root.getMessage();
  }

  private static String describe(Throwable failure) {
    StringBuilder all = new StringBuilder();
    for (Throwable t = failure; t != null; t = t.getCause()) {
      all.append(t).append('\n');
    }
    return all.toString();
  }
}
