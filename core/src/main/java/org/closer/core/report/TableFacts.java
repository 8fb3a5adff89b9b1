package org.closer.core.report;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.closer.core.instrument.InstrumentCatalog;
import org.closer.core.instrument.Subscale;
import org.closer.core.stats.ComparisonResult;
import org.closer.core.stats.Moments;
import tech.tablesaw.api.Row;
import tech.tablesaw.api.Table;

/**
 * The report's facts computed from tables the light reader loaded, so that a notebook draws the
 * report's charts without Spark. Counts and moments as the report job computes them.
 */
public final class TableFacts {
  private TableFacts() {}

  /** Score summaries by timepoint and level of {@code factor} (a column of scores: method, modality, ...). */
  public static List<StudyFacts.Descriptive> descriptives(Table scores, String factor) {
    Map<String, Cell> cells = new LinkedHashMap<>();
    for (Subscale s : InstrumentCatalog.builtIn().subscales()) {
      if (!scores.containsColumn(s.column())) {
        continue;
      }
      for (Row r : scores) {
        if (!r.isMissing(s.column())) {
          cells.computeIfAbsent(s.column() + "\u0000" + r.getString("timepoint") + "\u0000" + level(r, factor),
              k -> new Cell()).add(r, r.getDouble(s.column()));
        }
      }
    }
    List<StudyFacts.Descriptive> out = new ArrayList<>();
    cells.forEach((key, c) -> {
      String[] k = key.split("\u0000");
      out.add(new StudyFacts.Descriptive(k[0], k[1], factor, k[2], c.m.n(), c.people.size(), c.couples.size(),
          c.m.mean(), c.m.n() > 1 ? c.m.sd() : Double.NaN));
    });
    return out;
  }

  /** Session measures by session number and level of {@code factor}. */
  public static List<StudyFacts.SessionPoint> sessions(Table scores, String factor) {
    Map<String, Cell> cells = new TreeMap<>();
    for (Subscale s : InstrumentCatalog.builtIn().subscalesGivenAt(org.closer.core.model.Timepoint.SESSION)) {
      if (!scores.containsColumn(s.column())) {
        continue;
      }
      for (Row r : scores) {
        if ("session".equals(r.getString("timepoint")) && !r.isMissing("session") && !r.isMissing(s.column())) {
          cells.computeIfAbsent(s.column() + "\u0000" + level(r, factor) + "\u0000"
              + String.format("%05d", r.getInt("session")), k -> new Cell()).add(r, r.getDouble(s.column()));
        }
      }
    }
    List<StudyFacts.SessionPoint> out = new ArrayList<>();
    cells.forEach((key, c) -> {
      String[] k = key.split("\u0000");
      out.add(new StudyFacts.SessionPoint(k[0], factor, k[1], Integer.parseInt(k[2]), c.m.n(), c.people.size(),
          c.couples.size(), c.m.mean(), c.m.n() > 1 ? c.m.sd() : Double.NaN));
    });
    return out;
  }

  /** The comparisons dataset's rows as records (its columns are the record's, in order). */
  public static List<ComparisonResult> comparisons(Table comparisons) {
    List<ComparisonResult> out = new ArrayList<>();
    List<String> c = comparisons.columnNames();
    for (Row r : comparisons) {
      double[] d = new double[42];
      for (int i = 8; i < 42; i++) {
        d[i] = i == 30 || r.isMissing(c.get(i)) ? Double.NaN : r.getNumber(c.get(i));
      }
      out.add(new ComparisonResult(r.getString(0), r.getString(1), r.getString(2), r.getString(3), r.getString(4),
          r.getString(5), r.getLong(6), r.getLong(7), d[8], d[9], d[10], d[11], d[12], d[13], d[14], d[15], d[16],
          d[17], d[18], d[19], d[20], d[21], d[22], d[23], d[24], d[25], d[26], d[27], d[28], d[29],
          r.isMissing(c.get(30)) ? null : r.getBoolean(c.get(30)), d[31], d[32], d[33], d[34], d[35], d[36], d[37], d[38], d[39],
          d[40], d[41]));
    }
    return out;
  }

  private static String level(Row r, String factor) {
    if (factor.equals("all")) {
      return "all";
    }
    Object v = r.getObject(factor);
    return v == null ? "" : v.toString();
  }

  private static final class Cell {
    Moments m = Moments.create();
    final Set<String> people = new HashSet<>();
    final Set<String> couples = new HashSet<>();

    void add(Row r, double value) {
      m = m.accept(value);
      people.add(r.getString("couple") + "\u0000" + r.getString("partner"));
      couples.add(r.getString("couple"));
    }
  }
}
