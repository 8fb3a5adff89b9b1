package org.closer.core.stats;

import java.io.Serializable;

/**
 * Count, means and the matrix of summed cross-deviations of a stream of k-vectors: the
 * multivariate form of {@link Moments} (Welford update, Chan et al. merge). A vector with any NaN
 * is skipped (complete cases).
 */
public final class Comoments implements Serializable {
  private static final long serialVersionUID = 1L;

  private final int k;
  private long n;
  private final double[] mean;
  private final double[][] c;

  private Comoments(int k) {
    this.k = k;
    this.mean = new double[k];
    this.c = new double[k][k];
  }

  public static Comoments create(int k) {
    return new Comoments(k);
  }

  public Comoments accept(double[] x) {
    for (double v : x) {
      if (Double.isNaN(v)) {
        return this;
      }
    }
    n++;
    double[] before = new double[k];
    for (int i = 0; i < k; i++) {
      before[i] = x[i] - mean[i];
      mean[i] += before[i] / n;
    }
    for (int i = 0; i < k; i++) {
      double after = x[i] - mean[i];
      for (int j = 0; j < k; j++) {
        c[i][j] += before[j] * after;
      }
    }
    return this;
  }

  public Comoments combine(Comoments other) {
    if (other.n == 0) {
      return this;
    }
    if (n == 0) {
      n = other.n;
      for (int i = 0; i < k; i++) {
        mean[i] = other.mean[i];
        System.arraycopy(other.c[i], 0, c[i], 0, k);
      }
      return this;
    }
    long total = n + other.n;
    double w = (double) n * other.n / total;
    double[] delta = new double[k];
    for (int i = 0; i < k; i++) {
      delta[i] = other.mean[i] - mean[i];
    }
    for (int i = 0; i < k; i++) {
      for (int j = 0; j < k; j++) {
        c[i][j] += other.c[i][j] + delta[i] * delta[j] * w;
      }
      mean[i] += delta[i] * other.n / total;
    }
    n = total;
    return this;
  }

  public int dimension() {
    return k;
  }

  public long n() {
    return n;
  }

  public double mean(int i) {
    return mean[i];
  }

  /** Summed cross-deviations: {@code sum((x_i - mean_i) * (x_j - mean_j))}. */
  public double crossDeviations(int i, int j) {
    return c[i][j];
  }

  /** Sample covariance (n - 1 in the denominator). */
  public double covariance(int i, int j) {
    return n < 2 ? Double.NaN : c[i][j] / (n - 1);
  }
}
