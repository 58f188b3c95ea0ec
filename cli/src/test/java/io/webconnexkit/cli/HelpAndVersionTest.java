package io.webconnexkit.cli;

import static io.webconnexkit.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HelpAndVersionTest {

  @Test
  void helpListsEveryCommandAndTheExitStatuses() {
    CliRun run = run("--help");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .contains("Usage: webconnex")
        .contains("validate  Validate payloads and recorded deliveries against the kit's schemas.")
        .contains("sign      Print the X-Webconnex-Signature of a body.")
        .contains("verify    Check an X-Webconnex-Signature against a body.")
        .contains("Exit status:");
  }

  @Test
  void validateHelpDescribesEveryOption() {
    CliRun run = run("validate", "--help");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .contains("Usage: webconnex validate [-hV] [--strict] [--format=FORMAT]")
        .contains("[--level=KEY=LEVEL]...").contains("[--secret-env=VAR]...").contains("[--secret-file=FILE]...")
        .contains("--strict")
        .contains("--format=FORMAT")
        .contains("standard input")
        .contains("(path:line:column: error:");
  }

  @Test
  void helpCommandShowsCommandHelp() {
    assertThat(run("help", "verify").out()).contains("Usage: webconnex verify");
  }

  @Test
  void versionIsTheKitVersion() {
    CliRun run = run("--version");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).matches("webconnex \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\n");
  }

  @Test
  void noCommandShowsUsageAndFails() {
    CliRun run = run();

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).contains("Usage: webconnex").endsWith("webconnex: missing command (see 'webconnex --help')\n");
  }

  @Test
  void unknownCommandIsAUsageError() {
    CliRun run = run("valdate", "x.json");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().lines()).hasSize(1);
    assertThat(run.err()).contains("did you mean validate?");
  }
}
