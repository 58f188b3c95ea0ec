package io.webconnexkit.cli;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.webconnexkit.validator.RecordedDeliveryReader;
import io.webconnexkit.validator.ReportLine;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code webconnex pull}: record a webhook's deliveries from Webconnex's logs API, resuming where it left off. */
@Command(
    name = "pull",
    mixinStandardHelpOptions = true,
    versionProvider = KitVersion.class,
    usageHelpAutoWidth = true,
    header = "Record a webhook's deliveries from Webconnex's webhook logs API.",
    description = {
      "%nPages through GET {base}/webhooks/{id}/logs and fetches each GET {base}/webhooks/{id}/logs/{logId}, "
          + "writing every record unchanged: one file {logId}-{eventType}.json per log in a directory, or one "
          + "line per record in a .jsonl file. Pulling again into the same place fetches only the logs that are "
          + "not there yet; no file is ever rewritten or deleted, and each is written under a temporary name and "
          + "moved into place, so an interrupted pull leaves no half file.",
      "%nThe API key comes from the environment variable --api-key-env names (header apiKey) and is never "
          + "printed. The pull keeps under the burst limit the answers report (X-Burst-*), waits and retries on "
          + "429 and 5xx with bounded backoff, and stops on 401 and 404. Progress goes to standard error, "
          + "what was written to standard output."
    },
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {
      "0:Every listed log is recorded (newly written or already there).",
      "2:The API refused (401: no key accepted; 404: a wrong key or no such webhook), kept failing, could not be "
          + "reached, or the run was interrupted; or a usage or I/O error. What was written stays; run again to go on."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  webconnex pull --webhook 1234 --api-key-env WEBCONNEX_API_KEY --out deliveries/",
      "  webconnex pull --webhook 1234 --api-key-env WEBCONNEX_API_KEY --since 2024-05-01 --status error --out errors.jsonl"
    })
final class PullCommand implements Callable<Integer> {

  /** Webconnex's public API. */
  static final String DEFAULT_BASE_URL = "https://api.webconnex.com/v2/public";
  /** The most log entries a list call returns (Webconnex takes {@code limit} from 1 to 50). */
  static final int MAX_LIMIT = 50;

  private static final Pattern LOG_FILE = Pattern.compile("(\\d{1,19})-[^/\\\\]*\\.json");
  private static final ObjectMapper EXACT = JsonMapper.builder()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
      .build();

  @ParentCommand WebconnexCommand parent;

  @Spec CommandSpec spec;

  @Option(names = "--webhook", paramLabel = "ID", required = true, description = "The webhook whose deliveries to pull.")
  long webhook;

  @Option(names = "--api-key-env", paramLabel = "VAR", required = true,
      description = "Name of the environment variable that holds the Webconnex API key.")
  String apiKeyEnv;

  @Option(names = "--base-url", paramLabel = "URL", defaultValue = DEFAULT_BASE_URL,
      description = "The API's base URL (default: ${DEFAULT-VALUE}).")
  String baseUrl;

  @Option(names = "--out", paramLabel = "DIR|FILE.jsonl", required = true,
      description = "A directory (one {logId}-{eventType}.json per log), or a .jsonl file (one line per log).")
  String out;

  @Option(names = "--since", paramLabel = "DATE",
      description = "Only deliveries sent after this time (2024-05-01 or 2024-05-01T12:00:00Z): the API's dateSentAfter.")
  String since;

  @Option(names = "--status", paramLabel = "success|error", description = "Only deliveries with this status.")
  String status;

  @Option(names = "--greater-than-id", paramLabel = "LOG_ID", description = "Only logs with a greater id: the API's greaterThanId.")
  Long greaterThanId;

  @Option(names = "--limit", paramLabel = "N", defaultValue = "50",
      description = "Log entries per list call, 1 to 50 (default: ${DEFAULT-VALUE}).")
  int limit;

  @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30",
      description = "How long one request may take (default: ${DEFAULT-VALUE}).")
  int timeout;

  @Option(names = "--retries", paramLabel = "N", defaultValue = "5",
      description = "How many times one request is retried after a 429, a 5xx or a timeout (default: ${DEFAULT-VALUE}).")
  int retries;

  @Option(names = "--backoff-ms", paramLabel = "MS", defaultValue = "1000", hidden = true,
      description = "The first wait before a retry; it doubles each time.")
  long backoffMs;

  @Option(names = "--max-wait-ms", paramLabel = "MS", defaultValue = "60000", hidden = true,
      description = "The longest single wait, for a retry or a rate-limit reset.")
  long maxWaitMs;

  @Override
  public Integer call() {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new CommandFailure("--limit must be between 1 and " + MAX_LIMIT + " (Webconnex's API takes no more)");
    }
    if (timeout < 1) {
      throw new CommandFailure("--timeout must be at least 1 second");
    }
    if (retries < 0 || retries > 20) {
      throw new CommandFailure("--retries must be between 0 and 20");
    }
    if (backoffMs < 0 || maxWaitMs < 0) {
      throw new CommandFailure("waits must not be negative");
    }
    if (webhook < 0) {
      throw new CommandFailure("--webhook must be a webhook id, a whole number");
    }
    if (status != null && !status.equals("success") && !status.equals("error")) {
      throw new CommandFailure("--status must be success or error, not " + ReportLine.quote(status));
    }
    String after = since == null ? null : sinceInstant(since).toString();
    URI base = base(baseUrl);
    String key = ApiKeyOption.read("--api-key-env", apiKeyEnv, parent.environment());
    Target target = target(out);

    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter stderr = spec.commandLine().getErr();
    Progress progress = new Progress(stderr);
    LogsApiClient api = new LogsApiClient(key, ApiKeyOption.where("--api-key-env", apiKeyEnv), Duration.ofSeconds(timeout),
        new LogsApiClient.Waits(Duration.ofMillis(backoffMs), Duration.ofMillis(maxWaitMs), retries), progress::line, EXACT);

    Set<Long> present = target.present();
    String logs = base + "/webhooks/" + webhook + "/logs";
    int written = 0;
    List<Listed> missing = new ArrayList<>();
    try {
      Map<Long, Listed> listed = new LinkedHashMap<>();
      String cursor = null;
      int pages = 0;
      while (true) {
        StringBuilder query = new StringBuilder("?limit=").append(limit);
        param(query, "startingAfter", cursor);
        param(query, "greaterThanId", greaterThanId == null ? null : greaterThanId.toString());
        param(query, "dateSentAfter", after);
        param(query, "status", status);
        JsonNode page = api.get(URI.create(logs + query), "the log list" + (pages == 0 ? "" : " (page " + (pages + 1) + ")")).json();
        pages++;
        JsonNode data = page.path("data");
        if (!data.isArray()) {
          throw new CommandFailure("the API's log list has no data array; is --base-url Webconnex's public API?");
        }
        for (JsonNode entry : data) {
          JsonNode id = entry.path("id");
          if (!id.isIntegralNumber() || !id.canConvertToLong()) {
            throw new CommandFailure("the API's log list holds an entry without a whole-number id");
          }
          listed.putIfAbsent(id.asLong(), new Listed(id.asLong(), entry.path("eventType").asText("unknown")));
        }
        progress.line("page " + pages + ": " + data.size() + " logs listed (" + listed.size() + " so far)");
        String next = page.path("startingAfter").isNull() || page.path("startingAfter").isMissingNode() ? null
            : page.path("startingAfter").asText();
        if (!page.path("hasMore").asBoolean(false) || data.isEmpty()) {
          break;
        }
        if (next == null) {
          next = data.get(data.size() - 1).path("id").asText();
        }
        if (next.equals(cursor)) {
          throw new CommandFailure("the API's log list does not move on past startingAfter=" + ReportLine.escape(next)
              + "; stopped rather than loop");
        }
        cursor = next;
      }
      listed.values().stream().filter(l -> !present.contains(l.id)).sorted(Comparator.comparingLong(Listed::id))
          .forEach(missing::add);
      progress.line(listed.size() + " logs listed, " + (listed.size() - missing.size()) + " already in "
          + ReportLine.escape(target.shown()) + ", " + missing.size() + " to fetch");
      for (Listed log : missing) {
        LogsApiClient.Answer answer = api.get(URI.create(logs + "/" + log.id), "log " + log.id);
        JsonNode data = answer.json().path("data");
        if (!data.isObject() || !data.has("request")) {
          throw new CommandFailure("the API's answer for log " + log.id + " is not a log record (no data.request)");
        }
        if (data.path("id").canConvertToLong() && data.path("id").asLong() != log.id) {
          throw new CommandFailure("the API answered log " + log.id + " with log " + ReportLine.escape(data.path("id").asText()));
        }
        if (Thread.currentThread().isInterrupted()) {
          throw new LogsApiClient.Interrupted();
        }
        String where = target.write(log, answer);
        if (where != null) {
          written++;
          stdout.println(ReportLine.escape(where));
          stdout.flush();
        }
        progress.line("fetched " + (written) + " of " + missing.size());
      }
    } catch (LogsApiClient.Interrupted e) {
      stdout.flush();
      throw new CommandFailure("interrupted after writing " + written + " of " + missing.size() + " new records into "
          + target.shown() + "; nothing half-written is left: run the same command again to fetch the rest");
    } catch (CommandFailure e) {
      stdout.flush();
      if (written > 0 || !missing.isEmpty()) {
        throw new CommandFailure(e.getMessage() + "; " + written + " of " + missing.size() + " new records were written into "
            + target.shown() + " and stay: run the same command again to go on");
      }
      throw e;
    } finally {
      progress.done();
    }
    stdout.println("pulled " + written + " new record" + (written == 1 ? "" : "s") + " of webhook " + webhook + " into "
        + ReportLine.escape(target.shown()) + " (" + present.size() + " already there, " + api.requests() + " requests)");
    stdout.flush();
    return WebconnexCommand.OK;
  }

  /** One entry of the log list. */
  record Listed(long id, String eventType) {}

  private static void param(StringBuilder query, String name, String value) {
    if (value != null) {
      query.append('&').append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
    }
  }

  private static Instant sinceInstant(String text) {
    try {
      return Instant.parse(text.trim());
    } catch (DateTimeParseException e) {
      try {
        return LocalDate.parse(text.trim()).atStartOfDay(ZoneOffset.UTC).toInstant();
      } catch (DateTimeParseException e2) {
        throw new CommandFailure("--since must be a date such as 2024-05-01 or a UTC time such as 2024-05-01T12:00:00Z, not "
            + ReportLine.quote(text));
      }
    }
  }

  private static URI base(String text) {
    String trimmed = text.trim();
    while (trimmed.endsWith("/")) {
      trimmed = trimmed.substring(0, trimmed.length() - 1);
    }
    try {
      URI uri = new URI(trimmed);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if ((!scheme.equals("http") && !scheme.equals("https")) || uri.getHost() == null || uri.getRawQuery() != null
          || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
        throw new URISyntaxException(trimmed, "not an http or https URL with a host and no query");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new CommandFailure("--base-url must be an http or https URL such as " + DEFAULT_BASE_URL + ", not "
          + ReportLine.quote(text));
    }
  }

  private static Target target(String out) {
    Path path = Printable.path(out, "--out", true);
    if (RecordedDeliveryReader.isJsonLines(path.toString())) {
      if (Files.isDirectory(path)) {
        throw new CommandFailure("--out " + path + " is a directory, though its name ends like a JSON Lines file");
      }
      Path parentDir = path.toAbsolutePath().getParent();
      if (parentDir == null || !Files.isDirectory(parentDir)) {
        throw new CommandFailure("--out " + path + ": its directory does not exist");
      }
      if (Files.exists(path) && !Files.isRegularFile(path)) {
        throw new CommandFailure("--out " + path + " is not a regular file");
      }
      return new JsonLinesTarget(path);
    }
    if (Files.exists(path) && !Files.isDirectory(path)) {
      throw new CommandFailure("--out " + path + " is a file: give a directory, or a file whose name ends in .jsonl");
    }
    try {
      Files.createDirectories(path);
    } catch (IOException e) {
      throw new CommandFailure("--out: cannot create directory " + RecordedDeliveryReader.describe(e));
    }
    return new DirectoryTarget(path);
  }

  /** Where records go. */
  private interface Target {
    /** The log ids already recorded. */
    Set<Long> present();

    /**
     * Records one log; returns where (for standard output), or null when it turned out to be there already.
     */
    String write(Listed log, LogsApiClient.Answer answer);

    String shown();
  }

  /** One file per log, {@code {logId}-{eventType}.json}, the answer's bytes unchanged. */
  private record DirectoryTarget(Path dir) implements Target {
    @Override
    public Set<Long> present() {
      Set<Long> ids = new HashSet<>();
      try (Stream<Path> files = Files.list(dir)) {
        files.forEach(f -> {
          Matcher m = LOG_FILE.matcher(f.getFileName().toString());
          if (m.matches()) {
            try {
              ids.add(Long.parseLong(m.group(1)));
            } catch (NumberFormatException e) {
              // Not one of the kit's names.
            }
          }
        });
      } catch (IOException e) {
        throw new CommandFailure("cannot read directory " + RecordedDeliveryReader.describe(e));
      }
      return ids;
    }

    @Override
    public String write(Listed log, LogsApiClient.Answer answer) {
      Path file = dir.resolve(log.id() + "-" + safe(log.eventType()) + ".json");
      Path temp = null;
      try {
        temp = Files.createTempFile(dir, "." + log.id() + "-", ".part");
        temp.toFile().deleteOnExit();
        Files.write(temp, answer.body());
        try {
          Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (java.nio.file.AtomicMoveNotSupportedException e) {
          Files.move(temp, file);
        }
        temp = null;
        return file.toString();
      } catch (FileAlreadyExistsException e) {
        return null;
      } catch (IOException e) {
        throw new CommandFailure("cannot write " + RecordedDeliveryReader.describe(e));
      } finally {
        if (temp != null) {
          try {
            Files.deleteIfExists(temp);
          } catch (IOException ignored) {
            // Only the kit's own temporary file; deleteOnExit tries again.
          }
        }
      }
    }

    @Override
    public String shown() {
      return dir.toString();
    }

    /** An event type as part of a file name: letters, digits, {@code _} and {@code -} only, at most 64. */
    private static String safe(String eventType) {
      StringBuilder s = new StringBuilder();
      for (char c : eventType.toCharArray()) {
        if (s.length() == 64) {
          break;
        }
        s.append(Character.isLetterOrDigit(c) && c < 0x80 || c == '_' || c == '-' ? c : '_');
      }
      return s.length() == 0 ? "unknown" : s.toString();
    }
  }

  /**
   * One line per log, appended: the record's JSON on one line, every number as received. Each line
   * goes out in one write, and a file left without its last line break by an earlier run gets one
   * before the next line, so no record is ever joined to another or lost.
   */
  private record JsonLinesTarget(Path file) implements Target {
    @Override
    public Set<Long> present() {
      Set<Long> ids = new HashSet<>();
      if (!Files.exists(file)) {
        return ids;
      }
      try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        String line;
        while ((line = in.readLine()) != null) {
          if (line.isBlank()) {
            continue;
          }
          try {
            JsonNode node = EXACT.readTree(line);
            JsonNode id = node == null ? null : node.path("data").path("id");
            if (id != null && id.isIntegralNumber() && id.canConvertToLong()) {
              ids.add(id.asLong());
            }
          } catch (IOException e) {
            // Not a record the kit wrote (or a line cut short): left as it is, and fetched again.
          }
        }
      } catch (IOException e) {
        throw new CommandFailure("cannot read " + RecordedDeliveryReader.describe(e));
      }
      return ids;
    }

    @Override
    public String write(Listed log, LogsApiClient.Answer answer) {
      boolean needsBreak = false;
      if (Files.exists(file)) {
        try (FileChannel reading = FileChannel.open(file, StandardOpenOption.READ)) {
          long size = reading.size();
          if (size > 0) {
            ByteBuffer last = ByteBuffer.allocate(1);
            reading.read(last, size - 1);
            needsBreak = last.get(0) != '\n';
          }
        } catch (IOException e) {
          throw new CommandFailure("cannot read " + RecordedDeliveryReader.describe(e));
        }
      }
      try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
          StandardOpenOption.APPEND)) {
        byte[] json = EXACT.writeValueAsBytes(answer.json());
        ByteBuffer line = ByteBuffer.allocate(json.length + 2);
        if (needsBreak) {
          line.put((byte) '\n');
        }
        line.put(json).put((byte) '\n').flip();
        while (line.hasRemaining()) {
          channel.write(line);
        }
        return file + " [log " + log.id() + " " + log.eventType() + "]";
      } catch (IOException e) {
        throw new CommandFailure("cannot write " + RecordedDeliveryReader.describe(e));
      }
    }

    @Override
    public String shown() {
      return file.toString();
    }
  }

  /** Progress on standard error: one line each when not on a terminal, one line rewritten in place on one. */
  private static final class Progress {
    private final PrintWriter err;
    private final boolean terminal = System.console() != null && System.getenv("TERM") != null;
    private boolean open;

    Progress(PrintWriter err) {
      this.err = err;
    }

    void line(String text) {
      if (terminal) {
        err.print("\r\u001b[K" + text);
        open = true;
      } else {
        err.println(text);
      }
      err.flush();
    }

    void done() {
      if (open) {
        err.println();
        err.flush();
        open = false;
      }
    }
  }
}
