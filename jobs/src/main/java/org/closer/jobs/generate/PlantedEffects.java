package org.closer.jobs.generate;

import org.apache.commons.math3.analysis.integration.gauss.GaussIntegrator;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegratorFactory;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * The population value of what the generator plants, computed exactly from its model rather than
 * from a sample: Hedges' g of the TLS-45 intimacy change between two methods, individual level.
 *
 * <p>A partner's intake level is L ~ N(5.4, 0.7^2 + 0.7^2) and the closing level L + G with
 * G ~ N(gain(method), 0.5^2). Each of the 15 items is round(clip(level + e)), e ~ N(0, 0.9^2), so
 * given the level an item's mean m(level) and variance v(level) follow from normal probabilities of
 * the rounding bins. The subscale score is the mean of the n answered items (n >= 12 of 15, each
 * missing with probability 0.02). Then E[change] = E[m(L + G) - m(L)] and
 * Var[change] = Var[m(L + G) - m(L)] + E[1/n] (E[v(L + G)] + E[v(L)]), integrated over (L, G) by
 * Gauss-Hermite quadrature.
 */
public final class PlantedEffects {
  private static final int NODES = 64;
  private static final NormalDistribution NORMAL = new NormalDistribution(null, 0, 1);
  private static final double LEVEL_SD =
      Math.hypot(CoupleSimulator.INTIMACY_COUPLE_SD, CoupleSimulator.INTIMACY_PARTNER_SD);

  private PlantedEffects() {}

  /** Mean and variance of one partner's intimacy change under a method. */
  public record Change(double mean, double variance) {}

  public static Change intimacyChange(String method) {
    double gain = CoupleSimulator.intimacyGain(method);
    GaussIntegrator rule = new GaussIntegratorFactory().hermite(NODES);
    double[] x = new double[NODES];
    double[] w = new double[NODES];
    for (int i = 0; i < NODES; i++) {
      x[i] = rule.getPoint(i);
      w[i] = rule.getWeight(i);
    }
    double sum = 0;
    double sumSquares = 0;
    double itemVariance = 0;
    double weight = 0;
    for (int i = 0; i < NODES; i++) {
      double level = CoupleSimulator.INTIMACY_MEAN + Math.sqrt(2) * LEVEL_SD * x[i];
      double[] before = item(level);
      for (int j = 0; j < NODES; j++) {
        double closing = level + gain + Math.sqrt(2) * CoupleSimulator.INTIMACY_GAIN_SD * x[j];
        double[] after = item(closing);
        double wij = w[i] * w[j];
        double d = after[0] - before[0];
        sum += wij * d;
        sumSquares += wij * d * d;
        itemVariance += wij * (after[1] + before[1]);
        weight += wij;
      }
    }
    double mean = sum / weight;
    double variance = sumSquares / weight - mean * mean + inverseAnswered() * itemVariance / weight;
    return new Change(mean, variance);
  }

  /**
   * Population Hedges' g of method a minus method b, pooling the variances with the groups' sizes
   * as the comparison does.
   */
  public static double intimacyG(String methodA, String methodB, long nA, long nB) {
    Change a = intimacyChange(methodA);
    Change b = intimacyChange(methodB);
    double pooled = ((nA - 1) * a.variance() + (nB - 1) * b.variance()) / (nA + nB - 2);
    return (a.mean() - b.mean()) / Math.sqrt(pooled);
  }

  /** Mean and variance of round(clip(level + e)) on the 1-9 scale. */
  private static double[] item(double level) {
    double mean = 0;
    double squares = 0;
    for (int k = 1; k <= 9; k++) {
      double low = k == 1 ? 0 : NORMAL.cumulativeProbability((k - 0.5 - level) / CoupleSimulator.ITEM_NOISE_SD);
      double high = k == 9 ? 1 : NORMAL.cumulativeProbability((k + 0.5 - level) / CoupleSimulator.ITEM_NOISE_SD);
      double p = high - low;
      mean += k * p;
      squares += k * k * p;
    }
    return new double[] {mean, squares - mean * mean};
  }

  /** E[1/n] for n answered items of 15, given that the subscale is scored (n >= 12). */
  private static double inverseAnswered() {
    double total = 0;
    double inverse = 0;
    for (int n = 12; n <= 15; n++) {
      double p = binomial(15, n) * Math.pow(1 - CoupleSimulator.MISSING, n) * Math.pow(CoupleSimulator.MISSING, 15 - n);
      total += p;
      inverse += p / n;
    }
    return inverse / total;
  }

  private static double binomial(int n, int k) {
    double c = 1;
    for (int i = 1; i <= k; i++) {
      c = c * (n - k + i) / i;
    }
    return c;
  }
}
