package org.closer.core.stats;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * closing ~ group + intake by least squares (R: {@code lm(closing ~ group + intake)} with b as the
 * reference level), from each group's {@link Comoments} of (intake, closing). With one common
 * slope, the pooled within-group regression gives it: slope = S_xy / S_xx summed over groups; the
 * adjusted difference is (mean_y_a - mean_y_b) - slope (mean_x_a - mean_x_b); its variance is
 * MSE (1/n_a + 1/n_b + (mean_x_a - mean_x_b)^2 / S_xx) with n - 3 degrees of freedom.
 */
public final class Ancova {
  public record Result(double difference, double low, double high, double p, double slope) {}

  private Ancova() {}

  /**
   * @param a comoments of (intake, closing) in group a
   * @param b the same in group b
   */
  public static Result of(Comoments a, Comoments b) {
    long n = a.n() + b.n();
    double sxx = a.crossDeviations(0, 0) + b.crossDeviations(0, 0);
    double sxy = a.crossDeviations(0, 1) + b.crossDeviations(0, 1);
    double syy = a.crossDeviations(1, 1) + b.crossDeviations(1, 1);
    if (n < 4 || a.n() == 0 || b.n() == 0 || !(sxx > 0)) {
      return new Result(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }
    double slope = sxy / sxx;
    double dx = a.mean(0) - b.mean(0);
    double diff = (a.mean(1) - b.mean(1)) - slope * dx;
    double df = n - 3;
    double mse = (syy - slope * sxy) / df;
    double se = Math.sqrt(mse * (1.0 / a.n() + 1.0 / b.n() + dx * dx / sxx));
    TDistribution t = new TDistribution(null, df);
    double q = t.inverseCumulativeProbability(0.975);
    double p = 2 * t.cumulativeProbability(-Math.abs(diff / se));
    return new Result(diff, diff - q * se, diff + q * se, p, slope);
  }
}
