package io.webconnexkit.cli;

import io.webconnexkit.validator.RecordedDelivery;
import io.webconnexkit.validator.RecordedDeliveryReader;
import io.webconnexkit.validator.ReportLine;
import io.webconnexkit.validator.SigningSecret;
import io.webconnexkit.wiremock.DeliveryReplay;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code webconnex replay}: send recorded deliveries to a receiver, in their recorded order. */
@Command(
    name = "replay",
    mixinStandardHelpOptions = true,
    versionProvider = KitVersion.class,
    usageHelpAutoWidth = true,
    header = "Send recorded deliveries to a receiver.",
    description = {
      "%nSends every delivery found in the paths (what 'webconnex pull' wrote, webhook logs API records, "
          + "WireMock journals, JSON Lines archives, bare payloads; directories are searched for *.json, "
          + "*.jsonl and *.ndjson), in their recorded order, to --to. The body is the recorded bytes where "
          + "the record has them (a WireMock journal), otherwise the recorded JSON serialised once; the "
          + "recorded headers go with it. X-Webconnex-Signature is computed with the given secret over the "
          + "exact bytes sent (a receiver under test has its own test secret), or kept as recorded with "
          + "--keep-signature; X-Webconnex-Delivery is fresh unless --keep-delivery-id.",
      "%nEvery path is read before anything is sent: a file that holds no delivery stops the replay."
    },
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {
      "0:Every delivery was answered with a 2xx status (or --dry-run).",
      "1:A delivery was answered with another status, not answered in time, or could not be sent.",
      "2:Usage or I/O error: a bad option, a missing file, a file that holds no delivery, an unset secret variable."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  webconnex replay --to http://127.0.0.1:8080/hooks \\",
      "      --secret-env TEST_SECRET deliveries/",
      "  webconnex replay --to http://127.0.0.1:8080/hooks \\",
      "      --keep-signature --keep-delivery-id \\",
      "      --rate 5/s pulled.jsonl",
      "  webconnex replay --to http://127.0.0.1:8080/hooks \\",
      "      --secret-env TEST_SECRET --dry-run journal.json"
    })
final class ReplayCommand implements Callable<Integer> {

  private static final Pattern LOG_FILE = Pattern.compile("(\\d{1,19})-.*\\.json");
  private static final Pattern RATE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(?:/\\s*s)?");
  private static final Set<String> NOT_SENDABLE = Set.of("content-length", "host", "connection", "expect", "upgrade",
      "transfer-encoding", "keep-alive", "te", "trailer", "proxy-connection");
  /** How many unreadable records the refusal lists before it says how many more there are. */
  private static final int LISTED_PROBLEMS = 20;

  @ParentCommand WebconnexCommand parent;

  @Spec CommandSpec spec;

  @Option(names = "--to", paramLabel = "URL", required = true, description = "The receiver's URL.")
  String to;

  @ArgGroup(exclusive = true, multiplicity = "0..1")
  SecretOptions secret;

  @Option(names = "--rate", paramLabel = "N/s", description = "At most N deliveries a second (such as 5/s or 0.5/s).")
  String rate;

  @Option(names = "--dry-run", description = "Print what would be sent; send nothing.")
  boolean dryRun;

  @Option(names = "--keep-signature", description = "Send X-Webconnex-Signature as recorded instead of signing again.")
  boolean keepSignature;

  @Option(names = "--keep-delivery-id",
      description = "Send X-Webconnex-Delivery as recorded instead of a fresh one (to test de-duplication).")
  boolean keepDeliveryId;

  @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "10",
      description = "How long the receiver gets to answer each delivery (default: ${DEFAULT-VALUE}).")
  int timeout;

  @Parameters(paramLabel = "PATH", arity = "1..*", description = "Files or directories of recorded deliveries.")
  List<String> paths;

  @Override
  public Integer call() {
    URI target = target(to);
    if (timeout < 1) {
      throw new CommandFailure("--timeout must be at least 1 second");
    }
    long intervalNanos = rate == null ? 0 : interval(rate);
    if (secret == null && !keepSignature) {
      throw new CommandFailure("give the receiver's signing secret with --secret-env VAR or --secret-file FILE, "
          + "or send the recorded signatures with --keep-signature");
    }
    SigningSecret signing = secret == null ? null : secret.resolve(parent);
    DeliveryReplay replay = DeliveryReplay.standard();
    if (keepSignature) {
      replay = replay.keepingSignature();
    }
    if (keepDeliveryId) {
      replay = replay.keepingDeliveryId();
    }
    List<Input> inputs = inRecordedOrder(Input.expand(paths));
    RecordedDeliveryReader reader = RecordedDeliveryReader.standard();

    // First pass: every record must hold a delivery, or nothing is sent.
    List<String> problems = new ArrayList<>();
    int[] found = {0};
    forEach(reader, inputs, record -> {
      found[0]++;
      if (!record.hasBody()) {
        problems.add(record.name() + ":" + record.line() + ":" + record.column() + ": "
            + (record.readProblems().isEmpty() ? "nothing to send" : record.readProblems().get(0).message()));
      }
    });
    if (!problems.isEmpty()) {
      StringBuilder message = new StringBuilder(problems.size() == 1 ? "1 record holds" : problems.size() + " records hold")
          .append(" no delivery; nothing was sent:");
      problems.stream().limit(LISTED_PROBLEMS).forEach(p -> message.append("\n  ").append(ReportLine.escape(p)));
      if (problems.size() > LISTED_PROBLEMS) {
        message.append("\n  ... and ").append(problems.size() - LISTED_PROBLEMS).append(" more");
      }
      throw CommandFailure.ofLines(message.toString());
    }
    if (found[0] == 0) {
      throw new CommandFailure("no deliveries found in " + ReportLine.escape(String.join(" ", paths)) + "; nothing was sent");
    }

    PrintWriter out = spec.commandLine().getOut();
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(Math.min(timeout, 5))).followRedirects(HttpClient.Redirect.NEVER).build();
    int[] counts = new int[3]; // sent, 2xx, not
    long[] next = {System.nanoTime()};
    DeliveryReplay options = replay;
    try {
      forEach(reader, inputs, record -> {
        DeliveryReplay.Request request;
        try {
          request = options.request(record, signing);
        } catch (IllegalArgumentException e) {
          throw new CommandFailure(record.name() + ": " + e.getMessage());
        }
        String name = ReportLine.escape(record.name()) + ": " + ReportLine.escape(request.eventType());
        if (dryRun) {
          counts[0]++;
          out.println(name + " would be sent: " + request.body().length + " bytes, delivery "
              + ReportLine.escape(request.header("X-Webconnex-Delivery").orElse("none")) + ", signature "
              + (request.header("X-Webconnex-Signature").isPresent() ? (keepSignature ? "as recorded" : "computed") : "none"));
          out.flush();
          return;
        }
        pace(next, intervalNanos);
        counts[0]++;
        long start = System.nanoTime();
        String outcome;
        boolean ok;
        try {
          HttpResponse<Void> response = client.send(build(target, request, timeout), HttpResponse.BodyHandlers.discarding());
          ok = response.statusCode() >= 200 && response.statusCode() < 300;
          outcome = Integer.toString(response.statusCode());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new CommandFailure("interrupted after " + (counts[0] - 1) + " deliveries");
        } catch (HttpConnectTimeoutException e) {
          ok = false;
          outcome = "not sent (could not connect within " + Math.min(timeout, 5) + " s)";
        } catch (ConnectException e) {
          ok = false;
          outcome = "not sent (connection refused)";
        } catch (HttpTimeoutException e) {
          ok = false;
          outcome = "no answer within " + timeout + " s";
        } catch (IOException e) {
          ok = false;
          outcome = "failed (" + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ")";
        } catch (IllegalArgumentException e) {
          // A recorded header the HTTP client refuses to send (a restricted or malformed name or value).
          ok = false;
          outcome = "not sent (" + e.getMessage() + ")";
        }
        long ms = (System.nanoTime() - start) / 1_000_000;
        counts[ok ? 1 : 2]++;
        out.println(name + " " + ReportLine.escape(outcome) + " " + ms + " ms");
        out.flush();
      });
    } finally {
      out.flush();
    }
    if (dryRun) {
      out.println("dry run: " + counts[0] + " deliver" + (counts[0] == 1 ? "y" : "ies") + " would be sent to "
          + ReportLine.escape(target.toString()) + "; nothing was sent");
      out.flush();
      return WebconnexCommand.OK;
    }
    out.println("replayed " + counts[0] + " deliver" + (counts[0] == 1 ? "y" : "ies") + " to " + ReportLine.escape(target.toString())
        + ": " + counts[1] + " answered 2xx, " + counts[2] + " did not");
    out.flush();
    return counts[2] == 0 ? WebconnexCommand.OK : WebconnexCommand.INVALID;
  }

  private void forEach(RecordedDeliveryReader reader, List<Input> inputs, Consumer<RecordedDelivery> sink) {
    for (Input input : inputs) {
      if (input.isStdin()) {
        reader.read(parent.stdin(), input.name(), false, sink);
      } else {
        reader.read(input.file(), input.name(), sink);
      }
    }
  }

  /**
   * The files of one directory in log order: names that start with a log id ({@code 9-coupon.json},
   * {@code 10-registration.json}, as {@code pull} writes them) sort by that number, not as text, and
   * come first; the rest follow in name order. Arguments keep their order.
   */
  static List<Input> inRecordedOrder(List<Input> inputs) {
    List<Input> ordered = new ArrayList<>(inputs.size());
    int start = 0;
    while (start < inputs.size()) {
      int end = start + 1;
      while (end < inputs.size() && sameDirectory(inputs.get(start), inputs.get(end))) {
        end++;
      }
      List<Input> run = new ArrayList<>(inputs.subList(start, end));
      // Stable: files named by log id first, by that id; the others after them, in name order.
      run.sort(java.util.Comparator.comparingLong((Input i) -> leadingId(i) < 0 ? Long.MAX_VALUE : leadingId(i)));
      ordered.addAll(run);
      start = end;
    }
    return ordered;
  }

  private static boolean sameDirectory(Input a, Input b) {
    return a.file() != null && b.file() != null && java.util.Objects.equals(a.file().getParent(), b.file().getParent());
  }

  private static long leadingId(Input input) {
    if (input.file() == null || input.file().getFileName() == null) {
      return -1;
    }
    Matcher m = LOG_FILE.matcher(input.file().getFileName().toString());
    if (!m.matches()) {
      return -1;
    }
    try {
      return Long.parseLong(m.group(1));
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static HttpRequest build(URI target, DeliveryReplay.Request request, int timeout) {
    HttpRequest.Builder b = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(timeout))
        .POST(HttpRequest.BodyPublishers.ofByteArray(request.body()));
    request.headers().forEach((name, values) -> {
      if (!NOT_SENDABLE.contains(name.toLowerCase(Locale.ROOT))) {
        values.forEach(v -> b.header(name, v));
      }
    });
    return b.build();
  }

  /** Waits until the next send is due, so that at most one goes out per interval. */
  private static void pace(long[] next, long intervalNanos) {
    if (intervalNanos <= 0) {
      return;
    }
    long wait = next[0] - System.nanoTime();
    if (wait > 0) {
      try {
        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new CommandFailure("interrupted while pacing to --rate");
      }
    }
    next[0] = Math.max(next[0], System.nanoTime()) + intervalNanos;
  }

  private static long interval(String text) {
    Matcher m = RATE.matcher(text.trim().toLowerCase(Locale.ROOT));
    double perSecond = m.matches() ? Double.parseDouble(m.group(1)) : -1;
    if (perSecond <= 0 || perSecond > 10_000) {
      throw new CommandFailure("--rate must be a number of deliveries a second above 0 and at most 10000, such as 5/s "
          + "or 0.5/s, not " + ReportLine.quote(text));
    }
    return (long) (1_000_000_000L / perSecond);
  }

  private static URI target(String text) {
    try {
      URI uri = new URI(text.trim());
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if ((!scheme.equals("http") && !scheme.equals("https")) || uri.getHost() == null) {
        throw new URISyntaxException(text, "not http");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new CommandFailure("--to must be an http or https URL such as http://127.0.0.1:8080/webhooks, not "
          + ReportLine.quote(text));
    }
  }
}
