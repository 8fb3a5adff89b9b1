package org.closer.core.stats;

import java.io.Serializable;

/**
 * Count, mean and sum of squared deviations of a stream of values: Welford's update for one value
 * and Chan, Golub and LeVeque's (1979) formula to combine two partial results, so that Spark
 * partitions can be summarised apart and merged. NaN values are skipped.
 */
public final class Moments implements Serializable {
  private static final long serialVersionUID = 1L;

  private long n;
  private double mean;
  private double m2;

  public static Moments create() {
    return new Moments();
  }

  public static Moments of(double... values) {
    Moments m = new Moments();
    for (double v : values) {
      m.accept(v);
    }
    return m;
  }

  /** From already known statistics: n, mean and sample variance. */
  public static Moments of(long n, double mean, double variance) {
    Moments m = new Moments();
    m.n = n;
    m.mean = mean;
    m.m2 = n > 1 ? variance * (n - 1) : 0;
    return m;
  }

  public Moments accept(double x) {
    if (Double.isNaN(x)) {
      return this;
    }
    n++;
    double delta = x - mean;
    mean += delta / n;
    m2 += delta * (x - mean);
    return this;
  }

  public Moments combine(Moments other) {
    if (other.n == 0) {
      return this;
    }
    if (n == 0) {
      n = other.n;
      mean = other.mean;
      m2 = other.m2;
      return this;
    }
    long total = n + other.n;
    double delta = other.mean - mean;
    mean += delta * other.n / total;
    m2 += other.m2 + delta * delta * ((double) n * other.n / total);
    n = total;
    return this;
  }

  public long n() {
    return n;
  }

  public double mean() {
    return n == 0 ? Double.NaN : mean;
  }

  /** Sample variance (n - 1 in the denominator); NaN below two values. */
  public double variance() {
    return n < 2 ? Double.NaN : m2 / (n - 1);
  }

  public double sd() {
    return Math.sqrt(variance());
  }

  /** Sum of squared deviations from the mean. */
  public double sumOfSquares() {
    return m2;
  }
}
