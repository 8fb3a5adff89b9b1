package org.closer.core.stats;

import org.apache.commons.math3.analysis.solvers.BrentSolver;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.special.Beta;
import org.apache.commons.math3.special.Gamma;

/**
 * The non-central t distribution, which commons-math3 lacks: its distribution function by Lenth's
 * algorithm AS 243 (Applied Statistics 38, 185-189, 1989), the twin series of Guenther (1978), and
 * the non-centrality that puts a given t at a given quantile, used for confidence intervals of
 * standardised differences (Steiger and Fouladi 1997).
 */
public final class NoncentralT {
  private static final NormalDistribution NORMAL = new NormalDistribution(null, 0, 1);
  private static final double ERROR_MAX = 1e-12;
  private static final int ITERATIONS_MAX = 1000;
  private static final double LN_SQRT_PI = 0.5 * Math.log(Math.PI);
  private static final double SQRT_2_OVER_PI = Math.sqrt(2 / Math.PI);

  private NoncentralT() {}

  /** P(T <= t) for T non-central t with {@code df} degrees of freedom and non-centrality {@code ncp}. */
  public static double cdf(double t, double df, double ncp) {
    if (Double.isInfinite(t)) {
      return t < 0 ? 0 : 1;
    }
    boolean negative = t < 0;
    double tt = negative ? -t : t;
    double del = negative ? -ncp : ncp;
    double lower;
    if (df > 4e5 || del * del > 2 * Math.log(2) * 1021) {
      // Abramowitz and Stegun 26.7.10: a normal approximation for huge df or non-centrality.
      double s = 1 / (4 * df);
      lower = NORMAL.cumulativeProbability((tt * (1 - s) - del) / Math.sqrt(1 + tt * tt * 2 * s));
    } else {
      lower = series(tt, df, del) + NORMAL.cumulativeProbability(-del);
    }
    return negative ? 1 - lower : Math.min(lower, 1);
  }

  /** The sum over Poisson-weighted incomplete beta functions for t > 0 (AS 243). */
  private static double series(double t, double df, double del) {
    double x = t * t / (t * t + df);
    if (x <= 0) {
      return 0;
    }
    double lambda = del * del;
    double p = 0.5 * Math.exp(-0.5 * lambda);
    if (p == 0) {
      return 0;
    }
    double q = SQRT_2_OVER_PI * p * del;
    double s = 0.5 - p;
    double a = 0.5;
    double b = 0.5 * df;
    double rxb = Math.pow(1 - x, b);
    double logBeta = LN_SQRT_PI + Gamma.logGamma(b) - Gamma.logGamma(0.5 + b);
    double xOdd = Beta.regularizedBeta(x, a, b);
    double gOdd = 2 * rxb * Math.exp(a * Math.log(x) - logBeta);
    double bx = b * x;
    double xEven = bx < Math.ulp(1.0) ? bx : 1 - rxb;
    double gEven = bx * rxb;
    double sum = p * xOdd + q * xEven;
    for (int it = 1; it <= ITERATIONS_MAX; it++) {
      a += 1;
      xOdd -= gOdd;
      xEven -= gEven;
      gOdd *= x * (a + b - 1) / a;
      gEven *= x * (a + b - 0.5) / (a + 0.5);
      p *= lambda / (2 * it);
      q *= lambda / (2 * it + 1);
      sum += p * xOdd + q * xEven;
      s -= p;
      if (s <= 0 || 2 * s * (xOdd - gOdd) < ERROR_MAX) {
        break;
      }
    }
    return sum;
  }

  /**
   * The non-centrality {@code ncp} with {@code cdf(t, df, ncp) == probability}; the cdf falls as
   * ncp grows, so the root is unique.
   */
  public static double ncp(double t, double df, double probability) {
    double low = t - 1;
    double high = t + 1;
    while (cdf(t, df, low) < probability) {
      low -= 2 * (high - low);
    }
    while (cdf(t, df, high) > probability) {
      high += 2 * (high - low);
    }
    return new BrentSolver(1e-14, 1e-13).solve(10_000, ncp -> cdf(t, df, ncp) - probability, low, high);
  }
}
