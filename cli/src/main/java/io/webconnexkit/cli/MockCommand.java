package io.webconnexkit.cli;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.webconnexkit.wiremock.DeliveryLog;
import io.webconnexkit.wiremock.MockActivity;
import io.webconnexkit.wiremock.MockWebconnex;
import io.webconnexkit.wiremock.WebhookSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code webconnex mock}: WireMock with the mock Webconnex and its bundled mappings, until interrupted. */
@Command(
    name = "mock",
    mixinStandardHelpOptions = true,
    versionProvider = KitVersion.class,
    usageHelpAutoWidth = true,
    header = "Run a mock Webconnex that sends signed webhooks.",
    description = {
      "%nStarts WireMock on 127.0.0.1 with the kit's mock Webconnex: POST /webconnex/events/{event} "
          + "(optionally ?formId=N&webhook=ID) delivers a signed sample of the event to every webhook that "
          + "wants it; /v2/public/webhooks/{id}/logs, .../logs/{logId} and .../resend/{logId} answer like "
          + "Webconnex's API (header apiKey); POST /__webconnex/webhooks/{id}/test/{kind} is the panel's "
          + "\"Send a Test\". Without --settings there is one enabled webhook for every event and form. "
          + "Prints one line per delivery and per logs API call (--quiet: none). A POST to an event path that "
          + "is not a documented event answers 404, naming the event it resembles. Runs until interrupted (Ctrl+C)."
    },
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {
      "0:Stopped by an interrupt.",
      "2:Usage or I/O error: bad options, a bad settings file, an unset secret variable, a port in use."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  webconnex mock --port 8089 \\",
      "      --target http://127.0.0.1:9000/hooks \\",
      "      --secret-env WEBCONNEX_SECRET",
      "  webconnex mock --port 8089 --settings webhooks.json"
    })
final class MockCommand implements Callable<Integer> {

  @ParentCommand WebconnexCommand parent;

  @Spec CommandSpec spec;

  @Option(names = "--port", paramLabel = "N", defaultValue = "0",
      description = "Port on 127.0.0.1 (default: any free port, printed at start).")
  int port;

  @Option(names = "--target", paramLabel = "URL", description = "Where deliveries go (without --settings).")
  String target;

  @ArgGroup(exclusive = true, multiplicity = "0..1")
  SecretOptions secret;

  @Option(names = "--settings", paramLabel = "FILE", converter = PathConverter.class,
      description = "A webhook settings file (see docs/wiremock.md).")
  Path settings;

  @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "10",
      description = "How long a receiver gets to answer (default: ${DEFAULT-VALUE}).")
  int timeout;

  @Option(names = "--api-key-env", paramLabel = "VAR",
      description = "Name of the environment variable holding the only API key the logs API accepts: 401 without "
          + "a key, 404 (code 4404) for another, as Webconnex answers. Without it, any key is accepted.")
  String apiKeyEnv;

  @Option(names = "--burst-limit", paramLabel = "N/SECONDS",
      description = "Answer an API key's requests beyond N per SECONDS with 429, as Webconnex does past its burst "
          + "limit (such as 900/900); each key is counted on its own. Without it, Webconnex's limits are reported in "
          + "X-Burst-* and X-Daily-* headers, never enforced.")
  String burstLimit;

  @Option(names = {"-q", "--quiet"},
      description = "Print nothing per delivery or logs API call (by default one line each: time, event, webhook, "
          + "the receiver's status, milliseconds).")
  boolean quiet;

  /** The clock of the activity lines; UTC, so lines of two machines compare. */
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS", Locale.ROOT)
      .withZone(ZoneOffset.UTC);

  /** One line per delivery and per logs API call, as they happen; names and URLs escaped. */
  private MockActivity console(PrintWriter out) {
    return new MockActivity() {
      @Override
      public void delivered(DeliveryLog d, Duration took) {
        line(out, TIME.format(java.time.Instant.now()) + " delivery " + (d.test() ? "test " : "") + d.eventType()
            + " to webhook " + d.webhookId() + " " + d.url() + ": "
            + (d.responseCode() > 0 ? d.responseCode() + " " : "") + d.status().label()
            + d.error().map(e -> " (" + e + ")").orElse("") + " in " + took.toMillis() + " ms");
      }

      @Override
      public void apiCalled(String method, String path, int status, Duration took) {
        line(out, TIME.format(java.time.Instant.now()) + " api " + method + " " + path + ": " + status + " in "
            + took.toMillis() + " ms");
      }
    };
  }

  private static void line(PrintWriter out, String text) {
    synchronized (out) {
      out.println(Printable.escape(text));
      out.flush();
    }
  }

  @Override
  public Integer call() throws InterruptedException {
    if (port < 0 || port > 65535) {
      throw new CommandFailure("--port must be between 0 and 65535");
    }
    if (timeout < 1) {
      throw new CommandFailure("--timeout must be at least 1 second");
    }
    String apiKey = apiKeyEnv == null ? null : ApiKeyOption.read("--api-key-env", apiKeyEnv, parent.environment());
    int[] burst = burstLimit == null ? null : burst(burstLimit);
    PrintWriter console = spec.commandLine().getOut();
    MockActivity activity = quiet ? null : console(console);
    MockWebconnex webconnex = WebhookSource.mock(settings, target, secret, parent.environment(), Duration.ofSeconds(timeout), true,
        b -> {
          if (apiKey != null) {
            b.apiKey(apiKey);
          }
          if (burst != null) {
            b.burstLimit(burst[0], Duration.ofSeconds(burst[1]));
          }
          if (activity != null) {
            b.activity(activity);
          }
        });
    WireMockServer server;
    try {
      // An empty root: stray mappings in the working directory must not change what the mock does.
      Path root = Files.createTempDirectory("webconnex-mock");
      root.toFile().deleteOnExit();
      server = new WireMockServer(wireMockConfig().port(port).bindAddress("127.0.0.1")
          .usingFilesUnderDirectory(root.toString()).extensions(webconnex)
          .maxRequestJournalEntries(MockWebconnex.REQUEST_JOURNAL_LIMIT));
      server.start();
    } catch (IOException | RuntimeException e) {
      webconnex.close();
      throw new CommandFailure("cannot start the mock" + (port > 0 ? " on port " + port : "") + ": " + e.getMessage());
    }
    String base = "http://127.0.0.1:" + server.port();
    PrintWriter out = spec.commandLine().getOut();
    out.println("Mock Webconnex on " + base + " (port " + server.port() + ")");
    out.println("  deliver an event:  POST " + base + "/webconnex/events/{event}[?formId=N&webhook=ID]");
    out.println("  webhook API:       " + base + "/v2/public  (GET /webhooks/{id}/logs, /webhooks/{id}/logs/{logId},"
        + " POST /webhooks/{id}/resend/{logId}; header apiKey" + (apiKey != null ? ": only the key in "
        + (apiKeyEnv.trim().matches("[A-Z_][A-Z0-9_]*") ? apiKeyEnv.trim() : "--api-key-env") : "") + ")");
    out.println("  send a test:       POST " + base + "/__webconnex/webhooks/{id}/test/{registration|subscription|publish|coupon}");
    out.println("Webhooks:");
    for (WebhookSettings webhook : webconnex.settings().webhooks()) {
      out.println("  " + Printable.escape(String.valueOf(webhook)));
    }
    out.println("Press Ctrl+C to stop.");
    out.flush();
    CountDownLatch stopped = new CountDownLatch(1);
    Thread hook = new Thread(() -> {
      server.stop();
      webconnex.close();
      stopped.countDown();
    }, "webconnex-mock-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Runtime.getRuntime().removeShutdownHook(hook);
      server.stop();
      webconnex.close();
      out.println("Mock Webconnex stopped.");
      out.flush();
    }
    return WebconnexCommand.OK;
  }

  private static int[] burst(String text) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{1,9})/(\\d{1,9})").matcher(text.trim());
    if (!m.matches() || Integer.parseInt(m.group(1)) < 1 || Integer.parseInt(m.group(2)) < 1) {
      throw new CommandFailure("--burst-limit must be N/SECONDS with both at least 1, such as 900/900, not "
          + io.webconnexkit.validator.ReportLine.quote(text));
    }
    return new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))};
  }
}
