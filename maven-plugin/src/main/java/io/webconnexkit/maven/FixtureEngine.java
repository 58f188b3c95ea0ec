package io.webconnexkit.maven;

import io.webconnexkit.validator.DeliveryVerifier;
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
 * without Maven. The validator and verifiers are built once, here, and shared by every file.
 *
 * <pre>{@code
 * FixtureRun run = new FixtureEngine(FixtureRequest.builder(projectDir)
 *     .fixture(Path.of("src/test/resources/webconnex")).build()).run();
 * run.results().forEach(r -> System.out.println(r.name() + ": " + r.report()));
 * }</pre>
 *
 * <p>Fixture files are only read, never written.
 */
public final class FixtureEngine {

  /** Files per task when validating on several threads: small enough to balance, large enough to be cheap. */
  private static final int CHUNK = 32;

  private final FixtureRequest request;
  private final FixtureReader reader;

  public FixtureEngine(FixtureRequest request) {
    this.request = request;
    WebconnexValidator validator = WebconnexValidator.builder().profile(request.profile()).build();
    DeliveryVerifier unsigned = DeliveryVerifier.builder().validator(validator).build();
    DeliveryVerifier signed = request.secret()
        .map(secret -> DeliveryVerifier.builder().validator(validator).signingSecret(secret).build())
        .orElse(unsigned);
    this.reader = new FixtureReader(validator, unsigned, signed);
  }

  /** Finds the fixtures the request names and validates each of them. */
  public FixtureRun run() {
    List<Path> missing = new ArrayList<>();
    FixtureScanner scanner = new FixtureScanner(request.includes(), request.excludes());
    List<FixtureResult> results = new ArrayList<>();
    int[] files = {0};
    if (request.threads() == 1) {
      scanner.scan(request.fixtures(), missing, batch -> {
        files[0] += batch.size();
        batch.forEach(f -> results.addAll(read(f)));
      });
      return new FixtureRun(results, files[0], missing);
    }
    // Files are independent and the validator is thread-safe: folders are validated while later
    // ones are still being listed, and results are gathered in the order the files were found.
    ExecutorService pool = Executors.newFixedThreadPool(request.threads(), r -> {
      Thread t = new Thread(r, "webconnex-fixtures");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<List<FixtureResult>>> futures = new ArrayList<>();
      scanner.scan(request.fixtures(), missing, batch -> {
        files[0] += batch.size();
        for (int from = 0; from < batch.size(); from += CHUNK) {
          List<FixtureScanner.Found> chunk = batch.subList(from, Math.min(batch.size(), from + CHUNK));
          futures.add(pool.submit(() -> {
            List<FixtureResult> chunkResults = new ArrayList<>(chunk.size());
            chunk.forEach(f -> chunkResults.addAll(read(f)));
            return chunkResults;
          }));
        }
      });
      for (Future<List<FixtureResult>> f : futures) {
        results.addAll(f.get());
      }
      return new FixtureRun(results, files[0], missing);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while validating fixtures", e);
    } catch (ExecutionException e) {
      // The reader reports bad fixtures as results; reaching this is a bug, not bad input.
      throw new IllegalStateException("validating fixtures failed", e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  /** Every fixture in one file (one result, or one per record of an archive, journal or page). */
  public List<FixtureResult> check(Path file) {
    Path absolute = request.baseDirectory().resolve(file).normalize();
    return reader.read(absolute, displayPath(absolute));
  }

  private List<FixtureResult> read(FixtureScanner.Found f) {
    String path = displayPath(f.file());
    return f.failure() != null ? List.of(reader.unreadable(f.file(), path, f.failure())) : reader.read(f.file(), path);
  }

  /** The file relative to the base directory, with {@code /} whatever the platform. */
  String displayPath(Path file) {
    Path base = request.baseDirectory();
    Path shown = file.startsWith(base) ? base.relativize(file) : file;
    return shown.toString().replace(java.io.File.separatorChar, '/');
  }
}
