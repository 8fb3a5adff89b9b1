package org.closer.jobs.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Partners and couples with a value of each score, per {@code at} (timepoint or session number),
 * factor ('all' and each design factor) and level, from one row per {@code at}, couple and design
 * cell: (at, couple, one level per factor, then the marks: bit {@code score * partners + partner} of
 * {@link #masks} long columns set when that partner gave that score). Each (at, couple)'s rows come
 * whole in one partition and next to each other (sorted by couple, then at). Within a couple the marks are OR-ed per factor level, so a couple whose rows disagree on another factor
 * still counts once there. Emits (at, factor, level, then partners and couples per score) per
 * partition: a few rows, never the couples.
 */
final class ScorerCounts implements MapPartitionsFunction<Row, Row> {
  private static final long serialVersionUID = 1L;
  static final String ALL = "all";
  private static final int BITS = 63;

  private final List<String> factors;
  private final int scores;
  private final int partners;

  /**
   * @param factors the design factors, in the input's column order after at and couple
   * @param scores how many scores
   * @param partners marks per score, one per partner
   */
  ScorerCounts(List<String> factors, int scores, int partners) {
    this.factors = List.copyOf(factors);
    this.scores = scores;
    this.partners = partners;
  }

  /** How many long columns hold {@code marks} bits, 63 to a column (a long's sign bit left alone). */
  static int masks(int marks) {
    return (marks + BITS - 1) / BITS;
  }

  static int column(int mark) {
    return mark / BITS;
  }

  static long bit(int mark) {
    return 1L << (mark % BITS);
  }

  static StructType schema(DataType at, int scores) {
    StructType s = new StructType().add("at", at).add("factor", DataTypes.StringType).add("level", DataTypes.StringType);
    for (int i = 0; i < scores; i++) {
      s = s.add("partners" + i, DataTypes.LongType).add("couples" + i, DataTypes.LongType);
    }
    return s;
  }

  @Override
  public Iterator<Row> call(Iterator<Row> rows) {
    // [at, factor, level] -> partners and couples per score
    Map<List<Object>, long[]> totals = new LinkedHashMap<>();
    // [factor, level] -> the current couple's marks
    Map<List<String>, long[]> couple = new HashMap<>();
    int masks = masks(scores * partners);
    Object at = null;
    String code = null;
    int firstMark = 2 + factors.size();
    while (rows.hasNext()) {
      Row r = rows.next();
      if (code == null || !code.equals(r.getString(1)) || !Objects.equals(at, r.get(0))) {
        add(at, couple, totals);
        at = r.get(0);
        code = r.getString(1);
      }
      for (int f = -1; f < factors.size(); f++) {
        List<String> key = f < 0 ? List.of(ALL, ALL) : Arrays.asList(factors.get(f), r.getString(2 + f));
        long[] marks = couple.computeIfAbsent(key, k -> new long[masks]);
        for (int m = 0; m < masks; m++) {
          marks[m] |= r.getLong(firstMark + m);
        }
      }
    }
    add(at, couple, totals);
    List<Row> out = new ArrayList<>();
    totals.forEach((key, counts) -> {
      Object[] values = new Object[3 + counts.length];
      values[0] = key.get(0);
      values[1] = key.get(1);
      values[2] = key.get(2);
      for (int i = 0; i < counts.length; i++) {
        values[3 + i] = counts[i];
      }
      out.add(RowFactory.create(values));
    });
    return out.iterator();
  }

  /** The finished couple's marks into the totals: its partners with a mark, and itself when any has one. */
  private void add(Object at, Map<List<String>, long[]> couple, Map<List<Object>, long[]> totals) {
    couple.forEach((level, marks) -> {
      long[] t = totals.computeIfAbsent(Arrays.asList(at, level.get(0), level.get(1)), k -> new long[2 * scores]);
      for (int s = 0; s < scores; s++) {
        boolean any = false;
        for (int p = 0; p < partners; p++) {
          int mark = s * partners + p;
          boolean given = (marks[column(mark)] & bit(mark)) != 0;
          t[2 * s] += given ? 1 : 0;
          any |= given;
        }
        t[2 * s + 1] += any ? 1 : 0;
      }
    });
    couple.clear();
  }
}
