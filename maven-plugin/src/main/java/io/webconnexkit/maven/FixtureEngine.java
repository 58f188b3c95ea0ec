package io.webconnexkit.maven;

import io.webconnexkit.validator.CheckedRecord;
import io.webconnexkit.validator.DeliveryVerifier;
import io.webconnexkit.validator.RecordedDelivery;
import io.webconnexkit.validator.RecordedDeliveryReader;
import io.webconnexkit.validator.WebconnexValidator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Validates fixture files against the Webconnex contract: what {@code webconnex:validate} does,
 * without Maven. It finds the files; validator-core's {@link RecordedDeliveryReader} reads each
 * one (every shape it knows) and one {@link DeliveryVerifier}, built here once and shared by
 * every file, checks each record.
 *
 * <pre>{@code
 * FixtureRun run = new FixtureEngine(FixtureRequest.builder(projectDir)
 *     .fixture(Path.of("src/test/resources/webconnex")).build()).run();
 * run.results().forEach(r -> System.out.println(r.record().name() + ": " + r.report()));
 * }</pre>
 *
 * <p>Fixture files are only read, never written.
 */
public final class FixtureEngine {

  /** Files per task when validating on several threads: small enough to balance, large enough to be cheap. */
  private static final int CHUNK = 32;

  private final FixtureRequest request;
  private final RecordedDeliveryReader reader = RecordedDeliveryReader.standard();
  private final DeliveryVerifier verifier;

  /** @param request what to validate and how */
  public FixtureEngine(FixtureRequest request) {
    this.request = request;
    WebconnexValidator validator = WebconnexValidator.builder().profile(request.profile()).levels(request.levels()).build();
    this.verifier = DeliveryVerifier.builder().validator(validator).signingSecrets(request.secrets()).build();
  }

  /** @return the fixtures the request names, each found and checked */
  public FixtureRun run() {
    List<Path> missing = new ArrayList<>();
    FixtureScanner scanner = new FixtureScanner(request.includes(), request.excludes());
    List<CheckedRecord> results = new ArrayList<>();
    int[] files = {0};
    if (request.threads() == 1) {
      scanner.scan(request.fixtures(), missing, batch -> {
        files[0] += batch.size();
        batch.forEach(f -> read(f, results));
      });
      return new FixtureRun(results, files[0], missing);
    }
    // Files are independent and the verifier is thread-safe: folders are validated while later
    // ones are still being listed, and results are gathered in the order the files were found.
    ExecutorService pool = Executors.newFixedThreadPool(request.threads(), r -> {
      Thread t = new Thread(r, "webconnex-fixtures");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<List<CheckedRecord>>> futures = new ArrayList<>();
      scanner.scan(request.fixtures(), missing, batch -> {
        files[0] += batch.size();
        for (int from = 0; from < batch.size(); from += CHUNK) {
          List<FixtureScanner.Found> chunk = batch.subList(from, Math.min(batch.size(), from + CHUNK));
          futures.add(pool.submit(() -> {
            List<CheckedRecord> chunkResults = new ArrayList<>(chunk.size());
            chunk.forEach(f -> read(f, chunkResults));
            return chunkResults;
          }));
        }
      });
      for (Future<List<CheckedRecord>> f : futures) {
        results.addAll(f.get());
      }
      return new FixtureRun(results, files[0], missing);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while validating fixtures", e);
    } catch (ExecutionException e) {
      // The reader and verifier report bad fixtures as results; reaching this is a bug, not bad input.
      throw new IllegalStateException("validating fixtures failed", e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * @param file a fixture file; a relative path is taken relative to the base directory
   * @return every fixture in it: one, or one per record of a JSON Lines file, journal or page
   */
  public List<CheckedRecord> check(Path file) {
    Path absolute = request.baseDirectory().resolve(file).normalize();
    List<CheckedRecord> results = new ArrayList<>();
    reader.read(absolute, displayPath(absolute), record -> results.add(check(record)));
    return results;
  }

  private CheckedRecord check(RecordedDelivery record) {
    return new CheckedRecord(record, verifier.verify(record));
  }

  private void read(FixtureScanner.Found f, List<CheckedRecord> into) {
    String path = displayPath(f.file());
    if (f.failure() != null) {
      into.add(check(RecordedDeliveryReader.unreadable(path, f.failure())));
    } else {
      reader.read(f.file(), path, record -> into.add(check(record)));
    }
  }

  /** The file relative to the base directory, with {@code /} whatever the platform; not escaped. */
  String displayPath(Path file) {
    Path base = request.baseDirectory();
    Path shown = file.startsWith(base) ? base.relativize(file) : file;
    String s = shown.toString().replace(java.io.File.separatorChar, '/');
    return s.isEmpty() ? "." : s;
  }
}
