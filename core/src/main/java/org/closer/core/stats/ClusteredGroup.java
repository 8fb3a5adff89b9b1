package org.closer.core.stats;

import java.io.Serializable;

/**
 * One group of individuals clustered in couples, summarised cluster by cluster: each couple gives
 * its size n_c, the sum S_c of its members' values and the sum of squares of its members about
 * their own mean. Enough for the group's mean, the cluster-robust variance of a difference of group
 * means, and the one-way ANOVA of couples within groups, without keeping a row.
 */
public final class ClusteredGroup implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Over couples: (S_c, n_c), for the residual sums sum(S_c - n_c mean). */
  private final Comoments sums;
  /** Over couples: (S_c / sqrt(n_c), sqrt(n_c)), for the between-couple sum of squares. */
  private final Comoments scaled;
  private double within;
  private double sizeSquares;

  private ClusteredGroup(Comoments sums, Comoments scaled, double within, double sizeSquares) {
    this.sums = sums;
    this.scaled = scaled;
    this.within = within;
    this.sizeSquares = sizeSquares;
  }

  public static ClusteredGroup create() {
    return new ClusteredGroup(Comoments.create(2), Comoments.create(2), 0, 0);
  }

  public ClusteredGroup accept(long size, double sum, double withinSumOfSquares) {
    sums.accept(new double[] {sum, size});
    double root = Math.sqrt(size);
    scaled.accept(new double[] {sum / root, root});
    within += withinSumOfSquares;
    sizeSquares += (double) size * size;
    return this;
  }

  public ClusteredGroup combine(ClusteredGroup other) {
    sums.combine(other.sums);
    scaled.combine(other.scaled);
    within += other.within;
    sizeSquares += other.sizeSquares;
    return this;
  }

  public long clusters() {
    return sums.n();
  }

  public double n() {
    return sums.n() * sums.mean(1);
  }

  public double mean() {
    return sums.mean(0) / sums.mean(1);
  }

  /** sum over couples of (S_c - n_c mean)^2: the meat of the cluster-robust variance. */
  double residualClusterSquares() {
    double mu = mean();
    return sums.crossDeviations(0, 0) - 2 * mu * sums.crossDeviations(0, 1) + mu * mu * sums.crossDeviations(1, 1);
  }

  /** sum over couples of n_c (mean_c - mean)^2. */
  double betweenSquares() {
    double mu = mean();
    double centred = scaled.mean(0) - mu * scaled.mean(1);
    return scaled.crossDeviations(0, 0) - 2 * mu * scaled.crossDeviations(0, 1)
        + mu * mu * scaled.crossDeviations(1, 1) + scaled.n() * centred * centred;
  }

  double withinSquares() {
    return within;
  }

  double sizeSquares() {
    return sizeSquares;
  }
}
