package org.closer.jobs.ingest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Function;
import org.apache.spark.sql.Row;

/**
 * A partition sorted by couple, as runs of one couple's rows, each replaced by what the couple's
 * checks make of it. Only one couple's rows are held at a time.
 */
final class CoupleRuns implements Iterator<Row> {
  private final Iterator<Row> sorted;
  private final Function<List<Row>, List<Row>> checks;
  private Row pending;
  private Iterator<Row> out = Collections.emptyIterator();

  CoupleRuns(Iterator<Row> sorted, Function<List<Row>, List<Row>> checks) {
    this.sorted = sorted;
    this.checks = checks;
    this.pending = sorted.hasNext() ? sorted.next() : null;
  }

  @Override
  public boolean hasNext() {
    while (!out.hasNext() && pending != null) {
      String key = IngestRows.groupKey(pending);
      List<Row> run = new ArrayList<>();
      run.add(pending);
      pending = null;
      while (sorted.hasNext()) {
        Row r = sorted.next();
        if (!IngestRows.groupKey(r).equals(key)) {
          pending = r;
          break;
        }
        run.add(r);
      }
      out = checks.apply(run).iterator();
    }
    return out.hasNext();
  }

  @Override
  public Row next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    return out.next();
  }
}
