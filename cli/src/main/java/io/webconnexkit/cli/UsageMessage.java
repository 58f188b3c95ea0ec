package io.webconnexkit.cli;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The one line a usage mistake gets, in place of picocli's message, which repeats argument values:
 * "expected only one match but got {--secret-env=...}", "Unmatched argument at index 3: '...'". A
 * value given with {@code --secret-env} or {@code --secret-file} may be the secret itself, so no
 * message repeats one; an argument nothing expected is not repeated either, for the same reason.
 */
final class UsageMessage {

  /** Options whose values name where a secret is, and so may be the secret given by mistake. */
  static final Set<String> SECRET_OPTIONS = Set.of("--secret-env", "--secret-file");

  private static final Pattern OPTION_NAME = Pattern.compile("--?[A-Za-z0-9][A-Za-z0-9_.-]*");
  private static final Pattern INDEX = Pattern.compile("index (\\d+)");

  private UsageMessage() {}

  static String of(CommandLine.ParameterException e, String[] args) {
    String message = e.getMessage() == null ? "invalid arguments" : e.getMessage();
    if (message.startsWith("Error: ")) {
      message = message.substring(7);
    }
    if (e instanceof CommandLine.UnmatchedArgumentException unmatched) {
      return unmatched(unmatched, message);
    }
    for (String value : secretValues(args)) {
      if (message.contains(value)) {
        return Printable.escape(withoutValues(e, message));
      }
    }
    return Printable.escape(message);
  }

  /** Every value given with a secret option, in either form ({@code --secret-env X}, {@code --secret-env=X}). */
  static Set<String> secretValues(String[] args) {
    Set<String> values = new LinkedHashSet<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg == null) {
        continue;
      }
      if (SECRET_OPTIONS.contains(arg) && i + 1 < args.length && args[i + 1] != null && !args[i + 1].isEmpty()) {
        values.add(args[i + 1]);
      }
      for (String option : SECRET_OPTIONS) {
        if (arg.startsWith(option + "=") && arg.length() > option.length() + 1) {
          values.add(arg.substring(option.length() + 1));
        }
      }
    }
    return values;
  }

  private static String withoutValues(CommandLine.ParameterException e, String message) {
    String values = " (values given with --secret-env and --secret-file are not repeated, as they may be secrets)";
    if (message.startsWith("expected only one match")) {
      return "give exactly one of --secret-env and --secret-file, once" + values;
    }
    if (e.getArgSpec() instanceof OptionSpec option) {
      return "invalid value for option '" + option.longestName() + "'" + values;
    }
    return "invalid arguments" + values;
  }

  private static String unmatched(CommandLine.UnmatchedArgumentException e, String message) {
    List<String> options = new ArrayList<>();
    int others = 0;
    for (String argument : e.getUnmatched()) {
      if (argument != null && argument.startsWith("-") && argument.length() > 1) {
        int equals = argument.indexOf('=');
        String name = equals > 0 ? argument.substring(0, equals) : argument;
        // Only a plausible option name is repeated; "--secret=..." keeps its shape, never its value.
        options.add(OPTION_NAME.matcher(name).matches() ? name + (equals > 0 ? "=..." : "") : "an unknown option");
      } else {
        others++;
      }
    }
    boolean commandExpected = !e.getCommandLine().getSubcommands().isEmpty() && !e.getUnmatched().isEmpty()
        && !e.getUnmatched().get(0).startsWith("-");
    StringBuilder s = new StringBuilder();
    if (commandExpected) {
      s.append("unknown command");
    } else {
      if (!options.isEmpty()) {
        s.append(options.size() == 1 ? "unknown option " : "unknown options ").append(String.join(", ", options));
      }
      if (others > 0) {
        if (s.length() > 0) {
          s.append(" and ");
        }
        s.append(others == 1 ? "an unexpected argument" : others + " unexpected arguments");
        Matcher index = INDEX.matcher(message);
        if (options.isEmpty() && index.find()) {
          s.append(others == 1 ? " at position " : " from position ").append(Integer.parseInt(index.group(1)) + 1);
        }
        s.append(" (not repeated here, in case ").append(others == 1 ? "it is" : "one is").append(" a secret)");
      }
      if (s.length() == 0) {
        s.append("unexpected arguments");
      }
    }
    if (!e.getSuggestions().isEmpty()) {
      s.append("; did you mean ").append(String.join(" or ", e.getSuggestions())).append('?');
    }
    return Printable.escape(s.toString());
  }
}
