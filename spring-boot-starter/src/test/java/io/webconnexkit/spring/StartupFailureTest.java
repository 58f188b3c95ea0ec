package io.webconnexkit.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.webconnexkit.spring.app.ReceiverApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** What a user sees when the application refuses to start: Spring Boot's failure report, with the kit's reason and no secret. */
@ExtendWith(OutputCaptureExtension.class)
class StartupFailureTest {

  @Test
  void aBadLevelIsReportedWithTheKitsReasonAndNeverTheSecret(CapturedOutput output) {
    SpringApplicationBuilder application = new SpringApplicationBuilder(ReceiverApplication.class)
        .web(WebApplicationType.NONE);

    assertThatThrownBy(() -> start(application, "--webconnex.signing-secrets=never-print-this-secret",
        "--webconnex.levels=delivery.userAgnet=ignore")).isNotNull();

    assertThat(output.getAll()).contains("APPLICATION FAILED TO START",
            "Reason: java.lang.IllegalArgumentException: webconnex.levels: unknown problem key \"delivery.userAgnet\"")
        .doesNotContain("never-print-this-secret");
  }

  @Test
  void handlersWithoutASecretAreReportedAsAFailureToStartWithWhatToSet(CapturedOutput output) {
    SpringApplicationBuilder application = new SpringApplicationBuilder(ReceiverApplication.class);

    assertThatThrownBy(() -> start(application, "--webconnex.signing-secrets=", "--server.port=0", "--server.address=127.0.0.1"))
        .isNotNull();

    assertThat(output.getAll()).contains("APPLICATION FAILED TO START", "webconnex.signing-secrets is empty, so deliveries to"
        + " /webhooks/everything, /webhooks/webconnex could not be verified", "Change the @WebconnexWebhook methods")
        .doesNotContain("\tat io.webconnexkit");
  }

  /** Runs the application with command-line arguments (which win over application.properties), closing it if it starts. */
  private static void start(SpringApplicationBuilder application, String... arguments) {
    application.run(arguments).close();
  }
}
