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
  private final char quote;

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
    this.quote = settings.getFormat().getQuote();
  }

  /** The fields of {@code line}, or null when its quotes are unbalanced or it is not a CSV row at all. */
  public String[] split(String line) {
    int quotes = 0;
    for (int i = 0; i < line.length(); i++) {
      if (line.charAt(i) == quote) {
        quotes++;
      }
    }
    if (quotes % 2 != 0) {
      return null;
    }
    try {
      String[] fields = parser.parseLine(line);
      return fields == null ? new String[] {""} : fields;
    } catch (com.univocity.parsers.common.TextParsingException e) {
      return null; // more columns than any export has: a malformed row
    }
  }

  /** A blank line is skipped: it is neither a row nor a problem. */
  public static boolean isBlank(String line) {
    return line.isBlank();
  }
}
