package io.webconnexkit.validator.internal;

import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** Finds the documented event name that an unknown one most likely meant. Not API. */
public final class EventNames {

  private EventNames() {}

  /**
   * The documented name that {@code name} resembles: the same letters in another case, the same
   * words in another order ({@code registrant_edit}), or at most two letters off.
   */
  public static Optional<String> resembling(String name, Collection<String> documented) {
    String lower = name.toLowerCase(Locale.ROOT).trim().replace('-', '_').replace(' ', '_');
    for (String candidate : documented) {
      if (candidate.equals(lower)) {
        return Optional.of(candidate);
      }
    }
    String[] words = lower.split("_");
    Arrays.sort(words);
    for (String candidate : documented) {
      String[] candidateWords = candidate.split("_");
      Arrays.sort(candidateWords);
      if (Arrays.equals(words, candidateWords)) {
        return Optional.of(candidate);
      }
    }
    String best = null;
    int bestDistance = 3;
    for (String candidate : documented) {
      int d = distance(lower, candidate);
      if (d < bestDistance) {
        bestDistance = d;
        best = candidate;
      }
    }
    return Optional.ofNullable(best);
  }

  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
