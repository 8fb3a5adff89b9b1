package org.closer.core.ingest.export;

/** An export's rows after its header, one at a time, with the line (or row number) each starts on. */
public interface RecordSource extends AutoCloseable {
  /** The next record, or null at the end. */
  CsvRecords.Record next();

  @Override
  void close();
}
