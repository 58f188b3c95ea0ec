package io.webconnexkit.cli;

import io.webconnexkit.validator.CheckedRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Checks inputs on every core and hands their records on in input order, as each input's turn
 * comes, so the output is the same as a sequential run's, byte for byte.
 */
final class ParallelCheck {

  private ParallelCheck() {}

  static <T> void run(List<T> inputs, Function<T, List<CheckedRecord>> check, Consumer<CheckedRecord> inOrder) {
    int threads = Math.max(1, Math.min(inputs.size(), Runtime.getRuntime().availableProcessors()));
    ExecutorService pool = Executors.newFixedThreadPool(threads, task -> {
      Thread t = new Thread(task, "webconnex-validate");
      t.setDaemon(true);
      return t;
    });
    try {
      // A bounded window of files in flight: results wait to be printed in order, so memory is a few
      // files' worth, whatever the number of files.
      int window = threads * 4;
      java.util.ArrayDeque<Future<List<CheckedRecord>>> pending = new java.util.ArrayDeque<>(window);
      for (T input : inputs) {
        if (pending.size() == window) {
          pending.removeFirst().get().forEach(inOrder);
        }
        pending.addLast(pool.submit(() -> check.apply(input)));
      }
      while (!pending.isEmpty()) {
        pending.removeFirst().get().forEach(inOrder);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while checking files", e);
    } catch (ExecutionException e) {
      // What a sequential run would have thrown (a CommandFailure, say), thrown the same way.
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }
}
