package org.closer.jobs.ingest;

import java.util.HashMap;
import java.util.Map;
import org.apache.spark.util.AccumulatorV2;

/**
 * Accepted and refused rows per input file ({accepted, refused} by file name), counted by the
 * tasks that check them. Read after an action whose last stage did the counting: Spark applies a
 * task's updates there once, however often the task ran.
 */
final class FileCounts extends AccumulatorV2<Map<String, long[]>, Map<String, long[]>> {
  private static final long serialVersionUID = 1L;
  private final HashMap<String, long[]> counts = new HashMap<>();

  @Override
  public boolean isZero() {
    return counts.isEmpty();
  }

  @Override
  public FileCounts copy() {
    FileCounts c = new FileCounts();
    c.add(counts);
    return c;
  }

  @Override
  public void reset() {
    counts.clear();
  }

  @Override
  public void add(Map<String, long[]> v) {
    v.forEach((file, c) -> {
      long[] mine = counts.computeIfAbsent(file, f -> new long[2]);
      mine[0] += c[0];
      mine[1] += c[1];
    });
  }

  @Override
  public void merge(AccumulatorV2<Map<String, long[]>, Map<String, long[]>> other) {
    add(other.value());
  }

  @Override
  public Map<String, long[]> value() {
    return counts;
  }
}
