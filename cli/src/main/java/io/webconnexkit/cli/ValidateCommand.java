package io.webconnexkit.cli;

import io.webconnexkit.validator.CheckedRecord;
import io.webconnexkit.validator.DeliveryVerifier;
import io.webconnexkit.validator.ProblemLevels;
import io.webconnexkit.validator.Profile;
import io.webconnexkit.validator.RecordedDeliveryReader;
import io.webconnexkit.validator.SecretSource;
import io.webconnexkit.validator.SecretSourceException;
import io.webconnexkit.validator.SigningSecret;
import io.webconnexkit.validator.WebconnexValidator;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code webconnex validate}: recorded files in, one report per record and a summary out. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    versionProvider = KitVersion.class,
    usageHelpAutoWidth = true,
    header = "Validate payloads and recorded deliveries against the kit's schemas.",
    description = {
      "%nValidates Webconnex webhook payloads, choosing the schema by each payload's eventType. "
          + "Reads bare payloads, webhook logs API records, pages and resend responses, WireMock request "
          + "journals and recorded requests, and JSON Lines (*.jsonl, *.ndjson) of any of these. "
          + "Prints one compiler-style line per problem (path:line:column: error: /pointer: message), "
          + "then a summary line.",
      "%nWarnings (an unknown event type in the lenient profile, a timestamp in an older form) "
          + "do not make a payload invalid; info lines (a signature a logs record cannot prove) never do. "
          + "--level changes the level of a problem key (docs/problem-keys.md lists them)."
    },
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {
      "0:Every record is valid (warnings allowed).",
      "1:At least one record is invalid.",
      "2:Usage or I/O error: a bad option or level, a missing file, an unreadable directory, an unset secret."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  webconnex validate examples/payloads",
      "  webconnex validate --strict registration.json publish.json",
      "  webconnex validate --secret-env WEBCONNEX_SECRET wiremock-journal.json",
      "  webconnex validate --level delivery.userAgent=ignore deliveries.jsonl",
      "  webconnex validate --format json - < body.json"
    })
final class ValidateCommand implements Callable<Integer> {

  @ParentCommand WebconnexCommand parent;

  @Spec CommandSpec spec;

  @Option(
      names = "--strict",
      description = "Use the strict profile: every documented field is required; undocumented fields and "
          + "unknown event types are errors. Without it, the lenient profile accepts what Webconnex "
          + "has been seen to send.")
  boolean strict;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "text",
      converter = ReportFormat.Converter.class,
      description = "text (the default): compiler-style lines and a summary, for people and CI logs; "
          + "json: one JSON document with a result per record, for programs.")
  ReportFormat format;

  @Option(
      names = "--level",
      paramLabel = "KEY=LEVEL",
      description = "Set the level of a problem key, or of every key under a prefix, to error, warning, info "
          + "or ignore (repeatable; the most specific key wins), e.g. delivery.userAgent=ignore.")
  List<String> levels = new ArrayList<>();

  @Option(
      names = "--secret-env",
      paramLabel = "VAR",
      description = "Name of an environment variable holding the webhook's signing secret, to check the "
          + "signatures of records that carry the raw body and headers (WireMock journals). Repeatable, for a "
          + "rotation: a signature made with any of the secrets verifies.")
  List<String> secretVariables = new ArrayList<>();

  @Option(
      names = "--secret-file",
      paramLabel = "FILE",
      description = "File whose first line is a signing secret, as --secret-env. Repeatable.")
  List<String> secretFiles = new ArrayList<>();

  @Parameters(
      arity = "1..*",
      paramLabel = "PATH",
      description = "Files; directories, whose *.json, *.jsonl and *.ndjson files are read recursively in "
          + "sorted order; or - for standard input.")
  List<String> paths;

  @Override
  public Integer call() {
    DeliveryVerifier verifier = DeliveryVerifier.builder()
        .validator(WebconnexValidator.builder().profile(strict ? Profile.STRICT : Profile.LENIENT).levels(levels()).build())
        .signingSecrets(secrets())
        .build();
    List<Input> inputs = Input.expand(paths);
    RecordedDeliveryReader reader = RecordedDeliveryReader.standard();
    PrintWriter out = spec.commandLine().getOut();
    ReportFormat.Tally tally = new ReportFormat.Tally();
    tally.files = inputs.size();
    ReportFormat.Printer printer = format.printer(out);
    for (Input input : inputs) {
      // Each record is printed and dropped: a JSON Lines archive of any size is checked in bounded memory.
      java.util.function.Consumer<io.webconnexkit.validator.RecordedDelivery> check = record -> {
        CheckedRecord result = new CheckedRecord(record, verifier.verify(record));
        tally.add(result);
        printer.print(result);
      };
      if (input.isStdin()) {
        reader.read(parent.stdin(), input.name(), false, check);
      } else {
        reader.read(input.file(), input.name(), check);
      }
    }
    printer.end(tally);
    out.flush();
    return tally.allValid() ? WebconnexCommand.OK : WebconnexCommand.INVALID;
  }

  private ProblemLevels levels() {
    ProblemLevels all = ProblemLevels.none();
    for (String entry : levels) {
      try {
        all = all.withEntry(entry);
      } catch (IllegalArgumentException e) {
        throw new CommandFailure("--level: " + e.getMessage());
      }
    }
    return all;
  }

  private List<SigningSecret> secrets() {
    List<SigningSecret> secrets = new ArrayList<>();
    try {
      for (String variable : secretVariables) {
        secrets.add(parent.resolve(SecretSource.environment(variable)));
      }
    } catch (SecretSourceException e) {
      throw new CommandFailure("--secret-env: " + e.getMessage());
    }
    try {
      for (String file : secretFiles) {
        secrets.add(parent.resolve(SecretSource.file(Printable.path(file, "--secret-file", false))));
      }
    } catch (SecretSourceException e) {
      throw new CommandFailure("--secret-file: " + e.getMessage());
    }
    return secrets;
  }
}
