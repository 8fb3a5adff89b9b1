package org.closer.core.report;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.closer.core.stats.ComparisonResult;

/**
 * Which comparisons the report hides: those with a group below the minimum cell size. At the
 * individual level the units are partners, two per couple, so a row is also hidden when the same
 * comparison and outcome at couple level is: a group of 9 couples is 18 partners, but 9 families.
 */
public final class ComparisonCells {
  private final CellPolicy cells;
  private final Set<String> hiddenAtCoupleLevel = new HashSet<>();

  public ComparisonCells(CellPolicy cells, List<ComparisonResult> all) {
    this.cells = cells;
    for (ComparisonResult c : all) {
      if ("couple".equals(c.level()) && (small(c.nA()) || small(c.nB()))) {
        hiddenAtCoupleLevel.add(key(c.comparison(), c.outcome()));
      }
    }
  }

  private boolean small(long n) {
    return n < cells.minCell();
  }

  public boolean hides(ComparisonResult c) {
    return hides(c.comparison(), c.outcome(), c.nA(), c.nB());
  }

  public boolean hides(String comparison, String outcome, long nA, long nB) {
    return small(nA) || small(nB) || hiddenAtCoupleLevel.contains(key(comparison, outcome));
  }

  private static String key(String comparison, String outcome) {
    return comparison + "\u0000" + outcome;
  }
}
