package org.closer.jobs.score;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.TaskContext;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.unsafe.types.UTF8String;
import org.apache.spark.util.AccumulatorV2;
import org.closer.core.instrument.Item;
import org.closer.core.instrument.Subscale;
import org.closer.core.stats.ItemTotal;
import org.closer.core.study.StudyConfig;
import org.closer.jobs.PartitionTree;

/**
 * Per subscale, timepoint and design cell of the responses, the moments of the scored items and of
 * their total (core's {@link ItemTotal}): what Cronbach's alpha needs, gathered while the scorer
 * reads the responses rather than in a pass of its own (at 5M survey rows that pass took 9 to 11 s,
 * almost all of it decoding Parquet). A Spark accumulator: each task adds its rows to its own copy,
 * and Spark merges one copy per partition of a job's final stage, also when a task runs again.
 * So it must be added to only in the tasks of a write, never before a shuffle.
 *
 * <p>Spark merges the copies in the order the tasks end, which varies from run to run, and sums of
 * doubles depend on their order: each task {@link #open}s its partition, and the copies are added
 * over a fixed tree of partitions ({@link PartitionTree}), so the same responses give the same
 * alphas to the last bit, and the driver holds a few copies at a time, not one per partition.
 */
public final class ReliabilitySums extends AccumulatorV2<InternalRow, Map<ReliabilitySums.Cell, ItemTotal>> {
  private static final long serialVersionUID = 1L;
  /** The groups every statistic is given for: everyone, then each level of each design factor. */
  static final List<String> FACTORS = StudyConfig.FACTORS;

  /** A subscale's rows at one timepoint in one design cell (the factors' levels as text, "null" when missing). */
  public record Cell(int subscale, String timepoint, List<String> levels) implements Serializable {}

  private final Item[][] items;
  /** Per subscale, where its items are in a responses row. */
  private final int[][] positions;
  /** Where the timepoint and each factor are in a responses row, and their types. */
  private final int[] design;
  private final DataType[] designTypes;
  /** Per design (timepoint, then the factors' levels), one sum per subscale; null where none was complete. */
  private final HashMap<List<String>, ItemTotal[]> sums = new HashMap<>();
  /** A task's copy: the partition it read. */
  private int partition = -1;
  /** The driver's: the task copies merged so far; null when none. */
  private transient PartitionTree<ReliabilitySums> tasks;
  private transient Object[] runValues;
  private transient ItemTotal[] current;
  private transient double[][] x;

  private ReliabilitySums(Item[][] items, int[][] positions, int[] design, DataType[] designTypes) {
    this.items = items;
    this.positions = positions;
    this.design = design;
    this.designTypes = designTypes;
  }

  /** For rows of {@code responses} with the given schema. */
  public static ReliabilitySums of(StructType responses, List<Subscale> subscales) {
    List<String> names = List.of(responses.fieldNames());
    Item[][] items = new Item[subscales.size()][];
    int[][] positions = new int[subscales.size()][];
    for (int s = 0; s < subscales.size(); s++) {
      items[s] = subscales.get(s).items().toArray(Item[]::new);
      positions[s] = new int[items[s].length];
      for (int k = 0; k < items[s].length; k++) {
        positions[s][k] = names.indexOf(items[s][k].id());
      }
    }
    List<String> designColumns = new ArrayList<>(List.of("timepoint"));
    designColumns.addAll(FACTORS);
    int[] design = new int[designColumns.size()];
    DataType[] designTypes = new DataType[design.length];
    for (int i = 0; i < design.length; i++) {
      design[i] = names.indexOf(designColumns.get(i));
      designTypes[i] = responses.fields()[design[i]].dataType();
    }
    return new ReliabilitySums(items, positions, design, designTypes);
  }

  /** A task's copy starts its partition: called before its first row, so an empty partition is merged too. */
  public void open() {
    open(TaskContext.getPartitionId());
  }

  void open(int partition) {
    this.partition = partition;
  }

  /** Adds the row's complete subscales to its design cell. The row is only read. */
  @Override
  public void add(InternalRow row) {
    if (current == null || !continuesRun(row)) {
      current = sums.computeIfAbsent(startRun(row), c -> new ItemTotal[items.length]);
    }
    if (x == null) {
      x = new double[items.length][];
      for (int s = 0; s < items.length; s++) {
        x[s] = new double[items[s].length];
      }
    }
    for (int s = 0; s < items.length; s++) {
      boolean complete = true;
      for (int k = 0; k < x[s].length && complete; k++) {
        complete = !row.isNullAt(positions[s][k]);
        x[s][k] = complete ? items[s][k].scored(row.getDouble(positions[s][k])) : Double.NaN;
      }
      if (complete) {
        if (current[s] == null) {
          current[s] = ItemTotal.create(x[s].length);
        }
        current[s].accept(x[s]);
      }
    }
  }

  /**
   * Whether the row has the design of the rows before it: ingest writes a couple's rows together,
   * so most rows continue a run and are added without building a key.
   */
  private boolean continuesRun(InternalRow row) {
    for (int i = 0; i < design.length; i++) {
      boolean missing = row.isNullAt(design[i]);
      if (missing != (runValues[i] == null) || !missing && !sameValue(row, i)) {
        return false;
      }
    }
    return true;
  }

  /** Text and whole numbers compared where they lie, without the boxing of a generic read. */
  private boolean sameValue(InternalRow row, int i) {
    Object ours = runValues[i];
    if (ours instanceof UTF8String text) {
      return text.equals(row.getUTF8String(design[i]));
    }
    if (ours instanceof Integer number) {
      return number == row.getInt(design[i]);
    }
    return ours.equals(row.get(design[i], designTypes[i]));
  }

  /** Remembers the row's design (copies: the reader reuses the row) and returns it as text. */
  private List<String> startRun(InternalRow row) {
    if (runValues == null) {
      runValues = new Object[design.length];
    }
    List<String> key = new ArrayList<>(design.length);
    for (int i = 0; i < design.length; i++) {
      Object v = designValue(row, i);
      runValues[i] = v instanceof UTF8String u ? u.copy() : v;
      key.add(v == null ? "null" : String.valueOf(v));
    }
    return key;
  }

  private Object designValue(InternalRow row, int i) {
    return row.isNullAt(design[i]) ? null : row.get(design[i], designTypes[i]);
  }

  @Override
  public boolean isZero() {
    return sums.isEmpty() && partition < 0 && tasks == null;
  }

  @Override
  public ReliabilitySums copy() {
    ReliabilitySums copy = empty();
    copy.addSums(this);
    copy.partition = partition;
    copy.tasks = tasks == null ? null : tasks.copy(); // shared: a pair changes neither side
    return copy;
  }

  private ReliabilitySums empty() {
    return new ReliabilitySums(items, positions, design, designTypes);
  }

  /** Two copies' sums added, left then right, into a new one. */
  private ReliabilitySums pair(ReliabilitySums left, ReliabilitySums right) {
    ReliabilitySums pair = empty();
    pair.addSums(left);
    pair.addSums(right);
    return pair;
  }

  @Override
  public void reset() {
    sums.clear();
    tasks = null;
    partition = -1;
    current = null;
  }

  /** A task's copy, added over the tree of partitions. */
  @Override
  public void merge(AccumulatorV2<InternalRow, Map<Cell, ItemTotal>> other) {
    ReliabilitySums theirs = (ReliabilitySums) other;
    if (theirs.partition < 0) {
      addSums(theirs);
      return;
    }
    if (tasks == null) {
      tasks = new PartitionTree<>(this::pair);
    }
    tasks.add(theirs.partition, theirs);
  }

  private void addSums(ReliabilitySums other) {
    other.sums.forEach((key, theirs) -> {
      ItemTotal[] ours = sums.computeIfAbsent(key, k -> new ItemTotal[items.length]);
      for (int s = 0; s < theirs.length; s++) {
        if (theirs[s] != null) {
          if (ours[s] == null) {
            ours[s] = ItemTotal.create(theirs[s].dimension());
          }
          ours[s].combine(theirs[s]);
        }
      }
    });
  }

  /**
   * The sums per subscale, timepoint and design cell: the task copies' added to a new copy, so
   * that asking before the last task has ended changes nothing.
   */
  @Override
  public Map<Cell, ItemTotal> value() {
    ReliabilitySums all = tasks == null ? this : pair(this, tasks.result().orElseGet(this::empty));
    Map<Cell, ItemTotal> out = new HashMap<>();
    all.sums.forEach((key, perSubscale) -> {
      for (int s = 0; s < perSubscale.length; s++) {
        if (perSubscale[s] != null) {
          out.put(new Cell(s, key.get(0), List.copyOf(key.subList(1, key.size()))), perSubscale[s]);
        }
      }
    });
    return out;
  }
}
