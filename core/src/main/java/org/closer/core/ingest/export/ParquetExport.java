package org.closer.core.ingest.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.Type;
import org.closer.core.Messages;
import org.closer.core.UserException;
import org.closer.core.ingest.ColumnLayout;
import org.closer.core.ingest.CsvDialect;
import org.closer.core.ingest.SurveyRecord;
import org.closer.core.instrument.InstrumentCatalog;

/**
 * The clinic-side check's output: accepted rows, pseudonymised with the study's key, as Parquet
 * with the Avro schema of {@code responses}. The study's ingest reads it back through the same
 * validators as any export; the key's fingerprint in the file's metadata must match the study's.
 */
public final class ParquetExport {
  /** File metadata: fingerprint of the key the rows were pseudonymised with. */
  public static final String KEY_FINGERPRINT = "closer.key_fingerprint";

  private ParquetExport() {}

  /** Writes {@code rows} (accepted survey rows) to a new file at {@code out}. */
  public static void write(Path out, Schema responses, List<SurveyRecord> rows, String keyFingerprint) {
    try {
      if (out.toAbsolutePath().getParent() != null) {
        Files.createDirectories(out.toAbsolutePath().getParent());
      }
      Files.deleteIfExists(out);
      try (ParquetWriter<GenericRecord> w = AvroParquetWriter.<GenericRecord>builder(new LocalOutputFile(out))
          .withSchema(responses)
          .withConf(new PlainParquetConfiguration())
          .withCompressionCodec(CompressionCodecName.SNAPPY)
          .withExtraMetaData(Map.of(KEY_FINGERPRINT, keyFingerprint))
          .build()) {
        int itemsFrom = responses.getField("therapist").pos() + 1;
        for (SurveyRecord r : rows) {
          GenericRecord g = new GenericData.Record(responses);
          g.put("source_file", r.file());
          g.put("source_line", r.line());
          g.put("clinic", r.clinic());
          g.put("couple", r.couple());
          g.put("partner", r.partner());
          g.put("timepoint", r.timepoint());
          g.put("session", r.session());
          g.put("month", r.month());
          g.put("modality", r.design().modality());
          g.put("method", r.design().method());
          g.put("session_minutes", r.design().sessionMinutes());
          g.put("therapist", r.design().therapist());
          // Items follow the design columns, in the catalog's order, as the answers do.
          for (int k = 0; k < r.answers().length; k++) {
            double v = r.answers()[k];
            g.put(itemsFrom + k, Double.isNaN(v) ? null : v);
          }
          w.write(g);
        }
      }
    } catch (IOException e) {
      throw UserException.inputRefused(Messages.cannot("write Parquet file", out.toString(), null,
          "Check that its folder exists and can be written (" + e.getClass().getSimpleName() + ")"));
    }
  }

  /** The header of a Parquet export: its columns read as template columns; lineage is bookkeeping. */
  public static ExportHeader header(String file, InputFile in, InstrumentCatalog catalog) {
    try (ParquetFileReader reader = ParquetFileReader.open(in)) {
      List<String> names = reader.getFooter().getFileMetaData().getSchema().getFields().stream().map(Type::getName).toList();
      Translation translation = Translation.of(file, ExportFormat.PARQUET, List.<String[]>of(names.toArray(String[]::new)),
          ExportMapping.NONE, null, catalog);
      return new ExportHeader(file, ExportFormat.PARQUET, CsvDialect.TEMPLATE, ColumnLayout.of(translation, catalog), 0);
    } catch (IOException | RuntimeException e) {
      throw unreadable(file);
    }
  }

  /** The key fingerprint the file was written with, or null. */
  public static String keyFingerprint(String file, InputFile in) {
    try (ParquetFileReader reader = ParquetFileReader.open(in)) {
      return reader.getFooter().getFileMetaData().getKeyValueMetaData().get(KEY_FINGERPRINT);
    } catch (IOException | RuntimeException e) {
      throw unreadable(file);
    }
  }

  /** Refuses a file pseudonymised with another key than the study's. */
  public static void checkKey(String file, InputFile in, String studyFingerprint) {
    String found = keyFingerprint(file, in);
    if (!studyFingerprint.equals(found)) {
      throw UserException.inputRefused(Messages.cannot("read Parquet pseudonymised with another key", null, file,
          "Run 'closer check --out' again with the study's key (CLOSER_KEY or --key-file), or hand in the raw export"));
    }
  }

  private static UserException unreadable(String file) {
    return UserException.inputRefused(Messages.cannot("read Parquet file", null, file,
        "Hand in the file 'closer check --out' wrote, unchanged, or the raw export"));
  }

  /** The file's rows as template fields, numbered from 1. */
  public static RecordSource records(String file, InputFile in, List<String> columns) {
    try {
      ParquetReader<GenericRecord> reader = AvroParquetReader.<GenericRecord>builder(in)
          .withConf(new PlainParquetConfiguration()).build();
      return new RecordSource() {
        private long row;

        @Override
        public CsvRecords.Record next() {
          try {
            GenericRecord g = reader.read();
            if (g == null) {
              return null;
            }
            String[] fields = new String[columns.size()];
            for (int i = 0; i < fields.length; i++) {
              Object v = g.get(columns.get(i));
              fields[i] = v == null ? "" : v.toString();
            }
            return new CsvRecords.Record(++row, fields);
          } catch (IOException | RuntimeException e) {
            throw unreadable(file);
          }
        }

        @Override
        public void close() {
          try {
            reader.close();
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
      };
    } catch (IOException e) {
      throw unreadable(file);
    }
  }
}
