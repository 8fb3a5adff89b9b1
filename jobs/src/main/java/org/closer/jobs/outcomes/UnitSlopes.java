package org.closer.jobs.outcomes;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.unsafe.types.UTF8String;
import org.closer.core.stats.Comoments;
import org.closer.core.stats.Slope;
import org.closer.jobs.QueuedRows;
import org.closer.jobs.score.Psychometrics;

/**
 * One {@code trajectories} row per unit and score from that unit's session points. Input rows are
 * (the {@link #UNIT} columns, session, then one value per score), each unit's rows next to each
 * other and in session order. The comoments of (session, value) are accumulated in that order, so a
 * slope does not depend on how Spark split and merged the rows: summed in another order it could
 * differ in its last bits, and two units with the same points would then no longer tie in the rank
 * tests of {@code compare}. Rows are Spark's internal rows: a {@link org.apache.spark.sql.Row}
 * costs a conversion each way that took longer than the arithmetic.
 */
final class UnitSlopes implements FlatMapFunction<Iterator<InternalRow>, InternalRow> {
  private static final long serialVersionUID = 1L;
  /** The columns naming a unit: its level, couple, partner and design. */
  static final List<String> UNIT = List.of("level", "clinic", "couple", "partner", "modality", "method",
      "session_minutes", "therapist");
  /** The one unit column that is a number; the others are text. */
  private static final int MINUTES = UNIT.indexOf("session_minutes");

  private final List<String> scores;

  UnitSlopes(List<String> scores) {
    this.scores = List.copyOf(scores);
  }

  @Override
  public Iterator<InternalRow> call(Iterator<InternalRow> rows) {
    return new Walk(rows);
  }

  /**
   * The slopes of points whose every couple's rows follow one another, in any order within the
   * couple: each couple's rows are sorted as the shuffled path sorts them, so that the sums are
   * taken in the same order and give the same bits.
   */
  FlatMapFunction<Iterator<InternalRow>, InternalRow> ofWholeCouples() {
    return rows -> new Walk(new SortedCouples(rows, scores.size()));
  }

  /** A partition's rows, one couple's at a time, sorted by unit, session and values (nulls first). */
  private static final class SortedCouples extends QueuedRows {
    private static final int CLINIC = UNIT.indexOf("clinic");
    private static final int COUPLE = UNIT.indexOf("couple");
    private final Iterator<InternalRow> rows;
    private final int columns;
    private InternalRow pending;

    SortedCouples(Iterator<InternalRow> rows, int scores) {
      this.rows = rows;
      this.columns = UNIT.size() + 1 + scores;
    }

    @Override
    protected boolean refill() {
      if (pending == null && !rows.hasNext()) {
        return false;
      }
      List<InternalRow> couple = new ArrayList<>();
      couple.add(pending != null ? pending : rows.next().copy());
      pending = null;
      InternalRow first = couple.get(0);
      while (rows.hasNext()) {
        InternalRow r = rows.next().copy();
        if (!r.getUTF8String(COUPLE).equals(first.getUTF8String(COUPLE))
            || !r.getUTF8String(CLINIC).equals(first.getUTF8String(CLINIC))) {
          pending = r;
          break;
        }
        couple.add(r);
      }
      couple.sort(this::compare);
      ready.addAll(couple);
      return true;
    }

    /** Spark's ascending order with nulls first: text by its bytes, doubles with -0.0 equal to 0.0. */
    private int compare(InternalRow a, InternalRow b) {
      for (int i = 0; i < columns; i++) {
        if (a.isNullAt(i) || b.isNullAt(i)) {
          if (a.isNullAt(i) != b.isNullAt(i)) {
            return a.isNullAt(i) ? -1 : 1;
          }
          continue;
        }
        int c;
        if (i < UNIT.size()) {
          c = i == MINUTES ? Integer.compare(a.getInt(i), b.getInt(i)) : a.getUTF8String(i).compareTo(b.getUTF8String(i));
        } else {
          double x = a.getDouble(i);
          double y = b.getDouble(i);
          c = x == y ? 0 : Double.compare(x, y);
        }
        if (c != 0) {
          return c;
        }
      }
      return 0;
    }
  }

  /** Reads one unit's rows at a time and hands out its slopes, so a partition is never held whole. */
  private final class Walk extends QueuedRows {
    private final Iterator<InternalRow> rows;
    private final UTF8String[] names = scores.stream().map(UTF8String::fromString).toArray(UTF8String[]::new);
    private final double[] point = new double[2];
    /** The next unit's first row, copied: the reader reuses its row for the next. */
    private InternalRow pending;

    Walk(Iterator<InternalRow> rows) {
      this.rows = rows;
    }

    @Override
    protected boolean refill() {
      if (pending == null && !rows.hasNext()) {
        return false;
      }
      nextUnit();
      return true;
    }

    private void nextUnit() {
      InternalRow first = pending != null ? pending : rows.next().copy();
      pending = null;
      Comoments[] xy = new Comoments[scores.size()];
      Arrays.setAll(xy, s -> Comoments.create(2));
      add(first, xy);
      while (rows.hasNext()) {
        InternalRow r = rows.next();
        if (!sameUnit(first, r)) {
          pending = r.copy();
          break;
        }
        add(r, xy);
      }
      for (int s = 0; s < xy.length; s++) {
        if (xy[s].n() == 0) {
          continue;
        }
        Slope slope = Slope.of(xy[s]);
        Object[] v = new Object[UNIT.size() + 4];
        for (int i = 0; i < UNIT.size(); i++) {
          v[i] = first.isNullAt(i) ? null : i == MINUTES ? (Object) first.getInt(i) : first.getUTF8String(i);
        }
        v[UNIT.size()] = names[s];
        v[UNIT.size() + 1] = (int) slope.n();
        v[UNIT.size() + 2] = Psychometrics.nullable(slope.slope());
        v[UNIT.size() + 3] = Psychometrics.nullable(slope.se());
        ready.add(new GenericInternalRow(v));
      }
    }

    private void add(InternalRow r, Comoments[] xy) {
      int session = UNIT.size();
      if (r.isNullAt(session)) {
        return;
      }
      point[0] = r.getDouble(session);
      for (int s = 0; s < xy.length; s++) {
        if (!r.isNullAt(session + 1 + s)) {
          point[1] = r.getDouble(session + 1 + s);
          xy[s].accept(point);
        }
      }
    }

    private boolean sameUnit(InternalRow a, InternalRow b) {
      for (int i = UNIT.size() - 1; i >= 0; i--) {
        if (a.isNullAt(i) || b.isNullAt(i)) {
          if (a.isNullAt(i) != b.isNullAt(i)) {
            return false;
          }
        } else if (i == MINUTES ? a.getInt(i) != b.getInt(i) : !a.getUTF8String(i).equals(b.getUTF8String(i))) {
          return false;
        }
      }
      return true;
    }
  }
}
