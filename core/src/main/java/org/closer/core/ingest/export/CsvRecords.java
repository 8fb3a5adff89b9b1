package org.closer.core.ingest.export;

import com.univocity.parsers.common.TextParsingException;
import com.univocity.parsers.csv.CsvParser;
import com.univocity.parsers.csv.CsvParserSettings;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import org.closer.core.Messages;
import org.closer.core.UserException;
import org.closer.core.ingest.CsvDialect;
import org.closer.core.ingest.CsvLines;

/**
 * The records of a CSV file with the line each starts on. Template files are read line by line (a
 * line with unbalanced quotes is one malformed row, never joined to the next); survey tools' exports
 * are read as RFC 4180 records that may span lines (question text, free-text answers). Blank lines
 * and a first line {@code sep=;} are skipped. Not thread-safe.
 */
public final class CsvRecords implements RecordSource {
  /** One record: fields are null when the line's quoting is broken. */
  public record Record(long line, String[] fields) {}

  private final String file;
  private final BufferedReader lines;
  private final CsvLines splitter;
  private final CsvParser parser;
  private long nextLine = 1;
  private int[] carried = new int[0];
  private String carryKey;
  private final java.util.Map<Integer, String> carry = new java.util.HashMap<>();

  public CsvRecords(String file, InputStream in, Charset charset, char delimiter, boolean multiLine) {
    this.file = file;
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, charset), 1 << 16);
    skipBom(reader);
    if (skipSeparatorHint(reader)) {
      nextLine = 2;
    }
    if (multiLine) {
      this.lines = null;
      this.splitter = null;
      this.parser = new CsvParser(settings(delimiter));
      this.parser.beginParsing(reader);
    } else {
      this.lines = reader;
      this.splitter = new CsvLines(delimiter);
      this.parser = null;
    }
  }

  private static CsvParserSettings settings(char delimiter) {
    CsvParserSettings s = new CsvParserSettings();
    s.getFormat().setDelimiter(delimiter);
    s.getFormat().setLineSeparator("\n");
    s.setNormalizeLineEndingsWithinQuotes(false);
    s.setSkipEmptyLines(false);
    s.setMaxColumns(CsvLines.MAX_COLUMNS);
    s.setMaxCharsPerColumn(-1);
    s.setIgnoreLeadingWhitespaces(false);
    s.setIgnoreTrailingWhitespaces(false);
    s.setNullValue(null);
    s.setEmptyValue("");
    s.setErrorContentLength(0);
    return s;
  }

  private static void skipBom(BufferedReader in) {
    try {
      in.mark(1);
      if (in.read() != '\uFEFF') {
        in.reset();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Skips a first line {@code sep=;} (see {@link CsvDialect#separatorHint}); true when there was one. */
  private static boolean skipSeparatorHint(BufferedReader in) {
    try {
      char[] first = new char[10]; // the longest hint and its line end: "sep=;"\r\n
      in.mark(first.length);
      int n = 0;
      boolean ended = false;
      while (n < first.length && !ended) {
        int c = in.read();
        ended = c < 0 || c == '\n';
        if (c >= 0 && c != '\n') {
          first[n++] = (char) c;
        }
      }
      if (ended && CsvDialect.separatorHint(new String(first, 0, n)) != 0) {
        return true;
      }
      in.reset();
      return false;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Fills empty fields of {@code columns} from the same record's earlier rows: REDCap writes a
   * record's enrolment fields (couple, partner, design) only on the row of the event that holds
   * them, and its other rows follow it, keyed by the first column.
   */
  public CsvRecords carryWithinRecord(int[] columns) {
    this.carried = columns.clone();
    return this;
  }

  private Record carried(Record r) {
    if (r == null || r.fields() == null || carried.length == 0 || r.fields().length == 0) {
      return r;
    }
    String[] f = r.fields();
    String key = f[0] == null ? "" : f[0].trim();
    if (!key.equals(carryKey)) {
      carryKey = key;
      carry.clear();
    }
    for (int c : carried) {
      if (c >= f.length) {
        continue;
      }
      if (f[c] == null || f[c].isBlank()) {
        f[c] = carry.get(c);
      } else {
        carry.put(c, f[c]);
      }
    }
    return r;
  }

  /** The next non-blank record, or null at the end of the file. */
  public Record next() {
    try {
      return carried(parser == null ? nextLine() : nextRecord());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (TextParsingException e) {
      throw UserException.inputRefused(Messages.cannot("read CSV record", null, Messages.where(file, nextLine, null),
          "The file is not a readable CSV export from that point on; export it again"));
    }
  }

  private Record nextLine() throws IOException {
    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
      long number = nextLine++;
      if (!splitter.isBlank(line)) {
        return new Record(number, splitter.split(line));
      }
    }
    return null;
  }

  private Record nextRecord() {
    for (String[] fields = parser.parseNext(); fields != null; fields = parser.parseNext()) {
      long start = nextLine;
      nextLine += 1 + newlines(fields);
      if (!(fields.length == 1 && (fields[0] == null || fields[0].isBlank()))) {
        return new Record(start, fields);
      }
    }
    return null;
  }

  /** Quoted fields keep their line breaks, so the record's lines are counted from them. */
  private static long newlines(String[] fields) {
    long n = 0;
    for (String f : fields) {
      if (f != null) {
        for (int i = f.indexOf('\n'); i >= 0; i = f.indexOf('\n', i + 1)) {
          n++;
        }
      }
    }
    return n;
  }

  @Override
  public void close() {
    try {
      if (parser != null) {
        parser.stopParsing();
      } else {
        lines.close();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
