package org.closer.jobs.ingest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Function;
import org.apache.spark.sql.catalyst.InternalRow;

/**
 * A partition sorted by couple, as runs of one couple's rows, each replaced by what the couple's
 * checks make of it. Only one couple's rows are held at a time; they are copied, because Spark's
 * sorter hands out the same row object for every row.
 */
final class CoupleRuns implements Iterator<InternalRow> {
  private final Iterator<InternalRow> sorted;
  private final Function<List<InternalRow>, List<InternalRow>> checks;
  private InternalRow pending;
  private Iterator<InternalRow> out = Collections.emptyIterator();

  CoupleRuns(Iterator<InternalRow> sorted, Function<List<InternalRow>, List<InternalRow>> checks) {
    this.sorted = sorted;
    this.checks = checks;
    this.pending = sorted.hasNext() ? sorted.next().copy() : null;
  }

  @Override
  public boolean hasNext() {
    while (!out.hasNext() && pending != null) {
      List<InternalRow> run = new ArrayList<>();
      run.add(pending);
      pending = null;
      while (sorted.hasNext()) {
        InternalRow r = sorted.next().copy();
        if (!IngestRows.sameCouple(run.get(0), r)) {
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
  public InternalRow next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    return out.next();
  }
}
