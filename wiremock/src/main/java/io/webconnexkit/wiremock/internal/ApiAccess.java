package io.webconnexkit.wiremock.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Who may call the mock's public API and how often: the one API key it accepts (or any, when none
 * is set), and the rate limits Webconnex reports in {@code X-Daily-*} and {@code X-Burst-*}
 * headers (10,000 requests a day, 900 per 15 minutes, as integrators measured). The limits are
 * counted per API key, as an account's are, and always reported; only a burst limit set on purpose
 * refuses requests (with 429), so a long-running mock is never locked out by accident. The counts of
 * at most {@value #MAX_KEYS} keys are kept, the least recently used dropped first (a dropped key
 * starts afresh), so callers inventing keys cannot grow the mock's memory. Thread-safe. Not API.
 */
public final class ApiAccess {

  /** Requests a day, as Webconnex reports them. */
  public static final int DAILY_LIMIT = 10_000;
  /** Requests per burst window, as Webconnex reports them. */
  public static final int BURST_LIMIT = 900;
  /** Webconnex's burst window. */
  public static final Duration BURST_WINDOW = Duration.ofMinutes(15);
  private static final long DAY_NANOS = Duration.ofDays(1).toNanos();
  /** How many keys' counts are kept at once. */
  public static final int MAX_KEYS = 1024;

  private final byte[] key;
  private final int burstLimit;
  private final long burstWindowNanos;
  private final boolean enforced;
  private final LongSupplier clock;
  /** Each key's windows, by the key's SHA-256 (the keys themselves are not kept), least recently used first. */
  private final Map<String, Counts> counts = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Counts> eldest) {
      return size() > MAX_KEYS;
    }
  };

  /** One key's burst and daily windows. */
  private static final class Counts {
    long burstStart;
    int burstUsed;
    long dayStart;
    int dayUsed;

    Counts(long now) {
      burstStart = now;
      dayStart = now;
    }
  }

  private ApiAccess(String key, int burstLimit, Duration burstWindow, boolean enforced, LongSupplier clock) {
    this.key = key == null ? null : key.getBytes(StandardCharsets.UTF_8);
    this.burstLimit = burstLimit;
    this.burstWindowNanos = burstWindow.toNanos();
    this.enforced = enforced;
    this.clock = clock;
  }

  /** Any non-blank key; Webconnex's limits reported, none enforced. */
  public static ApiAccess open() {
    return new ApiAccess(null, BURST_LIMIT, BURST_WINDOW, false, System::nanoTime);
  }

  /**
   * @param key the only API key accepted, or null for any non-blank one
   * @param burstLimit requests allowed per window, enforced with 429; 0 to report Webconnex's 900
   *     per 15 minutes without enforcing them
   * @param burstWindow the window of an enforced burst limit
   */
  public static ApiAccess of(String key, int burstLimit, Duration burstWindow) {
    if (burstLimit > 0) {
      return new ApiAccess(key, burstLimit, burstWindow, true, System::nanoTime);
    }
    return new ApiAccess(key, BURST_LIMIT, BURST_WINDOW, false, System::nanoTime);
  }

  /** Whether a (non-blank) key is accepted; compared in constant time. */
  public boolean accepts(String given) {
    return key == null || MessageDigest.isEqual(key, given.getBytes(StandardCharsets.UTF_8));
  }

  /** What one request costs: whether it may go on, and the headers to answer with. */
  public record Decision(boolean allowed, int burstLimit, int burstRemaining, long burstResetSeconds, int dailyLimit,
      int dailyRemaining, long dailyResetSeconds) {

    /** {@code X-Burst-Limit}, {@code -Remaining}, {@code -Reset} (seconds until the window starts again), and the same for the day. */
    public Map<String, String> headers() {
      Map<String, String> h = new LinkedHashMap<>();
      h.put("X-Daily-Limit", Integer.toString(dailyLimit));
      h.put("X-Daily-Remaining", Integer.toString(dailyRemaining));
      h.put("X-Daily-Reset", Long.toString(dailyResetSeconds));
      h.put("X-Burst-Limit", Integer.toString(burstLimit));
      h.put("X-Burst-Remaining", Integer.toString(burstRemaining));
      h.put("X-Burst-Reset", Long.toString(burstResetSeconds));
      return h;
    }
  }

  /**
   * Counts one request of this API key against its limits.
   *
   * @param apiKey the request's (accepted) key
   */
  public Decision take(String apiKey) {
    String id = digest(apiKey);
    synchronized (counts) {
      long now = clock.getAsLong();
      Counts c = counts.computeIfAbsent(id, k -> new Counts(now));
      if (now - c.burstStart >= burstWindowNanos) {
        c.burstStart = now;
        c.burstUsed = 0;
      }
      if (now - c.dayStart >= DAY_NANOS) {
        c.dayStart = now;
        c.dayUsed = 0;
      }
      boolean allowed = !enforced || c.burstUsed < burstLimit;
      if (allowed) {
        c.burstUsed++;
        c.dayUsed++;
      }
      return new Decision(allowed, burstLimit, Math.max(0, burstLimit - c.burstUsed),
          secondsUntil(c.burstStart + burstWindowNanos, now), DAILY_LIMIT, Math.max(0, DAILY_LIMIT - c.dayUsed),
          secondsUntil(c.dayStart + DAY_NANOS, now));
    }
  }

  private static String digest(String apiKey) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(apiKey.getBytes(StandardCharsets.UTF_8));
      return java.util.HexFormat.of().formatHex(hash);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  /** Whole seconds, rounded up, so that waiting that long always reaches the reset. */
  private static long secondsUntil(long end, long now) {
    long nanos = Math.max(0, end - now);
    return (nanos + 999_999_999L) / 1_000_000_000L;
  }

  /** Never the key. */
  @Override
  public String toString() {
    return "ApiAccess[" + (key == null ? "any key" : "one key") + ", burst " + burstLimit + (enforced ? " enforced" : "") + "]";
  }
}
