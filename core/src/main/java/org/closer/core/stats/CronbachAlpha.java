package org.closer.core.stats;

import org.apache.commons.math3.distribution.FDistribution;

/**
 * Cronbach's alpha of k items from their variances and their total's (complete cases), with
 * Feldt's (1965) 95% interval, 1 - (1 - alpha) F(0.975 or 0.025; n - 1, (n - 1)(k - 1)), as R's
 * {@code psych::alpha.ci}; and each item's corrected item-total correlation, the correlation of
 * the item with the sum of the other items ({@code r.drop} in {@code psych::alpha}).
 */
public final class CronbachAlpha {
  public record Result(long n, double alpha, double low, double high, double[] itemRest) {}

  private CronbachAlpha() {}

  public static Result of(ItemTotal items) {
    int k = items.dimension();
    long n = items.n();
    double[] rest = new double[k];
    if (n < 3 || k < 2) {
      java.util.Arrays.fill(rest, Double.NaN);
      return new Result(n, Double.NaN, Double.NaN, Double.NaN, rest);
    }
    double total = items.totalVariance();
    double diagonal = 0;
    for (int i = 0; i < k; i++) {
      diagonal += items.variance(i);
    }
    double alpha = k / (k - 1.0) * (1 - diagonal / total);
    for (int i = 0; i < k; i++) {
      double covRest = items.covarianceWithTotal(i) - items.variance(i);
      double varRest = total - 2 * items.covarianceWithTotal(i) + items.variance(i);
      rest[i] = covRest / Math.sqrt(items.variance(i) * varRest);
    }
    FDistribution f = new FDistribution(null, n - 1, (n - 1) * (k - 1.0));
    double low = 1 - (1 - alpha) * f.inverseCumulativeProbability(0.975);
    double high = 1 - (1 - alpha) * f.inverseCumulativeProbability(0.025);
    return new Result(n, alpha, low, high, rest);
  }
}
