package org.closer.jobs.outcomes;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.unsafe.types.UTF8String;
import org.closer.jobs.QueuedRows;

/**
 * The wide rows of {@link OutcomesJob} (a unit's keys, design and score, then intake, closing,
 * follow-up, sessions attended and dropout) from score rows whose every couple's rows follow one
 * another, without a shuffle: one couple's units are held at a time. The same values as the two
 * groupings of the shuffled path: the design is each column's smallest value, a score's value at a
 * timepoint the largest, sessions the session surveys with a session number.
 *
 * <p>An input row is {@link #COLUMNS} then one value per score; partner is null at the couple level.
 */
final class UnitOutcomes extends QueuedRows {
  static final List<String> COLUMNS = List.of("clinic", "couple", "partner", "modality", "method",
      "session_minutes", "therapist", "timepoint", "session");
  private static final int CLINIC = 0;
  private static final int COUPLE = 1;
  private static final int PARTNER = 2;
  private static final int DESIGN = 3;
  private static final int MINUTES = 5;
  private static final int TIMEPOINT = 7;
  private static final int SESSION = 8;
  private static final int SCORES = COLUMNS.size();
  private static final UTF8String INTAKE = UTF8String.fromString("intake");
  private static final UTF8String CLOSING = UTF8String.fromString("closing");
  private static final UTF8String FOLLOWUP = UTF8String.fromString("followup");
  private static final UTF8String SESSION_SURVEY = UTF8String.fromString("session");

  private final Iterator<InternalRow> rows;
  private final UTF8String level;
  private final UTF8String[] names;
  /** The units of the couple being read, in the order first seen, by partner (null for the couple). */
  private final Map<UTF8String, Unit> units = new LinkedHashMap<>();
  private UTF8String clinic;
  private UTF8String couple;

  UnitOutcomes(Iterator<InternalRow> rows, String level, List<String> scores) {
    this.rows = rows;
    this.level = UTF8String.fromString(level);
    this.names = scores.stream().map(UTF8String::fromString).toArray(UTF8String[]::new);
  }

  @Override
  protected boolean refill() {
    if (!rows.hasNext()) {
      if (couple == null) {
        return false;
      }
      flush();
      return true;
    }
    InternalRow r = rows.next();
    if (couple != null && (!r.getUTF8String(COUPLE).equals(couple) || !r.getUTF8String(CLINIC).equals(clinic))) {
      flush();
    }
    if (couple == null) {
      clinic = r.getUTF8String(CLINIC).copy();
      couple = r.getUTF8String(COUPLE).copy();
    }
    UTF8String partner = r.isNullAt(PARTNER) ? null : r.getUTF8String(PARTNER);
    Unit unit = units.get(partner);
    if (unit == null) {
      unit = new Unit(partner == null ? null : partner.copy(), names.length);
      units.put(unit.partner, unit);
    }
    unit.add(r);
    return true;
  }

  /** The held couple's wide rows, for the scores with an intake value. */
  private void flush() {
    for (Unit u : units.values()) {
      for (int s = 0; s < names.length; s++) {
        if (u.values[s][0] != null) {
          ready.add(new GenericInternalRow(new Object[] {level, clinic, couple, u.partner, u.design[0], u.design[1],
              u.design[2], u.design[3], names[s], u.values[s][0], u.values[s][1], u.values[s][2], u.sessions,
              !u.closed}));
        }
      }
    }
    units.clear();
    clinic = null;
    couple = null;
  }

  /** One partner's or couple's values so far. */
  private static final class Unit {
    final UTF8String partner;
    final Object[] design = new Object[4];
    /** Per score: the largest value at intake, closing and follow-up. */
    final Double[][] values;
    int sessions;
    boolean closed;

    Unit(UTF8String partner, int scores) {
      this.partner = partner;
      this.values = new Double[scores][3];
    }

    void add(InternalRow r) {
      for (int d = 0; d < design.length; d++) {
        int i = DESIGN + d;
        if (r.isNullAt(i)) {
          continue;
        }
        if (i == MINUTES) {
          int m = r.getInt(i);
          if (design[d] == null || m < (Integer) design[d]) {
            design[d] = m;
          }
        } else {
          UTF8String v = r.getUTF8String(i);
          if (design[d] == null || v.compareTo((UTF8String) design[d]) < 0) {
            design[d] = v.copy();
          }
        }
      }
      UTF8String timepoint = r.getUTF8String(TIMEPOINT);
      int t = INTAKE.equals(timepoint) ? 0 : CLOSING.equals(timepoint) ? 1 : FOLLOWUP.equals(timepoint) ? 2 : -1;
      if (SESSION_SURVEY.equals(timepoint) && !r.isNullAt(SESSION)) {
        sessions++;
      }
      closed |= t == 1;
      if (t < 0) {
        return;
      }
      for (int s = 0; s < values.length; s++) {
        if (!r.isNullAt(SCORES + s)) {
          double v = r.getDouble(SCORES + s);
          if (values[s][t] == null || Double.compare(v, values[s][t]) > 0) {
            values[s][t] = v;
          }
        }
      }
    }
  }
}
