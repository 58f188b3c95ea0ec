package io.webconnexkit.wiremock;

import com.github.tomakehurst.wiremock.common.Notifier;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/** WireMock's notifier for tests: keeps every line the mock and WireMock log. */
final class CapturingNotifier implements Notifier {

  private final ConcurrentLinkedQueue<String> lines = new ConcurrentLinkedQueue<>();

  @Override
  public void info(String message) {
    lines.add("info: " + message);
  }

  @Override
  public void error(String message) {
    lines.add("error: " + message);
  }

  @Override
  public void error(String message, Throwable t) {
    lines.add("error: " + message + " (" + t + ")");
  }

  List<String> lines() {
    return new ArrayList<>(lines);
  }

  void clear() {
    lines.clear();
  }
}
