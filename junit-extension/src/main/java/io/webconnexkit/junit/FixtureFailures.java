package io.webconnexkit.junit;

import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The failures of one parameterized test's fixtures, keyed by the very argument object each
 * invocation receives: JUnit passes an argument that already has the parameter's type through
 * unchanged, so the invocation can find its own failure again.
 */
final class FixtureFailures {

  private final Map<Object, Throwable> byArgument = Collections.synchronizedMap(new IdentityHashMap<>());
  // Arguments that could not be made at all are null; invocations take their failures in order.
  private final Queue<Throwable> forNullArguments = new ConcurrentLinkedQueue<>();

  void record(Object argument, Throwable failure) {
    // Thrown later, from another place: the frames of the stream that built the arguments would only be noise.
    failure.setStackTrace(Arrays.stream(failure.getStackTrace())
        .filter(frame -> frame.getClassName().startsWith(FixtureFailures.class.getPackageName() + "."))
        .toArray(StackTraceElement[]::new));
    if (argument == null) {
      forNullArguments.add(failure);
    } else {
      byArgument.put(argument, failure);
    }
  }

  /** The failure recorded for this argument, removed; null when its fixture was fine. */
  Throwable take(Object argument) {
    return argument == null ? forNullArguments.poll() : byArgument.remove(argument);
  }
}
