package org.closer.core.ingest;

import com.univocity.parsers.csv.CsvParser;
import com.univocity.parsers.csv.CsvParserSettings;

/**
 * Splits one CSV record that sits on one line (RFC 4180 quoting). Template rows never span lines:
 * a line with unbalanced quotes is reported as malformed instead of being joined to the next.
 * Not thread-safe: one per task.
 */
public final class CsvLines {
  /** More columns than any export has; a line with more is garbage, reported as malformed. */
  public static final int MAX_COLUMNS = 20_000;

  private final CsvParser parser;
  private final char delimiter;
  private final char quote;
  private final char comment;

  public CsvLines(char delimiter) {
    CsvParserSettings settings = new CsvParserSettings();
    settings.getFormat().setDelimiter(delimiter);
    settings.getFormat().setLineSeparator("\n");
    settings.setMaxColumns(MAX_COLUMNS);
    settings.setMaxCharsPerColumn(-1);
    settings.setErrorContentLength(0);
    settings.setIgnoreLeadingWhitespaces(false);
    settings.setIgnoreTrailingWhitespaces(false);
    settings.setNullValue(null);
    settings.setEmptyValue("");
    this.parser = new CsvParser(settings);
    this.delimiter = delimiter;
    this.quote = settings.getFormat().getQuote();
    this.comment = settings.getFormat().getComment();
  }

  /** The fields of {@code line}, or null when its quotes are unbalanced or it is not a CSV row at all. */
  public String[] split(String line) {
    int quotes = 0;
    int delimiters = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == quote) {
        quotes++;
      } else if (c == delimiter) {
        delimiters++;
      }
    }
    if (quotes % 2 != 0) {
      return null;
    }
    if (quotes == 0 && !line.isEmpty() && line.charAt(0) != comment) {
      return plain(line, delimiters + 1, delimiter);
    }
    return parsed(line);
  }

  /** The fields as univocity's parser gives them, or null past {@link #MAX_COLUMNS}. */
  String[] parsed(String line) {
    try {
      String[] fields = parser.parseLine(line);
      return fields == null ? new String[] {""} : fields;
    } catch (com.univocity.parsers.common.TextParsingException e) {
      return null; // more columns than any export has: a malformed row
    }
  }

  /**
   * A line without quotes, split at its delimiters as the parser would: an empty field is null,
   * whitespace is kept. Most rows are like this, and cutting them directly is several times faster.
   */
  private static String[] plain(String line, int count, char delimiter) {
    if (count > MAX_COLUMNS) {
      return null;
    }
    String[] fields = new String[count];
    int start = 0;
    for (int k = 0; k < count; k++) {
      int end = k == count - 1 ? line.length() : line.indexOf(delimiter, start);
      fields[k] = end == start ? null : line.substring(start, end);
      start = end + 1;
    }
    return fields;
  }

  /**
   * A blank line is skipped: it is neither a row nor a problem. A line of separators is not blank,
   * tabs included: it is a row of empty fields ({@link #isEmptyRow}).
   */
  public boolean isBlank(String line) {
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == delimiter || !Character.isWhitespace(c)) {
        return false;
      }
    }
    return true;
  }

  /**
   * A row whose every field is empty, as Excel saves the rows below a table that once held
   * something (";;;;"). Unlike a blank line it is a row, so it is quarantined: once, for being empty.
   */
  public static boolean isEmptyRow(String[] fields) {
    if (fields == null) {
      return false;
    }
    for (String f : fields) {
      if (f != null && !f.isBlank()) {
        return false;
      }
    }
    return true;
  }
}
