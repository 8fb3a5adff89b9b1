package org.closer.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.distribution.HypergeometricDistribution;
import org.junit.jupiter.api.Test;

class ProportionsTest {
  /** R's fisher.test for a 2x2 table, literally: every term of the support, summed in order. */
  private static double wholeSupport(long xa, long na, long xb, long nb) {
    int total = (int) (na + nb);
    int successes = (int) (xa + xb);
    HypergeometricDistribution h = new HypergeometricDistribution(null, total, successes, (int) na);
    int lo = Math.max(0, successes - (int) nb);
    int hi = Math.min(successes, (int) na);
    double max = Double.NEGATIVE_INFINITY;
    for (int k = lo; k <= hi; k++) {
      max = Math.max(max, h.logProbability(k));
    }
    double limit = Math.exp(h.logProbability((int) xa) - max) * (1 + 1e-7);
    double sum = 0;
    double tail = 0;
    for (int k = lo; k <= hi; k++) {
      double d = Math.exp(h.logProbability(k) - max);
      sum += d;
      tail += d <= limit ? d : 0;
    }
    return Math.min(1, tail / sum);
  }

  @Test
  void fisherOverTheTermsAroundTheModeIsTheWholeSupportsSumBitForBit() {
    long[][] tables = {
      {3, 10, 7, 12}, {0, 5, 5, 5}, {5, 5, 0, 5}, {0, 1, 0, 1}, {1, 1, 1, 1},
      {40_000, 100_000, 41_000, 100_000}, {40_000, 100_000, 40_050, 99_000}, {0, 150_000, 3, 90_000},
      {150_000, 150_000, 89_990, 90_000}, {12, 200_000, 30, 180_000}, {99_000, 100_000, 1_000, 100_000}};
    for (long[] t : tables) {
      double expected = wholeSupport(t[0], t[1], t[2], t[3]);
      double p = Proportions.fisher(t[0], t[1], t[2], t[3]);
      assertEquals(Double.doubleToLongBits(expected), Double.doubleToLongBits(p),
          java.util.Arrays.toString(t) + ": " + expected + " vs " + p);
      assertTrue(p >= 0 && p <= 1);
    }
  }
}
