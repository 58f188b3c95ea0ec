package io.webconnexkit.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code webconnex} command. Each subcommand translates arguments and files into calls on
 * {@code io.webconnexkit.validator} and its results into text, JSON and an exit status; no rule
 * about Webconnex payloads lives here.
 */
@Command(
    name = "webconnex",
    mixinStandardHelpOptions = true,
    versionProvider = KitVersion.class,
    usageHelpAutoWidth = true,
    header = "Validate, sign, verify, send, record, replay and compare Webconnex webhook deliveries.",
    description = {
      "%nChecks Webconnex webhook payloads (RegFox, GivingFuel, TicketSpice, RedPodium) against the "
          + "Webconnex Contract Kit's schemas, and signs or verifies bodies with a webhook's signing secret "
          + "(X-Webconnex-Signature)."
    },
    commandListHeading = "%nCommands:%n",
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {
      "0:Success. validate: every record is valid (warnings allowed). sign: the signature was printed. "
          + "verify: the signature matches. send: every delivery was answered with a 2xx status (or every "
          + "webhook skipped the event). mock: stopped by an interrupt.",
      "1:What was checked or sent failed. validate: a record is invalid. verify: the signature does not "
          + "match. send: a receiver answered another status, did not answer in time or could not be "
          + "reached, or --file does not conform (nothing sent without --allow-invalid). sign and mock "
          + "never exit 1.",
      "2:Usage or I/O error, for every command: a bad option, a missing file, an unset secret variable, a "
          + "bad settings file, a port in use."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  webconnex validate examples/payloads",
      "  webconnex validate --strict --format json \\",
      "      delivery.json",
      "  webconnex sign --secret-env WEBCONNEX_SECRET \\",
      "      body.json",
      "  webconnex verify --secret-env WEBCONNEX_SECRET \\",
      "      --signature 3f1c... body.json",
      "  webconnex send --event registration \\",
      "      --to http://127.0.0.1:9000/hooks \\",
      "      --secret-env WEBCONNEX_SECRET",
      "  webconnex mock --port 8089 --settings webhooks.json"
    })
public final class WebconnexCommand implements Runnable {

  /** Exit status when everything is valid or verified. */
  public static final int OK = 0;
  /** Exit status when a payload is invalid or a signature does not match. */
  public static final int INVALID = 1;
  /** Exit status for usage and I/O errors: the command could not do its job. */
  public static final int ERROR = 2;

  private final Function<String, String> environment;
  private final InputStream stdin;

  @Spec CommandSpec spec;

  /**
   * @param environment looks up environment variables (production: {@code System::getenv}); tests
   *     pass their own so secrets can come "from the environment" without touching the real one
   * @param stdin what {@code -} reads
   */
  public WebconnexCommand(Function<String, String> environment, InputStream stdin) {
    this.environment = Objects.requireNonNull(environment, "environment");
    this.stdin = Objects.requireNonNull(stdin, "stdin");
  }

  /** The process's own environment: secrets from it are read by core as the bytes the process was given. */
  static final Function<String, String> PROCESS_ENVIRONMENT = System::getenv;

  /**
   * Runs the command with the process's environment and standard input, and exits with its status.
   *
   * @param args the arguments
   */
  public static void main(String[] args) {
    System.exit(commandLine(PROCESS_ENVIRONMENT, System.in, args).execute(args));
  }

  /**
   * Every subcommand, in the order help lists them, with how to make it. Picocli reads every
   * option of every command it is given through reflection, and its classes cannot come from the
   * class-data archive (they are Java 5 class files), so building all of them costs a fresh process
   * about as much as validating a file; {@link #commandLine(Function, InputStream, String[])} builds
   * only the one that runs.
   */
  private static final List<Map.Entry<String, Supplier<Object>>> SUBCOMMANDS = List.of(
      Map.entry("validate", ValidateCommand::new),
      Map.entry("sign", SignCommand::new),
      Map.entry("verify", VerifyCommand::new),
      Map.entry("send", SendCommand::new),
      Map.entry("mock", MockCommand::new),
      Map.entry("pull", PullCommand::new),
      Map.entry("replay", ReplayCommand::new),
      Map.entry("drift", DriftCommand::new),
      Map.entry("help", CommandLine.HelpCommand::new));

  /**
   * Reads a secret: from the process's environment as core reads it (whatever the locale), or
   * from the environment a test gave.
   */
  io.webconnexkit.validator.SigningSecret resolve(io.webconnexkit.validator.SecretSource source) {
    return environment == PROCESS_ENVIRONMENT ? source.resolve() : source.resolve(environment);
  }

  /**
   * A ready-to-execute command line, with the kit's exit statuses and one-line error messages.
   *
   * @param environment looks up environment variables ({@code System::getenv} in production); not null
   * @param stdin what a {@code -} file argument reads; not null
   * @return a new command line with every subcommand, not yet executed
   */
  public static CommandLine commandLine(Function<String, String> environment, InputStream stdin) {
    return commandLine(environment, stdin, new String[0]);
  }

  /**
   * The command line for these arguments: when the first names a command other than {@code help},
   * only that command is built, and it parses, runs, prints and fails exactly as in the full
   * command line; otherwise (no command, an option first, {@code help}, a mistyped name) every
   * command is, so help and "did you mean" list them all.
   *
   * @param environment looks up environment variables ({@code System::getenv} in production); not null
   * @param stdin what a {@code -} file argument reads; not null
   * @param args the arguments that will be executed
   * @return a new command line, not yet executed
   */
  public static CommandLine commandLine(Function<String, String> environment, InputStream stdin, String[] args) {
    CommandLine cli = new CommandLine(new WebconnexCommand(environment, stdin));
    String first = args.length > 0 ? args[0] : null;
    boolean one = first != null && !first.equals("help") && SUBCOMMANDS.stream().anyMatch(e -> e.getKey().equals(first));
    for (Map.Entry<String, Supplier<Object>> command : SUBCOMMANDS) {
      if (!one || command.getKey().equals(first)) {
        cli.addSubcommand(command.getKey(), command.getValue().get());
      }
    }
    // Settings after the subcommands: picocli applies them to the commands present when they are set.
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    // "@file" arguments would be replaced by the file's contents, which then appear in error
    // messages: a secret file given as @secret.txt would be printed. An "@" argument is a plain value.
    cli.setExpandAtFiles(false);
    cli.setParameterExceptionHandler(WebconnexCommand::usageError);
    cli.setExecutionExceptionHandler(WebconnexCommand::executionError);
    return cli;
  }

  Function<String, String> environment() {
    return environment;
  }

  InputStream stdin() {
    return stdin;
  }

  /** {@code webconnex} alone: show what it can do, and fail as a usage error would. */
  @Override
  public void run() {
    PrintWriter err = spec.commandLine().getErr();
    spec.commandLine().usage(err);
    err.flush();
    throw new CommandLine.ParameterException(spec.commandLine(), "missing command");
  }

  /**
   * One line naming the mistake and where help is, instead of picocli's message plus full usage;
   * never repeating a value that may be a secret (see {@link UsageMessage}).
   */
  private static int usageError(CommandLine.ParameterException e, String[] args) {
    CommandLine cmd = e.getCommandLine();
    PrintWriter err = cmd.getErr();
    String name = cmd.getCommandSpec().qualifiedName();
    err.println(name + ": " + UsageMessage.of(e, args) + " (see '" + name + " --help')");
    err.flush();
    return ERROR;
  }

  /** Never a stack trace: people see what went wrong with their input, in one line, escaped. */
  private static int executionError(Exception e, CommandLine cmd, CommandLine.ParseResult parseResult) {
    PrintWriter err = cmd.getErr();
    String name = cmd.getCommandSpec().qualifiedName();
    if (e instanceof CommandFailure failure) {
      java.util.List<String> lines = failure.printableLines();
      err.println(name + ": " + lines.get(0));
      lines.subList(1, lines.size()).forEach(err::println);
    } else if (e instanceof java.nio.file.InvalidPathException invalid) {
      // A path this JVM cannot represent, wherever it was turned into a Path.
      err.println(name + ": " + Printable.unusablePath(invalid, null, false));
    } else {
      err.println(name + ": internal error: " + Printable.escape(e.toString()) + " (please report this)");
    }
    err.flush();
    return ERROR;
  }
}
