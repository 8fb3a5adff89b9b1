package org.closer.core.stats;

import org.apache.commons.math3.distribution.HypergeometricDistribution;

/**
 * Two proportions x_a / n_a and x_b / n_b: the risk difference with R's
 * {@code prop.test(c(x_a, x_b), c(n_a, n_b), correct = FALSE)} interval (Wald, clipped to [-1, 1])
 * and the two-sided p of Fisher's exact test as {@code fisher.test}: the total probability, under
 * the hypergeometric null, of the tables no more likely than the observed one (with R's relative
 * tolerance of 1e-7).
 */
public final class Proportions {
  public record Result(double pa, double pb, double difference, double low, double high, double fisherP) {}

  /** exp() of anything below -745.2 is 0 in double precision; this keeps a margin. */
  private static final double UNDERFLOW = 800;

  private Proportions() {}

  public static Result of(long xa, long na, long xb, long nb) {
    if (na == 0 || nb == 0) {
      return new Result(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }
    double pa = (double) xa / na;
    double pb = (double) xb / nb;
    double diff = pa - pb;
    double width = TwoGroups.z() * Math.sqrt(pa * (1 - pa) / na + pb * (1 - pb) / nb);
    return new Result(pa, pb, diff, Math.max(diff - width, -1), Math.min(diff + width, 1), fisher(xa, na, xb, nb));
  }

  /**
   * Two-sided Fisher exact p for the table [[x_a, n_a - x_a], [x_b, n_b - x_b]]. R sums over the
   * whole support; a term more than {@link #UNDERFLOW} below the largest is exactly 0 after exp(),
   * and the log-probabilities fall away on both sides of the mode, so only the terms around it are
   * computed: the same sums in the same order, without the zeros (at 200,000 people, a hundredth
   * of the support).
   */
  static double fisher(long xa, long na, long xb, long nb) {
    int total = Math.toIntExact(na + nb);
    int successes = Math.toIntExact(xa + xb);
    HypergeometricDistribution h = new HypergeometricDistribution(null, total, successes, Math.toIntExact(na));
    int lo = Math.max(0, successes - Math.toIntExact(nb));
    int hi = Math.min(successes, Math.toIntExact(na));
    int mode = (int) Math.max(lo, Math.min(hi, Math.floor((na + 1.0) * (successes + 1.0) / (total + 2.0))));
    double floor = h.logProbability(mode) - UNDERFLOW;
    int from = mode;
    while (from > lo && h.logProbability(from - 1) > floor) {
      from--;
    }
    int to = mode;
    while (to < hi && h.logProbability(to + 1) > floor) {
      to++;
    }
    double[] log = new double[to - from + 1];
    double max = Double.NEGATIVE_INFINITY;
    for (int k = from; k <= to; k++) {
      log[k - from] = h.logProbability(k);
      max = Math.max(max, log[k - from]);
    }
    double observed = h.logProbability(Math.toIntExact(xa));
    double sum = 0;
    double tail = 0;
    double limit = Math.exp(observed - max) * (1 + 1e-7);
    for (double l : log) {
      double d = Math.exp(l - max);
      sum += d;
      if (d <= limit) {
        tail += d;
      }
    }
    return Math.min(1, tail / sum);
  }
}
