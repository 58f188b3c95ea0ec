package io.webconnexkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Every command's help, at the terminal widths people have: an option that takes a value is never
 * parted from it at a line end, and every example stays a line (or lines ending in {@code \}) of
 * its own. Picocli lays help out no narrower than 55 columns, so 40 gets that.
 */
class HelpWidthTest {

  @ParameterizedTest
  @ValueSource(ints = {40, 80, 200})
  void keepsEachOptionWithItsValueAtEveryWidth(int width) {
    CommandLine root = WebconnexCommand.commandLine(Map.<String, String>of()::get, new ByteArrayInputStream(new byte[0]));
    List<CommandLine> commands = new ArrayList<>();
    commands.add(root);
    commands.addAll(root.getSubcommands().values());
    for (CommandLine command : commands) {
      command.setUsageHelpAutoWidth(false);
      command.setUsageHelpWidth(Math.max(55, width));
      StringWriter help = new StringWriter();
      command.usage(new PrintWriter(help, true));
      List<String> lines = help.toString().lines().toList();
      String name = command.getCommandSpec().qualifiedName();

      for (String line : lines) {
        assertThat(line.length()).as("%s at %d: %s", name, width, line).isLessThanOrEqualTo(Math.max(55, width));
        for (OptionSpec option : valueOptions(root)) {
          for (String optionName : option.names()) {
            assertThat(line.stripTrailing()).as("%s at %d: a line ends between %s and its value", name, width, optionName)
                .doesNotEndWith(" " + optionName).doesNotEndWith(optionName + "=").isNotEqualTo(optionName);
          }
        }
      }
      int examples = lines.indexOf("Examples:");
      if (examples >= 0) {
        for (int i = examples + 1; i < lines.size(); i++) {
          assertThat(lines.get(i)).as("%s at %d: an example broken across lines", name, width)
              .satisfiesAnyOf(l -> assertThat(l).isEmpty(), l -> assertThat(l).startsWith("  "));
        }
        for (int i = examples + 2; i < lines.size(); i++) {
          if (lines.get(i).startsWith("      ")) {
            assertThat(lines.get(i - 1)).as("%s at %d: a continued example", name, width).endsWith(" \\");
          }
        }
      }
    }
  }

  /** Every option of every command that takes a value. */
  private static List<OptionSpec> valueOptions(CommandLine root) {
    List<OptionSpec> options = new ArrayList<>();
    root.getSubcommands().values().forEach(c -> c.getCommandSpec().options().stream()
        .filter(o -> o.arity().max() > 0).forEach(options::add));
    return options;
  }
}
