package io.webconnexkit.cli;

import io.webconnexkit.wiremock.InvalidSettingsException;
import io.webconnexkit.wiremock.MockWebconnex;
import io.webconnexkit.validator.SecretSource;
import io.webconnexkit.wiremock.WebconnexSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;

/** Builds the mock Webconnex that {@code send} and {@code mock} run: from a settings file, or one webhook from options. */
final class WebhookSource {

  private WebhookSource() {}

  static MockWebconnex mock(Path settingsFile, String target, SecretOptions secret, Function<String, String> environment,
      Duration timeout, boolean bundledMappings) {
    WebconnexSettings settings;
    if (settingsFile != null) {
      if (target != null || secret != null) {
        throw new CommandFailure("--settings names every webhook's URL and secret: leave out --to/--target and --secret-env/--secret-file");
      }
      if (!Files.isRegularFile(settingsFile)) {
        throw new CommandFailure("settings file " + settingsFile + ": no such file");
      }
      settings = settings(() -> WebconnexSettings.read(settingsFile, environment));
    } else {
      if (target == null || secret == null) {
        throw new CommandFailure("say where deliveries go: --settings FILE, or a URL with --secret-env VAR or --secret-file FILE");
      }
      secret.resolve(environment); // fails here, with the CLI's own words, when there is no secret
      SecretSource source = secret.variable != null ? SecretSource.environment(secret.variable) : SecretSource.file(secret.file());
      settings = settings(() -> WebconnexSettings.everything(target, source));
    }
    WebconnexSettings checked = settings;
    return settings(() -> MockWebconnex.builder().settings(checked).environment(environment).timeout(timeout)
        .bundledMappings(bundledMappings).build());
  }

  private static <T> T settings(java.util.function.Supplier<T> read) {
    try {
      return read.get();
    } catch (InvalidSettingsException e) {
      // One fault per line, as the settings reader lists them.
      throw CommandFailure.ofLines(e.getMessage());
    } catch (IllegalArgumentException e) {
      throw new CommandFailure(e.getMessage());
    }
  }
}
