package io.webconnexkit.validator;

import io.webconnexkit.validator.internal.EventNames;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Levels users set for problem keys, overriding the profile's defaults: {@code
 * delivery.userAgent=ignore}, or every key under a prefix, {@code delivery.signature=warning}.
 * The most specific entry wins: the key itself, then its longest dotted prefix. Immutable and
 * thread-safe; {@link #with} returns a copy.
 *
 * <pre>{@code
 * ProblemLevels levels = ProblemLevels.parse("delivery.userAgent=ignore,event.unknown=warning");
 * WebconnexValidator validator = WebconnexValidator.builder().levels(levels).build();
 * }</pre>
 *
 * <p>The same text form is read by the CLI ({@code --level KEY=LEVEL}), the Maven plugin and the
 * JUnit extension ({@code webconnex.levels}). Every key is listed in {@code docs/problem-keys.md}.
 */
public final class ProblemLevels {

  private static final ProblemLevels NONE = new ProblemLevels(Map.of());

  private final Map<String, Severity> levels;

  private ProblemLevels(Map<String, Severity> levels) {
    this.levels = Collections.unmodifiableMap(new LinkedHashMap<>(levels));
  }

  /** @return no levels: every problem keeps its profile's default */
  public static ProblemLevels none() {
    return NONE;
  }

  /**
   * Reads levels written as {@code key=level} entries separated by commas (white space around
   * entries is ignored; an empty text means none). Levels are {@code error}, {@code warning},
   * {@code info} and {@code ignore}.
   *
   * @param text the levels, such as {@code delivery.userAgent=ignore,schema=warning}
   * @return the levels, in the order written; a later entry for the same key wins
   * @throws IllegalArgumentException saying which entry is wrong and why: no {@code =}, a level
   *     that is not one of the four, or a key that is neither a key of the kit nor a prefix of one
   */
  public static ProblemLevels parse(String text) {
    Objects.requireNonNull(text, "text");
    ProblemLevels result = NONE;
    for (String entry : text.split(",")) {
      if (entry.isBlank()) {
        continue;
      }
      result = result.withEntry(entry.trim());
    }
    return result;
  }

  /**
   * Adds one {@code key=level} entry, as {@link #parse} reads it.
   *
   * @param entry one {@code key=level} entry, such as {@code schema=warning}; blanks around either side are trimmed
   * @return a copy with the entry
   * @throws IllegalArgumentException as {@link #parse} does
   */
  public ProblemLevels withEntry(String entry) {
    Objects.requireNonNull(entry, "entry");
    int eq = entry.indexOf('=');
    if (eq < 0) {
      throw new IllegalArgumentException("level " + ReportLine.quote(entry)
          + " is not KEY=LEVEL (for example delivery.userAgent=ignore)");
    }
    String key = entry.substring(0, eq).trim();
    String word = entry.substring(eq + 1).trim();
    Severity level = Severity.fromLabel(word).orElseThrow(() -> new IllegalArgumentException("level "
        + ReportLine.quote(word) + " for " + ReportLine.quote(key) + " is not one of error, warning, info, ignore"));
    return with(key, level);
  }

  /**
   * Sets the level of a key, or of every key under a prefix.
   *
   * @param keyOrPrefix a key from {@link ProblemKey#all()}, a dotted prefix of one ({@code
   *     delivery.signature}), or a {@code schema.<keyword>} key of a user's own schema
   * @param level the level; {@link Severity#IGNORE} leaves such problems out of reports
   * @return a copy with the level set
   * @throws IllegalArgumentException when the key is not one the kit can report, naming the
   *     nearest key
   */
  public ProblemLevels with(String keyOrPrefix, Severity level) {
    Objects.requireNonNull(keyOrPrefix, "keyOrPrefix");
    Objects.requireNonNull(level, "level");
    requireKnown(keyOrPrefix);
    Map<String, Severity> copy = new LinkedHashMap<>(levels);
    copy.remove(keyOrPrefix);
    copy.put(keyOrPrefix, level);
    return new ProblemLevels(copy);
  }

  /**
   * Adds every entry of {@code other}; where both set the same key, {@code other} wins.
   *
   * @param other more levels
   * @return a copy with both
   */
  public ProblemLevels withAll(ProblemLevels other) {
    Objects.requireNonNull(other, "other");
    if (other.levels.isEmpty()) {
      return this;
    }
    Map<String, Severity> copy = new LinkedHashMap<>(levels);
    other.levels.forEach((k, v) -> {
      copy.remove(k);
      copy.put(k, v);
    });
    return new ProblemLevels(copy);
  }

  /** @return whether no level is set */
  public boolean isEmpty() {
    return levels.isEmpty();
  }

  /** @return the entries as set, key or prefix to level, in the order they were set */
  public Map<String, Severity> entries() {
    return levels;
  }

  /**
   * The level set for {@code key}: by the key itself, else by its longest dotted prefix.
   *
   * @param key a problem key
   * @return the level, or empty when none is set and the profile's default applies
   */
  public Optional<Severity> levelOf(String key) {
    Objects.requireNonNull(key, "key");
    if (levels.isEmpty()) {
      return Optional.empty();
    }
    String k = key;
    while (true) {
      Severity s = levels.get(k);
      if (s != null) {
        return Optional.of(s);
      }
      int dot = k.lastIndexOf('.');
      if (dot < 0) {
        return Optional.empty();
      }
      k = k.substring(0, dot);
    }
  }

  /**
   * The report with these levels applied: each problem whose key has a level takes it, and
   * problems set to {@link Severity#IGNORE} are left out.
   *
   * @param report the report to apply the levels to; not null, and not changed
   * @return the report as these levels say, or {@code report} itself when nothing changes
   */
  public ValidationReport applyTo(ValidationReport report) {
    Objects.requireNonNull(report, "report");
    if (levels.isEmpty() || report.problems().isEmpty()) {
      return report;
    }
    List<Problem> kept = new ArrayList<>(report.problems().size());
    boolean changed = false;
    for (Problem p : report.problems()) {
      Severity level = levelOf(p.key()).orElse(p.severity());
      if (level == Severity.IGNORE) {
        changed = true;
      } else if (level != p.severity()) {
        kept.add(p.toBuilder().severity(level).build());
        changed = true;
      } else {
        kept.add(p);
      }
    }
    return changed ? report.withProblems(kept) : report;
  }

  private static void requireKnown(String keyOrPrefix) {
    if (keyOrPrefix.startsWith("schema.") && keyOrPrefix.length() > "schema.".length()) {
      return; // any keyword of a user's own eventSchema
    }
    List<String> known = new ArrayList<>();
    for (ProblemKey k : ProblemKey.all()) {
      if (k.key().equals(keyOrPrefix) || k.key().startsWith(keyOrPrefix + ".")) {
        return;
      }
      known.add(k.key());
    }
    // Compared in lower case, so a key typed in another case or with two letters swapped is still found.
    Map<String, String> byLowerCase = new LinkedHashMap<>();
    known.forEach(k -> byLowerCase.putIfAbsent(k.toLowerCase(java.util.Locale.ROOT), k));
    String hint = EventNames.resembling(keyOrPrefix, byLowerCase.keySet()).map(byLowerCase::get)
        .map(k -> " (did you mean " + ReportLine.quote(k) + "?)")
        .orElse("; docs/problem-keys.md lists every key");
    throw new IllegalArgumentException("unknown problem key " + ReportLine.quote(keyOrPrefix) + hint);
  }

  /** @return the entries as {@code key=level,key=level} */
  @Override
  public String toString() {
    StringBuilder s = new StringBuilder();
    levels.forEach((k, v) -> s.append(s.length() == 0 ? "" : ",").append(k).append('=').append(v.label()));
    return s.toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ProblemLevels l && levels.equals(l.levels);
  }

  @Override
  public int hashCode() {
    return levels.hashCode();
  }
}
