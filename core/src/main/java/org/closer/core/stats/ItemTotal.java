package org.closer.core.stats;

import java.io.Serializable;

/**
 * Count, means and summed deviations of k items and of their total, over complete cases: each
 * item's squares, each item's cross-deviations with the total, and the total's squares. That is
 * all Cronbach's alpha and the item-rest correlations need (an item's row of the covariance
 * matrix sums to its covariance with the total), in O(k) per case instead of the O(k^2) of the
 * full matrix ({@link Comoments}). Welford's update and Chan et al.'s merge, as {@link Moments}.
 */
public final class ItemTotal implements Serializable {
  private static final long serialVersionUID = 1L;

  private final int k;
  private long n;
  private final double[] mean;
  private final double[] squares;
  private final double[] withTotal;
  private double totalMean;
  private double totalSquares;
  /** Scratch for one case's deviations from the means before the update; not state. */
  private transient double[] before;

  private ItemTotal(int k) {
    this.k = k;
    this.mean = new double[k];
    this.squares = new double[k];
    this.withTotal = new double[k];
  }

  public static ItemTotal create(int k) {
    return new ItemTotal(k);
  }

  /** Adds one case; a case with any NaN item is skipped. */
  public ItemTotal accept(double[] x) {
    double total = 0;
    for (double v : x) {
      if (Double.isNaN(v)) {
        return this;
      }
      total += v;
    }
    if (before == null) {
      before = new double[k];
    }
    n++;
    for (int i = 0; i < k; i++) {
      before[i] = x[i] - mean[i];
      mean[i] += before[i] / n;
    }
    double totalBefore = total - totalMean;
    totalMean += totalBefore / n;
    double totalAfter = total - totalMean;
    totalSquares += totalBefore * totalAfter;
    for (int i = 0; i < k; i++) {
      squares[i] += before[i] * (x[i] - mean[i]);
      withTotal[i] += before[i] * totalAfter;
    }
    return this;
  }

  public ItemTotal combine(ItemTotal other) {
    if (other.n == 0) {
      return this;
    }
    if (n == 0) {
      n = other.n;
      System.arraycopy(other.mean, 0, mean, 0, k);
      System.arraycopy(other.squares, 0, squares, 0, k);
      System.arraycopy(other.withTotal, 0, withTotal, 0, k);
      totalMean = other.totalMean;
      totalSquares = other.totalSquares;
      return this;
    }
    long all = n + other.n;
    double w = (double) n * other.n / all;
    double totalDelta = other.totalMean - totalMean;
    for (int i = 0; i < k; i++) {
      double delta = other.mean[i] - mean[i];
      squares[i] += other.squares[i] + delta * delta * w;
      withTotal[i] += other.withTotal[i] + delta * totalDelta * w;
      mean[i] += delta * other.n / all;
    }
    totalSquares += other.totalSquares + totalDelta * totalDelta * w;
    totalMean += totalDelta * other.n / all;
    n = all;
    return this;
  }

  public int dimension() {
    return k;
  }

  public long n() {
    return n;
  }

  /** Sample variance of item i (n - 1 in the denominator). */
  public double variance(int i) {
    return n < 2 ? Double.NaN : squares[i] / (n - 1);
  }

  /** Sample covariance of item i with the total of all k items. */
  public double covarianceWithTotal(int i) {
    return n < 2 ? Double.NaN : withTotal[i] / (n - 1);
  }

  /** Sample variance of the total of all k items. */
  public double totalVariance() {
    return n < 2 ? Double.NaN : totalSquares / (n - 1);
  }
}
