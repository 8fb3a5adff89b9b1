package org.closer.jobs.outcomes;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.closer.core.stats.Comoments;
import org.closer.core.stats.Slope;
import org.closer.jobs.score.Psychometrics;

/**
 * One {@code trajectories} row per unit and score from that unit's session points. Input rows are
 * (the {@link #UNIT} columns, session, then one value per score), each unit's rows next to each
 * other and in session order. The comoments of (session, value) are accumulated in that order, so a
 * slope does not depend on how Spark split and merged the rows: summed in another order it could
 * differ in its last bits, and two units with the same points would then no longer tie in the rank
 * tests of {@code compare}.
 */
final class UnitSlopes implements MapPartitionsFunction<Row, Row> {
  private static final long serialVersionUID = 1L;
  /** The columns naming a unit: its level, couple, partner and design. */
  static final List<String> UNIT = List.of("level", "clinic", "couple", "partner", "modality", "method",
      "session_minutes", "therapist");

  private final List<String> scores;

  UnitSlopes(List<String> scores) {
    this.scores = List.copyOf(scores);
  }

  @Override
  public Iterator<Row> call(Iterator<Row> rows) {
    return new Walk(rows);
  }

  /** Reads one unit's rows at a time and hands out its slopes, so a partition is never held whole. */
  private final class Walk implements Iterator<Row> {
    private final Iterator<Row> rows;
    private final ArrayDeque<Row> ready = new ArrayDeque<>();
    private Row pending;

    Walk(Iterator<Row> rows) {
      this.rows = rows;
    }

    @Override
    public boolean hasNext() {
      while (ready.isEmpty() && (pending != null || rows.hasNext())) {
        nextUnit();
      }
      return !ready.isEmpty();
    }

    @Override
    public Row next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      return ready.poll();
    }

    private void nextUnit() {
      Row first = pending != null ? pending : rows.next();
      pending = null;
      Comoments[] xy = new Comoments[scores.size()];
      Arrays.setAll(xy, s -> Comoments.create(2));
      add(first, xy);
      while (rows.hasNext()) {
        Row r = rows.next();
        if (!sameUnit(first, r)) {
          pending = r;
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
          v[i] = first.get(i);
        }
        v[UNIT.size()] = scores.get(s);
        v[UNIT.size() + 1] = (int) slope.n();
        v[UNIT.size() + 2] = Psychometrics.nullable(slope.slope());
        v[UNIT.size() + 3] = Psychometrics.nullable(slope.se());
        ready.add(RowFactory.create(v));
      }
    }

    private void add(Row r, Comoments[] xy) {
      int session = UNIT.size();
      if (r.isNullAt(session)) {
        return;
      }
      for (int s = 0; s < xy.length; s++) {
        if (!r.isNullAt(session + 1 + s)) {
          xy[s].accept(new double[] {r.getDouble(session), r.getDouble(session + 1 + s)});
        }
      }
    }

    private boolean sameUnit(Row a, Row b) {
      for (int i = UNIT.size() - 1; i >= 0; i--) {
        if (!Objects.equals(a.get(i), b.get(i))) {
          return false;
        }
      }
      return true;
    }
  }
}
