package org.closer.jobs.score;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.codegen.UnsafeRowWriter;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.unsafe.types.UTF8String;
import org.closer.jobs.MappedIterator;

/**
 * The partner rows of one partition, walked as runs of one couple's rows, with each survey both
 * partners answered made into its couple row. The scores keep the responses' order, where a
 * couple's rows follow one another, so nearly every pair is found in place; what is left (a partner
 * who answered alone, a couple cut at a partition's edge, rows in any other order) is brought
 * together by couple and walked again. No order is needed for the pairs to be right: ingest leaves
 * at most one row per partner and survey, so an A and a B row of one survey are its pair wherever
 * they meet.
 *
 * <p>A row here is read as {@link #COLUMNS} then the design columns then one score per subscale,
 * each at its place in the row; a couple row is the keys, the design (the smaller value where the
 * partners disagree), partners, both_answered, then each subscale's mean and discrepancy.
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
  private final boolean[] textDesign;
  private final int[] at;
  private final UnsafeRowWriter couple;
  private InternalRow pending;
  private Iterator<InternalRow> out = Collections.emptyIterator();

  /**
   * @param design the types of the design columns after {@link #COLUMNS}: text or int
   * @param at the place in a row of each column as read here
   */
  CouplePairs(Iterator<InternalRow> rows, Yield yield, DataType[] design, int subscales, int[] at) {
    this.rows = rows;
    this.at = at;
    this.yield = yield;
    this.design = design;
    this.subscales = subscales;
    this.textDesign = TextOrInt.text(design, "A design column of scores");
    this.couple = new UnsafeRowWriter(PARTNER + design.length + 2 + 2 * subscales, 128);
    this.pending = rows.hasNext() ? rows.next().copy() : null;
  }

  @Override
  public boolean hasNext() {
    while (!out.hasNext() && pending != null) {
      out = walk(nextRun());
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
      if (!r.getUTF8String(at[COUPLE]).equals(run.get(0).getUTF8String(at[COUPLE]))
          || !r.getUTF8String(at[CLINIC]).equals(run.get(0).getUTF8String(at[CLINIC]))) {
        pending = r;
        break;
      }
      run.add(r);
    }
    return run;
  }

  /** The run's rows to hand on; a couple row is written when it is asked for, and valid until the next. */
  private Iterator<InternalRow> walk(List<InternalRow> run) {
    Map<Survey, InternalRow[]> surveys = new LinkedHashMap<>();
    for (InternalRow r : run) {
      UTF8String partner = r.getUTF8String(at[PARTNER]);
      int side = A.equals(partner) ? 0 : B.equals(partner) ? 1 : -1;
      if (side >= 0) {
        Survey key = new Survey(r.getUTF8String(at[TIMEPOINT]), r.isNullAt(at[SESSION]) ? null : r.getInt(at[SESSION]));
        surveys.computeIfAbsent(key, k -> new InternalRow[2])[side] = r;
      }
    }
    List<InternalRow> unpaired = new ArrayList<>();
    List<InternalRow[]> kept = new ArrayList<>();
    for (InternalRow[] pair : surveys.values()) {
      boolean both = pair[0] != null && pair[1] != null;
      if (yield == Yield.ALL || both && yield == Yield.PAIRS) {
        kept.add(both ? pair : new InternalRow[] {pair[0] != null ? pair[0] : pair[1], null});
      } else if (!both && yield == Yield.UNPAIRED) {
        unpaired.add(pair[0] != null ? pair[0] : pair[1]);
      }
    }
    return yield == Yield.UNPAIRED ? unpaired.iterator()
        : new MappedIterator<>(kept.iterator(), pair -> couple(pair[0], pair[1]));
  }

  /**
   * The couple row of one partner's row, or of two (the first A's), written into one reused buffer;
   * Spark's least() for the design: the smaller value that is not null.
   */
  private InternalRow couple(InternalRow a, InternalRow b) {
    couple.reset();
    couple.zeroOutNullBytes();
    for (int i = 0; i < PARTNER; i++) {
      TextOrInt.copy(a, at[i], i != SESSION, couple, i);
    }
    int out = PARTNER;
    for (int d = 0; d < design.length; d++, out++) {
      int col = at[DESIGN + d];
      InternalRow from = b == null || b.isNullAt(col) ? a : a.isNullAt(col) || smaller(b, a, d) ? b : a;
      TextOrInt.copy(from, col, textDesign[d], couple, out);
    }
    couple.write(out++, b == null ? 1 : 2);
    couple.write(out++, b != null);
    int first = DESIGN + design.length;
    for (int s = 0; s < subscales; s++, out += 2) {
      int col = at[first + s];
      boolean hasX = !a.isNullAt(col);
      boolean hasY = b != null && !b.isNullAt(col);
      double x = hasX ? a.getDouble(col) : 0;
      double y = hasY ? b.getDouble(col) : 0;
      if (hasX || hasY) {
        couple.write(out, hasX && hasY ? (x + y) / 2 : hasX ? x : y);
      } else {
        couple.setNullAt(out);
      }
      if (hasX && hasY) {
        couple.write(out + 1, Math.max(x, y) - Math.min(x, y));
      } else {
        couple.setNullAt(out + 1);
      }
    }
    return couple.getRow();
  }

  /** Whether x's design value {@code d}, not null in either row, is below y's. */
  private boolean smaller(InternalRow x, InternalRow y, int d) {
    int col = at[DESIGN + d];
    return textDesign[d] ? x.getUTF8String(col).compareTo(y.getUTF8String(col)) < 0 : x.getInt(col) < y.getInt(col);
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
}
