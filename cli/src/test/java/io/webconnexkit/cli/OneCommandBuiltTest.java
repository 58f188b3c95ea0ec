package io.webconnexkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code main} builds only the command its arguments name; every command behaves the same built
 * alone as among all of them (CliRun, which every other test here uses, builds it the way main does).
 */
class OneCommandBuiltTest {

  private static CommandLine line(String... args) {
    return WebconnexCommand.commandLine(Map.<String, String>of()::get, new ByteArrayInputStream(new byte[0]), args);
  }

  @Test
  void buildsOnlyTheNamedCommand() {
    assertThat(line("validate", "x.json").getSubcommands().keySet()).containsExactly("validate");
    assertThat(line("mock", "--help").getSubcommands().keySet()).containsExactly("mock");
  }

  @Test
  void buildsEveryCommandForHelpNoCommandAnOptionFirstOrAMistypedOne() {
    List<String> all = List.of("validate", "sign", "verify", "send", "mock", "pull", "replay", "drift", "help");
    assertThat(line().getSubcommands().keySet()).containsExactlyElementsOf(all);
    assertThat(line("--help").getSubcommands().keySet()).containsExactlyElementsOf(all);
    assertThat(line("help", "validate").getSubcommands().keySet()).containsExactlyElementsOf(all);
    assertThat(line("valdate").getSubcommands().keySet()).containsExactlyElementsOf(all);
  }

  @Test
  void eachCommandIsNamedAsItsOwnAnnotationNamesIt() {
    CommandLine full = line();
    full.getSubcommands().forEach((name, sub) -> assertThat(sub.getCommandSpec().name()).isEqualTo(name));
  }

  @Test
  void aCommandBuiltAlonePrintsAndFailsAsAmongAllOfThem() {
    for (String[] args : List.of(new String[] {"validate", "--help"}, new String[] {"send", "--help"},
        new String[] {"validate", "--bogus"}, new String[] {"drift", "--format", "nope", "x"},
        new String[] {"sign"}, new String[] {"validate", "no-such-file.json"})) {
      assertThat(run(line(args), args)).as(String.join(" ", args)).isEqualTo(run(line(), args));
    }
  }

  private static String run(CommandLine cli, String[] args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int status = cli.execute(args);
    return status + "\n" + out + "\n" + err;
  }
}
