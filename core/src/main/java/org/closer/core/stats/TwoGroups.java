package org.closer.core.stats;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.special.Gamma;

/**
 * Two independent groups, a and b, summarised by their {@link Moments}: Welch's t-test, Hedges' g
 * and the two one-sided tests of equivalence. Differences are always a minus b.
 */
public final class TwoGroups {
  private static final double LEVEL = 0.95;
  private static final NormalDistribution NORMAL = new NormalDistribution(null, 0, 1);

  private final Moments a;
  private final Moments b;

  public TwoGroups(Moments a, Moments b) {
    this.a = a;
    this.b = b;
  }

  /**
   * Welch's t-test (R: {@code t.test(a, b)}): the difference of means with its 95% interval, t,
   * the Welch-Satterthwaite degrees of freedom and the two-sided p.
   */
  public record Welch(double difference, double low, double high, double t, double df, double p, double se) {}

  public Welch welch() {
    double va = a.variance() / a.n();
    double vb = b.variance() / b.n();
    double se = Math.sqrt(va + vb);
    double df = (va + vb) * (va + vb) / (va * va / (a.n() - 1) + vb * vb / (b.n() - 1));
    double diff = a.mean() - b.mean();
    double t = diff / se;
    if (!(se > 0) || Double.isNaN(df)) {
      return new Welch(diff, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, se);
    }
    TDistribution dist = new TDistribution(null, df);
    double q = dist.inverseCumulativeProbability(1 - (1 - LEVEL) / 2);
    double p = 2 * dist.cumulativeProbability(-Math.abs(t));
    return new Welch(diff, diff - q * se, diff + q * se, t, df, p, se);
  }

  /** The pooled standard deviation (R: {@code effectsize::sd_pooled(a, b)}). */
  public double pooledSd() {
    double ss = a.sumOfSquares() + b.sumOfSquares();
    return Math.sqrt(ss / (a.n() + b.n() - 2));
  }

  /** Hedges' g with its 95% interval. */
  public record Hedges(double g, double low, double high) {}

  /**
   * Hedges' g as R's {@code effectsize::hedges_g(a, b)} (0.8.3) computes it: Cohen's d with the
   * pooled SD, its interval from the non-central t (the non-centralities that put the observed t at
   * the 97.5% and 2.5% points, times sqrt(1/n_a + 1/n_b)), all times the exact small-sample
   * correction J = Gamma(df/2) / (sqrt(df/2) Gamma((df - 1)/2)), df = n_a + n_b - 2 (Hedges 1981).
   */
  public Hedges hedges() {
    double df = a.n() + b.n() - 2;
    double sd = pooledSd();
    if (df < 2 || !(sd > 0)) {
      return new Hedges(Double.NaN, Double.NaN, Double.NaN);
    }
    double diff = a.mean() - b.mean();
    double hn = 1.0 / a.n() + 1.0 / b.n();
    double d = diff / sd;
    double t = diff / (sd * Math.sqrt(hn));
    double j = Math.exp(Gamma.logGamma(df / 2) - Math.log(Math.sqrt(df / 2)) - Gamma.logGamma((df - 1) / 2));
    double low = NoncentralT.ncp(t, df, 1 - (1 - LEVEL) / 2) * Math.sqrt(hn);
    double high = NoncentralT.ncp(t, df, (1 - LEVEL) / 2) * Math.sqrt(hn);
    return new Hedges(d * j, low * j, high * j);
  }

  /** Equivalence by two one-sided Welch tests against a margin of +/- {@code margin} (raw units). */
  public record Equivalence(double margin, double p, boolean equivalent) {}

  /**
   * TOST (Schuirmann 1987) with Welch's t: p is the larger of the p-values of
   * {@code t.test(a, b, mu = -margin, alternative = "greater")} and
   * {@code t.test(a, b, mu = margin, alternative = "less")}; equivalent when p < 0.05.
   */
  public Equivalence equivalence(double margin) {
    Welch w = welch();
    if (Double.isNaN(w.df()) || !(margin > 0)) {
      return new Equivalence(margin, Double.NaN, false);
    }
    TDistribution dist = new TDistribution(null, w.df());
    double pLower = 1 - dist.cumulativeProbability((w.difference() + margin) / w.se());
    double pUpper = dist.cumulativeProbability((w.difference() - margin) / w.se());
    double p = Math.max(pLower, pUpper);
    return new Equivalence(margin, p, p < 1 - LEVEL);
  }

  /** A two-sided normal quantile for the study's level, shared by the proportion intervals. */
  static double z() {
    return NORMAL.inverseCumulativeProbability(1 - (1 - LEVEL) / 2);
  }
}
