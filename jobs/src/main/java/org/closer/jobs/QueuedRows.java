package org.closer.jobs;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.apache.spark.sql.catalyst.InternalRow;

/**
 * Rows handed out from a queue that a walk over its input refills a group at a time (a unit's
 * results, a couple's sorted rows), so that a partition is never held whole.
 */
public abstract class QueuedRows implements Iterator<InternalRow> {
  protected final ArrayDeque<InternalRow> ready = new ArrayDeque<>();

  /** Reads on and queues what it can; false once the input is used up and nothing more will come. */
  protected abstract boolean refill();

  @Override
  public final boolean hasNext() {
    while (ready.isEmpty() && refill()) {
      // read on until something is queued or the input is used up
    }
    return !ready.isEmpty();
  }

  @Override
  public final InternalRow next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    return ready.poll();
  }
}
