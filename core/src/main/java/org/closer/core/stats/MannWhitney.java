package org.closer.core.stats;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * The Mann-Whitney (Wilcoxon rank-sum) test from rank statistics: group a's sum of mid-ranks in the
 * combined sample and the tie term sum(t^3 - t) over groups of tied values. Matches R's
 * {@code wilcox.test(a, b, exact = FALSE, correct = TRUE)}: W = R_a - n_a (n_a + 1) / 2, normal
 * approximation with tie-corrected variance and continuity correction; and the rank-biserial
 * correlation r = 2 W / (n_a n_b) - 1 as {@code effectsize::rank_biserial(a, b)}.
 */
public final class MannWhitney {
  private static final NormalDistribution NORMAL = new NormalDistribution(null, 0, 1);

  public record Result(double w, double p, double rankBiserial) {}

  private MannWhitney() {}

  /** From the two samples themselves, for data small enough to sort in memory (NaN values are skipped). */
  public static Result of(double[] a, double[] b) {
    java.util.TreeMap<Double, long[]> counts = new java.util.TreeMap<>();
    for (double x : a) {
      if (!Double.isNaN(x)) {
        counts.computeIfAbsent(x, k -> new long[2])[0]++;
      }
    }
    for (double x : b) {
      if (!Double.isNaN(x)) {
        counts.computeIfAbsent(x, k -> new long[2])[1]++;
      }
    }
    double rankSumA = 0;
    double ties = 0;
    long before = 0;
    long na = 0;
    long nb = 0;
    for (long[] c : counts.values()) {
      long t = c[0] + c[1];
      rankSumA += c[0] * (before + (t + 1) / 2.0);
      ties += (double) t * t * t - t;
      before += t;
      na += c[0];
      nb += c[1];
    }
    return of(na, nb, rankSumA, ties);
  }

  public static Result of(long na, long nb, double rankSumA, double tieTerm) {
    if (na == 0 || nb == 0) {
      return new Result(Double.NaN, Double.NaN, Double.NaN);
    }
    double n = na + nb;
    double w = rankSumA - na * (na + 1) / 2.0;
    double centre = w - na * (double) nb / 2;
    double sigma = Math.sqrt(na * (double) nb / 12 * ((n + 1) - tieTerm / (n * (n - 1))));
    double correction = Math.signum(centre) * 0.5;
    double z = (centre - correction) / sigma;
    double p = sigma > 0 ? 2 * Math.min(NORMAL.cumulativeProbability(z), 1 - NORMAL.cumulativeProbability(z)) : Double.NaN;
    return new Result(w, p, 2 * w / (na * (double) nb) - 1);
  }
}
