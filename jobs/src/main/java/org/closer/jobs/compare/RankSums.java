package org.closer.jobs.compare;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Group a's mid-rank sum and the tie term of every comparison, from a histogram of the values
 * (outcome, level, value, then one count per design cell) whose (outcome, level) groups each lie
 * whole in one partition, sorted by value. One pass keeps the running count of each cell below the
 * current value: a value's mid-rank within groups a and b is the count of both below it plus
 * (ties + 1) / 2. Emits (outcome, level, plan, rank sum, tie term) per group and plan: a few rows
 * per partition, never the values.
 */
final class RankSums implements MapPartitionsFunction<Row, Row> {
  static final StructType SCHEMA = new StructType()
      .add("outcome", DataTypes.StringType)
      .add("level", DataTypes.StringType)
      .add("plan", DataTypes.IntegerType)
      .add("rank", DataTypes.DoubleType)
      .add("ties", DataTypes.DoubleType);
  private static final long serialVersionUID = 1L;
  /** Where the histogram's cell counts start: after outcome, level and value. */
  private static final int FIRST_COUNT = 3;

  private final int plans;
  private final int[] cellA;
  private final int[] cellB;
  private final int cells;

  /**
   * @param plans the comparisons
   * @param cells "factor SEP level" of each count column, in the histogram's order
   * @param sep the separator within {@code cells}
   */
  RankSums(List<ComparisonPlan> plans, List<String> cells, String sep) {
    this.cells = cells.size();
    this.plans = plans.size();
    cellA = new int[plans.size()];
    cellB = new int[plans.size()];
    for (int j = 0; j < plans.size(); j++) {
      ComparisonPlan p = plans.get(j);
      cellA[j] = cells.indexOf(p.factor() + sep + p.groupA());
      cellB[j] = cells.indexOf(p.factor() + sep + p.groupB());
    }
  }

  @Override
  public Iterator<Row> call(Iterator<Row> rows) {
    List<Row> out = new ArrayList<>();
    long[] below = new long[cells];
    long[] count = new long[cells];
    double[] rank = new double[plans];
    double[] ties = new double[plans];
    Row group = null;
    while (rows.hasNext()) {
      Row r = rows.next();
      if (group == null || !sameGroup(group, r)) {
        emit(group, rank, ties, out);
        group = r;
        Arrays.fill(below, 0);
        Arrays.fill(rank, 0);
        Arrays.fill(ties, 0);
      }
      for (int i = 0; i < cells; i++) {
        count[i] = r.getLong(FIRST_COUNT + i);
      }
      for (int j = 0; j < plans; j++) {
        long a = count[cellA[j]];
        double t = a + count[cellB[j]];
        rank[j] += a * (below[cellA[j]] + below[cellB[j]] + (t + 1) / 2.0);
        ties[j] += t * t * t - t;
      }
      for (int i = 0; i < cells; i++) {
        below[i] += count[i];
      }
    }
    emit(group, rank, ties, out);
    return out.iterator();
  }

  private static boolean sameGroup(Row a, Row b) {
    return a.getString(0).equals(b.getString(0)) && Objects.equals(a.getString(1), b.getString(1));
  }

  private void emit(Row group, double[] rank, double[] ties, List<Row> out) {
    if (group == null) {
      return;
    }
    for (int j = 0; j < plans; j++) {
      out.add(RowFactory.create(group.getString(0), group.getString(1), j, rank[j], ties[j]));
    }
  }
}
