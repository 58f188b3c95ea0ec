package io.webconnexkit.validator.internal;

import java.util.regex.Pattern;

/**
 * The string checks the compiled schemas call. Each answers "certainly passes in networknt";
 * false sends the payload to networknt, which has the last word. Not API.
 */
final class CompiledChecks {

  private static final int[] DAYS = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

  private CompiledChecks() {}

  /**
   * A schema {@code pattern}, found anywhere in the text as JSON Schema says. Text with a line
   * terminator goes to networknt: {@code $} before a final line break is where regex dialects differ.
   */
  static boolean matches(Pattern pattern, String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
        return false;
      }
    }
    return pattern.matcher(text).find();
  }

  /**
   * The common RFC 3339 form only: {@code YYYY-MM-DDTHH:MM:SS}, an optional fraction of one to nine
   * digits, then {@code Z} or an offset up to 18 hours (not {@code -00:00}), with a real calendar
   * date and no leap second. Lower-case letters, leap seconds and other rarities are left to networknt.
   */
  static boolean isDateTime(String s) {
    int n = s.length();
    if (n < 20 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T' || s.charAt(13) != ':'
        || s.charAt(16) != ':') {
      return false;
    }
    int year = digits(s, 0, 4);
    int month = digits(s, 5, 2);
    int day = digits(s, 8, 2);
    int hour = digits(s, 11, 2);
    int minute = digits(s, 14, 2);
    int second = digits(s, 17, 2);
    if (year < 1 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59
        || second < 0 || second > 59) {
      return false;
    }
    if (day > DAYS[month - 1] || (month == 2 && day == 29 && !leap(year))) {
      return false;
    }
    int i = 19;
    if (s.charAt(i) == '.') {
      int start = ++i;
      while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
        i++;
      }
      if (i == start || i - start > 9) {
        return false;
      }
    }
    if (i == n - 1) {
      return s.charAt(i) == 'Z';
    }
    if (i != n - 6 || (s.charAt(i) != '+' && s.charAt(i) != '-') || s.charAt(i + 3) != ':') {
      return false;
    }
    int offsetHour = digits(s, i + 1, 2);
    int offsetMinute = digits(s, i + 4, 2);
    if (s.charAt(i) == '-' && offsetHour == 0 && offsetMinute == 0) {
      // RFC 3339's "unknown local offset": networknt refuses it (DifferentialTest found this).
      return false;
    }
    return offsetHour >= 0 && offsetMinute >= 0 && offsetMinute <= 59
        && (offsetHour < 18 || (offsetHour == 18 && offsetMinute == 0));
  }

  /** The early-registration form the legacy keyword reports as a warning. */
  static boolean isLegacyTimestamp(String s) {
    return LegacyTimestampKeyword.rfc3339(s) != null;
  }

  private static boolean leap(int year) {
    return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
  }

  /** The ASCII digits at [from, from + count) as a number, or -1. */
  private static int digits(String s, int from, int count) {
    int value = 0;
    for (int i = from; i < from + count; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }
}
