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
    return mock(settingsFile, target, secret, environment, timeout, bundledMappings, b -> {});
  }

  /** As above, with more settings of the mock's builder ({@code webconnex mock}'s API key and burst limit). */
  static MockWebconnex mock(Path settingsFile, String target, SecretOptions secret, Function<String, String> environment,
      Duration timeout, boolean bundledMappings, java.util.function.Consumer<MockWebconnex.Builder> more) {
    WebconnexSettings settings;
    // The process's own environment is read by core (as the bytes the process was given); a test's, as given.
    Function<String, String> variables = environment == WebconnexCommand.PROCESS_ENVIRONMENT ? null : environment;
    if (settingsFile != null) {
      if (target != null || secret != null) {
        throw new CommandFailure("--settings names every webhook's URL and secret: leave out --to/--target and --secret-env/--secret-file");
      }
      if (!Files.isRegularFile(settingsFile)) {
        throw new CommandFailure("settings file " + settingsFile + ": no such file");
      }
      settings = settings(() -> WebconnexSettings.read(settingsFile, variables));
    } else {
      if (target == null || secret == null) {
        throw new CommandFailure("say where deliveries go: --settings FILE, or a URL with --secret-env VAR or --secret-file FILE");
      }
      SecretSource source = secret.source();
      secret.check(source, variables); // fails here, naming the option, when there is no secret
      settings = settings(() -> WebconnexSettings.everything(target, source));
    }
    WebconnexSettings checked = settings;
    MockWebconnex.Builder builder = MockWebconnex.builder().settings(checked).timeout(timeout).bundledMappings(bundledMappings);
    if (variables != null) {
      builder.environment(variables);
    }
    more.accept(builder);
    return settings(builder::build);
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
