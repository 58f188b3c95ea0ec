package io.webconnexkit.cli;

import io.webconnexkit.validator.Profile;
import io.webconnexkit.validator.ValidationReport;
import io.webconnexkit.validator.WebconnexValidator;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code webconnex validate}: files in, one report per file and a summary out. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    versionProvider = KitVersion.class,
    usageHelpAutoWidth = true,
    header = "Validate payload files against the kit's schemas.",
    description = {
      "%nValidates Webconnex webhook payloads, choosing the schema by each payload's eventType. "
          + "Prints one compiler-style line per problem (path:line:column: error: /pointer: message), "
          + "then a summary line.",
      "%nWarnings (an unknown event type in the lenient profile, a timestamp in an older form) "
          + "do not make a payload invalid."
    },
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {
      "0:Every payload is valid (warnings allowed).",
      "1:At least one payload is invalid.",
      "2:Usage or I/O error: a bad option, a missing file, an unreadable directory."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  webconnex validate examples/payloads",
      "  webconnex validate --strict registration.json publish.json",
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
          + "json: one JSON document with a result per file, for programs.")
  ReportFormat format;

  @Parameters(
      arity = "1..*",
      paramLabel = "PATH",
      description = "Payload files; directories, whose files named *.json are validated recursively "
          + "in sorted order; or - for standard input.")
  List<String> paths;

  @Override
  public Integer call() {
    List<Input> inputs = Input.expand(paths);
    WebconnexValidator validator = WebconnexValidator.builder()
        .profile(strict ? Profile.STRICT : Profile.LENIENT)
        .build();
    List<ReportFormat.Result> results = new ArrayList<>(inputs.size());
    PrintWriter out = spec.commandLine().getOut();
    for (Input input : inputs) {
      ReportFormat.Result result = new ReportFormat.Result(input.name(), validate(validator, input));
      results.add(result);
      format.printAsItGoes(result, out);
    }
    format.printAtEnd(results, out);
    out.flush();
    return results.stream().allMatch(r -> r.report().isValid()) ? WebconnexCommand.OK : WebconnexCommand.INVALID;
  }

  private ValidationReport validate(WebconnexValidator validator, Input input) {
    byte[] body = input.read(parent.stdin(), validator.maxBodyBytes());
    if (body.length > validator.maxBodyBytes()) {
      // Only a prefix was read; the stream form reports "over the limit" without a wrong size.
      return validator.validate(new ByteArrayInputStream(body));
    }
    return validator.validate(body);
  }
}
