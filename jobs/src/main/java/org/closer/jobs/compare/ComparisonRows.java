package org.closer.jobs.compare;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.closer.core.report.CellPolicy;
import org.closer.core.stats.ComparisonResult;

/** A {@link ComparisonResult} as a row of the comparisons schema (NaN written as null) and as CSV text. */
public final class ComparisonRows {
  private ComparisonRows() {}

  static Object[] values(ComparisonResult c) {
    return new Object[] {
      c.comparison(), c.factor(), c.outcome(), c.level(), c.groupA(), c.groupB(), c.nA(), c.nB(),
      n(c.meanA()), n(c.sdA()), n(c.meanB()), n(c.sdB()), n(c.meanDiff()), n(c.diffLow()), n(c.diffHigh()),
      n(c.welchT()), n(c.welchDf()), n(c.welchP()), n(c.hedgesG()), n(c.gLow()), n(c.gHigh()),
      n(c.mwuW()), n(c.mwuP()), n(c.rankBiserial()), n(c.ancovaDiff()), n(c.ancovaLow()), n(c.ancovaHigh()),
      n(c.ancovaP()), n(c.tostMargin()), n(c.tostP()), c.equivalent(), n(c.successA()), n(c.successB()),
      n(c.riskDiff()), n(c.rdLow()), n(c.rdHigh()), n(c.fisherP()), n(c.clusterSe()), n(c.clusterP()), n(c.icc()),
      n(c.pHolm()), n(c.pBh())
    };
  }

  /** A row of the comparisons dataset back as the record. */
  public static ComparisonResult fromRow(Row r) {
    return new ComparisonResult(r.getString(0), r.getString(1), r.getString(2), r.getString(3), r.getString(4),
        r.getString(5), r.getLong(6), r.getLong(7), d(r, 8), d(r, 9), d(r, 10), d(r, 11), d(r, 12), d(r, 13), d(r, 14),
        d(r, 15), d(r, 16), d(r, 17), d(r, 18), d(r, 19), d(r, 20), d(r, 21), d(r, 22), d(r, 23), d(r, 24), d(r, 25),
        d(r, 26), d(r, 27), d(r, 28), d(r, 29), r.isNullAt(30) ? null : r.getBoolean(30), d(r, 31), d(r, 32), d(r, 33),
        d(r, 34), d(r, 35), d(r, 36), d(r, 37), d(r, 38), d(r, 39), d(r, 40), d(r, 41));
  }

  private static double d(Row r, int i) {
    return r.isNullAt(i) ? Double.NaN : r.getDouble(i);
  }

  /**
   * The row as report CSV text: full precision (shortest round-trip text), empty for null; a row
   * with a group below the minimum cell size keeps its labels and shows nothing else.
   */
  public static List<String> text(Row r, CellPolicy cells, org.closer.core.report.ComparisonCells hidden) {
    long na = r.getLong(6);
    long nb = r.getLong(7);
    boolean hide = hidden.hides(r.getString(0), r.getString(2), na, nb);
    List<String> out = new ArrayList<>(r.length());
    for (int i = 0; i < r.length(); i++) {
      if (!hide || i < 6) {
        out.add(r.isNullAt(i) ? "" : String.valueOf(r.get(i)));
      } else if (i < 8) {
        out.add(cells.hides(r.getLong(i)) ? cells.count(r.getLong(i)) : CellPolicy.SUPPRESSED);
      } else {
        out.add(CellPolicy.SUPPRESSED);
      }
    }
    return out;
  }

  private static Double n(double v) {
    return Double.isNaN(v) || Double.isInfinite(v) ? null : v;
  }
}
