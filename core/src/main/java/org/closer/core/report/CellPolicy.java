package org.closer.core.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Small-cell suppression: a count or statistic from fewer than {@code minCell} people is not shown.
 * A zero count is shown (it describes nobody).
 */
public record CellPolicy(int minCell) {
  public static final String SUPPRESSED = "suppressed";

  public boolean hides(long n) {
    return n > 0 && n < minCell;
  }

  public String count(long n) {
    return hides(n) ? "<" + minCell : Long.toString(n);
  }

  /**
   * Counts of one table whose total is known elsewhere. When exactly one cell is hidden, the next
   * smallest non-zero cell is hidden too, so the hidden one cannot be recovered as total minus the
   * rest (complementary suppression).
   */
  public List<String> counts(List<Long> counts) {
    boolean[] hidden = hidden(counts);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < counts.size(); i++) {
      out.add(!hidden[i] ? Long.toString(counts.get(i)) : hides(counts.get(i)) ? count(counts.get(i)) : SUPPRESSED);
    }
    return out;
  }

  /**
   * Which cells of one table to hide: those below the minimum, and when that is exactly one cell,
   * also the smallest other non-zero cell.
   */
  public boolean[] hidden(List<Long> counts) {
    boolean[] hidden = new boolean[counts.size()];
    int primary = 0;
    for (int i = 0; i < hidden.length; i++) {
      hidden[i] = hides(counts.get(i));
      primary += hidden[i] ? 1 : 0;
    }
    if (primary == 1) {
      IntStream.range(0, counts.size())
          .filter(i -> counts.get(i) > 0 && !hidden[i])
          .boxed()
          .min(Comparator.comparing(counts::get))
          .ifPresent(i -> hidden[i] = true);
    }
    return hidden;
  }
}
