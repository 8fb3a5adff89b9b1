package org.closer.core.stats;

/**
 * The least-squares slope of y on x and its standard error (R: {@code lm(y ~ x)}) from n, the
 * sample variances of x and y and their covariance: slope = cov / var_x, residual variance
 * (n - 1)(var_y - cov^2 / var_x) / (n - 2), SE = sqrt(residual variance / ((n - 1) var_x)).
 */
public record Slope(long n, double slope, double se) {

  public static Slope of(long n, double varX, double varY, double cov) {
    if (n < 2 || !(varX > 0)) {
      return new Slope(n, Double.NaN, Double.NaN);
    }
    double slope = cov / varX;
    if (n < 3) {
      return new Slope(n, slope, Double.NaN);
    }
    double residual = Math.max(0, (n - 1) * (varY - cov * cov / varX)) / (n - 2);
    return new Slope(n, slope, Math.sqrt(residual / ((n - 1) * varX)));
  }

  public static Slope of(Comoments xy) {
    return of(xy.n(), xy.covariance(0, 0), xy.covariance(1, 1), xy.covariance(0, 1));
  }
}
