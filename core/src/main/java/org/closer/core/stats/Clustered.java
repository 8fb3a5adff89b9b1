package org.closer.core.stats;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * Individuals of two groups, clustered in couples: the difference of group means with a
 * cluster-robust standard error, and the within-couple intraclass correlation.
 */
public final class Clustered {
  /**
   * @param se the standard error of mean_a - mean_b from {@code lm(y ~ group)} with R's
   *     {@code sandwich::vcovCL(fit, cluster = ~couple, type = "HC1")}: the sandwich with the
   *     adjustment G/(G - 1) (N - 1)/(N - 2), G couples and N individuals
   * @param p two-sided, from t with N - 2 degrees of freedom (as {@code lmtest::coeftest})
   * @param icc ANOVA estimate of the intraclass correlation of couples within groups,
   *     (MSB - MSW) / (MSB + (k0 - 1) MSW), k0 = (N - sum_g sum_c n_c^2 / N_g) / (G - 2); may be
   *     negative; NaN when no couple has two members
   */
  public record Result(double difference, double se, double p, double icc) {}

  private Clustered() {}

  public static Result of(ClusteredGroup a, ClusteredGroup b) {
    double na = a.n();
    double nb = b.n();
    double n = na + nb;
    long g = a.clusters() + b.clusters();
    double diff = a.mean() - b.mean();
    if (a.clusters() == 0 || b.clusters() == 0 || g < 3) {
      return new Result(diff, Double.NaN, Double.NaN, Double.NaN);
    }
    double meat = a.residualClusterSquares() / (na * na) + b.residualClusterSquares() / (nb * nb);
    double adjust = (double) g / (g - 1) * (n - 1) / (n - 2);
    double se = Math.sqrt(adjust * meat);
    double p = se > 0 ? 2 * new TDistribution(null, n - 2).cumulativeProbability(-Math.abs(diff / se)) : Double.NaN;
    return new Result(diff, se, p, icc(a, b, n, g));
  }

  private static double icc(ClusteredGroup a, ClusteredGroup b, double n, long g) {
    double dfWithin = n - g;
    if (dfWithin < 1 || g < 3) {
      return Double.NaN;
    }
    double msb = (a.betweenSquares() + b.betweenSquares()) / (g - 2);
    double msw = (a.withinSquares() + b.withinSquares()) / dfWithin;
    double k0 = (n - a.sizeSquares() / a.n() - b.sizeSquares() / b.n()) / (g - 2);
    return (msb - msw) / (msb + (k0 - 1) * msw);
  }
}
