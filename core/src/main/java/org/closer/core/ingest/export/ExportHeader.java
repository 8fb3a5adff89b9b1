package org.closer.core.ingest.export;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.closer.core.Messages;
import org.closer.core.UserException;
import org.closer.core.ingest.ColumnLayout;
import org.closer.core.ingest.CsvDialect;
import org.closer.core.ingest.Template;
import org.closer.core.instrument.InstrumentCatalog;
import org.closer.core.privacy.PiiScanner;

/**
 * What one export is, read from its first bytes and header rows: format, character set and
 * separator, and its columns in the template's terms. Both engines (the clinic-side check and the
 * Spark ingest) open every file through here, so they read it alike.
 *
 * @param headerLine the line the last header row ends on; data follows it
 */
public record ExportHeader(String file, ExportFormat format, CsvDialect dialect, ColumnLayout layout, long headerLine)
    implements Serializable {

  /** What a REDCap record states once, on its enrolment row, for all its rows. */
  private static final java.util.Set<String> RECORD_LEVEL = java.util.Set.of(Template.CLINIC, Template.COUPLE,
      Template.PARTNER, Template.MODALITY, Template.METHOD, Template.SESSION_MINUTES, Template.THERAPIST);

  /** Enough of a file to tell its format, character set and separator. */
  public static final int HEAD_BYTES = 64 * 1024;

  /** Opens the file again from its start. */
  @FunctionalInterface
  public interface Source {
    InputStream open() throws IOException;
  }

  /** The file's format from its first bytes; an empty file is refused. */
  public static ExportFormat sniff(String file, byte[] head) {
    if (ExportFormat.isParquet(head)) {
      return ExportFormat.PARQUET;
    }
    CsvDialect dialect = CsvDialect.detect(head);
    String text = dialect.decode(head, head.length);
    if (text.isBlank()) {
      throw UserException.inputRefused(Messages.cannot("read empty file", null, file,
          "Export the survey again: the file holds no header and no rows"));
    }
    List<String> lines = text.strip().lines().limit(2).toList();
    String first = lines.isEmpty() ? "" : lines.size() > 1 && CsvDialect.separatorHint(lines.get(0)) != 0 ? lines.get(1)
        : lines.get(0);
    List<String> names = Arrays.stream(first.split(java.util.regex.Pattern.quote(String.valueOf(dialect.delimiter())), -1))
        .map(n -> n.replace("\"", "")).toList();
    return ExportFormat.detect(names, text);
  }

  /**
   * @param dictionaries the REDCap data dictionaries handed in with the exports; the one that defines
   *     most of a REDCap export's fields is its own
   */
  public static ExportHeader read(String file, byte[] head, Source source, ExportMapping mapping,
      List<RedcapDictionary> dictionaries, InstrumentCatalog catalog) {
    ExportFormat format = sniff(file, head);
    CsvDialect dialect = CsvDialect.detect(head);
    List<String[]> rows = new ArrayList<>();
    long headerLine = 0;
    try (InputStream in = source.open();
        CsvRecords records = new CsvRecords(file, in, dialect.charsetValue(), dialect.delimiter(), format.multiLine())) {
      for (int i = 0; i < format.headerRows(); i++) {
        CsvRecords.Record r = records.next();
        if (r == null) {
          break;
        }
        if (r.fields() == null) {
          throw UserException.inputRefused(Messages.cannot("read header with unbalanced quotes", null,
              Messages.where(file, r.line(), null), "Fix the quoting of the first line"));
        }
        rows.add(r.fields());
        headerLine = r.line();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (rows.size() < format.headerRows()) {
      throw UserException.inputRefused(Messages.cannot("read " + format.label() + " with " + rows.size()
          + " of its " + format.headerRows() + " header rows", null, file, "Export the survey again, unchanged"));
    }
    RedcapDictionary dictionary = format != ExportFormat.REDCAP ? null : dictionaries.stream()
        .filter(d -> d.defines(Arrays.asList(rows.get(0))) > 0)
        .max(Comparator.comparingLong(d -> d.defines(Arrays.asList(rows.get(0))))).orElse(null);
    List<String> first = Arrays.stream(rows.get(0)).map(ExportFormat::normal).toList();
    if (format == ExportFormat.TEMPLATE && first.contains("event name")
        && (first.contains("record id") || first.contains("repeat instrument") || first.contains("repeat instance"))) {
      throw UserException.inputRefused(Messages.cannot("read a REDCap export with labels", null, file,
          "Export the raw data instead (Data Exports: CSV / Microsoft Excel (raw data)), with the data dictionary"));
    }
    Translation translation = Translation.of(file, format, rows, mapping, dictionary, catalog);
    ColumnLayout layout = ColumnLayout.of(translation, catalog);
    if (format == ExportFormat.TEMPLATE && mapping == ExportMapping.NONE && !layout.readsAnything()
        && layout.otherSeparator() == 0) {
      throw UserException.inputRefused(Messages.cannot("read export of unknown format", seen(rows.get(0)), file,
          "Closer reads " + ExportFormat.accepted() + ". A spreadsheet with other column names needs a mapping file"
              + " beside it (" + ExportMapping.SUFFIX + ")"));
    }
    return new ExportHeader(file, format, dialect, layout, headerLine);
  }

  /** The first few header names, as seen; a name that looks like a person's detail is not repeated. */
  private static String seen(String[] header) {
    String shown = Arrays.stream(header).limit(6)
        .map(h -> h == null ? "" : h.strip())
        .map(h -> h.length() > 30 ? h.substring(0, 30) + "..." : h)
        .map(h -> PiiScanner.scan(h).isPresent() || h.chars().anyMatch(c -> c < 0x20 || c == 0xFFFD) ? "(not shown)" : h)
        .collect(Collectors.joining(", "));
    return header.length > 6 ? shown + ", ... (" + header.length + " columns)" : shown;
  }

  /** The export's records after its header rows. */
  public CsvRecords records(InputStream in) {
    CsvRecords records = new CsvRecords(file, in, dialect.charsetValue(), dialect.delimiter(), format.multiLine());
    for (int i = 0; i < format.headerRows(); i++) {
      records.next();
    }
    return format == ExportFormat.REDCAP ? records.carryWithinRecord(layout.translation().sources(RECORD_LEVEL)) : records;
  }
}
