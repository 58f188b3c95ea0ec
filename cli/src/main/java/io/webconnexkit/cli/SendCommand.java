package io.webconnexkit.cli;

import io.webconnexkit.validator.EventType;
import io.webconnexkit.validator.Profile;
import io.webconnexkit.validator.RecordedDeliveryReader;
import io.webconnexkit.validator.ReportLine;
import io.webconnexkit.validator.ValidationReport;
import io.webconnexkit.validator.WebconnexValidator;
import io.webconnexkit.wiremock.DeliveryLog;
import io.webconnexkit.wiremock.MockWebconnex;
import io.webconnexkit.wiremock.SendResult;
import io.webconnexkit.wiremock.TestKind;
import io.webconnexkit.wiremock.WebconnexWebhooks;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code webconnex send}: one signed delivery, as Webconnex would send it. */
@Command(
    name = "send",
    mixinStandardHelpOptions = true,
    versionProvider = KitVersion.class,
    usageHelpAutoWidth = true,
    header = "Send a signed webhook delivery, as Webconnex would.",
    description = {
      "%nPOSTs one event with the headers Webconnex sends (User-Agent Webconnex-Divvy, a fresh "
          + "X-Webconnex-Delivery, X-Webconnex-Event, and X-Webconnex-Signature over the exact bytes sent), "
          + "and prints what the receiver answered. The body is a generated sample of the event, or --file.",
      "%nWith --settings, the event goes to every webhook of the file that wants it (enabled, toggled on "
          + "for the event, and for the event's form), each signed with its own secret; the others are "
          + "listed as skipped. With --test=KIND the panel's \"Send a Test\" goes to one webhook."
    },
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {
      "0:Every delivery was answered with a 2xx status (or every webhook skipped the event).",
      "1:A receiver answered with another status, did not answer in time, or could not be reached; "
          + "or --file does not conform to the event's contract (nothing is sent, unless --allow-invalid).",
      "2:Usage or I/O error: bad options, a bad settings file, an unset secret variable."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  webconnex send --event registration \\",
      "      --to http://127.0.0.1:9000/hooks \\",
      "      --secret-env WEBCONNEX_SECRET",
      "  webconnex send --event coupon --file coupon.json \\",
      "      --to https://example.org/hooks \\",
      "      --secret-file secret.txt",
      "  webconnex send --settings webhooks.json \\",
      "      --event registration --form 432",
      "  webconnex send --settings webhooks.json \\",
      "      --webhook 2 --test registration"
    })
final class SendCommand implements Callable<Integer> {

  @ParentCommand WebconnexCommand parent;

  @Spec CommandSpec spec;

  @Option(names = "--event", paramLabel = "TYPE",
      description = "The event type: registration, publish, subscription, sms, inventory_80, inventory_90, "
          + "inventory_100, coupon, edit_registrant, cancel_registrant, edit_ticket, cancel_ticket or test.")
  String event;

  @Option(names = "--to", paramLabel = "URL", description = "Where to send (without --settings).")
  String to;

  @ArgGroup(exclusive = true, multiplicity = "0..1")
  SecretOptions secret;

  @Option(names = "--file", paramLabel = "FILE", converter = PathConverter.class,
      description = "The body to send instead of a generated sample.")
  Path file;

  @Option(names = "--allow-invalid",
      description = "Send --file even when it does not conform to the event's contract (for testing how a receiver "
          + "handles a broken payload); its problems are still printed.")
  boolean allowInvalid;

  @Option(names = "--documented-only",
      description = "Leave the fields real traffic carries but Webconnex's tables do not list (observed fields, such "
          + "as a registration's data.formName) out of the generated sample; by default it carries them, as Webconnex does.")
  boolean documentedOnly;

  @Option(names = "--form", paramLabel = "ID", description = "The form the event belongs to.")
  Long form;

  @Option(names = "--settings", paramLabel = "FILE", converter = PathConverter.class,
      description = "A webhook settings file (see docs/wiremock.md).")
  Path settings;

  @Option(names = "--webhook", paramLabel = "ID", description = "Only this webhook of the settings.")
  Long webhook;

  @Option(names = "--test", paramLabel = "KIND",
      description = "Send a Test to --webhook: registration, subscription, publish or coupon.")
  String test;

  @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "10",
      description = "How long the receiver gets to answer (default: ${DEFAULT-VALUE}).")
  int timeout;

  /**
   * Whether the file conforms to the event's contract (lenient profile), as {@code webconnex
   * validate} would say; its problems are printed to standard error either way, as
   * {@code validate} prints them, and a refusal says how to send it anyway.
   */
  private boolean conforms(Path body, EventType type) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(body);
    } catch (IOException e) {
      throw new CommandFailure(Printable.escape(body.toString()) + ": " + Printable.escape(RecordedDeliveryReader.describe(e)));
    }
    ValidationReport report = WebconnexValidator.builder().profile(Profile.LENIENT).build().validate(bytes, type);
    PrintWriter err = spec.commandLine().getErr();
    report.problems().forEach(problem -> err.println(ReportLine.of(body.toString(), problem)));
    if (!report.isValid()) {
      err.println("webconnex send: " + Printable.escape(body.toString()) + " does not conform to the "
          + type.wireName() + " contract: " + (allowInvalid ? "sending it anyway (--allow-invalid)"
              : "nothing sent (add --allow-invalid to send it on purpose)"));
    }
    err.flush();
    return report.isValid();
  }

  @Override
  public Integer call() {
    if (test == null && event == null) {
      throw new CommandFailure("name the event with --event TYPE (or --test KIND with --settings and --webhook)");
    }
    if (test != null && (event != null || settings == null || webhook == null)) {
      throw new CommandFailure("--test KIND sends the panel's test to one webhook: use it with --settings FILE and --webhook ID, without --event");
    }
    if (webhook != null && settings == null) {
      throw new CommandFailure("--webhook ID picks a webhook of --settings FILE");
    }
    if (file != null && !Files.isRegularFile(file)) {
      throw new CommandFailure(file + ": no such file");
    }
    if (timeout < 1) {
      throw new CommandFailure("--timeout must be at least 1 second");
    }
    MockWebconnex webconnex = WebhookSource.mock(settings, to, secret, parent.environment(), Duration.ofSeconds(timeout), false);
    try {
      PrintWriter out = spec.commandLine().getOut();
      List<DeliveryLog> delivered;
      if (test != null) {
        TestKind kind = TestKind.fromName(test).orElseThrow(() -> new CommandFailure(
            "--test: unknown test \"" + test + "\"; the panel offers registration, subscription, publish and coupon"));
        try {
          delivered = List.of(webconnex.sendTest(webhook, kind));
        } catch (IllegalArgumentException | IllegalStateException e) {
          throw new CommandFailure(e.getMessage());
        }
      } else {
        EventType type = EventType.fromWireName(event).orElseThrow(() -> new CommandFailure(
            "--event: unknown event type \"" + event + "\" (see 'webconnex send --help')"));
        WebconnexWebhooks delivery = WebconnexWebhooks.deliver(type);
        if (webhook != null) {
          delivery.toWebhook(webhook);
        }
        if (form != null) {
          delivery.forForm(form);
        }
        if (documentedOnly) {
          delivery.documentedOnly();
        }
        if (file != null) {
          if (!conforms(file, type) && !allowInvalid) {
            return WebconnexCommand.INVALID;
          }
          delivery.withBodyFile(file.toString());
        }
        SendResult result;
        try {
          result = webconnex.send(delivery);
        } catch (IllegalArgumentException e) {
          throw new CommandFailure(e.getMessage());
        }
        delivered = result.deliveries();
        result.skipped().forEach(skipped -> out.println(Printable.escape(String.valueOf(skipped))));
      }
      boolean allOk = true;
      for (DeliveryLog log : delivered) {
        String name = webconnex.settings().webhook(log.webhookId()).map(w -> " \"" + w.name() + "\"").orElse("");
        // Names, URLs and errors come from settings and receivers: one line each, escaped.
        out.println(Printable.escape("webhook " + log.webhookId() + name + ": " + (log.test() ? "test " : "") + log.eventType()
            + " delivery " + log.deliveryId() + " to " + log.url() + ": "
            + (log.responseCode() > 0 ? log.responseCode() + " " : "") + log.status().label()
            + log.error().map(e -> " (" + e + ")").orElse("")));
        allOk &= log.status() == DeliveryLog.Status.SUCCESS;
      }
      out.flush();
      return allOk ? WebconnexCommand.OK : WebconnexCommand.INVALID;
    } finally {
      webconnex.close();
    }
  }
}
