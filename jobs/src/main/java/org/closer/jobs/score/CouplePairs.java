package org.closer.jobs.score;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.unsafe.types.UTF8String;
import org.closer.jobs.CatalystRows;

/**
 * The partner rows of one partition, walked as runs of one couple's rows, with each survey both
 * partners answered made into its couple row. The scores keep the responses' order, where a
 * couple's rows follow one another, so nearly every pair is found in place; what is left (a partner
 * who answered alone, a couple cut at a partition's edge, rows in any other order) is brought
 * together by couple and walked again. No order is needed for the pairs to be right: ingest leaves
 * at most one row per partner and survey, so an A and a B row of one survey are its pair wherever
 * they meet.
 *
 * <p>A row here is {@link #COLUMNS} then the design columns then one score per subscale; a couple
 * row is the keys, the design (the smaller value where the partners disagree), partners,
 * both_answered, then each subscale's mean and discrepancy.
 */
final class CouplePairs implements Iterator<InternalRow> {
  /** The key columns, in this order, before the design columns. */
  static final List<String> COLUMNS = List.of("clinic", "couple", "timepoint", "session", "partner");
  private static final int CLINIC = 0;
  private static final int COUPLE = 1;
  private static final int TIMEPOINT = 2;
  private static final int SESSION = 3;
  private static final int PARTNER = 4;
  private static final int DESIGN = COLUMNS.size();
  private static final UTF8String A = UTF8String.fromString("A");
  private static final UTF8String B = UTF8String.fromString("B");

  /** What a walk hands on. */
  enum Yield {
    /** Couple rows of the surveys both partners' rows were found for. */
    PAIRS,
    /** Partner rows whose partner's row was not found, as they came in. */
    UNPAIRED,
    /** Couple rows of every survey, of one partner where the other's row was not found. */
    ALL
  }

  private record Survey(UTF8String timepoint, Integer session) {}

  private final Iterator<InternalRow> rows;
  private final Yield yield;
  private final DataType[] design;
  private final int subscales;
  private InternalRow pending;
  private Iterator<InternalRow> out = Collections.emptyIterator();

  /** @param design the types of the design columns after {@link #COLUMNS} */
  CouplePairs(Iterator<InternalRow> rows, Yield yield, DataType[] design, int subscales) {
    this.rows = rows;
    this.yield = yield;
    this.design = design;
    this.subscales = subscales;
    this.pending = rows.hasNext() ? rows.next().copy() : null;
  }

  @Override
  public boolean hasNext() {
    while (!out.hasNext() && pending != null) {
      out = walk(nextRun()).iterator();
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

  /** One couple's rows that follow one another, copied: the reader hands out one row object. */
  private List<InternalRow> nextRun() {
    List<InternalRow> run = new ArrayList<>();
    run.add(pending);
    pending = null;
    while (rows.hasNext()) {
      InternalRow r = rows.next().copy();
      if (!r.getUTF8String(COUPLE).equals(run.get(0).getUTF8String(COUPLE))
          || !r.getUTF8String(CLINIC).equals(run.get(0).getUTF8String(CLINIC))) {
        pending = r;
        break;
      }
      run.add(r);
    }
    return run;
  }

  private List<InternalRow> walk(List<InternalRow> run) {
    Map<Survey, InternalRow[]> surveys = new LinkedHashMap<>();
    for (InternalRow r : run) {
      UTF8String partner = r.getUTF8String(PARTNER);
      int side = A.equals(partner) ? 0 : B.equals(partner) ? 1 : -1;
      if (side >= 0) {
        Survey key = new Survey(r.getUTF8String(TIMEPOINT), r.isNullAt(SESSION) ? null : r.getInt(SESSION));
        surveys.computeIfAbsent(key, k -> new InternalRow[2])[side] = r;
      }
    }
    List<InternalRow> kept = new ArrayList<>();
    for (InternalRow[] pair : surveys.values()) {
      boolean both = pair[0] != null && pair[1] != null;
      InternalRow one = pair[0] != null ? pair[0] : pair[1];
      if (yield == Yield.ALL || both && yield == Yield.PAIRS) {
        kept.add(couple(one, both ? pair[1] : null));
      } else if (!both && yield == Yield.UNPAIRED) {
        kept.add(one);
      }
    }
    return kept;
  }

  /** The couple row of one partner's row, or of two (the first A's); Spark's least() for the design. */
  private InternalRow couple(InternalRow a, InternalRow b) {
    Object[] v = new Object[PARTNER + design.length + 2 + 2 * subscales];
    for (int i = 0; i < PARTNER; i++) {
      v[i] = a.isNullAt(i) ? null : i == SESSION ? a.getInt(i) : a.getUTF8String(i);
    }
    int at = PARTNER;
    for (int d = 0; d < design.length; d++) {
      v[at++] = least(CatalystRows.value(a, DESIGN + d, design[d]),
          b == null ? null : CatalystRows.value(b, DESIGN + d, design[d]));
    }
    v[at++] = b == null ? 1 : 2;
    v[at++] = b != null;
    int first = DESIGN + design.length;
    for (int s = 0; s < subscales; s++) {
      boolean hasX = !a.isNullAt(first + s);
      boolean hasY = b != null && !b.isNullAt(first + s);
      double x = hasX ? a.getDouble(first + s) : 0;
      double y = hasY ? b.getDouble(first + s) : 0;
      v[at++] = hasX && hasY ? (Object) ((x + y) / 2) : hasX ? (Object) x : hasY ? (Object) y : null;
      v[at++] = hasX && hasY ? (Object) (Math.max(x, y) - Math.min(x, y)) : null;
    }
    return new GenericInternalRow(v);
  }

  /** The type of a couple row, from the type of the partner rows. */
  static StructType coupleType(StructType partnerRows, List<String> scoreColumns) {
    List<StructField> fields = new ArrayList<>();
    for (int i = 0; i < partnerRows.size() - scoreColumns.size(); i++) {
      if (i != PARTNER) {
        fields.add(partnerRows.fields()[i]);
      }
    }
    fields.add(DataTypes.createStructField("partners", DataTypes.IntegerType, false));
    fields.add(DataTypes.createStructField("both_answered", DataTypes.BooleanType, false));
    for (String score : scoreColumns) {
      fields.add(DataTypes.createStructField(score + "_mean", DataTypes.DoubleType, true));
      fields.add(DataTypes.createStructField(score + "_discrepancy", DataTypes.DoubleType, true));
    }
    return DataTypes.createStructType(fields);
  }

  /** Spark's least(): the smaller value that is not null, in the type's order. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Object least(Object x, Object y) {
    if (x == null || y == null) {
      return x == null ? y : x;
    }
    return ((Comparable) x).compareTo(y) <= 0 ? x : y;
  }
}
