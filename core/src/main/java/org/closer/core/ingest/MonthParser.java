package org.closer.core.ingest;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the {@code month} column: {@code YYYY-MM}, or a full date (ISO {@code YYYY-MM-DD} with an
 * optional time, {@code YYYY/MM/DD}, or European {@code DD.MM.YYYY}) cut to its month. Ambiguous
 * forms such as {@code 03/04/2024} are refused rather than guessed.
 */
public final class MonthParser {
  private static final Pattern YEAR_MONTH = Pattern.compile("(\\d{4})[-/](\\d{1,2})");
  private static final Pattern ISO_DATE = Pattern.compile("(\\d{4})[-/](\\d{1,2})[-/](\\d{1,2})(?:[T ].*)?");
  private static final Pattern DOTTED_DATE = Pattern.compile("(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})(?: .*)?");

  public static final String EXPECTED = "YYYY-MM, or a date YYYY-MM-DD, YYYY/MM/DD or DD.MM.YYYY";

  private MonthParser() {}

  /** The month as {@code YYYY-MM}, or empty when the text is not a real month or date. */
  public static Optional<String> parse(String text) {
    String t = text.trim();
    if (isYearMonth(t)) {
      return Optional.of(t);
    }
    try {
      Matcher m = YEAR_MONTH.matcher(t);
      if (m.matches()) {
        return Optional.of(YearMonth.of(year(m.group(1)), Integer.parseInt(m.group(2))).toString());
      }
      m = ISO_DATE.matcher(t);
      if (m.matches()) {
        return month(LocalDate.of(year(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))));
      }
      m = DOTTED_DATE.matcher(t);
      if (m.matches()) {
        return month(LocalDate.of(year(m.group(3)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1))));
      }
    } catch (DateTimeException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }

  /** The common case, {@code YYYY-MM} as written, without a regular expression: this runs for every row. */
  private static boolean isYearMonth(String t) {
    if (t.length() != 7 || t.charAt(4) != '-') {
      return false;
    }
    for (int i = 0; i < t.length(); i++) {
      if (i != 4 && (t.charAt(i) < '0' || t.charAt(i) > '9')) {
        return false;
      }
    }
    int year = Integer.parseInt(t, 0, 4, 10);
    int month = Integer.parseInt(t, 5, 7, 10);
    return year >= 1900 && year <= 2199 && month >= 1 && month <= 12;
  }

  private static int year(String y) {
    int year = Integer.parseInt(y);
    if (year < 1900 || year > 2199) {
      throw new DateTimeException("year out of range");
    }
    return year;
  }

  private static Optional<String> month(LocalDate date) {
    return Optional.of(YearMonth.from(date).toString());
  }
}
