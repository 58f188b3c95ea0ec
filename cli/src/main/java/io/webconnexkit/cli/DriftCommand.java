package io.webconnexkit.cli;

import io.webconnexkit.validator.DriftReport;
import io.webconnexkit.validator.RecordedDeliveryReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code webconnex drift}: recorded deliveries in, how they drift from the documented contract out. */
@Command(
    name = "drift",
    mixinStandardHelpOptions = true,
    versionProvider = KitVersion.class,
    usageHelpAutoWidth = true,
    header = "Report how recorded traffic drifts from Webconnex's documented contract.",
    description = {
      "%nReads every recorded delivery in the paths (bare payloads, webhook logs API records and pages, "
          + "WireMock journals, JSON Lines of any of these), one at a time, and reports per event type: "
          + "the number of payloads, undocumented fields, observed fields (known from real traffic, listed "
          + "apart), type mismatches, documented fields never seen, format deviations; and the event types "
          + "that are not documented, with the documented one each resembles.",
      "%nValues under keys that look like a secret, a card or a token are never printed."
    },
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {
      "0:The report was written (with --baseline: nothing is new).",
      "1:With --baseline: something is new since the baseline (a field, a type, a format, an event type).",
      "2:Usage or I/O error: a bad option, a missing file, a baseline that is not a drift report, an --out "
          + "file the kit did not write."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  webconnex drift examples/recorded",
      "  webconnex drift --format html --out drift.html \\",
      "      pulled/",
      "  webconnex drift --format json --out baseline.json \\",
      "      pulled/",
      "  webconnex drift --baseline baseline.json pulled/"
    })
final class DriftCommand implements Callable<Integer> {

  @ParentCommand WebconnexCommand parent;

  @Spec CommandSpec spec;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "text",
      description = "text (the default), json (the documented form, docs/traffic.md) or html (one "
          + "self-contained page).")
  String format;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description = "Write the report to this file instead of standard output. An existing file is replaced "
          + "only when it is a drift report itself.")
  String out;

  @Option(
      names = "--baseline",
      paramLabel = "FILE",
      description = "A drift report saved with --format json: report only what is new since then, and exit "
          + "with 1 when there is something new.")
  String baseline;

  @Parameters(
      arity = "1..*",
      paramLabel = "PATH",
      description = "Files; directories, whose *.json, *.jsonl and *.ndjson files are read recursively in "
          + "sorted order; or - for standard input.")
  List<String> paths;

  @Override
  public Integer call() {
    String form = format.toLowerCase(Locale.ROOT);
    if (!List.of("text", "json", "html").contains(form)) {
      throw new CommandFailure("--format: expected text, json or html but found \"" + format + "\"");
    }
    Path outFile = out == null ? null : Printable.path(out, "--out", true);
    if (outFile != null) {
      checkWritable(outFile);
    }
    DriftReport before = baseline == null ? null : readBaseline(Printable.path(baseline, "--baseline", true));
    List<Input> inputs = Input.expand(paths);
    DriftReport.Builder builder = DriftReport.builder();
    RecordedDeliveryReader reader = RecordedDeliveryReader.standard();
    for (Input input : inputs) {
      if (input.isStdin()) {
        reader.read(parent.stdin(), input.name(), false, builder::add);
      } else {
        reader.read(input.file(), input.name(), builder::add);
      }
    }
    DriftReport report = builder.build();
    if (before != null) {
      report = report.newSince(before);
    }
    String text = switch (form) {
      case "json" -> report.toJson(true);
      case "html" -> report.toHtml();
      default -> report.toText();
    };
    if (outFile == null) {
      PrintWriter writer = spec.commandLine().getOut();
      writer.print(text);
      writer.flush();
    } else {
      write(outFile, text);
      spec.commandLine().getErr().println("drift: wrote " + Printable.escape(outFile.toString()));
    }
    if (before != null) {
      if (report.hasFindings()) {
        spec.commandLine().getErr().println("drift: something is new since the baseline " + Printable.escape(baseline));
        return WebconnexCommand.INVALID;
      }
      spec.commandLine().getErr().println("drift: nothing new since the baseline " + Printable.escape(baseline));
    }
    return WebconnexCommand.OK;
  }

  private static DriftReport readBaseline(Path file) {
    String json;
    try {
      json = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new CommandFailure("--baseline: " + RecordedDeliveryReader.describe(e));
    } catch (RuntimeException e) {
      throw new CommandFailure("--baseline: " + file + ": not UTF-8 text");
    }
    try {
      return DriftReport.fromJson(json);
    } catch (IllegalArgumentException e) {
      throw new CommandFailure("--baseline: " + file + ": " + e.getMessage());
    }
  }

  /** Refuses to replace a file the kit did not write, or a directory. */
  private static void checkWritable(Path file) {
    if (Files.isDirectory(file)) {
      throw new CommandFailure("--out: " + file + " is a directory; give a file name");
    }
    if (!Files.exists(file)) {
      return;
    }
    String start;
    try (var in = Files.newInputStream(file)) {
      start = new String(in.readNBytes(512), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new CommandFailure("--out: " + RecordedDeliveryReader.describe(e));
    }
    boolean ours = start.startsWith("drift: ") || start.startsWith("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">")
        && start.contains("<title>Webconnex drift report</title>")
        || start.startsWith("{\n  \"payloads\" : ");
    if (!ours) {
      throw new CommandFailure("--out: " + file + " exists and is not a drift report; it is left as it is (give another file)");
    }
  }

  /** Writes under a temporary name beside the file, then moves it into place. */
  private static void write(Path file, String text) {
    Path absolute = file.toAbsolutePath();
    Path temp = null;
    try {
      Path dir = absolute.getParent();
      if (dir != null) {
        Files.createDirectories(dir);
      }
      temp = Files.createTempFile(dir, "." + absolute.getFileName(), ".tmp");
      Files.writeString(temp, text, StandardCharsets.UTF_8);
      try {
        Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new CommandFailure("--out: " + RecordedDeliveryReader.describe(e));
    } finally {
      if (temp != null) {
        try {
          Files.deleteIfExists(temp);
        } catch (IOException ignored) {
          // Nothing more to do: the message above names the real problem.
        }
      }
    }
  }
}
