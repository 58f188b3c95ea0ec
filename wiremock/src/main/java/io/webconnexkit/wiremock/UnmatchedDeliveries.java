package io.webconnexkit.wiremock;

import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.webconnexkit.validator.Problem;
import io.webconnexkit.validator.ValidationReport;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Lists every request that no stub matched, with what {@link ValidWebconnexDelivery}'s verifier
 * found wrong with it: a bad signature, a missing header, a payload problem. Register it next to
 * the matcher ({@code extensions(valid, valid.unmatchedDeliveries())}) and check it at the end of a
 * test. WireMock calls it from its request threads: entries go into a concurrent queue, never into
 * an unsynchronised field.
 */
public final class UnmatchedDeliveries implements ServeEventListener {

  /** The listener's name. */
  public static final String NAME = "webconnex-unmatched-deliveries";

  /** One request no stub matched, and the verifier's report on it. */
  public record Unmatched(String method, String url, ValidationReport report) {
    @Override
    public String toString() {
      StringBuilder s = new StringBuilder(method + " " + url + ": signature " + report.signature().label());
      List<Problem> problems = report.problems();
      if (problems.isEmpty()) {
        s.append("; a valid delivery, but no stub matched it");
      }
      problems.forEach(p -> s.append("\n    ").append(p));
      return s.toString();
    }
  }

  private final ValidWebconnexDelivery matcher;
  private final ConcurrentLinkedQueue<Unmatched> unmatched = new ConcurrentLinkedQueue<>();

  /** For standalone WireMock: verifies with a matcher configured from the environment. */
  public UnmatchedDeliveries() {
    this(new ValidWebconnexDelivery());
  }

  UnmatchedDeliveries(ValidWebconnexDelivery matcher) {
    this.matcher = matcher;
  }

  @Override
  public String getName() {
    return NAME;
  }

  /** Recorded before WireMock answers, so a caller that has the 404 finds the request here. */
  @Override
  public void beforeResponseSent(ServeEvent serveEvent, Parameters parameters) {
    if (!serveEvent.getWasMatched()) {
      unmatched.add(new Unmatched(serveEvent.getRequest().getMethod().getName(), serveEvent.getRequest().getUrl(),
          matcher.verify(serveEvent.getRequest())));
    }
  }

  /** {@return every unmatched request so far, oldest first} */
  public List<Unmatched> requests() {
    return new ArrayList<>(unmatched);
  }

  /** {@return one paragraph per unmatched request, listing its problems; empty when every request matched} */
  public String describe() {
    StringBuilder s = new StringBuilder();
    for (Unmatched u : unmatched) {
      s.append(u).append('\n');
    }
    return s.toString();
  }

  /**
   * @throws AssertionError listing every unmatched request and its problems
   */
  public void assertNone() {
    List<Unmatched> all = requests();
    if (!all.isEmpty()) {
      throw new AssertionError(all.size() + " request" + (all.size() == 1 ? "" : "s")
          + " matched no stub:\n" + describe());
    }
  }

  /** Forgets the requests seen so far. */
  public void clear() {
    unmatched.clear();
  }
}
