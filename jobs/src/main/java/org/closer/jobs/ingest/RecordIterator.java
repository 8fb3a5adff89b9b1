package org.closer.jobs.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.Function;
import org.closer.core.ingest.export.CsvRecords;
import org.closer.core.ingest.export.RecordSource;

/** A file's records, validated one at a time; the file is closed when the last one has been read. */
final class RecordIterator<T> implements Iterator<T> {
  private final RecordSource records;
  private final InputStream stream;
  private final Function<CsvRecords.Record, T> f;
  private CsvRecords.Record next;

  RecordIterator(RecordSource records, InputStream stream, Function<CsvRecords.Record, T> f) {
    this.records = records;
    this.stream = stream;
    this.f = f;
    advance();
  }

  private void advance() {
    next = records.next();
    if (next == null) {
      records.close();
      try {
        if (stream != null) {
          stream.close();
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  @Override
  public boolean hasNext() {
    return next != null;
  }

  @Override
  public T next() {
    if (next == null) {
      throw new NoSuchElementException();
    }
    T out = f.apply(next);
    advance();
    return out;
  }
}
