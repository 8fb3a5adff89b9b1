package org.closer.core.report;

import com.univocity.parsers.csv.CsvWriter;
import com.univocity.parsers.csv.CsvWriterSettings;
import java.io.StringWriter;
import java.util.List;

/** RFC 4180 CSV text of a table (quoting where needed), for {@code report/tables/*.csv}. */
public final class CsvTables {
  private CsvTables() {}

  public static String write(List<String> header, List<List<String>> rows) {
    StringWriter out = new StringWriter();
    CsvWriterSettings settings = new CsvWriterSettings();
    settings.getFormat().setLineSeparator("\n");
    settings.setQuoteEscapingEnabled(true);
    CsvWriter writer = new CsvWriter(out, settings);
    writer.writeHeaders(header);
    for (List<String> row : rows) {
      writer.writeRow(row);
    }
    writer.close();
    return out.toString();
  }
}
