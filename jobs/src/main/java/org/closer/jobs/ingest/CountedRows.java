package org.closer.jobs.ingest;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.unsafe.types.UTF8String;

/** A task's checked rows, counted per file and outcome into {@link FileCounts} when the last has passed. */
final class CountedRows implements Iterator<InternalRow> {
  private final Iterator<InternalRow> rows;
  private final FileCounts counts;
  private final Map<UTF8String, long[]> mine = new HashMap<>();
  private boolean reported;

  CountedRows(Iterator<InternalRow> rows, FileCounts counts) {
    this.rows = rows;
    this.counts = counts;
  }

  @Override
  public boolean hasNext() {
    boolean more = rows.hasNext();
    if (!more && !reported) {
      reported = true;
      Map<String, long[]> byName = new HashMap<>();
      mine.forEach((file, c) -> byName.put(file.toString(), c));
      counts.add(byName);
    }
    return more;
  }

  @Override
  public InternalRow next() {
    InternalRow row = rows.next();
    UTF8String file = IngestRows.fileKey(row);
    long[] c = mine.get(file);
    if (c == null) {
      c = new long[2];
      mine.put(file.clone(), c);
    }
    c[IngestRows.isValid(row) ? 0 : 1]++;
    return row;
  }
}
