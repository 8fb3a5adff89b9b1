package org.closer.core.stats;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/** Multiplicity-adjusted p-values as R's {@code p.adjust}; NaN p-values are left out and stay NaN. */
public final class PAdjust {
  private PAdjust() {}

  /** Holm (1979) step-down: p_(i) (m - i + 1), made monotone, capped at 1. */
  public static double[] holm(double[] p) {
    int[] order = order(p, false);
    int m = order.length;
    double[] out = nans(p.length);
    double running = 0;
    for (int i = 0; i < m; i++) {
      running = Math.max(running, Math.min(1, (m - i) * p[order[i]]));
      out[order[i]] = running;
    }
    return out;
  }

  /** Benjamini and Hochberg (1995) step-up: p_(i) m / i, made monotone from the largest, capped at 1. */
  public static double[] benjaminiHochberg(double[] p) {
    int[] order = order(p, true);
    int m = order.length;
    double[] out = nans(p.length);
    double running = 1;
    for (int i = 0; i < m; i++) {
      running = Math.min(running, (double) m / (m - i) * p[order[i]]);
      out[order[i]] = Math.min(1, running);
    }
    return out;
  }

  /** Indexes of the non-NaN p-values, ascending (or descending). */
  private static int[] order(double[] p, boolean descending) {
    Comparator<Integer> byP = Comparator.comparingDouble(i -> p[i]);
    return IntStream.range(0, p.length).filter(i -> !Double.isNaN(p[i])).boxed()
        .sorted(descending ? byP.reversed() : byP).mapToInt(Integer::intValue).toArray();
  }

  private static double[] nans(int n) {
    double[] out = new double[n];
    Arrays.fill(out, Double.NaN);
    return out;
  }
}
